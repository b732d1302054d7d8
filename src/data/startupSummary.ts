import { replaceEqualDeep, type QueryClient, type QueryFunctionContext, type QueryKey } from '@tanstack/react-query';
import type { Engine } from '../engine';
import { DEFAULT_VIEW_STATE } from '../views';
import { MARKET_MODEL } from './marketModel';
import { groupingDimension } from './model';
import { catalogKey, fetchCatalog } from './queries/fetchCatalog';
import { fetchEvents, eventsKey } from './queries/fetchEvents';
import { fetchKpis, kpiKey } from './queries/fetchKpis';
import { fetchPublishedFigures, publishedFiguresKey } from './queries/fetchPublishedFigures';
import { fetchRanking, OVERVIEW_COUNTRY_LIMIT, rankingKey } from './queries/fetchRanking';
import { fetchSeries, overviewSeriesOptions, seriesKey } from './queries/fetchSeries';
import { resolveQuerySlice, querySliceForView } from './querySlice';

/** The keys of the overview's queries, the very ones its panels read (each from its query's module). */
export const overviewKeys = {
  catalog: catalogKey,
  kpis: kpiKey,
  series: seriesKey,
  ranking: rankingKey,
  publishedFigures: publishedFiguresKey,
  events: eventsKey,
};

/**
 * The results of every query the default overview makes, computed at build time from the bundled datasets, so that
 * the first charts are drawn before the query engine has even downloaded. Seeded into the query cache under the
 * very keys the panels use; once the engine is ready, the same queries run live and replace them.
 */
export interface StartupSummary {
  entries: { key: readonly unknown[]; data: unknown }[];
}

/** Runs the default overview's queries on an engine holding the bundled datasets. */
export async function computeStartupSummary(engine: Engine): Promise<StartupSummary> {
  const model = MARKET_MODEL;
  const catalog = await fetchCatalog(engine, model);
  const { view, options } = resolveQuerySlice(DEFAULT_VIEW_STATE, model, catalog);
  const overview = querySliceForView(view, options.selections, 'overview');
  const trend = querySliceForView(view, options.selections, 'trend');
  const countries = querySliceForView(view, options.selections, 'countries');
  const seriesDimension = model.dimensions[0]!.id;
  // The overview's country panel ranks by the grouping dimension: the summary must use the same key.
  const countryDimension = groupingDimension(model)!.id;
  return {
    entries: [
      { key: overviewKeys.catalog(model.id), data: catalog },
      { key: overviewKeys.kpis(overview), data: await fetchKpis(engine, model, overview) },
      {
        key: overviewKeys.series(trend, overviewSeriesOptions(trend, seriesDimension)),
        data: await fetchSeries(engine, model, trend, overviewSeriesOptions(trend, seriesDimension)),
      },
      {
        key: overviewKeys.ranking(countries, countryDimension, OVERVIEW_COUNTRY_LIMIT),
        data: await fetchRanking(engine, model, countries, countryDimension, OVERVIEW_COUNTRY_LIMIT),
      },
      { key: overviewKeys.publishedFigures(), data: await fetchPublishedFigures(engine) },
      { key: overviewKeys.events(), data: await fetchEvents(engine) },
    ],
  };
}

/** Puts a summary's results into the query cache; returns the keys, for handing over to live queries later. */
export function seedStartupSummary(client: QueryClient, summary: StartupSummary): (readonly unknown[])[] {
  for (const entry of summary.entries) client.setQueryData(entry.key, entry.data);
  return summary.entries.map((entry) => entry.key);
}

/**
 * Hands the summary's entries over to the engine: runs each entry's query live, through the query function its
 * panel registered, and compares the answer with what is shown. An equal answer leaves the cache, and so the panels,
 * untouched: no "updating" state, no re-render of the charts (the live figures equal the drawn ones, which is the
 * usual case: the build computed them with the same statements on the same data). A different answer replaces the
 * shown one. An entry no panel has asked for yet (or whose query fails) is invalidated instead, as before: its panel
 * runs it through TanStack Query, and shows a failure with its retry button.
 * Returns how many entries changed.
 */
export async function handOverStartupSummary(client: QueryClient, keys: readonly QueryKey[]): Promise<number> {
  const changed = await Promise.all(
    keys.map(async (queryKey) => {
      const query = client.getQueryCache().find({ queryKey, exact: true });
      const queryFn = query?.options.queryFn;
      if (!query || typeof queryFn !== 'function') {
        await client.invalidateQueries({ queryKey, exact: true });
        return false;
      }
      const context = { client, queryKey, signal: new AbortController().signal, meta: query.meta } as QueryFunctionContext;
      let live: unknown;
      try {
        live = await queryFn(context);
      } catch {
        // Run by TanStack Query instead, whose panel then shows the failure with its retry button.
        await client.invalidateQueries({ queryKey, exact: true });
        return false;
      }
      const shown: unknown = client.getQueryData(queryKey);
      // The same structural comparison TanStack Query makes: equal in every value, so nothing would re-render.
      if (replaceEqualDeep(shown, live) === shown) return false;
      client.setQueryData(queryKey, live);
      return true;
    }),
  );
  return changed.filter(Boolean).length;
}
