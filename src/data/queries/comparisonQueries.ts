import type { Engine } from '../../engine';
import {
  buildBreakdownQuery,
  buildConversionQuery,
  buildLeaderboardQuery,
  buildRankingQuery,
  buildSeriesQuery,
  sliceParams,
  type SeriesGrain,
  type SeriesMode,
} from '../../sql';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { dateToMonth, monthSpan, monthToDate, periodStart, shiftMonth } from '../../lib/months';
import { findDimension, findMeasure, type DatasetModel, type DimensionDef } from '../model';
import { measureOf, sliceFor, type ResolvedView } from '../resolveView';

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

export async function fetchSeries(engine: Engine, model: DatasetModel, view: ResolvedView, options: SeriesOptions): Promise<SeriesResult> {
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

/** Cells of the measure by two dimensions, with "Other" buckets (key null) beyond the limits. */
export interface Breakdown {
  cells: { rowKey: string | null; columnKey: string | null; value: number }[];
  rowKeys: (string | null)[];
  columnKeys: (string | null)[];
  rowTotal: number;
  columnTotal: number;
}

export async function fetchBreakdown(
  engine: Engine,
  model: DatasetModel,
  view: ResolvedView,
  options: { rows: string; columns: string; rowLimit: number; columnLimit: number },
): Promise<Breakdown> {
  const rowDimension = requireDimension(model, options.rows);
  const columnDimension = requireDimension(model, options.columns);
  const slice = sliceFor(model, view);
  const rows = await engine.query<{ row_key: string | null; column_key: string | null; value: number; row_total: number; column_total: number }>(
    buildBreakdownQuery({
      slice,
      measure: measureOf(model, view),
      rowColumn: rowDimension.column,
      columnColumn: columnDimension.column,
      rowLimit: options.rowLimit,
      columnLimit: options.columnLimit,
    }),
    sliceParams(slice),
  );
  const cells = rows.map((row) => ({ rowKey: keyOf(row.row_key), columnKey: keyOf(row.column_key), value: row.value }));
  const ordered = (pick: (cell: (typeof cells)[number]) => string | null) => {
    const totals = new Map<string | null, number>();
    for (const cell of cells) totals.set(pick(cell), (totals.get(pick(cell)) ?? 0) + cell.value);
    // Largest first, "Other" last.
    return [...totals.entries()].sort((a, b) => Number(a[0] === null) - Number(b[0] === null) || b[1] - a[1]).map(([key]) => key);
  };
  return {
    cells,
    rowKeys: ordered((cell) => cell.rowKey),
    columnKeys: ordered((cell) => cell.columnKey),
    rowTotal: rows[0]?.row_total ?? 0,
    columnTotal: rows[0]?.column_total ?? 0,
  };
}

export interface LeaderboardRow {
  group: string;
  member: string;
  value: number;
  share: number | null;
  rank: number;
  /** Rank over the same months a year earlier; null when the member had no data then. */
  previousRank: number | null;
  /** Change of the value against the same months a year earlier; null without a value then. */
  growth: number | null;
  spark: (number | null)[];
}

export interface Leaderboard {
  rows: LeaderboardRow[];
  sparkPeriods: string[];
  sparkGrain: SeriesGrain;
}

export async function fetchLeaderboard(
  engine: Engine,
  model: DatasetModel,
  view: ResolvedView,
  options: { group: string; member: string },
): Promise<Leaderboard> {
  const group = requireDimension(model, options.group);
  const member = requireDimension(model, options.member);
  const months = monthSpan(view.from, view.to);
  // Enough points to show a shape, few enough to draw a hundred sparklines smoothly.
  const sparkGrain: SeriesGrain = months <= 36 ? 'month' : months <= 120 ? 'quarter' : 'year';
  const slice = sliceFor(model, view);
  const rows = await engine.query<{
    group_key: string;
    member: string;
    value: number;
    share: number | null;
    rank: number;
    previous_rank: number | null;
    previous_value: number | null;
    spark: (number | null)[] | null;
  }>(
    buildLeaderboardQuery({
      slice,
      measure: measureOf(model, view),
      groupColumn: group.column,
      rankColumn: member.column,
      previousRange: sliceFor(model, view, -12).range,
      sparkGrain,
    }),
    sliceParams(slice),
  );
  return {
    rows: rows.map((row) => ({
      group: String(row.group_key),
      member: String(row.member),
      value: row.value,
      share: row.share,
      rank: row.rank,
      previousRank: row.previous_rank,
      growth: row.previous_value ? (row.value - row.previous_value) / row.previous_value : null,
      spark: row.spark ?? [],
    })),
    sparkPeriods: periodsOf(view.from, view.to, sparkGrain).periods,
    sparkGrain,
  };
}

export interface ConversionRow {
  first: string;
  second: string;
  months: number;
  avgMonthlyVisitors: number;
  avgMonthlyRevenue: number;
  ordersPerThousandVisitors: number | null;
  averageOrderValue: number | null;
  revenuePerVisitor: number | null;
}

/** Traffic against sales per marketplace × country, for datasets whose model names the three roles. */
export async function fetchConversion(engine: Engine, model: DatasetModel, view: ResolvedView): Promise<ConversionRow[]> {
  if (!model.roles) throw new Error(`${model.label} has no visitors, orders and revenue measures`);
  const column = (id: string) => findMeasure(model, id)?.column ?? id;
  const [first, second] = model.dimensions as [DimensionDef, DimensionDef];
  const slice = sliceFor(model, view);
  const rows = await engine.query<{
    first_key: string;
    second_key: string;
    months: number;
    visitor_months: number;
    orders: number;
    revenue: number;
  }>(
    buildConversionQuery({
      slice,
      visitorsColumn: column(model.roles.visitors),
      ordersColumn: column(model.roles.orders),
      revenueColumn: column(model.roles.revenue),
      dimensions: [first.column, second.column],
    }),
    sliceParams(slice),
  );
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return rows.map((row) => ({
    first: String(row.first_key),
    second: String(row.second_key),
    months: row.months,
    avgMonthlyVisitors: row.visitor_months / row.months,
    avgMonthlyRevenue: row.revenue / row.months,
    ordersPerThousandVisitors: row.visitor_months > 0 ? (row.orders / row.visitor_months) * 1000 : null,
    averageOrderValue: ratio(row.revenue, row.orders),
    revenuePerVisitor: ratio(row.revenue, row.visitor_months),
  }));
}

export type MapMetric = 'value' | 'share' | 'growth';

/**
 * One value per member of the country dimension: the measure (for one member of the first dimension, or for the
 * filtered ones), its share of all members in that country, or its change against the same months a year earlier.
 */
export async function fetchMapValues(
  engine: Engine,
  model: DatasetModel,
  view: ResolvedView,
  options: { metric: MapMetric; member: string | null },
): Promise<{ code: string; value: number | null }[]> {
  const country = model.dimensions.find((dimension) => dimension.display === 'country');
  if (!country) throw new Error(`${model.label} has no country column`);
  const memberDimension = model.dimensions[0]!;
  const measure = measureOf(model, view);
  const chosen: ResolvedView = options.member
    ? { ...view, filters: withEntry(view.filters, memberDimension.id, [options.member]) }
    : view;
  const byCountry = async (target: ResolvedView, shift = 0) => {
    const slice = sliceFor(model, target, shift);
    const rows = await engine.query<{ key: string; value: number }>(buildRankingQuery(slice, measure, country.column, 1000), sliceParams(slice));
    return new Map(rows.map((row) => [String(row.key), row.value]));
  };
  const current = await byCountry(chosen);
  if (options.metric === 'value') return [...current].map(([code, value]) => ({ code, value }));
  if (options.metric === 'share') {
    // Member and total from one breakdown of every member, so both are combined over the same months.
    const withoutMemberFilter = withEntry(view.filters, memberDimension.id, undefined);
    const breakdown = await fetchBreakdown(
      engine,
      model,
      { ...view, filters: withoutMemberFilter },
      { rows: country.id, columns: memberDimension.id, rowLimit: 1000, columnLimit: 1000 },
    );
    const wanted = options.member ? [options.member] : ownValue(view.filters, memberDimension.id);
    const totals = new Map<string, { part: number; all: number }>();
    for (const cell of breakdown.cells) {
      if (cell.rowKey === null) continue;
      const entry = totals.get(cell.rowKey) ?? { part: 0, all: 0 };
      entry.all += cell.value;
      if (!wanted || (cell.columnKey !== null && wanted.includes(cell.columnKey))) entry.part += cell.value;
      totals.set(cell.rowKey, entry);
    }
    return [...current.keys()].map((code) => {
      const entry = totals.get(code);
      return { code, value: entry && entry.all > 0 ? entry.part / entry.all : null };
    });
  }
  const previous = await byCountry(chosen, -12);
  return [...current].map(([code, value]) => {
    const before = previous.get(code);
    return { code, value: before ? (value - before) / before : null };
  });
}

function requireDimension(model: DatasetModel, id: string): DimensionDef {
  const dimension = findDimension(model, id);
  if (!dimension) throw new Error(`unknown dimension ${id}`);
  return dimension;
}

function keyOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
