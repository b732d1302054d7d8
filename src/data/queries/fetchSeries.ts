import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildSeriesQuery, sliceParams, type SeriesGrain, type SeriesMode } from '../../sql';
import { dateToMonth, monthToDate, periodStart, shiftMonth } from '../../lib/months';
import type { DatasetModel } from '../model';
import { measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { requireDimension, viewQueryFn } from './queryTarget';
import { t } from '../../i18n';
import { messages } from './messages';

export interface SeriesOptions {
  by: string;
  limit: number;
  grain: SeriesGrain;
  mode: SeriesMode;
  /** `YYYY-MM`, used by the index mode. */
  base: string;
}

/** Series over periods after a comparison mode; `values` follow the mode, `raw` are the measure itself. */
export interface SeriesResult {
  /** First month of each period, `YYYY-MM`, every period of the range. */
  periods: string[];
  /** Whether each period is cut by the range (e.g. a year of which only six months are shown). */
  partial: boolean[];
  series: { name: string; isOther: boolean; values: (number | null)[]; raw: (number | null)[] }[];
  seriesTotal: number;
}

/** The label of the bucket that holds every member beyond the ones shown. */
export const OTHER_LABEL = 'Other';

/**
 * How "Other" is shown, in the active language. {@link OTHER_LABEL} stays the series' key in results (and in
 * colours, selections and snapshots); views show this instead.
 */
export function otherLabel(): string {
  return t(messages.other);
}

export async function fetchSeries(engine: Engine, model: DatasetModel, view: QuerySlice, options: SeriesOptions): Promise<SeriesResult> {
  const dimension = requireDimension(model, options.by);
  const slice = sliceFor(model, view);
  const rows = await engine.query<{
    period: string;
    series: string | null;
    is_other: boolean;
    value: number | null;
    raw: number | null;
    series_total: number;
  }>(
    buildSeriesQuery({
      slice,
      measure: measureOf(model, view),
      seriesColumn: dimension.column,
      seriesLimit: options.limit,
      includeOther: options.mode === 'share',
      grain: options.grain,
      mode: options.mode,
      baseDate: monthToDate(options.base),
    }),
    sliceParams(slice),
  );
  const { periods, partial } = periodsOf(view.from, view.to, options.grain);
  const index = new Map(periods.map((period, position) => [period, position]));
  const byName = new Map<string, SeriesResult['series'][number]>();
  for (const row of rows) {
    const name = row.is_other ? OTHER_LABEL : String(row.series);
    const key = row.is_other ? '\u0000other' : name;
    let line = byName.get(key);
    if (!line) {
      line = { name, isOther: row.is_other, values: periods.map(() => null), raw: periods.map(() => null) };
      byName.set(key, line);
    }
    const position = index.get(dateToMonth(row.period));
    if (position === undefined) continue;
    line.values[position] = row.value;
    line.raw[position] = row.raw;
  }
  const total = (values: (number | null)[]) => values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const series = [...byName.values()].sort(
    (a, b) => Number(a.isOther) - Number(b.isOther) || total(b.raw) - total(a.raw) || a.name.localeCompare(b.name),
  );
  return { periods, partial, series, seriesTotal: rows[0]?.series_total ?? 0 };
}

/** Every period of a grain that overlaps the range, and whether the range cuts it. */
export function periodsOf(from: string, to: string, grain: SeriesGrain): { periods: string[]; partial: boolean[] } {
  const length = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  const periods: string[] = [];
  const partial: boolean[] = [];
  for (let period = periodStart(from, grain); period <= to; period = shiftMonth(period, length)) {
    periods.push(period);
    partial.push(period < from || shiftMonth(period, length - 1) > to);
  }
  return { periods, partial };
}

export const seriesKey = (view: QuerySlice, options: SeriesOptions) => ['series', view, options] as const;

export const seriesQuery = (view: QuerySlice, options: SeriesOptions) =>
  queryOptions({
    queryKey: seriesKey(view, options),
    queryFn: viewQueryFn(view, [options.by], (engine, model) => fetchSeries(engine, model, view, options)),
  });

/** How many marketplaces the overview's trend draws. */
export const OVERVIEW_SERIES_LIMIT = 10;

/** The series the overview's trend draws: the measure as it is, by month, for the largest members of `by`. */
export function overviewSeriesOptions(view: QuerySlice, by: string): SeriesOptions {
  return { by, limit: OVERVIEW_SERIES_LIMIT, grain: 'month', mode: 'absolute', base: view.from };
}
