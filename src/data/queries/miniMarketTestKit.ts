/** A small market_monthly-shaped table and a plain-JS reference implementation, for the fetchers' tests. */
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import type { DatasetModel } from '../model';
import type { QuerySlice } from '../querySlice';
import type { KpiSummary } from './fetchKpis';
import { fetchSeries } from './fetchSeries';

// A small market_monthly-shaped fixture; every expectation is recomputed from it in plain JS below.
// [month, marketplace, country, visitors, gmv_usd, orders]; null = no value (as after the traffic/sales outer join).
export type Tuple = [string, string, string, number | null, number | null, number | null];
export const FIXTURE: Tuple[] = [
  ['2013-01', 'A', 'RU', 100, 1000.5, 10],
  ['2013-02', 'A', 'RU', 110, 1100, 11],
  ['2013-03', 'A', 'RU', 120, 1200, 12],
  ['2013-01', 'B', 'RU', 50, 400, 5],
  ['2013-02', 'B', 'RU', 55, 440, 6],
  ['2013-03', 'B', 'RU', null, 480, 6], // sales without traffic: a month with gmv data, not with visitors
  ['2013-01', 'A', 'MX', 35, 300, 3],
  ['2013-02', 'A', 'MX', 38, 310, 3],
  ['2013-03', 'A', 'MX', 42, 320, 4],
  ['2014-01', 'A', 'RU', 130, 1300, 13],
  ['2014-02', 'A', 'RU', 140, 1400.25, 14],
  ['2014-03', 'A', 'RU', 150, 1500, 15],
  ['2014-01', 'B', 'RU', 60, 500, 6],
  ['2014-02', 'B', 'RU', 65, 520, 7],
  ['2014-03', 'B', 'RU', 70, 560, 7],
  ['2014-01', 'C', 'RU', 20, 90, 2], // C has no row in 2014-02: a gap
  ['2014-03', 'C', 'RU', 25, 110, 2],
  ['2014-01', 'A', 'MX', 40, 330, 4],
  ['2014-02', 'A', 'MX', 45, 350, 4],
  ['2014-03', 'A', 'MX', 50, 370, 5],
  ['2014-01', 'B', 'MX', 90, 700, 9],
  ['2014-02', 'B', 'MX', 90, 700, 9],
  ['2014-03', 'B', 'MX', 90, 700, 9],
  ['2014-01', 'D', 'MX', 300, 2000, 20], // D only in January
];
/** The levels the fixture's keys roll up to (the market model's region, subregion and group columns). */
export const FIXTURE_REGIONS: Record<string, { region: string; subregion: string }> = {
  RU: { region: 'Europe', subregion: 'Eastern Europe' },
  MX: { region: 'Americas', subregion: 'Latin America and the Caribbean' },
};
export const FIXTURE_GROUPS: Record<string, string> = { A: 'Group AC', B: 'B Inc.', C: 'Group AC', D: 'D Inc.' };
export const ROWS = FIXTURE.map(([month, marketplace, country, visitors, gmv_usd, orders]) => ({
  month,
  marketplace,
  country,
  region: FIXTURE_REGIONS[country]!.region,
  subregion: FIXTURE_REGIONS[country]!.subregion,
  group: FIXTURE_GROUPS[marketplace]!,
  visitors,
  gmv_usd,
  orders,
}));
export type FixtureRow = (typeof ROWS)[number];
export type Column = 'visitors' | 'gmv_usd' | 'orders';

/** The market model over the mini table, without the measure the table lacks (active sellers). */
export const MODEL: DatasetModel = {
  ...MARKET_MODEL,
  id: 'mini',
  label: 'Mini market (test)',
  table: 'mini market',
  measures: MARKET_MODEL.measures.filter((measure) => measure.id !== 'sellers'),
  sourceLine: 'test',
};

export const view = (overrides: Partial<QuerySlice> = {}): QuerySlice => ({
  datasetId: 'mini',
  measureId: 'visitors',
  from: '2014-01',
  to: '2014-03',
  filters: {},
  ...overrides,
});

// ---- the reference implementation, in plain JS ----
export const shift = (month: string, delta: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
export const measureInfo = (v: QuerySlice) => {
  const m = MODEL.measures.find((measure) => measure.id === v.measureId)!;
  return { column: m.column as Column, mean: m.overTime === 'mean' };
};
export function rowsIn(v: QuerySlice, delta = 0): FixtureRow[] {
  const { column } = measureInfo(v);
  return ROWS.filter(
    (r) =>
      r.month >= shift(v.from, delta) &&
      r.month <= shift(v.to, delta) &&
      r[column] !== null &&
      (v.filters.marketplace ?? [r.marketplace]).includes(r.marketplace) &&
      (v.filters.country ?? [r.country]).includes(r.country),
  );
}
export function monthlyTotals(rows: FixtureRow[], column: Column): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.month, (totals.get(r.month) ?? 0) + r[column]!);
  return totals;
}
export function combine(totals: Map<string, number>, mean: boolean): number | null {
  if (totals.size === 0) return null;
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return mean ? sum / totals.size : sum;
}
// A member's averaged value is its total over the months the whole selection has data (its missing months count
// as zero), so members add up to the selection.
export function byKey(rows: FixtureRow[], key: 'marketplace' | 'country', column: Column, mean: boolean) {
  const selectionMonths = monthlyTotals(rows, column).size;
  const groups = new Map<string, FixtureRow[]>();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
  return [...groups].map(([name, group]) => {
    const sum = [...monthlyTotals(group, column).values()].reduce((a, b) => a + b, 0);
    return { name, value: mean ? sum / selectionMonths : sum };
  });
}
export function expectedKpis(v: QuerySlice): KpiSummary {
  const { column, mean } = measureInfo(v);
  const current = monthlyTotals(rowsIn(v), column);
  const before = monthlyTotals(rowsIn(v, -12), column);
  const currentValue = combine(current, mean);
  const beforeValue = combine(before, mean);
  const previous = before.size === current.size && beforeValue ? beforeValue : null;
  const leader = byKey(rowsIn(v), 'marketplace', column, mean).sort(
    (a, b) => b.value - a.value || (a.name < b.name ? -1 : 1),
  )[0];
  return {
    current: currentValue,
    previous,
    change: previous !== null && currentValue !== null ? (currentValue - previous) / previous : null,
    leader: leader?.name ?? null,
    leaderValue: leader?.value ?? null,
    leaderShare: leader && currentValue ? leader.value / currentValue : null,
    monthsWithData: current.size,
  };
}

/** The overview trend: the measure as it is, by month, its months, series and how many series there were. */
export async function fetchTrend(engine: Engine, model: DatasetModel, v: QuerySlice, by: string, limit: number) {
  const result = await fetchSeries(engine, model, v, { by, limit, grain: 'month', mode: 'absolute', base: v.from });
  return {
    months: result.periods,
    series: result.series.map(({ name, values }) => ({ name, values })),
    seriesTotal: result.seriesTotal,
  };
}

/** Creates `mini market` from the fixture. */
export async function createMiniMarket(engine: Engine): Promise<void> {
  const sql = (value: string | number | null) =>
      value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value}'`;
    const values = ROWS.map(
      (r) => `(DATE '${r.month}-01', ${sql(r.marketplace)}, ${sql(r.country)}, ${sql(r.region)}, ${sql(r.subregion)}, ` +
        `${sql(r.group)}, ${sql(r.visitors)}::BIGINT, ${sql(r.gmv_usd)}::DOUBLE, ${sql(r.orders)}::BIGINT)`,
    ).join(',\n');
    await engine.query(
      `CREATE TABLE "mini market" AS SELECT * FROM (VALUES ${values}) t(month, marketplace, country, region, subregion, "group", visitors, gmv_usd, orders)`,
    );
}
