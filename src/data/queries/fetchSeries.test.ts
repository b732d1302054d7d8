import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { OTHER_LABEL, fetchSeries, periodsOf, type SeriesOptions } from './fetchSeries';
import { ROWS, byName, cell, createMarketMonthly, monthsFrom, near, shift, slice, total, view } from './marketMonthlyTestKit';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createMarketMonthly(engine);
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
  const run = (v: QuerySlice, o: Partial<SeriesOptions> = {}) =>
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
