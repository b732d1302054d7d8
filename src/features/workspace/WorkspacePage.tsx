import { memo, useDeferredValue, useMemo, useRef } from 'react';
import { findMeasure, querySliceForView } from '../../data';
import { lookupTable, ownValue } from '../../lib/lookupTable';
import { colorsByOrder } from '../../charts/palette';
import { TAB_LABELS, writeViewState, type Tab } from '../../views';
import { ActiveView, type ViewProps } from '../../views/components';
import { ErrorMessage, Skeleton } from '../../ui/Panel';
import { Notices } from '../../ui/Notices';
import { FilterBar } from './FilterBar';
import { SelectionChips } from './SelectionChips';
import { toggleSelection } from './selection';
import { StoryLinks } from './StoryLinks';
import { ViewNav } from './ViewNav';
import { useWorkspaceView } from './useWorkspaceView';
import { PinButton } from './PinButton';
import '../../ui/updating.css';

/** Re-rendered only when the settled view changes: the controls' urgent render leaves the charts as they are. */
const SettledView = memo(ActiveView);

/**
 * The analyst's workspace: filters, selections, and one tab per way of comparing the markets.
 *
 * Feedback first: a change repaints the controls and marks the view as updating in the frame after the input (an
 * urgent render that leaves the charts alone); the view itself is rendered with the new settings in a transition
 * (React's deferred value), keeping the previous figures on screen, faded, until the new ones are in.
 */
export function WorkspacePage({ presentation = false }: { presentation?: boolean } = {}) {
  const { state, update, model, datasets, catalog, view, options, notices, dismissNotices } = useWorkspaceView();
  const colorFor = useMemo(
    () => colorsByOrder(ownValue(catalog.data?.members, model.dimensions[0]!.id) ?? []),
    [catalog.data, model],
  );
  const current = useMemo(() => (view && options ? { view, options, model, catalog: catalog.data } : null), [view, options, model, catalog.data]);
  const deferred = useDeferredValue(current);
  // The first view is drawn at once: only a change waits for its transition.
  const settled = deferred ?? current;
  const updating = current !== settled;
  // Handlers read the newest selections, whichever render drew the control that calls them.
  const latestSelections = useRef(options?.selections);
  latestSelections.current = options?.selections;
  const settledProps = useMemo((): (ViewProps & { tab: Tab }) | null => {
    if (!settled?.catalog) return null;
    const { view: slice, options: resolved, model: settledModel, catalog: settledCatalog } = settled;
    const measure = findMeasure(settledModel, slice.measureId);
    if (!measure) return null;
    const onSelectIn = (tab: Tab) => (dimensionId: string, member: string, additive: boolean) =>
      update({ selections: toggleSelection(latestSelections.current ?? resolved.selections, tab, dimensionId, member, additive) });
    return {
      tab: resolved.tab,
      model: settledModel,
      view: querySliceForView(slice, resolved.selections, resolved.tab),
      filters: slice.filters,
      options: resolved,
      measure,
      catalog: settledCatalog,
      update,
      selected: resolved.selections[resolved.tab] ?? lookupTable(),
      onSelect: onSelectIn(resolved.tab),
      viewOf: (other) => querySliceForView(slice, resolved.selections, other),
      onSelectIn,
      colorFor,
    };
  }, [settled, update, colorFor]);

  if (catalog.isError) {
    return (
      <ErrorMessage
        title={`The dataset “${model.label}” could not be loaded`}
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
      />
    );
  }

  const measure = view ? findMeasure(model, view.measureId) : undefined;
  if (!catalog.data || !view || !options || !measure) {
    return (
      <>
        <Notices notices={notices} onDismiss={dismissNotices} />
        {presentation ? null : <StoryLinks theme={state.theme} onSelect={writeViewState} />}
        {presentation ? null : <Skeleton height={64} label="Loading filters" />}
        <Skeleton height={108} label="Loading key figures" />
        <div className="panel-grid">
          <Skeleton height={360} label="Loading the trend chart" />
          <Skeleton height={360} label="Loading the country chart" />
        </div>
      </>
    );
  }

  return (
    <>
      <Notices notices={notices} onDismiss={dismissNotices} />
      {presentation ? null : (
        <>
          <StoryLinks theme={state.theme} onSelect={writeViewState} />
          <FilterBar datasets={datasets} model={model} catalog={catalog.data} view={view} filters={state.filters} compare={state.compare} update={update} />
          <SelectionChips model={model} view={view} options={options} update={update} />
          <div className="view-nav-row">
            <ViewNav state={state} onSelect={(tab) => update({ tab })} />
            <PinButton title={`${TAB_LABELS[options.tab]}: ${measure.label}${model.provenance === 'uploaded' ? ` (${model.label})` : ''}`} />
          </div>
        </>
      )}
      {settledProps ? (
        <section
          className={`tab-panel${updating ? ' view-updating' : ''}`}
          aria-label={TAB_LABELS[settledProps.tab]}
          aria-busy={updating}
          data-testid={`view-${settledProps.tab}`}
        >
          <SettledView {...settledProps} />
        </section>
      ) : (
        <Skeleton height={360} label="Loading the view" />
      )}
    </>
  );
}
