import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { fetchRanking } from './fetchRanking';
import { MODEL, byKey, createMiniMarket, measureInfo, rowsIn, view } from './miniMarketTestKit';

describe('fetchRanking on a hand-made table', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createMiniMarket(engine);
  });

  it('ranking: members by value, shares of the total summing to 1', async () => {
    for (const v of [view({ measureId: 'gmv' }), view({ measureId: 'orders', from: '2013-01', to: '2014-03' })]) {
      const { column, mean } = measureInfo(v);
      const ranking = await fetchRanking(engine, MODEL, v, 'marketplace', 10);
      const expected = byKey(rowsIn(v), 'marketplace', column, mean).sort((a, b) => b.value - a.value);
      const sum = expected.reduce((a, b) => a + b.value, 0);
      expect(ranking.groupTotal).toBe(expected.length);
      expect(ranking.rows.map((r) => r.key)).toEqual(expected.map((e) => e.name));
      ranking.rows.forEach((row, i) => {
        expect(row.value).toBeCloseTo(expected[i]!.value, 9);
        expect(row.share).toBeCloseTo(expected[i]!.value / sum, 12);
      });
      expect(ranking.rows.reduce((a, r) => a + r.share!, 0)).toBeCloseTo(1, 12);
    }
  });

  it('ranking: a limit keeps shares of the whole and the full member count', async () => {
    const v = view({ measureId: 'gmv' });
    const ranking = await fetchRanking(engine, MODEL, v, 'country', 1);
    const expected = byKey(rowsIn(v), 'country', 'gmv_usd', false).sort((a, b) => b.value - a.value);
    const sum = expected.reduce((a, b) => a + b.value, 0);
    expect(ranking.groupTotal).toBe(expected.length);
    expect(ranking.rows).toHaveLength(1);
    expect(ranking.rows[0]!.key).toBe(expected[0]!.name);
    expect(ranking.rows[0]!.share).toBeCloseTo(expected[0]!.value / sum, 12);
    await expect(fetchRanking(engine, MODEL, v, 'channel', 5)).rejects.toThrow(/channel/);
  });
});
