import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { fetchCatalog } from './fetchCatalog';
import { MODEL, ROWS, createMiniMarket } from './miniMarketTestKit';

describe('fetchCatalog on a hand-made table', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createMiniMarket(engine);
  });

  it('catalog: first and last month, row count, members largest first by the default measure', async () => {
    const weight = (key: 'marketplace' | 'country' | 'region' | 'subregion' | 'group') => {
      const totals = new Map<string, number>();
      for (const r of ROWS) totals.set(r[key], (totals.get(r[key]) ?? 0) + (r.visitors ?? 0));
      return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    };
    const months = ROWS.map((r) => r.month).sort();
    expect(await fetchCatalog(engine, MODEL)).toEqual({
      firstMonth: months[0],
      lastMonth: months.at(-1),
      rowCount: ROWS.length,
      members: {
        marketplace: weight('marketplace'),
        country: weight('country'),
        region: weight('region'),
        subregion: weight('subregion'),
        group: weight('group'),
      },
    });
  });

});
