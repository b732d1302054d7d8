import { useMemo } from 'react';
import { findMeasure, MARKET_MODEL } from '../../data';
import { colorsByOrder } from '../../charts/palette';
import { writeViewState } from '../../state/useViewState';
import { ErrorMessage, Skeleton } from '../../ui/Panel';
import { Notices } from '../../ui/Notices';
import { CountryPanel } from './CountryPanel';
import { FilterBar } from './FilterBar';
import { KpiCards } from './KpiCards';
import { PublishedFiguresPanel } from './PublishedFiguresPanel';
import { StoryLinks } from './StoryLinks';
import { TrendPanel } from './TrendPanel';
import { useDashboardView } from './useDashboardView';

/** The first dashboard: filters, headline numbers, the trend by marketplace and the top countries. */
export function DashboardPage() {
  const model = MARKET_MODEL;
  const { state, update, catalog, view, notices, dismissNotices } = useDashboardView();
  const colorFor = useMemo(
    () => colorsByOrder(catalog.data?.members[model.dimensions[0]!.id] ?? []),
    [catalog.data, model],
  );

  if (catalog.isError) {
    return (
      <ErrorMessage
        title="The bundled datasets could not be loaded"
        error={catalog.error}
        onRetry={() => void catalog.refetch()}
      />
    );
  }

  const measure = view ? findMeasure(model, view.measureId) : undefined;
  return (
    <>
      <Notices notices={notices} onDismiss={dismissNotices} />
      <StoryLinks current={state} onSelect={writeViewState} />
      {catalog.data && view && measure ? (
        <>
          <FilterBar model={model} catalog={catalog.data} view={view} filters={state.filters} update={update} />
          <KpiCards
            view={view}
            measure={measure}
            leaderLabel={model.dimensions[0]!.label}
            datasetLabel={model.label}
            synthetic={model.provenance === 'synthetic'}
          />
          <div className="panel-grid">
            <TrendPanel model={model} view={view} measure={measure} colorFor={colorFor} />
            <CountryPanel model={model} view={view} measure={measure} />
            <PublishedFiguresPanel />
          </div>
        </>
      ) : (
        <>
          <Skeleton height={64} label="Loading filters" />
          <Skeleton height={108} label="Loading key figures" />
          <div className="panel-grid">
            <Skeleton height={360} label="Loading the trend chart" />
            <Skeleton height={360} label="Loading the country chart" />
          </div>
        </>
      )}
    </>
  );
}
