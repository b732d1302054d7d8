import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import { fetchLeaderboard } from './fetchLeaderboard';
import { periodsOf } from './fetchSeries';
import { type Row, cell, createMarketMonthly, monthCount, monthsFrom, near, slice, view } from './marketMonthlyTestKit';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createMarketMonthly(engine);
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
