import type { ResolvedView } from './resolveView';

/**
 * The query keys of the overview's queries, apart from the query options (which need the browser engine), so that
 * the build-time summary can seed the cache under exactly the keys the panels read.
 */
export const overviewKeys = {
  catalog: (datasetId: string) => ['catalog', datasetId] as const,
  kpis: (view: ResolvedView) => ['kpis', view] as const,
  trend: (view: ResolvedView, seriesDimensionId: string, seriesLimit: number) =>
    ['trend', view, seriesDimensionId, seriesLimit] as const,
  ranking: (view: ResolvedView, groupDimensionId: string, limit: number) =>
    ['ranking', view, groupDimensionId, limit] as const,
  publishedFigures: () => ['published-figures'] as const,
  events: () => ['events'] as const,
};

/** How many marketplaces the overview's trend draws, and how many countries its ranking lists. */
export const OVERVIEW_SERIES_LIMIT = 10;
export const OVERVIEW_COUNTRY_LIMIT = 15;
