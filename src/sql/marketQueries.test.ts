import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import {
  buildDimensionMembersQuery,
  buildKpiQuery,
  buildRankingQuery,
  buildTimeExtentQuery,
} from './marketQueries';
import { sliceParams, type MeasureSpec, type SliceSpec } from './slice';
import { buildSeriesQuery } from './seriesQuery';

// A small hand-written fixture; every expectation below is recomputed from it in plain JS.
const FIXTURE = [
  { month: '2013-01-01', mp: 'A', cc: 'RU', v: 8 },
  { month: '2013-02-01', mp: 'A', cc: 'RU', v: 12 },
  { month: '2013-02-01', mp: 'B', cc: 'RU', v: 4 },
  { month: '2014-01-01', mp: 'A', cc: 'RU', v: 10 },
  { month: '2014-01-01', mp: 'B', cc: 'RU', v: 5 },
  { month: '2014-02-01', mp: 'A', cc: 'RU', v: 20 },
  { month: '2014-02-01', mp: 'B', cc: 'RU', v: 7 },
  { month: '2014-02-01', mp: 'A', cc: 'MX', v: 3 },
  { month: '2014-02-01', mp: "C'q", cc: 'MX', v: 1 },
];
type FixtureRow = (typeof FIXTURE)[number];

const slice = (overrides: Partial<SliceSpec> = {}): SliceSpec => ({
  table: 'fixture table',
  timeColumn: 'month',
  range: { from: '2014-01-01', to: '2014-02-01' },
  filters: [],
  ...overrides,
});
const sum: MeasureSpec = { column: 'visits', overTime: 'sum' };
const mean: MeasureSpec = { column: 'visits', overTime: 'mean' };
/** The monthly series the trend panels draw (absolute values, month grain). */
const trend = (spec: SliceSpec, seriesLimit: number) =>
  buildSeriesQuery({ slice: spec, measure: sum, seriesColumn: 'marketplace', seriesLimit, includeOther: false, grain: 'month', mode: 'absolute' });

function inRange(row: FixtureRow, from: string, to: string) {
  return row.month >= from && row.month <= to;
}
function monthlyTotals(rows: FixtureRow[]) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + row.v);
  return [...totals.values()];
}
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('market query builders', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const values = FIXTURE.map(
      (row) => `(DATE '${row.month}', '${row.mp.replaceAll("'", "''")}', '${row.cc}', ${row.v})`,
    ).join(', ');
    await engine.query(
      `CREATE TABLE "fixture table" AS SELECT * FROM (VALUES ${values}) t(month, marketplace, country, visits)`,
    );
  });

  it('quotes every identifier in the generated text', () => {
    const sql = trend(slice({ filters: [{ column: 'country', values: ['RU'] }] }), 5);
    expect(sql).toContain('FROM "fixture table"');
    // Filter values are parameters, never text in the SQL.
    expect(sql).toContain(`"country" IN ($1)`);
    expect(sql).not.toContain(`'RU'`);
    expect(sql).toContain(`"month" BETWEEN DATE '2014-01-01' AND DATE '2014-02-01'`);
    expect(sql).toContain('LIMIT 5');
  });

  it('trend: monthly sums per series, gaps stay gaps', async () => {
    const rows = await engine.query(trend(slice(), 10));
    const expected = new Map<string, number>();
    for (const row of FIXTURE.filter((r) => inRange(r, '2014-01-01', '2014-02-01'))) {
      const key = `${row.month}|${row.mp}`;
      expected.set(key, (expected.get(key) ?? 0) + row.v);
    }
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      expect(row.value).toBe(expected.get(`${String(row.period)}|${String(row.series)}`));
      expect(row.series_total).toBe(3);
    }
    // C'q has no January row: absent, not zero.
    expect(rows.find((r) => r.series === "C'q" && r.period === '2014-01-01')).toBeUndefined();
  });

  it('trend: keeps only the largest series', async () => {
    const rows = await engine.query(trend(slice(), 1));
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(['A']));
  });

  it('ranking: an averaged measure divides by the selection\'s months, so shares sum to 1', async () => {
    const rows = await engine.query(buildRankingQuery(slice(), mean, 'country', 10));
    const current = FIXTURE.filter((r) => inRange(r, '2014-01-01', '2014-02-01'));
    const months = new Set(current.map((r) => r.month)).size;
    const total = (rows: FixtureRow[]) => rows.reduce((sum, r) => sum + r.v, 0);
    // MX has data in February only: its January counts as zero.
    const ru = total(current.filter((r) => r.cc === 'RU')) / months;
    const mx = total(current.filter((r) => r.cc === 'MX')) / months;
    expect(rows.map((r) => r.key)).toEqual(['RU', 'MX']);
    expect(rows[0]!.value).toBeCloseTo(ru, 10);
    expect(rows[1]!.value).toBeCloseTo(mx, 10);
    expect(rows.reduce((total, r) => total + Number(r.share), 0)).toBeCloseTo(1, 10);
  });

  it('kpi: period vs the year before, and the leader', async () => {
    const filtered = slice({ filters: [{ column: 'country', values: ['RU'] }] });
    const [row] = await engine.query(
      buildKpiQuery(filtered, mean, 'marketplace', { from: '2013-01-01', to: '2013-02-01' }),
      sliceParams(filtered),
    );
    const ru = FIXTURE.filter((r) => r.cc === 'RU');
    const current = ru.filter((r) => inRange(r, '2014-01-01', '2014-02-01'));
    const previous = ru.filter((r) => inRange(r, '2013-01-01', '2013-02-01'));
    expect(row).toEqual({
      current: average(monthlyTotals(current)),
      current_months: 2,
      previous: average(monthlyTotals(previous)),
      previous_months: 2,
      leader: 'A',
      leader_value: average(monthlyTotals(current.filter((r) => r.mp === 'A'))),
    });
  });

  it('kpi: an empty slice gives nulls, not zeros', async () => {
    const empty = slice({ filters: [{ column: 'country', values: ['ZZ'] }] });
    const [row] = await engine.query(buildKpiQuery(empty, sum, 'marketplace', { from: '2013-01-01', to: '2013-02-01' }), sliceParams(empty));
    expect(row).toMatchObject({ current: null, current_months: 0, leader: null });
  });

  it('filters on hostile values bind as data, as parameters: none of them is in the SQL text', async () => {
    const hostile = slice({ filters: [{ column: 'marketplace', values: ["C'q", "x') OR 1=1 --", '$1'] }] });
    const sql = buildRankingQuery(hostile, sum, 'marketplace', 5);
    expect(sql).not.toContain('OR 1=1');
    expect(sql).not.toContain("C'q");
    const rows = await engine.query(sql, sliceParams(hostile));
    expect(rows.map((r) => r.key)).toEqual(["C'q"]);
  });

  it('dimension members and time extent', async () => {
    const members = await engine.query(buildDimensionMembersQuery('fixture table', 'marketplace', 'visits'));
    expect(members.map((m) => m.value)).toEqual(['A', 'B', "C'q"]);
    const [extent] = await engine.query(buildTimeExtentQuery('fixture table', 'month'));
    expect(extent).toEqual({ first_month: '2013-01-01', last_month: '2014-02-01', row_count: FIXTURE.length });
  });

  it('an empty filter list allows nothing', async () => {
    const rows = await engine.query(buildRankingQuery(slice({ filters: [{ column: 'country', values: [] }] }), sum, 'country', 5));
    expect(rows).toEqual([]);
  });

  it('rejects a non-integer limit before any SQL is made', () => {
    expect(() => buildRankingQuery(slice(), sum, 'country', 0)).toThrow(/positive integer/);
    expect(() => trend(slice(), 1.5)).toThrow(/positive integer/);
  });
});
