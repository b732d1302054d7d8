import type { SeriesOptions } from './queries/comparisonQueries';
import type { ResolvedView } from './resolveView';

/**
 * The query keys of the overview's queries (and the series every trend uses), apart from the query options (which need the browser engine), so that
 * the build-time summary can seed the cache under exactly the keys the panels read.
 */
export const overviewKeys = {
  catalog: (datasetId: string) => ['catalog', datasetId] as const,
  kpis: (view: ResolvedView) => ['kpis', view] as const,
  series: (view: ResolvedView, options: SeriesOptions) => ['series', view, options] as const,
  ranking: (view: ResolvedView, groupDimensionId: string, limit: number) =>
    ['ranking', view, groupDimensionId, limit] as const,
  publishedFigures: () => ['published-figures'] as const,
  events: () => ['events'] as const,
};

/** How many marketplaces the overview's trend draws, and how many countries its ranking lists. */
export const OVERVIEW_SERIES_LIMIT = 10;
export const OVERVIEW_COUNTRY_LIMIT = 15;

/** The series the overview's trend draws: the measure as it is, by month, for the largest members of `by`. */
export function overviewSeriesOptions(view: ResolvedView, by: string): SeriesOptions {
  return { by, limit: OVERVIEW_SERIES_LIMIT, grain: 'month', mode: 'absolute', base: view.from };
}
