import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildExplainQuery, buildRatioExplainQuery, type ExplainDimensions, type ExplainRow, type MonthRange, type RatioExplainRow } from './explain';
import { quoteIdentifier, sqlLiteral } from './literals';
import { sliceParams, type MeasureSpec, type SliceSpec } from './slice';

/**
 * Hand-written facts. Member names carry both kinds of quote, and so do the table's and a column's names. "New"
 * appears only in the last current month and "Gone" only in two of the three base months (partial months for the
 * averaged rule); "Zero" has orders but no visitors; a NULL marketplace, a NULL measure and a NULL denominator are
 * left out. Months: base Jan–Mar 2013, current Jan–Mar 2014; Apr/May 2014 have equal totals (a zero change); Dec
 * 2012 has only zero visitors (an undefined ratio).
 */
interface Fact {
  month: string;
  mp: string | null;
  cc: string | null;
  visits: number | null;
  orders: number | null;
  visitors: number | null;
}
const f = (month: string, mp: string | null, cc: string | null, visits: number | null, orders: number | null, visitors: number | null): Fact => ({
  month,
  mp,
  cc,
  visits,
  orders,
  visitors,
});
const BQ = "B'q";
const CD = 'C"d';
const FACTS: Fact[] = [
  f('2012-12-01', 'A', 'RU', 0, 0, 0),
  f('2013-01-01', 'A', 'RU', 10, 2, 100),
  f('2013-01-01', BQ, 'RU', 5, 1, 50),
  f('2013-01-01', 'Gone', 'MX', 4, 1, 40),
  f('2013-02-01', 'A', 'RU', 12, 3, 120),
  f('2013-02-01', 'Gone', 'MX', 6, 0, 60),
  f('2013-02-01', 'A', 'MX', 2, 1, 20),
  f('2013-03-01', BQ, 'RU', 7, 2, 70),
  f('2013-03-01', 'A', 'RU', 11, 2, 110),
  f('2014-01-01', 'A', 'RU', 15, 4, 100),
  f('2014-01-01', BQ, 'RU', 3, 1, 60),
  f('2014-01-01', CD, 'MX', 8, 2, 50),
  f('2014-02-01', 'A', 'RU', 18, 5, 130),
  f('2014-02-01', 'A', 'MX', 4, 1, 30),
  f('2014-02-01', CD, 'MX', 9, 3, 40),
  f('2014-02-01', null, 'RU', 100, 50, 500),
  f('2014-02-01', 'Zero', 'RU', 1, 2, 0),
  f('2014-03-01', 'A', 'RU', 20, 6, 150),
  f('2014-03-01', 'New', 'RU', 9, 4, 20),
  f('2014-03-01', BQ, 'RU', 3, 1, 50),
  f('2014-03-01', 'A', 'MX', null, 1, 10),
  f('2014-03-01', CD, 'MX', 2, 1, null),
  f('2014-04-01', 'A', 'RU', 10, 1, 100),
  f('2014-04-01', BQ, 'RU', 5, 1, 50),
  f('2014-05-01', 'A', 'RU', 5, 1, 50),
  f('2014-05-01', BQ, 'RU', 10, 1, 100),
];

const TABLE = 'explain "facts"';
const MP = 'market "place"';
const CURRENT: MonthRange = { from: '2014-01-01', to: '2014-03-01' };
const BASE: MonthRange = { from: '2013-01-01', to: '2013-03-01' };
const SUMMED: MeasureSpec = { column: 'visits', overTime: 'sum' };
const AVERAGED: MeasureSpec = { column: 'visits', overTime: 'mean' };
const BOTH: ExplainDimensions = [MP, 'country'];

const slice = (range: MonthRange = CURRENT, filters: SliceSpec['filters'] = []): SliceSpec => ({
  table: TABLE,
  timeColumn: 'month',
  range,
  filters,
});

async function createFacts(engine: Engine): Promise<void> {
  const values = FACTS.map((r) =>
    `(DATE '${r.month}', ${[r.mp, r.cc, r.visits, r.orders, r.visitors].map((v) => sqlLiteral(v)).join(', ')})`,
  ).join(',\n');
  await engine.query(`CREATE TABLE ${quoteIdentifier(TABLE)} (month DATE, ${quoteIdentifier(MP)} VARCHAR, country VARCHAR,
    visits INTEGER, orders INTEGER, visitors INTEGER)`);
  await engine.query(`INSERT INTO ${quoteIdentifier(TABLE)} VALUES ${values}`);
}

// ---- Independent calculations in plain JS ----

type Column = 'mp' | 'cc';
const COLUMN_OF: Record<string, Column> = { [MP]: 'mp', country: 'cc' };
const LEVELS = ['total', 'first', 'second', 'both'] as const;
type Level = (typeof LEVELS)[number];

/** The facts of one period that the query looks at: in range, passing the filters, with no NULL among `required`. */
function periodFacts(range: MonthRange, filters: SliceSpec['filters'], required: (keyof Fact)[]): Fact[] {
  return FACTS.filter(
    (r) =>
      r.month >= range.from &&
      r.month <= range.to &&
      filters.every((filter) => filter.values.includes(r[COLUMN_OF[filter.column]!] as string)) &&
      required.every((column) => r[column] !== null),
  );
}

/** The segment key of a fact at a level, or undefined when the level does not exist for these dimensions. */
function segmentKey(r: Fact, level: Level, dims: readonly Column[]): string | undefined {
  const [first, second] = dims;
  if (level === 'total') return '|';
  if (level === 'first') return `${r[first!]}|`;
  if (!second) return undefined;
  if (level === 'second') return `|${r[second]}`;
  return `${r[first!]}|${r[second]}`;
}
const rowKey = (row: { first_key: string | null; second_key: string | null }) => `${row.first_key ?? ''}|${row.second_key ?? ''}`;

function sumBy(facts: Fact[], key: (r: Fact) => string | undefined, value: (r: Fact) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of facts) {
    const k = key(r);
    if (k !== undefined) sums.set(k, (sums.get(k) ?? 0) + value(r));
  }
  return sums;
}
const distinctMonths = (facts: Fact[]) => new Set(facts.map((r) => r.month)).size;

/** What buildExplainQuery must return, per level and segment key: base and current values (null when absent). */
function explainReference(measure: MeasureSpec, dims: readonly Column[], current: MonthRange, base: MonthRange, filters: SliceSpec['filters'] = []) {
  const required: (keyof Fact)[] = ['visits', ...dims];
  const periods = { base: periodFacts(base, filters, required), current: periodFacts(current, filters, required) };
  const months = { base: distinctMonths(periods.base), current: distinctMonths(periods.current) };
  const result = new Map<Level, Map<string, { base: number | null; current: number | null }>>();
  for (const level of LEVELS) {
    const combined = (period: 'base' | 'current') => {
      const sums = sumBy(periods[period], (r) => segmentKey(r, level, dims), (r) => r.visits!);
      // The app's rule: divide by the months with data for the whole selection, not the segment's own months.
      return new Map([...sums].map(([k, v]) => [k, measure.overTime === 'sum' ? v : v / months[period]]));
    };
    const [b, c] = [combined('base'), combined('current')];
    const keys = new Set([...b.keys(), ...c.keys()]);
    if (keys.size > 0) result.set(level, new Map([...keys].map((k) => [k, { base: b.get(k) ?? null, current: c.get(k) ?? null }])));
  }
  return { levels: result, months };
}

function expectClose(actual: number | null, expected: number | null, scale = 1) {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected), scale));
}

/** Each level's contributions add up to the total row's change (1e-9 relative). */
function expectLevelsAddUp(rows: ExplainRow[]) {
  const total = rows.filter((r) => r.level === 'total');
  expect(total).toHaveLength(1);
  const change = total[0]!.contribution;
  const magnitude = rows.reduce((m, r) => Math.max(m, Math.abs(r.contribution)), 1);
  for (const level of ['first', 'second', 'both'] as const) {
    const at = rows.filter((r) => r.level === level);
    if (at.length === 0) continue;
    expectClose(
      at.reduce((s, r) => s + r.contribution, 0),
      change,
      magnitude,
    );
  }
}

function expectMatchesReference(rows: ExplainRow[], reference: ReturnType<typeof explainReference>) {
  const seen = new Map<Level, number>();
  for (const row of rows) {
    const expected = reference.levels.get(row.level)?.get(rowKey(row));
    expect(expected, `unexpected ${row.level} row ${rowKey(row)}`).toBeDefined();
    expectClose(row.base_value, expected!.base);
    expectClose(row.current_value, expected!.current);
    expectClose(row.contribution, (expected!.current ?? 0) - (expected!.base ?? 0));
    expect(row.status).toBe(expected!.base === null ? 'new' : expected!.current === null ? 'gone' : 'both');
    expect([row.base_months, row.current_months]).toEqual([reference.months.base, reference.months.current]);
    seen.set(row.level, (seen.get(row.level) ?? 0) + 1);
  }
  for (const [level, segments] of reference.levels) expect(seen.get(level), level).toBe(segments.size);
}

describe('buildExplainQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createFacts(engine);
  });
  const run = (spec: Parameters<typeof buildExplainQuery>[0]) =>
    engine.query<ExplainRow>(buildExplainQuery(spec), sliceParams(spec.slice));

  it('summed measure: every level adds up to the change, in one statement with GROUPING SETS', async () => {
    const spec = { slice: slice(), baseRange: BASE, measure: SUMMED, dimensions: BOTH };
    expect(buildExplainQuery(spec)).toContain('GROUPING SETS');
    const rows = await run(spec);
    expectMatchesReference(rows, explainReference(SUMMED, ['mp', 'cc'], CURRENT, BASE));
    expectLevelsAddUp(rows);
    // By hand: base 10+5+4+12+6+2+7+11 = 57; current 15+3+8+18+4+9+1+20+9+3+2 = 92 (the NULL marketplace, the NULL
    // visits left out).
    expect(rows[0]).toMatchObject({ level: 'total', first_key: null, second_key: null, base_value: 57, current_value: 92, contribution: 35 });
    expect(rows.map((r) => r.level)).toEqual([
      'total',
      ...Array<string>(6).fill('first'),
      ...Array<string>(2).fill('second'),
      ...Array<string>(7).fill('both'),
    ]);
    // Within a level, the largest contributions come first.
    const first = rows.filter((r) => r.level === 'first').map((r) => Math.abs(r.contribution));
    expect(first).toEqual([...first].sort((a, b) => b - a));
  });

  it('averaged measure: divides by the months the selection has, not the segment’s own, so levels add up', async () => {
    const rows = await run({ slice: slice(), baseRange: BASE, measure: AVERAGED, dimensions: BOTH });
    expectMatchesReference(rows, explainReference(AVERAGED, ['mp', 'cc'], CURRENT, BASE));
    expectLevelsAddUp(rows);
    // "New" has data in one of the selection's three current months: 9 / 3, not 9 / 1. "Gone" in two of three base
    // months: (4 + 6) / 3. With each segment's own months these would be 9 and 5, and the marketplaces' values
    // would add up to more than the total.
    const byKey = (mp: string) => rows.find((r) => r.level === 'first' && r.first_key === mp)!;
    expect(byKey('New')).toMatchObject({ base_value: null, current_value: 3, contribution: 3, status: 'new' });
    expect(byKey('Gone')).toMatchObject({ current_value: null, contribution: -10 / 3, status: 'gone' });
    expectClose(byKey('Gone').base_value, 10 / 3);
    const total = rows[0]!;
    expectClose(total.current_value, 92 / 3);
    expectClose(total.base_value, 57 / 3);
    const ownMonths = new Map<string, Set<string>>();
    for (const r of periodFacts(CURRENT, [], ['visits', 'mp', 'cc'])) ownMonths.set(r.mp!, (ownMonths.get(r.mp!) ?? new Set()).add(r.month));
    const withOwnMonths = rows
      .filter((r) => r.level === 'first' && r.current_value !== null)
      .reduce((s, r) => s + (r.current_value! * 3) / ownMonths.get(r.first_key!)!.size, 0);
    expect(Math.abs(withOwnMonths - total.current_value!)).toBeGreaterThan(1);
  });

  it('one dimension only: the total and the first level, no second key', async () => {
    for (const measure of [SUMMED, AVERAGED]) {
      const rows = await run({ slice: slice(), baseRange: BASE, measure, dimensions: ['country'] });
      expectMatchesReference(rows, explainReference(measure, ['cc'], CURRENT, BASE));
      expectLevelsAddUp(rows);
      expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['total', 'first']));
      expect(rows.every((r) => r.second_key === null)).toBe(true);
    }
  });

  it('a zero change: the total does not move while members offset each other', async () => {
    const may = { from: '2014-05-01', to: '2014-05-01' };
    const april = { from: '2014-04-01', to: '2014-04-01' };
    const rows = await run({ slice: slice(may), baseRange: april, measure: SUMMED, dimensions: BOTH });
    expectMatchesReference(rows, explainReference(SUMMED, ['mp', 'cc'], may, april));
    expect(rows[0]).toMatchObject({ level: 'total', base_value: 15, current_value: 15, contribution: 0, status: 'both' });
    const first = rows.filter((r) => r.level === 'first');
    expect(first.map((r) => [r.first_key, r.contribution])).toEqual([
      ['A', -5],
      [BQ, 5],
    ]);
    expectLevelsAddUp(rows);
  });

  it('the same period twice: every contribution is 0', async () => {
    const rows = await run({ slice: slice(), baseRange: CURRENT, measure: AVERAGED, dimensions: BOTH });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => r.contribution === 0 && r.status === 'both')).toBe(true);
  });

  it('a single member: it accounts for the whole change', async () => {
    const filters = [{ column: MP, values: ['A'] }];
    const rows = await run({ slice: slice(CURRENT, filters), baseRange: BASE, measure: AVERAGED, dimensions: BOTH });
    expectMatchesReference(rows, explainReference(AVERAGED, ['mp', 'cc'], CURRENT, BASE, filters));
    const first = rows.filter((r) => r.level === 'first');
    expect(first).toHaveLength(1);
    expect(first[0]!.contribution).toBe(rows[0]!.contribution);
    expectLevelsAddUp(rows);
  });

  it('overlapping periods: each month counts in both, as two scans', async () => {
    // 24 months against the same months a year earlier: Feb 2013–Feb 2014 against Feb 2012–Feb 2013, overlapping
    // from Feb 2013 to Feb 2013; and a current range holding the whole base range.
    const cases: Array<[MonthRange, MonthRange]> = [
      [{ from: '2013-02-01', to: '2014-02-01' }, { from: '2012-02-01', to: '2013-02-01' }],
      [{ from: '2013-01-01', to: '2014-03-01' }, { from: '2013-02-01', to: '2013-03-01' }],
    ];
    for (const [current, base] of cases) {
      for (const measure of [SUMMED, AVERAGED]) {
        const rows = await run({ slice: slice(current), baseRange: base, measure, dimensions: BOTH });
        expectMatchesReference(rows, explainReference(measure, ['mp', 'cc'], current, base));
        expectLevelsAddUp(rows);
      }
    }
  });

  it('a filter with hostile values is bound as parameters, and applies to both periods', async () => {
    const filters = [
      { column: MP, values: [BQ, CD, 'Gone', "x') OR TRUE --"] },
      { column: 'country', values: ['RU', 'MX'] },
    ];
    const spec = { slice: slice(CURRENT, filters), baseRange: BASE, measure: AVERAGED, dimensions: BOTH };
    const sql = buildExplainQuery(spec);
    expect(sql).not.toContain("B'q");
    expect(sql).not.toContain('OR TRUE');
    const rows = await run(spec);
    expectMatchesReference(rows, explainReference(AVERAGED, ['mp', 'cc'], CURRENT, BASE, filters));
    expectLevelsAddUp(rows);
    expect(new Set(rows.filter((r) => r.level === 'first').map((r) => r.first_key))).toEqual(new Set([BQ, CD, 'Gone']));
    expect(rows.find((r) => r.first_key === CD && r.level === 'first')).toMatchObject({ status: 'new' });
  });

  it('new and gone members at every level', async () => {
    const rows = await run({ slice: slice(), baseRange: BASE, measure: SUMMED, dimensions: BOTH });
    const status = (level: string, first: string | null, second: string | null) =>
      rows.find((r) => r.level === level && r.first_key === first && r.second_key === second)?.status;
    expect(status('first', 'New', null)).toBe('new');
    expect(status('both', 'New', 'RU')).toBe('new');
    expect(status('first', 'Gone', null)).toBe('gone');
    expect(status('both', 'Gone', 'MX')).toBe('gone');
    expect(status('both', 'A', 'MX')).toBe('both');
    expect(status('second', null, 'MX')).toBe('both');
  });

  it('no data in either period: no rows; in one period: the total is new', async () => {
    const empty = { slice: slice(CURRENT, [{ column: 'country', values: ['ZZ'] }]), baseRange: BASE, measure: SUMMED, dimensions: BOTH };
    expect(await run(empty)).toEqual([]);
    const rows = await run({ slice: slice(), baseRange: { from: '2010-01-01', to: '2010-03-01' }, measure: AVERAGED, dimensions: BOTH });
    expect(rows[0]).toMatchObject({ level: 'total', base_value: null, status: 'new', base_months: 0, current_months: 3 });
    expect(rows.every((r) => r.status === 'new')).toBe(true);
    expectLevelsAddUp(rows);
  });

  it('refuses the same dimension twice', () => {
    expect(() => buildExplainQuery({ slice: slice(), baseRange: BASE, measure: SUMMED, dimensions: [MP, MP] })).toThrow(/differ/);
  });

  it('is planned by DuckDB for one and two dimensions, both ways of combining over time', async () => {
    for (const measure of [SUMMED, AVERAGED]) {
      for (const dimensions of [BOTH, ['country'] as const]) {
        await expectPlannable(
          engine,
          buildExplainQuery({ slice: slice(CURRENT, [{ column: MP, values: [] }]), baseRange: BASE, measure, dimensions }),
        );
      }
    }
  });
});

// ---- Shift-share of a ratio ----

interface Segment {
  n0: number;
  d0: number;
  n1: number;
  d1: number;
  inBase: boolean;
  inCurrent: boolean;
}

/** The ratio explanation recomputed from the facts: per level and key, the sums and the decomposition's terms. */
function ratioReference(scale: number, dims: readonly Column[], current: MonthRange, base: MonthRange, filters: SliceSpec['filters'] = []) {
  const required: (keyof Fact)[] = ['orders', 'visitors', ...dims];
  const periods = { base: periodFacts(base, filters, required), current: periodFacts(current, filters, required) };
  const D0 = periods.base.reduce((s, r) => s + r.visitors!, 0);
  const D1 = periods.current.reduce((s, r) => s + r.visitors!, 0);
  const N0 = periods.base.reduce((s, r) => s + r.orders!, 0);
  const N1 = periods.current.reduce((s, r) => s + r.orders!, 0);
  const defined = D0 > 0 && D1 > 0;
  const levels = new Map<Level, Map<string, Segment & { w0: number | null; w1: number | null; r0: number | null; r1: number | null; rate: number | null; mix: number | null }>>();
  for (const level of LEVELS) {
    const segments = new Map<string, Segment>();
    for (const [period, facts] of Object.entries(periods)) {
      for (const r of facts) {
        const key = segmentKey(r, level, dims);
        if (key === undefined) continue;
        const s = segments.get(key) ?? { n0: 0, d0: 0, n1: 0, d1: 0, inBase: false, inCurrent: false };
        if (period === 'base') Object.assign(s, { n0: s.n0 + r.orders!, d0: s.d0 + r.visitors!, inBase: true });
        else Object.assign(s, { n1: s.n1 + r.orders!, d1: s.d1 + r.visitors!, inCurrent: true });
        segments.set(key, s);
      }
    }
    if (segments.size === 0) continue;
    levels.set(
      level,
      new Map(
        [...segments].map(([key, s]) => {
          const w0 = D0 > 0 ? s.d0 / D0 : null;
          const w1 = D1 > 0 ? s.d1 / D1 : null;
          const r0 = s.d0 > 0 ? (scale * s.n0) / s.d0 : null;
          const r1 = s.d1 > 0 ? (scale * s.n1) / s.d1 : null;
          let rate: number | null = null;
          let mix: number | null = null;
          if (defined && r0 !== null && r1 !== null) {
            rate = ((w0! + w1!) / 2) * (r1 - r0);
            mix = ((r0 + r1) / 2) * (w1! - w0!);
          } else if (defined) {
            rate = 0;
            mix = (scale * s.n1) / D1 - (scale * s.n0) / D0;
          }
          return [key, { ...s, w0, w1, r0, r1, rate, mix }];
        }),
      ),
    );
  }
  return { levels, R0: D0 > 0 ? (scale * N0) / D0 : null, R1: D1 > 0 ? (scale * N1) / D1 : null };
}

function expectRatioMatches(rows: RatioExplainRow[], reference: ReturnType<typeof ratioReference>) {
  let count = 0;
  for (const row of rows) {
    const e = reference.levels.get(row.level)?.get(rowKey(row));
    expect(e, `unexpected ${row.level} row ${rowKey(row)}`).toBeDefined();
    expect([row.base_numerator, row.base_denominator, row.current_numerator, row.current_denominator]).toEqual([e!.n0, e!.d0, e!.n1, e!.d1]);
    expectClose(row.base_weight, e!.w0);
    expectClose(row.current_weight, e!.w1);
    expectClose(row.base_rate, e!.r0, 1000);
    expectClose(row.current_rate, e!.r1, 1000);
    expectClose(row.rate_effect, e!.rate, 1000);
    expectClose(row.mix_effect, e!.mix, 1000);
    expectClose(row.contribution, e!.rate === null ? null : e!.rate + e!.mix!, 1000);
    expect(row.status).toBe(!e!.inBase ? 'new' : !e!.inCurrent ? 'gone' : 'both');
    count++;
  }
  expect(count).toBe([...reference.levels.values()].reduce((s, m) => s + m.size, 0));
}

/** Over each level, rate and mix effects add up to the change of the overall ratio. */
function expectEffectsAddUp(rows: RatioExplainRow[], change: number) {
  const magnitude = rows.reduce((m, r) => Math.max(m, Math.abs(r.rate_effect ?? 0), Math.abs(r.mix_effect ?? 0)), 1);
  for (const level of LEVELS) {
    const at = rows.filter((r) => r.level === level);
    if (at.length === 0) continue;
    expectClose(
      at.reduce((s, r) => s + r.rate_effect! + r.mix_effect!, 0),
      change,
      magnitude,
    );
  }
}

describe('buildRatioExplainQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createFacts(engine);
  });
  const run = (spec: Parameters<typeof buildRatioExplainQuery>[0]) =>
    engine.query<RatioExplainRow>(buildRatioExplainQuery(spec), sliceParams(spec.slice));
  const ordersPerThousand = (s: SliceSpec, baseRange: MonthRange, dimensions: ExplainDimensions = BOTH) => ({
    slice: s,
    baseRange,
    numerator: 'orders',
    denominator: 'visitors',
    scale: 1000,
    dimensions,
  });

  it('rate and mix effects add up to the change of the overall ratio at every level', async () => {
    const spec = ordersPerThousand(slice(), BASE);
    expect(buildRatioExplainQuery(spec)).toContain('GROUPING SETS');
    const rows = await run(spec);
    const reference = ratioReference(1000, ['mp', 'cc'], CURRENT, BASE);
    expectRatioMatches(rows, reference);
    // By hand: base 12 orders / 570 visitors; current (the NULL-visitors and NULL-marketplace rows out, the NULL
    // visits row in) 30 orders / 640 visitors.
    expect([reference.R0, reference.R1]).toEqual([(1000 * 12) / 570, (1000 * 30) / 640]);
    const total = rows[0]!;
    expect(total).toMatchObject({ level: 'total', base_weight: 1, current_weight: 1, mix_effect: 0 });
    expectClose(total.base_rate, reference.R0, 1000);
    expectClose(total.current_rate, reference.R1, 1000);
    expectClose(total.rate_effect, reference.R1! - reference.R0!, 1000);
    expectEffectsAddUp(rows, reference.R1! - reference.R0!);
  });

  it('the midpoint formula, by hand, for a member in both periods', async () => {
    const rows = await run(ordersPerThousand(slice(), BASE, [MP]));
    const a = rows.find((r) => r.level === 'first' && r.first_key === 'A')!;
    // A: base 8 orders / 350 visitors of 570; current 17 / 420 of 640.
    const [w0, w1, r0, r1] = [350 / 570, 420 / 640, (1000 * 8) / 350, (1000 * 17) / 420];
    expectClose(a.rate_effect, ((w0 + w1) / 2) * (r1 - r0), 1000);
    expectClose(a.mix_effect, ((r0 + r1) / 2) * (w1 - w0), 1000);
    expectClose(a.contribution, w1 * r1 - w0 * r0, 1000);
  });

  it('new and gone members: all mix, no rate; a member without visitors: its orders as mix', async () => {
    const rows = await run(ordersPerThousand(slice(), BASE, [MP]));
    const member = (key: string) => rows.find((r) => r.level === 'first' && r.first_key === key)!;
    expect(member('New')).toMatchObject({ status: 'new', rate_effect: 0, base_rate: null, base_weight: 0 });
    expectClose(member('New').mix_effect, member('New').current_weight! * member('New').current_rate!, 1000);
    expect(member('Gone')).toMatchObject({ status: 'gone', rate_effect: 0, current_rate: null, current_weight: 0 });
    expectClose(member('Gone').mix_effect, -member('Gone').base_weight! * member('Gone').base_rate!, 1000);
    // "Zero" has 2 orders and 0 visitors: no rate of its own, but its orders are in the overall ratio.
    expect(member('Zero')).toMatchObject({ status: 'new', current_rate: null, current_weight: 0, rate_effect: 0 });
    expectClose(member('Zero').mix_effect, (1000 * 2) / 640, 1000);
  });

  it('one dimension, a filter, overlapping periods and a scale of 1 agree with the plain calculation', async () => {
    const filters = [{ column: MP, values: ['A', BQ, CD, 'New', "'; DROP TABLE x; --"] }];
    const cases: Array<[MonthRange, MonthRange, SliceSpec['filters'], ExplainDimensions]> = [
      [CURRENT, BASE, [], ['country']],
      [CURRENT, BASE, filters, BOTH],
      [{ from: '2013-02-01', to: '2014-02-01' }, { from: '2012-02-01', to: '2013-02-01' }, [], BOTH],
    ];
    for (const [current, base, filter, dimensions] of cases) {
      for (const scale of [1, 1000]) {
        const rows = await run({ ...ordersPerThousand(slice(current, filter), base, dimensions), scale });
        const dims = dimensions.map((d) => COLUMN_OF[d]!);
        const reference = ratioReference(scale, dims, current, base, filter);
        expectRatioMatches(rows, reference);
        expectEffectsAddUp(rows, reference.R1! - reference.R0!);
      }
    }
  });

  it('a single member: its rate effect is the whole change, no mix', async () => {
    const rows = await run(ordersPerThousand(slice(CURRENT, [{ column: MP, values: ['A'] }]), BASE, [MP]));
    const [total, a] = rows;
    expect(a).toMatchObject({ level: 'first', first_key: 'A', base_weight: 1, current_weight: 1, mix_effect: 0 });
    expectClose(a!.rate_effect, total!.current_rate! - total!.base_rate!, 1000);
  });

  it('a period whose denominator is zero or missing: the ratio and the effects are undefined, the sums say why', async () => {
    for (const base of [
      { from: '2012-12-01', to: '2012-12-01' },
      { from: '2010-01-01', to: '2010-03-01' },
    ]) {
      const rows = await run(ordersPerThousand(slice(), base));
      expect(rows[0]).toMatchObject({ level: 'total', base_rate: null, base_weight: null, base_denominator: 0, rate_effect: null, contribution: null });
      expect(rows[0]!.current_rate).toBeCloseTo((1000 * 30) / 640, 9);
      expect(rows.every((r) => r.rate_effect === null && r.mix_effect === null && r.contribution === null)).toBe(true);
      expectRatioMatches(rows, ratioReference(1000, ['mp', 'cc'], CURRENT, base));
    }
    const noCurrent = await run(ordersPerThousand(slice({ from: '2012-12-01', to: '2012-12-01' }), BASE));
    expect(noCurrent[0]).toMatchObject({ level: 'total', current_rate: null, current_denominator: 0, contribution: null });
  });

  it('refuses a scale that is not a positive finite number', () => {
    for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => buildRatioExplainQuery({ ...ordersPerThousand(slice(), BASE), scale })).toThrow(/scale/);
    }
  });

  it('is planned by DuckDB for one and two dimensions', async () => {
    for (const dimensions of [BOTH, [MP] as const]) {
      await expectPlannable(engine, buildRatioExplainQuery(ordersPerThousand(slice(CURRENT, [{ column: 'country', values: [] }]), BASE, dimensions)));
    }
  });
});
