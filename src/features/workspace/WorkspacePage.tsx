import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  createPrefetchScheduler,
  findMeasure,
  querySliceForView,
  resolveQuerySlice,
  type DatasetCatalog,
  type DatasetModel,
  type QuerySlice,
  type ResolvedOptions,
} from '../../data';
import { lookupTable, ownValue } from '../../lib/lookupTable';
import { colorsByOrder } from '../../charts/palette';
import { DEFAULT_VIEW_STATE, onViewStateChange, tabLabel, writeViewState, type Tab, type ViewState } from '../../views';
import { useT } from '../../i18n';
import { messages } from './messages';
import { ActiveView, loadViewComponent, type ViewProps } from '../../views/components';
import { discoverQueries, PrefetchIntentProvider, type IntendChange } from './prefetchIntent';
import { ErrorMessage, Skeleton } from '../../ui/Panel';
import { Notices } from '../../ui/Notices';
import { FilterBar } from './FilterBar';
import { SelectionChips } from './SelectionChips';
import { toggleSelection } from './selection';
import { StoryLinks } from './StoryLinks';
import { ViewNav } from './ViewNav';
import { useWorkspaceView } from './useWorkspaceView';
import { PinButton } from './PinButton';
import { ViewCubeStatus } from './ViewCubeStatus';
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
  const settledProps = useMemo(
    () => (settled?.catalog ? viewPropsFor(settled.view, settled.options, settled.model, settled.catalog, update, colorFor, latestSelections) : null),
    [settled, update, colorFor],
  );
  const intend = useChangePrefetch(state, model, catalog.data, colorFor);
  const tr = useT();

  if (catalog.isError) {
    const bundled = datasets[0];
    return (
      <>
        <ErrorMessage
          title={tr(messages.datasetFailed, { dataset: model.label })}
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
            {tr(messages.showMeanwhile, { dataset: bundled.model.label })}
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
        {presentation ? null : <Skeleton height={64} label={tr(messages.loadingFilters)} />}
        <Skeleton height={108} label={tr(messages.loadingKpis)} />
        <div className="panel-grid">
          <Skeleton height={360} label={tr(messages.loadingTrend)} />
          <Skeleton height={360} label={tr(messages.loadingCountries)} />
        </div>
      </>
    );
  }

  return (
    <PrefetchIntentProvider intend={intend}>
      <Notices notices={notices} onDismiss={dismissNotices} />
      {presentation ? null : (
        <>
          <StoryLinks theme={state.theme} onSelect={writeViewState} />
          <FilterBar datasets={datasets} model={model} catalog={catalog.data} view={view} filters={state.filters} compare={state.compare} update={update} />
          <SelectionChips model={model} view={view} options={options} update={update} />
          <ViewCubeStatus entry={datasets.find((entry) => entry.id === view.datasetId)} />
          <div className="view-nav-row">
            <ViewNav state={state} onSelect={(tab) => update({ tab })} />
            <PinButton title={pinTitle(tabLabel(options.tab), measure.label, model.provenance === 'uploaded' ? model.label : null)} />
          </div>
        </>
      )}
      {settledProps ? (
        <section
          className={`tab-panel${updating ? ' view-updating' : ''}`}
          // Not the tab's bare name: a view's own panel may carry it (Leaderboard), and two regions may not share one.
          aria-label={tr(messages.viewRegion, { tab: tabLabel(settledProps.tab) })}
          aria-busy={updating}
          data-testid={`view-${settledProps.tab}`}
        >
          <SettledView {...settledProps} />
        </section>
      ) : (
        <Skeleton height={360} label={tr(messages.loadingView)} />
      )}
    </PrefetchIntentProvider>
  );
}

/** A pinned panel's title: the view, its measure, and an uploaded dataset's name. */
function pinTitle(view: string, measure: string, uploaded: string | null): string {
  return `${view}: ${measure}${uploaded === null ? '' : ` (${uploaded})`}`;
}

/** The props of the view of `slice` and `resolved` (the settled state, or a state a control would lead to). */
function viewPropsFor(
  slice: QuerySlice,
  resolved: ResolvedOptions,
  model: DatasetModel,
  catalog: DatasetCatalog,
  update: ViewProps['update'],
  colorFor: ViewProps['colorFor'],
  latestSelections: { current: ResolvedOptions['selections'] | undefined },
): (ViewProps & { tab: Tab }) | null {
  const measure = findMeasure(model, slice.measureId);
  if (!measure) return null;
  const onSelectIn = (tab: Tab) => (dimensionId: string, member: string, additive: boolean) =>
    update({ selections: toggleSelection(latestSelections.current ?? resolved.selections, tab, dimensionId, member, additive) });
  return {
    tab: resolved.tab,
    model,
    view: querySliceForView(slice, resolved.selections, resolved.tab),
    filters: slice.filters,
    options: resolved,
    measure,
    catalog,
    update,
    selected: resolved.selections[resolved.tab] ?? lookupTable(),
    onSelect: onSelectIn(resolved.tab),
    viewOf: (other) => querySliceForView(slice, resolved.selections, other),
    onSelectIn,
    colorFor,
  };
}

const ignoreUpdate = () => {};

/**
 * Fetching ahead for the workspace's controls: a change is resolved against the dataset like the link it writes,
 * its view rendered out of the page to name its queries, and those fetched in idle time (see prefetchScheduler.ts).
 * A real change drops whatever was being fetched ahead.
 */
function useChangePrefetch(state: ViewState, model: DatasetModel, catalog: DatasetCatalog | undefined, colorFor: ViewProps['colorFor']): IntendChange {
  const client = useQueryClient();
  const scheduler = useMemo(
    () => createPrefetchScheduler({ client, isEngineLive: () => document.documentElement.dataset.live === 'true' }),
    [client],
  );
  useEffect(() => onViewStateChange(() => scheduler.realChange()), [scheduler]);
  const latest = useRef({ state, model, catalog, colorFor });
  latest.current = { state, model, catalog, colorFor };
  return useCallback(
    (change: Partial<ViewState>) =>
      scheduler.intend(async () => {
        const { state: now, model: shownModel, catalog: shownCatalog, colorFor: colors } = latest.current;
        const target: ViewState = { ...now, ...change };
        // Another dataset has another catalog: not known before it is opened.
        if (!shownCatalog || target.dataset !== now.dataset) return [];
        const resolved = resolveQuerySlice(target, shownModel, shownCatalog);
        const props = viewPropsFor(resolved.view, resolved.options, shownModel, shownCatalog, ignoreUpdate, colors, { current: undefined });
        const View = props ? await loadViewComponent(props.tab) : null;
        return View && props ? discoverQueries(View, props) : [];
      }),
    [scheduler],
  );
}
