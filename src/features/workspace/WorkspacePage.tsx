import { useMemo } from 'react';
import { findMeasure, querySliceForView } from '../../data';
import { lookupTable, ownValue } from '../../lib/lookupTable';
import { colorsByOrder } from '../../charts/palette';
import { DEFAULT_VIEW_STATE, TAB_LABELS, writeViewState, type Tab } from '../../views';
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

/** The analyst's workspace: filters, selections, and one tab per way of comparing the markets. */
export function WorkspacePage({ presentation = false }: { presentation?: boolean } = {}) {
  const { state, update, model, datasets, catalog, view, options, notices, dismissNotices } = useWorkspaceView();
  const colorFor = useMemo(
    () => colorsByOrder(ownValue(catalog.data?.members, model.dimensions[0]!.id) ?? []),
    [catalog.data, model],
  );

  if (catalog.isError) {
    const bundled = datasets[0];
    return (
      <>
        <ErrorMessage
          title={`The dataset “${model.label}” could not be loaded`}
          error={catalog.error}
          onRetry={() => void catalog.refetch()}
        />
        {/* A dataset that cannot load (a ClickHouse shard down, say) must not hide the others. */}
        {presentation || !bundled || bundled.id === state.dataset ? null : (
          <button
            type="button"
            className="button"
            onClick={() => writeViewState({ ...DEFAULT_VIEW_STATE, dataset: bundled.id, theme: state.theme })}
            data-testid="open-bundled"
          >
            Show {bundled.model.label} meanwhile
          </button>
        )}
      </>
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

  const onSelectIn = (tab: Tab) => (dimensionId: string, member: string, additive: boolean) =>
    update({ selections: toggleSelection(options.selections, tab, dimensionId, member, additive) });
  const propsFor = (tab: Tab): ViewProps => ({
    model,
    view: querySliceForView(view, options.selections, tab),
    filters: view.filters,
    options,
    measure,
    catalog: catalog.data,
    update,
    selected: options.selections[tab] ?? lookupTable(),
    onSelect: onSelectIn(tab),
    viewOf: (other) => querySliceForView(view, options.selections, other),
    onSelectIn,
    colorFor,
  });

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
      <section className="tab-panel" aria-label={TAB_LABELS[options.tab]} data-testid={`view-${options.tab}`}>
        <ActiveView {...propsFor(options.tab)} tab={options.tab} />
      </section>
    </>
  );
}
