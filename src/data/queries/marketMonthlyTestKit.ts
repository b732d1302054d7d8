/** A hand-made market_monthly table, 2013-01 … 2014-12, for the comparison fetchers' tests. */
import { expect } from 'vitest';
import type { Engine } from '../../engine';
import type { QuerySlice } from '../querySlice';

// A hand-made market_monthly table, 2013-01 … 2014-12; every expectation is recomputed from ROWS in plain JS.
export const shift = (month: string, delta: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
export const MONTHS = Array.from({ length: 24 }, (_, i) => shift('2013-01', i));
export interface Row { month: string; marketplace: string; country: string; visitors: number | null; gmv_usd: number; orders: number }
export const ROWS: Row[] = [];
export const add = (i: number, marketplace: string, country: string, visitors: number | null, gmv_usd: number, orders: number) =>
  ROWS.push({ month: MONTHS[i]!, marketplace, country, visitors, gmv_usd, orders });
MONTHS.forEach((_, i) => {
  const a = 1000 + 20 * i + (i % 3) * 7;
  add(i, 'A', 'RU', a, a * 2.5, Math.round(a / 40));
  add(i, 'A', 'MX', 40 + i, 100 + 3 * i, 2 + (i % 4));
  const b = 600 + 15 * i - (i % 5) * 11;
  if (i !== 16) add(i, 'B', 'RU', b, b * 3.25, Math.round(b / 30)); // B has no 2014-05
  if (i >= 14) add(i, 'C', 'RU', 300 + 40 * (i - 14), 45.5 * i, 3 + i); // C starts in 2014-03
  add(i, 'E', 'RU', 50 + (i % 7), 70.75 + i, 1 + (i % 2));
  if (i >= 13) add(i, 'E', 'KZ', 80 + i, 200, 4); // KZ starts in 2014-02
});
add(12, 'D', 'MX', 300, 0, 0); // D: January 2014 only, no orders
add(13, 'B', 'MX', null, 500, 10); // sales without traffic

export type Column = 'visitors' | 'gmv_usd' | 'orders';
export const COLUMN: Record<string, Column> = { visitors: 'visitors', gmv: 'gmv_usd', orders: 'orders' };
export const view = (o: Partial<QuerySlice> = {}): QuerySlice => ({
  datasetId: 'market', measureId: 'visitors', from: '2014-01', to: '2014-06', filters: {}, ...o,
});
export const slice = (v: QuerySlice, delta = 0, column = COLUMN[v.measureId]!) =>
  ROWS.filter((r) => r.month >= shift(v.from, delta) && r.month <= shift(v.to, delta) && r[column] !== null &&
    (v.filters.marketplace ?? [r.marketplace]).includes(r.marketplace) && (v.filters.country ?? [r.country]).includes(r.country));
export const total = (rows: Row[], column: Column = 'visitors') => rows.reduce((s, r) => s + r[column]!, 0);
export const monthCount = (rows: Row[]) => new Set(rows.map((r) => r.month)).size;
export const monthsFrom = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to; m = shift(m, 1)) out.push(m);
  return out;
};
/** Member's monthly total, null when it has no row that month. */
export const cell = (rows: Row[], marketplace: string, month: string) => {
  const hit = rows.filter((r) => r.marketplace === marketplace && r.month === month);
  return hit.length ? total(hit) : null;
};
export const near = (value: number | null) => (value === null ? null : expect.closeTo(value, 9));
export const byName = <T extends { name: string }>(list: T[], name: string) => list.find((s) => s.name === name)!;

/** The made-up levels the countries roll up to here (not M49's: two countries share a region, to test sums). */
export const REGION_OF: Record<string, { region: string; subregion: string }> = {
  RU: { region: 'North', subregion: 'North-west' },
  KZ: { region: 'North', subregion: 'North-east' },
  MX: { region: 'South', subregion: 'South' },
};

/** Creates `market_monthly` from ROWS, with the region, subregion and group columns of the market model. */
export async function createMarketMonthly(engine: Engine): Promise<void> {
  const values = ROWS.map((r) => `(DATE '${r.month}-01', '${r.marketplace}', '${r.country}', '${REGION_OF[r.country]!.region}', ` +
    `'${REGION_OF[r.country]!.subregion}', 'Group ${r.marketplace}', ${r.visitors ?? 'NULL'}::BIGINT, ` +
    `${r.gmv_usd}::DOUBLE, ${r.orders}::BIGINT, 7::BIGINT)`).join(',\n');
  await engine.query(`CREATE TABLE market_monthly AS SELECT * FROM (VALUES ${values})
    t(month, marketplace, country, region, subregion, "group", visitors, gmv_usd, orders, active_sellers)`);
}
