import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../engine';
import { modelForQuery } from './cubes';
import { databaseFor, findDataset } from './datasets';
import { getMarketDatabase } from './marketDatabase';
import { overviewKeys } from './queryKeys';
import type { DatasetModel } from './model';
import type { ResolvedView } from './resolveView';
import { fetchCatalog, fetchKpis, fetchRanking } from './queries/marketQueries';
import { fetchEvents, fetchPublishedFigures } from './queries/referenceQueries';
import {
  fetchBreakdown,
  fetchConversion,
  fetchLeaderboard,
  fetchMapValues,
  fetchSeries,
  type MapMetric,
  type SeriesOptions,
} from './queries/comparisonQueries';

/**
 * Query options for every dashboard query. Each key holds every parameter of its query, so TanStack Query's cache
 * can never hand one view's numbers to another.
 */
export { OVERVIEW_SERIES_LIMIT, OVERVIEW_COUNTRY_LIMIT, overviewSeriesOptions } from './queryKeys';

/** The dataset's model, or a clear error for a dataset this browser does not have (e.g. a shared link). */
export function datasetModel(datasetId: string): DatasetModel {
  const entry = findDataset(datasetId);
  if (!entry) throw new Error(`There is no dataset "${datasetId}" in this browser.`);
  return entry.model;
}

/**
 * The engine and the model to query with: the dataset loaded, and for an uploaded dataset the smallest
 * pre-aggregated cube that holds the dimensions the query filters or groups by.
 */
async function target(view: ResolvedView, groupedBy: readonly string[]): Promise<{ engine: Engine; model: DatasetModel }> {
  const engine = await databaseFor(view.datasetId);
  const model = datasetModel(view.datasetId);
  return { engine, model: await modelForQuery(engine, model, [...Object.keys(view.filters), ...groupedBy]) };
}

export const catalogQuery = (datasetId: string) =>
  queryOptions({
    queryKey: overviewKeys.catalog(datasetId),
    queryFn: async () => fetchCatalog(await databaseFor(datasetId), datasetModel(datasetId)),
    staleTime: Infinity,
  });

export const kpiQuery = (view: ResolvedView) =>
  queryOptions({
    queryKey: overviewKeys.kpis(view),
    queryFn: async () => {
      const { engine, model } = await target(view, [datasetModel(view.datasetId).dimensions[0]!.id]);
      return fetchKpis(engine, model, view);
    },
  });

export const rankingQuery = (view: ResolvedView, groupDimensionId: string, limit: number) =>
  queryOptions({
    queryKey: overviewKeys.ranking(view, groupDimensionId, limit),
    queryFn: async () => {
      const { engine, model } = await target(view, [groupDimensionId]);
      return fetchRanking(engine, model, view, groupDimensionId, limit);
    },
  });

export const publishedFiguresQuery = () =>
  queryOptions({
    queryKey: overviewKeys.publishedFigures(),
    queryFn: async () => fetchPublishedFigures(await getMarketDatabase()),
    staleTime: Infinity,
  });

export const eventsQuery = () =>
  queryOptions({
    queryKey: overviewKeys.events(),
    queryFn: async () => fetchEvents(await getMarketDatabase()),
    staleTime: Infinity,
  });

export const seriesQuery = (view: ResolvedView, options: SeriesOptions) =>
  queryOptions({
    queryKey: overviewKeys.series(view, options),
    queryFn: async () => {
      const { engine, model } = await target(view, [options.by]);
      return fetchSeries(engine, model, view, options);
    },
  });

export const breakdownQuery = (
  view: ResolvedView,
  options: { rows: string; columns: string; rowLimit: number; columnLimit: number },
) =>
  queryOptions({
    queryKey: ['breakdown', view, options],
    queryFn: async () => {
      const { engine, model } = await target(view, [options.rows, options.columns]);
      return fetchBreakdown(engine, model, view, options);
    },
  });

export const leaderboardQuery = (view: ResolvedView, options: { group: string; member: string }) =>
  queryOptions({
    queryKey: ['leaderboard', view, options],
    queryFn: async () => {
      const { engine, model } = await target(view, [options.group, options.member]);
      return fetchLeaderboard(engine, model, view, options);
    },
  });

export const conversionQuery = (view: ResolvedView) =>
  queryOptions({
    queryKey: ['conversion', view],
    queryFn: async () => {
      const dimensions = datasetModel(view.datasetId).dimensions.slice(0, 2).map((dimension) => dimension.id);
      const { engine, model } = await target(view, dimensions);
      return fetchConversion(engine, model, view);
    },
  });

export const mapQuery = (view: ResolvedView, options: { metric: MapMetric; member: string | null }) =>
  queryOptions({
    queryKey: ['map', view, options],
    queryFn: async () => {
      const full = datasetModel(view.datasetId);
      const country = full.dimensions.find((dimension) => dimension.display === 'country');
      const { engine, model } = await target(view, [full.dimensions[0]!.id, ...(country ? [country.id] : [])]);
      return fetchMapValues(engine, model, view, options);
    },
  });
