import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import type { MonthRange } from './explain';
import { quoteIdentifier, sqlLiteral } from './literals';
import { buildShareShiftQuery, type ShareShiftRow } from './shareShift';
import { sliceParams, type MeasureSpec, type SliceSpec } from './slice';

/**
 * Hand-written monthly visitors. "New" appears in one of the two current months, "Gone" in one of the two base
 * months (partial months for the averaged rule); member names carry both kinds of quote, and so do the table's and
 * the member column's names. A NULL member and a NULL value are left out.
 */
interface Fact {
  month: string;
  mp: string | null;
  cc: string;
  visitors: number | null;
}
const OZ = "Ozon's";
const ML = 'ML"x';
const FACTS: Fact[] = [
  { month: '2013-01-01', mp: 'AliExpress', cc: 'RU', visitors: 100 },
  { month: '2013-01-01', mp: OZ, cc: 'RU', visitors: 50 },
  { month: '2013-01-01', mp: 'Gone', cc: 'RU', visitors: 10 },
  { month: '2013-02-01', mp: 'AliExpress', cc: 'RU', visitors: 120 },
  { month: '2013-02-01', mp: OZ, cc: 'RU', visitors: 40 },
  { month: '2013-01-01', mp: 'AliExpress', cc: 'MX', visitors: 30 },
  { month: '2013-02-01', mp: ML, cc: 'MX', visitors: 20 },
  { month: '2014-01-01', mp: 'AliExpress', cc: 'RU', visitors: 200 },
  { month: '2014-01-01', mp: OZ, cc: 'RU', visitors: 45 },
  { month: '2014-02-01', mp: 'AliExpress', cc: 'RU', visitors: 220 },
  { month: '2014-02-01', mp: 'New', cc: 'RU', visitors: 30 },
  { month: '2014-02-01', mp: OZ, cc: 'RU', visitors: 55 },
  { month: '2014-01-01', mp: ML, cc: 'MX', visitors: 25 },
  { month: '2014-02-01', mp: 'AliExpress', cc: 'MX', visitors: null },
  { month: '2014-01-01', mp: null, cc: 'RU', visitors: 99 },
];
const TABLE = 'share "shift"';
const MEMBER = 'market "place"';
const CURRENT: MonthRange = { from: '2014-01-01', to: '2014-02-01' };
const BASE: MonthRange = { from: '2013-01-01', to: '2013-02-01' };
const SUMMED: MeasureSpec = { column: 'visitors', overTime: 'sum' };
const AVERAGED: MeasureSpec = { column: 'visitors', overTime: 'mean' };
const RUSSIA = [{ column: 'country', values: ['RU'] }];

const slice = (range: MonthRange = CURRENT, filters: SliceSpec['filters'] = []): SliceSpec => ({ table: TABLE, timeColumn: 'month', range, filters });

/** Shares, their changes and the split of each member's change, recomputed in plain JS. */
function reference(measure: MeasureSpec, current: MonthRange, base: MonthRange, filters: SliceSpec['filters'] = []) {
  const columnOf = (column: string) => (column === MEMBER ? 'mp' : 'cc');
  const facts = (range: MonthRange) =>
    FACTS.filter(
      (r) =>
        r.month >= range.from &&
        r.month <= range.to &&
        r.mp !== null &&
        r.visitors !== null &&
        filters.every((filter) => filter.values.includes(r[columnOf(filter.column)]!)),
    );
  const combine = (rows: Fact[]) => {
    const months = new Set(rows.map((r) => r.month)).size;
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(r.mp!, (sums.get(r.mp!) ?? 0) + r.visitors!);
    const values = new Map([...sums].map(([m, v]) => [m, measure.overTime === 'sum' ? v : v / months]));
    const total = rows.length === 0 ? null : [...values.values()].reduce((a, b) => a + b, 0);
    return { values, total, months };
  };
  const [b, c] = [combine(facts(base)), combine(facts(current))];
  const members = new Set([...b.values.keys(), ...c.values.keys()]);
  return {
    b,
    c,
    members: new Map(
      [...members].map((m) => {
        const v0 = b.values.get(m) ?? null;
        const v1 = c.values.get(m) ?? null;
        const s0 = b.total ? (v0 ?? 0) / b.total : null;
        const s1 = c.total ? (v1 ?? 0) / c.total : null;
        const defined = s0 !== null && s1 !== null;
        return [
          m,
          {
            v0,
            v1,
            s0,
            s1,
            pp: defined ? 100 * (s1 - s0) : null,
            change: (v1 ?? 0) - (v0 ?? 0),
            market: s0 !== null && c.total !== null && b.total !== null ? s0 * (c.total - b.total) : null,
            share: defined ? (s1 - s0) * c.total! : null,
            status: v0 === null ? 'new' : v1 === null ? 'gone' : 'both',
          },
        ];
      }),
    ),
  };
}

function close(actual: number | null, expected: number | null) {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

function expectMatches(rows: ShareShiftRow[], expected: ReturnType<typeof reference>) {
  expect(new Set(rows.map((r) => r.member))).toEqual(new Set(expected.members.keys()));
  expect(rows).toHaveLength(expected.members.size);
  for (const row of rows) {
    const e = expected.members.get(row.member)!;
    close(row.base_value, e.v0);
    close(row.current_value, e.v1);
    close(row.base_share, e.s0);
    close(row.current_share, e.s1);
    close(row.share_change_pp, e.pp);
    close(row.change, e.change);
    close(row.market_effect, e.market);
    close(row.share_effect, e.share);
    expect(row.status).toBe(e.status);
    close(row.base_total, expected.b.total);
    close(row.current_total, expected.c.total);
    expect([row.base_months, row.current_months]).toEqual([expected.b.months, expected.c.months]);
  }
}

/** Share changes sum to 0; each member's market and share effects add up to its change. */
function expectArithmetic(rows: ShareShiftRow[]) {
  const magnitude = rows.reduce((m, r) => Math.max(m, Math.abs(r.change), Math.abs(r.market_effect ?? 0), Math.abs(r.share_effect ?? 0)), 1);
  expect(Math.abs(rows.reduce((s, r) => s + r.share_change_pp!, 0))).toBeLessThanOrEqual(1e-9 * 100);
  expect(Math.abs(rows.reduce((s, r) => s + r.base_share!, 0) - 1)).toBeLessThanOrEqual(1e-12);
  expect(Math.abs(rows.reduce((s, r) => s + r.current_share!, 0) - 1)).toBeLessThanOrEqual(1e-12);
  for (const r of rows) expect(Math.abs(r.market_effect! + r.share_effect! - r.change)).toBeLessThanOrEqual(1e-9 * magnitude);
}

describe('buildShareShiftQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const values = FACTS.map((r) => `(DATE '${r.month}', ${sqlLiteral(r.mp)}, ${sqlLiteral(r.cc)}, ${sqlLiteral(r.visitors)})`).join(', ');
    await engine.query(`CREATE TABLE ${quoteIdentifier(TABLE)} (month DATE, ${quoteIdentifier(MEMBER)} VARCHAR, country VARCHAR, visitors INTEGER)`);
    await engine.query(`INSERT INTO ${quoteIdentifier(TABLE)} VALUES ${values}`);
  });
  const run = (spec: Parameters<typeof buildShareShiftQuery>[0]) =>
    engine.query<ShareShiftRow>(buildShareShiftQuery(spec), sliceParams(spec.slice));

  it('averaged visitors in one country: shares, points that sum to zero, and effects that add up', async () => {
    const rows = await run({ slice: slice(CURRENT, RUSSIA), baseRange: BASE, measure: AVERAGED, memberColumn: MEMBER });
    expectMatches(rows, reference(AVERAGED, CURRENT, BASE, RUSSIA));
    expectArithmetic(rows);
    // By hand: Russia averaged 160 a month in 2013 (AliExpress 110, Ozon's 45, Gone 5) and 275 in 2014
    // (AliExpress 210, Ozon's 50, New 15: 30 over the selection's two months, not its own one).
    const ali = rows.find((r) => r.member === 'AliExpress')!;
    expect(ali).toMatchObject({ base_value: 110, current_value: 210, base_total: 160, current_total: 275, status: 'both' });
    close(ali.market_effect, (110 / 160) * (275 - 160));
    close(ali.share_effect, (210 / 275 - 110 / 160) * 275);
    expect(rows.find((r) => r.member === 'New')).toMatchObject({ current_value: 15, base_value: null, base_share: 0, market_effect: 0, status: 'new' });
    expect(rows.find((r) => r.member === 'Gone')).toMatchObject({ current_value: null, current_share: 0, change: -5, status: 'gone' });
    // Largest share gain first.
    const points = rows.map((r) => r.share_change_pp!);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(rows[0]!.member).toBe('AliExpress');
  });

  it('summed, and over several countries with hostile filter values bound as parameters', async () => {
    const hostile = [{ column: MEMBER, values: ['AliExpress', OZ, ML, "x' OR '1'='1"] }];
    for (const filters of [[], RUSSIA, hostile]) {
      for (const measure of [SUMMED, AVERAGED]) {
        const rows = await run({ slice: slice(CURRENT, filters), baseRange: BASE, measure, memberColumn: MEMBER });
        expectMatches(rows, reference(measure, CURRENT, BASE, filters));
        expectArithmetic(rows);
      }
    }
    expect(buildShareShiftQuery({ slice: slice(CURRENT, hostile), baseRange: BASE, measure: SUMMED, memberColumn: MEMBER })).not.toContain("'1'='1");
  });

  it('overlapping periods: the shared months count in both', async () => {
    const current = { from: '2013-02-01', to: '2014-02-01' };
    const base = { from: '2013-01-01', to: '2014-01-01' };
    for (const measure of [SUMMED, AVERAGED]) {
      const rows = await run({ slice: slice(current), baseRange: base, measure, memberColumn: MEMBER });
      expectMatches(rows, reference(measure, current, base));
      expectArithmetic(rows);
    }
  });

  it('a single member keeps all the share: its whole change is market growth', async () => {
    const only = [{ column: MEMBER, values: ['AliExpress'] }];
    const [row, ...rest] = await run({ slice: slice(CURRENT, only), baseRange: BASE, measure: AVERAGED, memberColumn: MEMBER });
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ base_share: 1, current_share: 1, share_change_pp: 0, share_effect: 0 });
    expect(row!.market_effect).toBe(row!.change);
  });

  it('no change: the same period on both sides', async () => {
    const rows = await run({ slice: slice(), baseRange: CURRENT, measure: AVERAGED, memberColumn: MEMBER });
    expect(rows.every((r) => r.change === 0 && r.share_change_pp === 0 && r.market_effect === 0 && r.share_effect === 0)).toBe(true);
  });

  it('a period without data: every member is new, and shares there are undefined', async () => {
    const empty = { from: '2010-01-01', to: '2010-02-01' };
    const rows = await run({ slice: slice(CURRENT, RUSSIA), baseRange: empty, measure: SUMMED, memberColumn: MEMBER });
    expectMatches(rows, reference(SUMMED, CURRENT, empty, RUSSIA));
    expect(rows.every((r) => r.status === 'new' && r.base_share === null && r.share_change_pp === null && r.market_effect === null)).toBe(true);
    expect(rows[0]).toMatchObject({ base_total: null, base_months: 0, current_months: 2 });
    expect(await run({ slice: slice(empty), baseRange: empty, measure: SUMMED, memberColumn: MEMBER })).toEqual([]);
  });

  it('is planned by DuckDB for both ways of combining over time', async () => {
    for (const measure of [SUMMED, AVERAGED]) {
      await expectPlannable(engine, buildShareShiftQuery({ slice: slice(CURRENT, [{ column: 'country', values: [] }]), baseRange: BASE, measure, memberColumn: MEMBER }));
    }
  });
});
