import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { fetchLeaderboard } from './fetchLeaderboard';
import { fetchMapValues } from './fetchMapValues';
import { fetchSeries, type SeriesOptions } from './fetchSeries';
import { loadBundledIntoNode, readDatasetText } from '../../../test/support/loadBundledIntoNode';

// Expectations come from the traffic CSV itself, parsed here in plain JS (no SQL, no code under test).
interface Traffic { month: string; marketplace: string; country: string; visitors: number }
let traffic: Traffic[];
let engine: Engine;
beforeAll(async () => {
  ({ engine } = await loadBundledIntoNode());
  const [header, ...lines] = (await readDatasetText('marketplace-traffic.csv')).trimEnd().split('\n');
  expect(header).toBe('month,marketplace,country,visitors');
  traffic = lines.map((line) => {
    const [month, marketplace, country, visitors] = line.split(',') as [string, string, string, string];
    return { month, marketplace, country, visitors: Number(visitors) };
  });
});

const shift = (month: string, delta: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const H2_2014 = ['2014-07', '2014-08', '2014-09', '2014-10', '2014-11', '2014-12'];
const THREE = ['AliExpress', 'eBay', 'Amazon'];
const VIEW: QuerySlice = {
  datasetId: MARKET_MODEL.id,
  measureId: 'visitors',
  from: '2014-07',
  to: '2014-12',
  filters: { country: ['RU'], marketplace: THREE },
};
/** Visitors summed over the rows that pass the filter (null when there are none). */
const visitors = (keep: (r: Traffic) => boolean) => {
  const rows = traffic.filter(keep);
  return rows.length ? rows.reduce((s, r) => s + r.visitors, 0) : null;
};
const ru = (marketplace: string, month: string) =>
  visitors((r) => r.country === 'RU' && r.marketplace === marketplace && r.month === month)!;
const series = (view: QuerySlice, options: Partial<SeriesOptions>) =>
  fetchSeries(engine, MARKET_MODEL, view, { by: 'marketplace', limit: 10, grain: 'month', mode: 'absolute', base: view.from, ...options });
const relativelyClose = (actual: number | null, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual! - expected) / Math.abs(expected)).toBeLessThan(tolerance);

describe('comparison views on the bundled data: Russia, H2 2014', () => {
  it('share: AliExpress leads every month, the three shares sum to 1, H2 ratio = 15.6 / 20.7', async () => {
    const result = await series(VIEW, { mode: 'share' });
    expect(result.periods).toEqual(H2_2014);
    expect(result.series.map((s) => s.name)).toEqual(['AliExpress', 'eBay', 'Amazon']);
    expect(result.series.some((s) => s.isOther)).toBe(false);
    H2_2014.forEach((month, p) => {
      const all = THREE.reduce((sum, m) => sum + ru(m, month), 0);
      for (const s of result.series) {
        expect(s.raw[p]).toBe(ru(s.name, month));
        expect(s.values[p]).toBeCloseTo(ru(s.name, month) / all, 12);
      }
      const shares = result.series.map((s) => s.values[p]!);
      expect(Math.max(...shares)).toBe(result.series[0]!.values[p]);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    });
    // The H2 share as a ratio of sums, from the returned raw values and from the CSV.
    const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + b!, 0);
    const fromRaw = sum(result.series[0]!.raw) / result.series.reduce((s, line) => s + sum(line.raw), 0);
    const fromCsv = visitors((r) => r.country === 'RU' && r.marketplace === 'AliExpress' && H2_2014.includes(r.month))! /
      visitors((r) => r.country === 'RU' && THREE.includes(r.marketplace) && H2_2014.includes(r.month))!;
    expect(Math.abs(fromRaw - 15.6 / (15.6 + 3.7 + 1.4))).toBeLessThan(1e-9);
    expect(Math.abs(fromCsv - 15.6 / (15.6 + 3.7 + 1.4))).toBeLessThan(1e-9);
  });

  it('index with base 2014-07: every series is exactly 100 at 2014-07', async () => {
    const result = await series(VIEW, { mode: 'index', base: '2014-07' });
    expect(result.series).toHaveLength(3);
    for (const s of result.series) {
      expect(s.values[0]).toBe(100);
      H2_2014.forEach((month, p) => relativelyClose(s.values[p]!, (ru(s.name, month) / ru(s.name, '2014-07')) * 100));
    }
  });

  it('yoy: (v − v₋₁₂) / v₋₁₂ for each month', async () => {
    const result = await series(VIEW, { mode: 'yoy' });
    expect(result.series).toHaveLength(3);
    for (const s of result.series) {
      H2_2014.forEach((month, p) => {
        const before = ru(s.name, shift(month, -12));
        relativelyClose(s.values[p]!, (ru(s.name, month) - before) / before, 1e-9);
      });
    }
  });

  it('leaderboard over every marketplace in Russia: AliExpress ranks first', async () => {
    const result = await fetchLeaderboard(engine, MARKET_MODEL, { ...VIEW, filters: { country: ['RU'] } }, {
      group: 'country',
      member: 'marketplace',
    });
    const leader = result.rows.find((row) => row.group === 'RU' && row.rank === 1)!;
    expect(leader.member).toBe('AliExpress');
    expect(result.rows.filter((row) => row.rank === 1)).toHaveLength(1);
    relativelyClose(leader.value, 15_600_000);
    expect(leader.spark).toEqual(H2_2014.map((month) => ru('AliExpress', month)));
  });

  it('map share for AliExpress: RU share = AliExpress RU / every marketplace in RU', async () => {
    const result = await fetchMapValues(engine, MARKET_MODEL, VIEW, { metric: 'share', member: 'AliExpress' });
    const share = result.find((x) => x.code === 'RU')!.value!;
    const expected = visitors((r) => r.country === 'RU' && r.marketplace === 'AliExpress' && H2_2014.includes(r.month))! /
      visitors((r) => r.country === 'RU' && H2_2014.includes(r.month))!;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    relativelyClose(share, expected);
  });
});

describe('who grew fastest year on year (2015 vs 2014)', () => {
  it('fetchSeries yoy by year agrees with a like-for-like computation from the CSV', async () => {
    const view: QuerySlice = { ...VIEW, from: '2015-01', to: '2015-12', filters: {} };
    const result = await series(view, { limit: 100, grain: 'year', mode: 'yoy' });
    expect(result.periods).toEqual(['2015-01']);
    // Per marketplace (all countries): months of 2015 that have a value a year earlier, summed on both sides.
    const months = Array.from({ length: 12 }, (_, i) => shift('2015-01', i));
    const growth = new Map<string, number | null>();
    for (const marketplace of new Set(traffic.filter((r) => r.month.startsWith('2015')).map((r) => r.marketplace))) {
      let now = 0;
      let before = 0;
      for (const month of months) {
        const cur = visitors((r) => r.marketplace === marketplace && r.month === month);
        const prev = visitors((r) => r.marketplace === marketplace && r.month === shift(month, -12));
        if (cur !== null && prev !== null) [now, before] = [now + cur, before + prev];
      }
      growth.set(marketplace, before > 0 ? (now - before) / before : null);
    }
    expect(result.series.map((s) => s.name).sort()).toEqual([...growth.keys()].sort());
    for (const s of result.series) {
      const expected = growth.get(s.name)!;
      if (expected === null) expect(s.values[0]).toBeNull();
      else relativelyClose(s.values[0]!, expected, 1e-9);
    }
    const fastest = (entries: [string, number | null][]) =>
      entries.filter((e): e is [string, number] => e[1] !== null).sort((a, b) => b[1] - a[1])[0]!;
    const [name, value] = fastest([...growth]);
    expect(growth.get('Shopee')).toBeNull(); // launched 2015-06: nothing to compare with
    expect(fastest(result.series.map((s) => [s.name, s.values[0]!]))).toEqual([name, expect.closeTo(value, 9)]);
  });
});
