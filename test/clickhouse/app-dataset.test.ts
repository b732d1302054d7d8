import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { createClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { suggestClickHouseDataset } from '../../src/data/clickhouse/clickHouseModel';
import { addClickHouseDataset } from '../../src/data/datasets/addClickHouseDataset';
import { databaseFor } from '../../src/data/datasets/lazyLoad';
import { datasetRegistry, findDataset, resetRegistry } from '../../src/data/datasets/registry';
import { setUploadDependencies } from '../../src/data/datasets/uploadDependencies';
import { clusterForTests, startProxy, type TestProxy } from './support';

// A ClickHouse table as an entry of the dataset registry, through the real proxy and cluster.
const cluster = clusterForTests();
let engine: Engine;
let proxy: TestProxy;

beforeAll(async () => {
  engine = await createNodeEngine();
  setUploadDependencies({ engine: async () => engine });
  proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);
});
afterAll(async () => {
  resetRegistry();
  await proxy?.close();
  await engine?.terminate();
});

describe('a ClickHouse dataset in the registry', () => {
  it('is listed once its cube is loaded, and a failure leaves the list as it was', async () => {
    const client = createClickHouseClient(proxy.url);
    const traffic = (await client.listTables('local', 'marketscope')).find((t) => t.name === 'traffic')!;
    const def = suggestClickHouseDataset('local', traffic)!;
    const entry = await addClickHouseDataset(def, { client, datasetId: 'u_ch_traffic' });
    expect(entry).toMatchObject({ kind: 'clickhouse', status: 'ready', clickhouse: { connection: 'local', table: 'traffic' } });
    const [row] = await engine.query<{ monthly: number }>(
      `SELECT sum(visitors) / 6 AS monthly FROM ${entry.model.table} WHERE country = 'RU' AND marketplace = 'AliExpress' AND month BETWEEN DATE '2014-07-01' AND DATE '2014-12-01'`,
    );
    expect((row!.monthly / 1e6).toFixed(1)).toBe('15.6');

    const before = datasetRegistry.get().map((e) => e.id);
    await expect(addClickHouseDataset({ ...def, connection: 'nowhere' }, { client, datasetId: 'u_ch_nowhere' })).rejects.toThrow(/No ClickHouse connection "nowhere"/);
    expect(datasetRegistry.get().map((e) => e.id)).toEqual(before);
    expect(findDataset('u_ch_traffic')?.status).toBe('ready');
  });

  it('databaseFor reloads a ClickHouse dataset in a new engine (page proxy path) and marks a failed load', async () => {
    // databaseFor uses the page's own /clickhouse base, which Node cannot reach: the failure must name the dataset's load, and mark it failed.
    const def = findDataset('u_ch_traffic')!.clickhouse!;
    const fresh = await createNodeEngine();
    try {
      setUploadDependencies({ engine: async () => fresh });
      await expect(databaseFor('u_ch_traffic')).rejects.toThrow(/ClickHouse/);
      expect(findDataset('u_ch_traffic')).toMatchObject({ status: 'failed', clickhouse: def });
    } finally {
      setUploadDependencies({ engine: async () => engine });
      await fresh.terminate();
    }
  });
});
