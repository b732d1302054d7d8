import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import type { QuerySlice } from '../querySlice';
import { fetchKpis } from './fetchKpis';
import { fetchRanking } from './fetchRanking';
import { loadBundledIntoNode } from '../../../test/support/loadBundledIntoNode';
import { MODEL, createMiniMarket, expectedKpis, view } from './miniMarketTestKit';

describe('fetchKpis on a hand-made table', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createMiniMarket(engine);
  });

  const kpiCases: [string, Partial<QuerySlice>][] = [
    ['all rows, averaged measure', {}],
    ['one country, averaged measure', { filters: { country: ['RU'] } }],
    ['one country, summed measure', { measureId: 'gmv', filters: { country: ['RU'] } }],
    ['two marketplaces, summed measure', { measureId: 'orders', filters: { marketplace: ['A', 'B'] } }],
  ];
  for (const [name, overrides] of kpiCases) {
    it(`kpis (${name}) match the JS recomputation`, async () => {
      const kpis = await fetchKpis(engine, MODEL, view(overrides));
      const expected = expectedKpis(view(overrides));
      expect(expected.previous).not.toBeNull();
      expect(kpis.monthsWithData).toBe(expected.monthsWithData);
      for (const key of ['current', 'previous', 'change', 'leaderValue', 'leaderShare'] as const) {
        expect(kpis[key], key).toBeCloseTo(expected[key]!, 9);
      }
      expect(kpis.leader).toBe(expected.leader);
    });
  }

  it('kpis: no previous value or change when the year before has fewer months with data', async () => {
    // B in RU has visitors in 2 of the 3 months of 2013 (March has sales only); C has no 2013 rows at all.
    const selections: Record<string, string[]>[] = [{ marketplace: ['B'], country: ['RU'] }, { marketplace: ['C'] }];
    for (const filters of selections) {
      const kpis = await fetchKpis(engine, MODEL, view({ filters }));
      expect(kpis).toMatchObject({ previous: null, change: null });
      expect(kpis.current).toBeCloseTo(expectedKpis(view({ filters })).current!, 9);
    }
    // For GMV, B's March 2013 row counts, so the comparison is fair again.
    const gmv = await fetchKpis(engine, MODEL, view({ measureId: 'gmv', filters: { marketplace: ['B'], country: ['RU'] } }));
    expect(gmv.previous).toBe(400 + 440 + 480);
    expect(gmv.change).toBeCloseTo((500 + 520 + 560) / (400 + 440 + 480) - 1, 12);
  });

  it('kpis: against the period a view compares with (the previous month, another range), like for like', async () => {
    for (const measureId of ['visitors', 'gmv']) {
      const march = view({ measureId, from: '2014-03', to: '2014-03', compareTo: { from: '2014-02', to: '2014-02' } });
      const kpis = await fetchKpis(engine, MODEL, march);
      const february = expectedKpis(view({ measureId, from: '2014-02', to: '2014-02' })).current!;
      const current = expectedKpis(view({ measureId, from: '2014-03', to: '2014-03' })).current!;
      expect(kpis.previous, measureId).toBeCloseTo(february, 9);
      expect(kpis.change, measureId).toBeCloseTo((current - february) / february, 9);
    }
    // Three months against two: not like for like, so no change is claimed.
    const uneven = await fetchKpis(engine, MODEL, view({ measureId: 'gmv', compareTo: { from: '2014-02', to: '2014-03' } }));
    expect(uneven).toMatchObject({ previous: null, change: null });
  });

  it('kpis: an empty selection gives nulls and zero months', async () => {
    expect(await fetchKpis(engine, MODEL, view({ filters: { marketplace: ['D'], country: ['RU'] } }))).toEqual({
      current: null,
      previous: null,
      change: null,
      leader: null,
      leaderValue: null,
      leaderShare: null,
      monthsWithData: 0,
    });
  });

  // D has 300 visitors in January only, B 90 every month: D's January must not be read as its average month.
  it('the leader’s share of an averaged measure is at most 1 and agrees with the ranking', async () => {
    const v = view({ filters: { country: ['MX'] } });
    const kpis = await fetchKpis(engine, MODEL, v);
    const ranking = await fetchRanking(engine, MODEL, v, 'marketplace', 10);
    expect(kpis.leaderShare).toBeLessThanOrEqual(1);
    expect(kpis.leaderShare).toBeCloseTo(ranking.rows.find((row) => row.key === kpis.leader)!.share!, 9);
  });
});

describe('market queries on the bundled data', () => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await loadBundledIntoNode());
  });

  it('Russia, H2 2014: AliExpress leads with 15.6 M average monthly visitors', async () => {
    const { MARKET_MODEL } = await import('../marketModel');
    const kpis = await fetchKpis(engine, MARKET_MODEL, {
      datasetId: MARKET_MODEL.id,
      measureId: 'visitors',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
    });
    expect(kpis).toMatchObject({
      leader: 'AliExpress',
      leaderValue: 15_600_000,
      current: 15_600_000 + 3_700_000 + 1_400_000,
      monthsWithData: 6,
    });
    expect(kpis.leaderShare).toBeCloseTo(15.6 / 20.7, 12);
  });
});
