import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { buildBreakdownQuery, buildConversionQuery, buildLeaderboardQuery } from './breakdownQueries';
import type { SliceSpec } from './slice';

// Hand-made fixture over two years; every expectation is recomputed from it in plain JS.
const ROWS = [
  // month, country, marketplace, visitors, orders, revenue
  ['2013-01-01', 'RU', 'A', 50, 1, 10],
  ['2013-01-01', 'RU', 'B', 80, 2, 20],
  ['2013-02-01', 'RU', 'A', 60, 1, 10],
  ['2014-01-01', 'RU', 'A', 100, 3, 60],
  ['2014-01-01', 'RU', 'B', 40, 1, 30],
  ['2014-02-01', 'RU', 'A', 120, 4, 80],
  ['2014-02-01', 'RU', 'C', 30, 2, 10],
  ['2014-01-01', 'MX', 'A', 10, 1, 5],
  ['2014-02-01', 'MX', 'B', 70, 3, 90],
  ['2014-02-01', 'BR', 'C', 5, 1, 1],
  ['2014-02-01', 'KE', 'A', 2, 0, 0],
] as const;
type Fixture = (typeof ROWS)[number];
const current = (r: Fixture) => r[0] >= '2014-01-01';

const slice = (filters: SliceSpec['filters'] = []): SliceSpec => ({
  table: 'f',
  timeColumn: 'month',
  range: { from: '2014-01-01', to: '2014-02-01' },
  filters,
});
const visitors = { column: 'visitors', overTime: 'mean' as const };
const orders = { column: 'orders', overTime: 'sum' as const };

describe('breakdown, leaderboard and conversion queries', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const values = ROWS.map((r) => `(DATE '${r[0]}', '${r[1]}', '${r[2]}', ${r[3]}, ${r[4]}, ${r[5]})`).join(',');
    await engine.query(`CREATE TABLE f AS SELECT * FROM (VALUES ${values}) t(month, country, marketplace, visitors, orders, revenue)`);
  });

  it('breakdown: top rows and columns with Other buckets that hold exactly the rest', async () => {
    const cells = await engine.query<{ row_key: string | null; column_key: string | null; value: number; row_total: number }>(
      buildBreakdownQuery({ slice: slice(), measure: orders, rowColumn: 'country', columnColumn: 'marketplace', rowLimit: 2, columnLimit: 2 }),
    );
    const rows = ROWS.filter(current);
    const total = rows.reduce((sum, r) => sum + r[4], 0);
    expect(cells.reduce((sum, c) => sum + c.value, 0)).toBe(total);
    // Countries by orders: RU 10, MX 4, BR 1, KE 0 → RU and MX kept, BR and KE in Other.
    const otherRow = cells.filter((c) => c.row_key === null).reduce((sum, c) => sum + c.value, 0);
    expect(otherRow).toBe(rows.filter((r) => r[1] === 'BR' || r[1] === 'KE').reduce((sum, r) => sum + r[4], 0));
    expect(new Set(cells.map((c) => c.row_key))).toEqual(new Set(['RU', 'MX', null]));
    expect(cells[0]!.row_total).toBe(4);
  });

  it('breakdown: an averaged measure divides every cell by the same months, so cells still add up', async () => {
    const cells = await engine.query<{ row_key: string | null; column_key: string | null; value: number }>(
      buildBreakdownQuery({ slice: slice(), measure: visitors, rowColumn: 'country', columnColumn: 'marketplace', rowLimit: 10, columnLimit: 10 }),
    );
    const rows = ROWS.filter(current);
    const months = new Set(rows.map((r) => r[0])).size;
    const cell = (country: string, marketplace: string) =>
      rows.filter((r) => r[1] === country && r[2] === marketplace).reduce((sum, r) => sum + r[3], 0) / months;
    expect(cells.find((c) => c.row_key === 'RU' && c.column_key === 'C')!.value).toBe(cell('RU', 'C'));
    expect(cells.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(rows.reduce((sum, r) => sum + r[3], 0) / months, 10);
  });

  it('leaderboard: ranks within each group, rank a year earlier, shares and sparklines', async () => {
    const rows = await engine.query<{
      group_key: string;
      member: string;
      value: number;
      share: number;
      rank: number;
      previous_rank: number | null;
      spark: (number | null)[];
    }>(
      buildLeaderboardQuery({
        slice: slice(),
        measure: visitors,
        groupColumn: 'country',
        rankColumn: 'marketplace',
        previousRange: { from: '2013-01-01', to: '2013-02-01' },
        sparkGrain: 'month',
      }),
    );
    const ru = rows.filter((r) => r.group_key === 'RU');
    // Visitors in Russia, 2014 (two months): A (100+120)/2 = 110, B 40/2 = 20, C 30/2 = 15.
    expect(ru.map((r) => [r.member, r.rank, r.value])).toEqual([
      ['A', 1, 110],
      ['B', 2, 20],
      ['C', 3, 15],
    ]);
    // In 2013 (two months): A (50+60)/2 = 55, B 80/2 = 40, so A was first and B second; C was absent.
    expect(ru.map((r) => r.previous_rank)).toEqual([1, 2, null]);
    expect(ru.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
    expect(ru.find((r) => r.member === 'B')!.spark).toEqual([40, null]);
    expect(ru.find((r) => r.member === 'A')!.spark).toEqual([100, 120]);
  });

  it('conversion: sums over the months where all three measures exist, per pair', async () => {
    const rows = await engine.query<{ first_key: string; second_key: string; months: number; visitor_months: number; orders: number; revenue: number }>(
      buildConversionQuery({
        slice: slice([{ column: 'country', values: ['RU'] }]),
        visitorsColumn: 'visitors',
        ordersColumn: 'orders',
        revenueColumn: 'revenue',
        dimensions: ['marketplace', 'country'],
      }),
      ['RU'],
    );
    const a = ROWS.filter((r) => current(r) && r[1] === 'RU' && r[2] === 'A');
    expect(rows.find((r) => r.first_key === 'A')).toEqual({
      first_key: 'A',
      second_key: 'RU',
      months: a.length,
      visitor_months: a.reduce((s, r) => s + r[3], 0),
      orders: a.reduce((s, r) => s + r[4], 0),
      revenue: a.reduce((s, r) => s + r[5], 0),
    });
    expect(rows.map((r) => r.first_key)).toEqual(['A', 'B', 'C']);
  });
});
