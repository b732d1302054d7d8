import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { QuerySlice } from '../querySlice';
import { fetchRanking, rankingQuery } from './fetchRanking';
import { kpiQuery } from './fetchKpis';
import { createMiniMarket, MODEL, view } from './miniMarketTestKit';
import { connectDatasets, datasetModel } from './queryTarget';

/** Runs a query's own query function, as TanStack Query would. */
const run = <T>(options: { queryFn?: unknown }) => (options.queryFn as () => Promise<T>)();

describe('query options over the connected dataset registry', () => {
  it('run their fetcher on the dataset the view names', async () => {
    const engine = await createNodeEngine();
    await createMiniMarket(engine);
    const asked: string[] = [];
    connectDatasets({
      engineFor: async (id) => (asked.push(id), engine),
      modelOf: (id) => (id === MODEL.id ? MODEL : undefined),
      bundledEngine: async () => engine,
    });
    const v: QuerySlice = view({ filters: { country: ['RU'] } });
    expect(await run(rankingQuery(v, 'marketplace', 5))).toEqual(await fetchRanking(engine, MODEL, v, 'marketplace', 5));
    expect(asked).toEqual([MODEL.id]);
  });

  it('fail with a clear message for a dataset this browser does not have, before starting any engine', async () => {
    let started = false;
    connectDatasets({
      engineFor: async () => {
        started = true;
        throw new Error('should not start');
      },
      modelOf: () => undefined,
      bundledEngine: async () => {
        throw new Error('should not start');
      },
    });
    await expect(run(kpiQuery(view({ datasetId: 'u_gone' })))).rejects.toThrow('There is no dataset "u_gone" in this browser.');
    expect(started).toBe(false);
    expect(() => datasetModel('u_gone')).toThrow(/u_gone/);
  });
});
