import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildSeriesQuery, type SeriesGrain, type SeriesMode, type SeriesQuerySpec } from './series';
import { createVisitsTable, inRange, SUMMED_VISITS, VISITS, visitsSlice } from './sqlTestKit';
import type { SliceSpec } from './slice';

// Hand-made fixture: members A, B, C over 2013-01..2014-12, deterministic values, with holes:
// C starts in 2014-03, and B has no 2014-05. Every expectation below is recomputed from FIXTURE in plain JS.
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2013 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
const FIXTURE: { month: string; member: string; v: number }[] = [];
MONTHS.forEach((month, i) => {
  FIXTURE.push({ month, member: 'A', v: 100 + 10 * i });
  if (month !== '2014-05-01') FIXTURE.push({ month, member: 'B', v: 50 + (i % 5) * 7 });
  if (month >= '2014-03-01') FIXTURE.push({ month, member: 'C', v: 20 + i });
});

type Row = { period: string; series: string | null; is_other: boolean; value: number | null; raw: number; months: number };

function valueOf(member: string, month: string): number | undefined {
  return FIXTURE.find((r) => r.member === member && r.month === month)?.v;
}

describe('buildSeriesQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const values = FIXTURE.map((r) => `(DATE '${r.month}', '${r.member}', ${r.v})`).join(',');
    await engine.query(`CREATE TABLE f AS SELECT * FROM (VALUES ${values}) t(month, member, v)`);
  });

  const run = async (overrides: Partial<SeriesQuerySpec>, range = { from: '2014-01-01', to: '2014-12-01' }) =>
    engine.query<Row>(
      buildSeriesQuery({
        slice: { table: 'f', timeColumn: 'month', range, filters: [] },
        measure: { column: 'v', overTime: 'sum' },
        seriesColumn: 'member',
        seriesLimit: 10,
        includeOther: false,
        grain: 'month',
        mode: 'absolute',
        ...overrides,
      }),
    );
  const pick = (rows: Row[], series: string, period: string) =>
    rows.find((r) => r.series === series && r.period === period)?.value;

  it('absolute: the monthly values, gaps absent', async () => {
    const rows = await run({});
    expect(pick(rows, 'A', '2014-06-01')).toBe(valueOf('A', '2014-06-01'));
    expect(rows.find((r) => r.series === 'B' && r.period === '2014-05-01')).toBeUndefined();
    expect(rows.find((r) => r.series === 'C' && r.period === '2014-02-01')).toBeUndefined();
    expect(rows.every((r) => r.period >= '2014-01-01')).toBe(true);
  });

  it('index: 100 at the base month, proportional elsewhere, empty for a series without a base value', async () => {
    const rows = await run({ mode: 'index', baseDate: '2014-01-01' });
    expect(pick(rows, 'A', '2014-01-01')).toBe(100);
    expect(pick(rows, 'A', '2014-12-01')).toBeCloseTo((valueOf('A', '2014-12-01')! / valueOf('A', '2014-01-01')!) * 100, 10);
    // C has no January 2014: nothing to index against.
    expect(rows.filter((r) => r.series === 'C').every((r) => r.value === null)).toBe(true);
  });

  it('yoy: against the same month a year earlier, read from before the visible range', async () => {
    const rows = await run({ mode: 'yoy' });
    const a = (valueOf('A', '2014-01-01')! - valueOf('A', '2013-01-01')!) / valueOf('A', '2013-01-01')!;
    expect(pick(rows, 'A', '2014-01-01')).toBeCloseTo(a, 12);
    // C did not exist a year earlier: empty, not infinite.
    expect(rows.filter((r) => r.series === 'C').every((r) => r.value === null)).toBe(true);
    expect(rows.every((r) => r.value === null || Number.isFinite(r.value))).toBe(true);
  });

  it('share: series (with Other) sum to 1 in every period', async () => {
    const rows = await run({ mode: 'share', seriesLimit: 1, includeOther: true });
    const periods = new Set(rows.map((r) => r.period));
    for (const period of periods) {
      const total = rows.filter((r) => r.period === period).reduce((sum, r) => sum + r.value!, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    const other = rows.find((r) => r.is_other && r.period === '2014-06-01')!;
    expect(other.raw).toBe(valueOf('B', '2014-06-01')! + valueOf('C', '2014-06-01')!);
  });

  it('rolling averages: full windows only, reaching back before the range, gaps break the window', async () => {
    const rows = await run({ mode: 'avg3' });
    const mean3 = (member: string, months: string[]) => months.reduce((s, m) => s + valueOf(member, m)!, 0) / 3;
    // January 2014 reads November and December 2013, which are outside the visible range.
    expect(pick(rows, 'A', '2014-01-01')).toBeCloseTo(mean3('A', ['2013-11-01', '2013-12-01', '2014-01-01']), 10);
    // B has no May: May, June and July windows are incomplete.
    for (const month of ['2014-06-01', '2014-07-01']) expect(pick(rows, 'B', month)).toBeNull();
    expect(pick(rows, 'B', '2014-08-01')).toBeCloseTo(mean3('B', ['2014-06-01', '2014-07-01', '2014-08-01']), 10);
    // C starts in March: its first full window ends in May.
    expect(pick(rows, 'C', '2014-04-01')).toBeNull();
    expect(pick(rows, 'C', '2014-05-01')).toBeCloseTo(mean3('C', ['2014-03-01', '2014-04-01', '2014-05-01']), 10);
    const year = await run({ mode: 'avg12' });
    expect(pick(year, 'A', '2014-12-01')).toBeCloseTo(MONTHS.slice(12).reduce((s, m) => s + valueOf('A', m)!, 0) / 12, 10);
    expect(pick(year, 'B', '2014-12-01')).toBeNull();
  });

  it('grain: quarters sum an additive measure and average an averaged one', async () => {
    const q3 = ['2014-07-01', '2014-08-01', '2014-09-01'];
    const summed = await run({ grain: 'quarter' });
    expect(pick(summed, 'A', '2014-07-01')).toBe(q3.reduce((s, m) => s + valueOf('A', m)!, 0));
    const averaged = await engine.query<Row>(
      buildSeriesQuery({
        slice: { table: 'f', timeColumn: 'month', range: { from: '2014-01-01', to: '2014-12-01' }, filters: [] },
        measure: { column: 'v', overTime: 'mean' },
        seriesColumn: 'member',
        seriesLimit: 10,
        includeOther: false,
        grain: 'quarter',
        mode: 'absolute',
      }),
    );
    expect(pick(averaged, 'A', '2014-07-01')).toBeCloseTo(q3.reduce((s, m) => s + valueOf('A', m)!, 0) / 3, 10);
    // B's second quarter has two months of data (no May): the average of those two.
    const q2 = averaged.find((r) => r.series === 'B' && r.period === '2014-04-01')!;
    expect(q2.months).toBe(2);
    expect(q2.value).toBeCloseTo((valueOf('B', '2014-04-01')! + valueOf('B', '2014-06-01')!) / 2, 10);
  });

  it('yoy by year: only the visible months, against the same months a year earlier', async () => {
    const rows = await run({ mode: 'yoy', grain: 'year' }, { from: '2014-07-01', to: '2014-12-01' });
    const h2 = (member: string, year: number) =>
      [7, 8, 9, 10, 11, 12].reduce((s, m) => s + valueOf(member, `${year}-${String(m).padStart(2, '0')}-01`)!, 0);
    expect(pick(rows, 'A', '2014-01-01')).toBeCloseTo((h2('A', 2014) - h2('A', 2013)) / h2('A', 2013), 12);
    expect(rows.find((r) => r.series === 'A')!.raw).toBe(h2('A', 2014));
  });

  it('yoy by quarter skips months without a year-earlier value on both sides', async () => {
    const rows = await run({ mode: 'yoy', grain: 'quarter' });
    // B has no May 2014, so its Q2 compares April and June with April and June 2013.
    const months = ['04', '06'];
    const now = months.reduce((s, m) => s + valueOf('B', `2014-${m}-01`)!, 0);
    const before = months.reduce((s, m) => s + valueOf('B', `2013-${m}-01`)!, 0);
    expect(pick(rows, 'B', '2014-04-01')).toBeCloseTo((now - before) / before, 12);
  });

  it('refuses combinations that have no meaning', () => {
    const slice = { table: 'f', timeColumn: 'month', range: { from: '2014-01-01', to: '2014-12-01' }, filters: [] };
    const base = { slice, measure: { column: 'v', overTime: 'sum' as const }, seriesColumn: 'member', seriesLimit: 5, includeOther: false };
    expect(() => buildSeriesQuery({ ...base, grain: 'quarter', mode: 'avg3' })).toThrow(/month grain/);
    expect(() => buildSeriesQuery({ ...base, grain: 'month', mode: 'index' })).toThrow(/base date/);
    expect(() => buildSeriesQuery({ ...base, seriesLimit: 0, grain: 'month', mode: 'absolute' })).toThrow(/positive integer/);
  });
});

/** The monthly series the trend panels draw (absolute values, month grain). */
const trend = (spec: SliceSpec, seriesLimit: number) =>
  buildSeriesQuery({ slice: spec, measure: SUMMED_VISITS, seriesColumn: 'marketplace', seriesLimit, includeOther: false, grain: 'month', mode: 'absolute' });

describe('buildSeriesQuery as the trend panels use it', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createVisitsTable(engine);
  });

  it('quotes every identifier in the generated text', () => {
    const sql = trend(visitsSlice({ filters: [{ column: 'country', values: ['RU'] }] }), 5);
    expect(sql).toContain('FROM "fixture table"');
    // Filter values are parameters, never text in the SQL.
    expect(sql).toContain(`"country" IN ($1)`);
    expect(sql).not.toContain(`'RU'`);
    expect(sql).toContain(`"month" BETWEEN DATE '2014-01-01' AND DATE '2014-02-01'`);
    expect(sql).toContain('LIMIT 5');
  });

  it('trend: monthly sums per series, gaps stay gaps', async () => {
    const rows = await engine.query(trend(visitsSlice(), 10));
    const expected = new Map<string, number>();
    for (const row of VISITS.filter((r) => inRange(r, '2014-01-01', '2014-02-01'))) {
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
    const rows = await engine.query(trend(visitsSlice(), 1));
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(['A']));
  });

  it('rejects a non-integer limit before any SQL is made', () => {
    expect(() => trend(visitsSlice(), 1.5)).toThrow(/positive integer/);
  });

  it('is planned by DuckDB in every mode and grain it accepts', async () => {
    const modes: SeriesMode[] = ['absolute', 'index', 'yoy', 'share', 'avg3', 'avg12'];
    const grains: SeriesGrain[] = ['month', 'quarter', 'year'];
    for (const mode of modes) {
      for (const grain of mode.startsWith('avg') ? (['month'] as const) : grains) {
        await expectPlannable(
          engine,
          buildSeriesQuery({
            slice: visitsSlice({ filters: [{ column: 'country', values: [] }] }),
            measure: SUMMED_VISITS,
            seriesColumn: 'marketplace',
            seriesLimit: 3,
            includeOther: mode === 'share',
            grain,
            mode,
            baseDate: '2014-01-01',
          }),
        );
      }
    }
  });
});
