import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import { fetchConversion } from './fetchConversion';
import { createMarketMonthly, monthCount, near, slice, total, view } from './marketMonthlyTestKit';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createMarketMonthly(engine);
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
