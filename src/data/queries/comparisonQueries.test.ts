import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import type { ResolvedView } from '../resolveView';
import { OTHER_LABEL, fetchBreakdown, fetchConversion, fetchLeaderboard, fetchMapValues, fetchSeries, periodsOf } from './comparisonQueries';
import type { SeriesOptions } from './comparisonQueries';

// A hand-made market_monthly table, 2013-01 … 2014-12; every expectation is recomputed from ROWS in plain JS.
const shift = (month: string, delta: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const MONTHS = Array.from({ length: 24 }, (_, i) => shift('2013-01', i));
interface Row { month: string; marketplace: string; country: string; visitors: number | null; gmv_usd: number; orders: number }
const ROWS: Row[] = [];
const add = (i: number, marketplace: string, country: string, visitors: number | null, gmv_usd: number, orders: number) =>
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

type Column = 'visitors' | 'gmv_usd' | 'orders';
const COLUMN: Record<string, Column> = { visitors: 'visitors', gmv: 'gmv_usd', orders: 'orders' };
const view = (o: Partial<ResolvedView> = {}): ResolvedView => ({
  datasetId: 'market', measureId: 'visitors', from: '2014-01', to: '2014-06', filters: {}, ...o,
});
const slice = (v: ResolvedView, delta = 0, column = COLUMN[v.measureId]!) =>
  ROWS.filter((r) => r.month >= shift(v.from, delta) && r.month <= shift(v.to, delta) && r[column] !== null &&
    (v.filters.marketplace ?? [r.marketplace]).includes(r.marketplace) && (v.filters.country ?? [r.country]).includes(r.country));
const total = (rows: Row[], column: Column = 'visitors') => rows.reduce((s, r) => s + r[column]!, 0);
const monthCount = (rows: Row[]) => new Set(rows.map((r) => r.month)).size;
const monthsFrom = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from; m <= to; m = shift(m, 1)) out.push(m);
  return out;
};
/** Member's monthly total, null when it has no row that month. */
const cell = (rows: Row[], marketplace: string, month: string) => {
  const hit = rows.filter((r) => r.marketplace === marketplace && r.month === month);
  return hit.length ? total(hit) : null;
};
const near = (value: number | null) => (value === null ? null : expect.closeTo(value, 9));
const byName = <T extends { name: string }>(list: T[], name: string) => list.find((s) => s.name === name)!;

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  const values = ROWS.map((r) => `(DATE '${r.month}-01', '${r.marketplace}', '${r.country}', ${r.visitors ?? 'NULL'}::BIGINT, ` +
    `${r.gmv_usd}::DOUBLE, ${r.orders}::BIGINT, 7::BIGINT)`).join(',\n');
  await engine.query(`CREATE TABLE market_monthly AS SELECT * FROM (VALUES ${values})
    t(month, marketplace, country, visitors, gmv_usd, orders, active_sellers)`);
});

describe('periodsOf', () => {
  // Independent reference: group the range's months by the first month of their period.
  const reference = (from: string, to: string, length: number) => {
    const start = (m: string) => shift(m, -((Number(m.slice(5)) - 1) % length));
    const months = monthsFrom(from, to);
    const periods = [...new Set(months.map(start))];
    return { periods, partial: periods.map((p) => months.filter((m) => start(m) === p).length < length) };
  };
  it('lists every overlapping period with partial flags at both ends', () => {
    expect(periodsOf('2014-02', '2014-11', 'quarter')).toEqual({
      periods: ['2014-01', '2014-04', '2014-07', '2014-10'],
      partial: [true, false, false, true],
    });
    expect(periodsOf('2013-07', '2015-03', 'year')).toEqual({ periods: ['2013-01', '2014-01', '2015-01'], partial: [true, false, true] });
    expect(periodsOf('2014-11', '2015-02', 'month')).toEqual({
      periods: ['2014-11', '2014-12', '2015-01', '2015-02'],
      partial: [false, false, false, false],
    });
    expect(periodsOf('2014-01', '2014-12', 'quarter').partial).toEqual([false, false, false, false]);
    for (const [from, to] of [['2013-03', '2016-08'], ['2014-12', '2015-01'], ['2014-01', '2014-01']] as const) {
      for (const [grain, length] of [['month', 1], ['quarter', 3], ['year', 12]] as const) {
        expect(periodsOf(from, to, grain)).toEqual(reference(from, to, length));
      }
    }
  });
  it('handles ranges inside one period', () => {
    expect(periodsOf('2014-05', '2014-05', 'quarter')).toEqual({ periods: ['2014-04'], partial: [true] });
    expect(periodsOf('2014-04', '2014-06', 'quarter')).toEqual({ periods: ['2014-04'], partial: [false] });
    expect(periodsOf('2014-03', '2014-09', 'year')).toEqual({ periods: ['2014-01'], partial: [true] });
  });
});

describe('fetchSeries', () => {
  const run = (v: ResolvedView, o: Partial<SeriesOptions> = {}) =>
    fetchSeries(engine, MARKET_MODEL, v, { by: 'marketplace', limit: 10, grain: 'month', mode: 'absolute', base: v.from, ...o });
  const RU = { country: ['RU'] };

  it('absolute: every period of the range (gaps null), largest first, raw = values', async () => {
    const v = view({ to: '2015-02', filters: RU }); // no data after 2014-12
    const result = await run(v);
    const months = monthsFrom(v.from, v.to);
    const rows = slice(v);
    const expected = [...new Set(rows.map((r) => r.marketplace))].map((name) => {
      const values = months.map((m) => cell(rows, name, m));
      return { name, isOther: false, values, raw: values };
    }).sort((x, y) => total(rows.filter((r) => r.marketplace === y.name)) - total(rows.filter((r) => r.marketplace === x.name)));
    expect(result).toEqual({ periods: months, partial: months.map(() => false), series: expected, seriesTotal: 4 });
    expect(byName(result.series, 'B').values[4]).toBeNull(); // 2014-05
  });

  it('share: Other only in share mode and last; shares per period sum to 1', async () => {
    const v = view({ filters: RU });
    const rows = slice(v);
    const limited = await run(v, { limit: 2 });
    expect(limited.series.map((s) => s.name)).toEqual(['A', 'B']);
    expect(limited.seriesTotal).toBe(4);
    const share = await run(v, { limit: 2, mode: 'share' });
    expect(share.series.map((s) => [s.name, s.isOther])).toEqual([['A', false], ['B', false], [OTHER_LABEL, true]]);
    monthsFrom(v.from, v.to).forEach((m, p) => {
      const all = total(rows.filter((r) => r.month === m));
      expect(share.series[2]!.raw[p]).toBe(all - (cell(rows, 'A', m) ?? 0) - (cell(rows, 'B', m) ?? 0));
      for (const s of share.series) expect(s.values[p]).toBeCloseTo((s.raw[p] ?? 0) / all, 12);
      expect(share.series.reduce((sum, s) => sum + (s.values[p] ?? 0), 0)).toBeCloseTo(1, 12);
    });
  });

  it('index: exactly 100 at the base period, null for a series without a base value', async () => {
    const monthly = await run(view({ filters: RU }), { mode: 'index', base: '2014-02' });
    for (const s of monthly.series.filter((line) => line.name !== 'C')) {
      expect(s.values[1]).toBe(100);
      s.values.forEach((value, p) => expect(value).toBeCloseTo((s.raw[p]! / s.raw[1]!) * 100, 9));
    }
    expect(byName(monthly.series, 'C').values.every((value) => value === null)).toBe(true); // C starts in March
    const quarterly = await run(view({ to: '2014-12', filters: RU }), { mode: 'index', grain: 'quarter', base: '2014-05' });
    expect(quarterly.periods).toEqual(['2014-01', '2014-04', '2014-07', '2014-10']);
    for (const s of quarterly.series) expect(s.values[1]).toBe(100);
  });

  it('yoy: like for like over months with a year-earlier value', async () => {
    const v = view({ filters: RU });
    const result = await run(v, { mode: 'yoy' });
    const before = slice(v, -12);
    const now = slice(v);
    for (const s of result.series) {
      monthsFrom(v.from, v.to).forEach((m, p) => {
        const cur = cell(now, s.name, m);
        const prev = cell(before, s.name, shift(m, -12));
        expect(s.values[p]).toEqual(cur === null || prev === null ? null : near((cur - prev) / prev));
      });
    }
    const quarterly = await run(v, { mode: 'yoy', grain: 'quarter' });
    const b = (months: string[]) => months.reduce((sum, m) => sum + cell(ROWS, 'B', m)!, 0); // B is RU only
    expect(byName(quarterly.series, 'B').values[1]).toBeCloseTo(b(['2014-04', '2014-06']) / b(['2013-04', '2013-06']) - 1, 12);
    expect(byName(quarterly.series, 'C').values).toEqual([null, null]);
  });

  it('avg3: full windows only, reaching back before the range', async () => {
    const result = await run(view({ filters: RU }), { mode: 'avg3' });
    const russia = ROWS.filter((r) => r.country === 'RU');
    const mean3 = (name: string, m: string) => [-2, -1, 0].reduce((s, d) => s + cell(russia, name, shift(m, d))!, 0) / 3;
    expect(byName(result.series, 'A').values[0]).toBeCloseTo(mean3('A', '2014-01'), 9);
    expect(byName(result.series, 'B').values.slice(3)).toEqual([near(mean3('B', '2014-04')), null, null]);
    expect(byName(result.series, 'C').values).toEqual([null, null, null, null, near(mean3('C', '2014-05')), near(mean3('C', '2014-06'))]);
  });

  // D (MX) has visitors in January only: in Q1 it weighs what it had (300), not its average month.
  it('share of an averaged measure by quarter weighs a member present in 1 of 3 months by what it had', async () => {
    const v = view({ from: '2014-01', to: '2014-03', filters: { country: ['MX'] } });
    const result = await run(v, { mode: 'share', grain: 'quarter' });
    const rows = slice(v);
    const expectedD = total(rows.filter((r) => r.marketplace === 'D')) / total(rows);
    expect(byName(result.series, 'D').values[0]).toBeCloseTo(expectedD, 9);
  });
});

describe('fetchBreakdown', () => {
  for (const measureId of ['visitors', 'gmv']) {
    it(`${measureId}: Other buckets hold the rest, keys by total with Other last, cells add up to the total`, async () => {
      const v = view({ measureId });
      const column = COLUMN[measureId]!;
      const rows = slice(v);
      const divisor = measureId === 'visitors' ? monthCount(rows) : 1; // averaged: total ÷ selection months
      const value = (filter: (r: Row) => boolean) => total(rows.filter(filter), column) / divisor;
      const rank = (key: 'marketplace' | 'country', limit: number) => [...new Set(rows.map((r) => r[key]))]
        .sort((x, y) => value((r) => r[key] === y) - value((r) => r[key] === x) || (x < y ? -1 : 1)).slice(0, limit);
      const keptRows = rank('marketplace', 2);
      const keptColumns = rank('country', 1);
      const result = await fetchBreakdown(engine, MARKET_MODEL, v, { rows: 'marketplace', columns: 'country', rowLimit: 2, columnLimit: 1 });
      const rowOf = (r: Row) => (keptRows.includes(r.marketplace) ? r.marketplace : null);
      const columnOf = (r: Row) => (keptColumns.includes(r.country) ? r.country : null);
      const keyOf = (rk: string | null, ck: string | null) => `${rk}|${ck}`;
      const expected = new Map<string, number>();
      for (const r of rows) expected.set(keyOf(rowOf(r), columnOf(r)), (expected.get(keyOf(rowOf(r), columnOf(r))) ?? 0) + r[column]! / divisor);
      const actual = new Map(result.cells.map((c) => [keyOf(c.rowKey, c.columnKey), c.value]));
      expect(actual).toEqual(new Map([...expected].map(([k, x]) => [k, near(x)])));
      const order = (pick: (r: Row) => string | null) => [...new Set(rows.map(pick))]
        .sort((x, y) => Number(x === null) - Number(y === null) || value((r) => pick(r) === y) - value((r) => pick(r) === x));
      expect(result.rowKeys).toEqual(order(rowOf));
      expect(result.columnKeys).toEqual(order(columnOf));
      expect(result.rowKeys.at(-1)).toBeNull();
      expect([result.rowTotal, result.columnTotal]).toEqual([new Set(rows.map((r) => r.marketplace)).size, 3]);
      expect(result.cells.reduce((s, c) => s + c.value, 0)).toBeCloseTo(total(rows, column) / divisor, 9);
    });
  }
});

describe('fetchLeaderboard', () => {
  it('ranks per group, previous ranks (null when new), one spark value per month', async () => {
    const v = view();
    const result = await fetchLeaderboard(engine, MARKET_MODEL, v, { group: 'country', member: 'marketplace' });
    const values = (rows: Row[]) => { // (country, marketplace) → total ÷ selection months
      const out = new Map<string, Map<string, number>>();
      for (const r of rows) {
        const group = out.get(r.country) ?? out.set(r.country, new Map()).get(r.country)!;
        group.set(r.marketplace, (group.get(r.marketplace) ?? 0) + r.visitors! / monthCount(rows));
      }
      return out;
    };
    const rankIn = (group: Map<string, number> | undefined, m: string) =>
      group?.has(m) ? 1 + [...group.values()].filter((x) => x > group.get(m)!).length : null;
    const now = values(slice(v));
    const before = values(slice(v, -12));
    const expected = [...now].flatMap(([g, group]) => [...group].map(([m, value]) => ({
      group: g, member: m, value: near(value), share: near(value / [...group.values()].reduce((a, b) => a + b, 0)),
      rank: rankIn(group, m)!, previousRank: rankIn(before.get(g), m),
      growth: before.get(g)?.get(m) ? near((value - before.get(g)!.get(m)!) / before.get(g)!.get(m)!) : null,
      spark: monthsFrom(v.from, v.to).map((month) => cell(slice(v).filter((r) => r.country === g), m, month)),
    }))).sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : x.rank - y.rank || (x.member < y.member ? -1 : 1)));
    expect(result).toEqual({ rows: expected, sparkPeriods: monthsFrom(v.from, v.to), sparkGrain: 'month' });
    for (const [group, member] of [['RU', 'C'], ['KZ', 'E'], ['MX', 'D']]) {
      expect(result.rows.find((r) => r.group === group && r.member === member)!.previousRank).toBeNull();
    }
  });

  it('picks the spark grain by range length; one spark value per spark period', async () => {
    const cases = [
      ['2013-01', '2015-12', 'month', 36], // 36 months
      ['2013-01', '2016-01', 'quarter', 13], // 37
      ['2013-01', '2022-12', 'quarter', 40], // 120
      ['2013-01', '2023-01', 'year', 11], // 121
    ] as const;
    for (const [from, to, grain, count] of cases) {
      const result = await fetchLeaderboard(engine, MARKET_MODEL, view({ from, to }), { group: 'country', member: 'marketplace' });
      expect([result.sparkGrain, result.sparkPeriods.length]).toEqual([grain, count]);
      expect(result.sparkPeriods).toEqual(periodsOf(from, to, grain).periods);
      for (const row of result.rows) expect(row.spark).toHaveLength(count);
    }
  });
});

describe('fetchConversion', () => {
  it('ratios from sums over months with all three measures; no orders gives a null order value', async () => {
    const v = view({ from: '2013-01', to: '2014-12' });
    const rows = slice(v).filter((r) => r.visitors !== null);
    const pairs = [...new Set(rows.map((r) => `${r.marketplace}|${r.country}`))].sort();
    const expected = pairs.map((pair) => {
      const [first, second] = pair.split('|') as [string, string];
      const own = rows.filter((r) => r.marketplace === first && r.country === second);
      const [visitors, orders, gmv, months] = [total(own), total(own, 'orders'), total(own, 'gmv_usd'), monthCount(own)];
      return {
        first, second, months, avgMonthlyVisitors: near(visitors / months), avgMonthlyRevenue: near(gmv / months),
        ordersPerThousandVisitors: near((orders / visitors) * 1000),
        averageOrderValue: orders === 0 ? null : near(gmv / orders), revenuePerVisitor: near(gmv / visitors),
      };
    });
    const result = await fetchConversion(engine, MARKET_MODEL, v);
    expect(result).toEqual(expected);
    expect(result.find((r) => r.first === 'B' && r.second === 'MX')).toBeUndefined();
    expect(result.find((r) => r.first === 'D')).toMatchObject({ averageOrderValue: null, ordersPerThousandVisitors: 0 });
  });
});

describe('fetchMapValues', () => {
  const map = async (v: ResolvedView, metric: 'value' | 'share' | 'growth', member: string | null = null) =>
    Object.fromEntries((await fetchMapValues(engine, MARKET_MODEL, v, { metric, member })).map((x) => [x.code, x.value]));
  const perCountry = (rows: Row[]) => { // country → total ÷ selection months
    const out: Record<string, number> = {};
    for (const r of rows) out[r.country] = (out[r.country] ?? 0) + r.visitors! / monthCount(rows);
    return out;
  };

  it('value: the per-country value, for all members or one', async () => {
    expect(await map(view(), 'value')).toEqual(Object.fromEntries(Object.entries(perCountry(slice(view()))).map(([c, x]) => [c, near(x)])));
    const a = view({ filters: { marketplace: ['A'] } });
    expect(await map(view(), 'value', 'A')).toEqual(Object.fromEntries(Object.entries(perCountry(slice(a))).map(([c, x]) => [c, near(x)])));
  });

  it('share: the member’s part of all members in each country', async () => {
    const result = await map(view({ filters: { marketplace: ['B'] } }), 'share', 'A'); // the member filter is replaced
    const rows = slice(view());
    const share = (c: string) => total(rows.filter((r) => r.country === c && r.marketplace === 'A')) / total(rows.filter((r) => r.country === c));
    expect(result).toEqual({ RU: near(share('RU')), MX: near(share('MX')) });
    expect(Object.values(result).every((x) => x! > 0 && x! <= 1)).toBe(true);
  });

  it('growth: against the same months a year earlier, null where there was no data', async () => {
    const now = perCountry(slice(view()));
    const before = perCountry(slice(view(), -12));
    expect(await map(view(), 'growth')).toEqual({
      RU: near((now.RU! - before.RU!) / before.RU!), MX: near((now.MX! - before.MX!) / before.MX!), KZ: null,
    });
  });

  // D has visitors in 1 of the 6 months: member and total are combined over the same months.
  it('share of an averaged measure stays at most 1 for a member with fewer months than the selection', async () => {
    const result = await map(view(), 'share', 'D');
    const mx = slice(view()).filter((r) => r.country === 'MX');
    expect(result.MX).toBeCloseTo(total(mx.filter((r) => r.marketplace === 'D')) / total(mx), 9);
    expect(result.MX).toBeLessThanOrEqual(1);
  });
});
