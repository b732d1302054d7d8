import { queryOptions } from '@tanstack/react-query';
import { getMarketDatabase } from './marketDatabase';
import { overviewKeys } from './queryKeys';
import { MARKET_MODEL } from './marketModel';
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
const model = MARKET_MODEL;
export { OVERVIEW_SERIES_LIMIT, OVERVIEW_COUNTRY_LIMIT, overviewSeriesOptions } from './queryKeys';

export const catalogQuery = () =>
  queryOptions({
    queryKey: overviewKeys.catalog(model.id),
    queryFn: async () => fetchCatalog(await getMarketDatabase(), model),
    staleTime: Infinity,
  });

export const kpiQuery = (view: ResolvedView) =>
  queryOptions({
    queryKey: overviewKeys.kpis(view),
    queryFn: async () => fetchKpis(await getMarketDatabase(), model, view),
  });

export const rankingQuery = (view: ResolvedView, groupDimensionId: string, limit: number) =>
  queryOptions({
    queryKey: overviewKeys.ranking(view, groupDimensionId, limit),
    queryFn: async () => fetchRanking(await getMarketDatabase(), model, view, groupDimensionId, limit),
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
    queryFn: async () => fetchSeries(await getMarketDatabase(), model, view, options),
  });

export const breakdownQuery = (
  view: ResolvedView,
  options: { rows: string; columns: string; rowLimit: number; columnLimit: number },
) =>
  queryOptions({
    queryKey: ['breakdown', view, options],
    queryFn: async () => fetchBreakdown(await getMarketDatabase(), model, view, options),
  });

export const leaderboardQuery = (view: ResolvedView, options: { group: string; member: string }) =>
  queryOptions({
    queryKey: ['leaderboard', view, options],
    queryFn: async () => fetchLeaderboard(await getMarketDatabase(), model, view, options),
  });

export const conversionQuery = (view: ResolvedView) =>
  queryOptions({
    queryKey: ['conversion', view],
    queryFn: async () => fetchConversion(await getMarketDatabase(), model, view),
  });

export const mapQuery = (view: ResolvedView, options: { metric: MapMetric; member: string | null }) =>
  queryOptions({
    queryKey: ['map', view, options],
    queryFn: async () => fetchMapValues(await getMarketDatabase(), model, view, options),
  });
