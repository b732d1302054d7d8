import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import { findMeasure, viewForTab } from '../../data';
import { lookupTable, ownValue } from '../../lib/lookupTable';
import { colorsByOrder } from '../../charts/palette';
import { writeViewState } from '../../state/useViewState';
import type { Tab as TabId } from '../../state/viewState';
import { ErrorMessage, Skeleton } from '../../ui/Panel';
import { Notices } from '../../ui/Notices';
import { CountryPanel } from './CountryPanel';
import { FilterBar } from './FilterBar';
import { KpiCards } from './KpiCards';
import { PublishedFiguresPanel } from './PublishedFiguresPanel';
import { SelectionChips } from './SelectionChips';
import { toggleSelection } from './selection';
import { StoryLinks } from './StoryLinks';
import { TAB_LABELS } from './tabs';
import { ViewNav } from './ViewNav';
import { TrendPanel } from './TrendPanel';
import { useDashboardView } from './useDashboardView';
import { PinButton } from './PinButton';
import type { ViewProps } from './views/viewProps';

// Each view beyond the overview loads when it is first opened: the first screen needs none of their code.
const VIEWS: Record<Exclude<TabId, 'overview'>, React.LazyExoticComponent<(props: ViewProps) => React.ReactNode>> = {
  trend: lazy(() => import('./views/TrendView').then((module) => ({ default: module.TrendView }))),
  countries: lazy(() => import('./views/CountriesView').then((module) => ({ default: module.CountriesView }))),
  map: lazy(() => import('./views/MapView').then((module) => ({ default: module.MapView }))),
  matrix: lazy(() => import('./views/MatrixView').then((module) => ({ default: module.MatrixView }))),
  leaderboard: lazy(() => import('./views/LeaderboardView').then((module) => ({ default: module.LeaderboardView }))),
  conversion: lazy(() => import('./views/ConversionView').then((module) => ({ default: module.ConversionView }))),
};

function ActiveView({ tab, ...props }: ViewProps & { tab: Exclude<TabId, 'overview'> }) {
  const View = VIEWS[tab];
  return (
    <Suspense fallback={<Skeleton height={420} label={`Loading the ${TAB_LABELS[tab]} view`} />}>
      <View {...props} />
    </Suspense>
  );
}

/** The analyst's workspace: filters, selections, and one tab per way of comparing the markets. */
export function WorkspacePage({ presentation = false }: { presentation?: boolean } = {}) {
  const { state, update, model, datasets, catalog, view, options, notices, dismissNotices } = useDashboardView();
  // The overview's second chart and the published figures are drawn in a render of their own, just after the
  // first: the first chart reaches the screen a frame sooner and nothing waits on them.
  const showSecondary = useDeferredValue(true, false);
  const colorFor = useMemo(
    () => colorsByOrder(ownValue(catalog.data?.members, model.dimensions[0]!.id) ?? []),
    [catalog.data, model],
  );

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

  const onSelectIn = (tab: TabId) => (dimensionId: string, member: string, additive: boolean) =>
    update({ selections: toggleSelection(options.selections, tab, dimensionId, member, additive) });
  const propsFor = (tab: TabId): ViewProps => ({
    model,
    view: viewForTab(view, options.selections, tab),
    options,
    measure,
    catalog: catalog.data,
    update,
    selected: options.selections[tab] ?? lookupTable(),
    onSelect: onSelectIn(tab),
    colorFor,
  });
  const first = model.dimensions[0]!;
  // A dataset with one dimension ranks that one: the overview still has something to show.
  const country = model.dimensions.find((dimension) => dimension.display === 'country') ?? model.dimensions[1] ?? first;

  return (
    <>
      <Notices notices={notices} onDismiss={dismissNotices} />
      {presentation ? null : (
        <>
          <StoryLinks theme={state.theme} onSelect={writeViewState} />
          <FilterBar datasets={datasets} model={model} catalog={catalog.data} view={view} filters={state.filters} update={update} />
          <SelectionChips model={model} view={view} options={options} update={update} />
          <div className="view-nav-row">
            <ViewNav state={state} onSelect={(tab) => update({ tab })} />
            <PinButton title={`${TAB_LABELS[options.tab]}: ${measure.label}${model.provenance === 'uploaded' ? ` (${model.label})` : ''}`} />
          </div>
        </>
      )}
      <section className="tab-panel" aria-label={TAB_LABELS[options.tab]} data-testid={`view-${options.tab}`}>
        {options.tab === 'overview' ? (
          <>
            <KpiCards
              view={viewForTab(view, options.selections, 'overview')}
              measure={measure}
              leaderLabel={first.label}
              datasetLabel={model.label}
              synthetic={model.provenance === 'synthetic'}
            />
            <div className="panel-grid">
              <TrendPanel
                model={model}
                view={viewForTab(view, options.selections, 'trend')}
                measure={measure}
                colorFor={colorFor}
                selected={ownValue(options.selections.trend, first.id) ?? []}
                onSelect={onSelectIn('trend')}
              />
              {showSecondary ? (
                <>
                  <CountryPanel
                    model={model}
                    view={viewForTab(view, options.selections, 'countries')}
                    measure={measure}
                    selected={ownValue(options.selections.countries, country.id) ?? []}
                    onSelect={onSelectIn('countries')}
                  />
                  <PublishedFiguresPanel />
                </>
              ) : (
                <Skeleton height={360} label="Loading the country chart" />
              )}
            </div>
          </>
        ) : (
          <ActiveView {...propsFor(options.tab)} tab={options.tab} />
        )}
      </section>
    </>
  );
}
