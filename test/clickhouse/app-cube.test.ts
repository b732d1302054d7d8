import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { ClickHouseError, createClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { loadClickHouseCube } from '../../src/data/clickhouse/loadClickHouseCube';
import { clickHouseCubeSpec, clickHouseModel, suggestClickHouseDataset } from '../../src/data/clickhouse/clickHouseModel';
import { readDatasetFile } from '../support/loadBundledIntoNode';
import { clusterForTests, startProxy, type TestProxy } from './support';

// The app's data layer (src/data/clickhouse) through the real proxy on the real two-shard cluster: the cube loaded
// into DuckDB (Node build) must give the same figures as the bundled CSV.
const cluster = clusterForTests();
let engine: Engine;
let proxy: TestProxy;

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.registerFileBuffer(engine.filePath('marketplace-traffic.csv'), await readDatasetFile('marketplace-traffic.csv'));
  proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);
});
afterAll(async () => {
  await proxy?.close();
  await engine?.terminate();
});

describe('ClickHouse tables as datasets', () => {
  it('lists the connections and the tables with their columns and types', async () => {
    const client = createClickHouseClient(proxy.url);
    const connections = await client.listConnections();
    expect(connections).toEqual([{ name: 'local', database: 'marketscope' }]);
    const tables = await client.listTables('local', 'marketscope');
    const traffic = tables.find((t) => t.name === 'traffic');
    expect(traffic?.engine).toBe('Distributed');
    expect(traffic?.columns.map((c) => c.name).sort()).toEqual(['country', 'marketplace', 'month', 'visitors']);
    expect(traffic?.columns.find((c) => c.name === 'month')?.type).toBe('Date');
  });

  it("lists each table's columns in the order the table declares them (18.16 has no system.columns.position)", async () => {
    const declared = ['zeta', 'month', 'Ärger', 'alpha', 'b`q', 'mid', 'a'];
    const types = ['String', 'Date', 'UInt8', 'UInt64', 'String', 'Float64', 'Nullable(String)'];
    const ddl = declared.map((name, i) => `\`${name.replace(/`/g, '\\`')}\` ${types[i]}`).join(', ');
    await cluster.admin(`CREATE TABLE marketscope.column_order (${ddl}) ENGINE = MergeTree() ORDER BY month`);
    try {
      const client = createClickHouseClient(proxy.url);
      const table = (await client.listTables('local', 'marketscope')).find((t) => t.name === 'column_order');
      expect(table?.columns).toEqual(declared.map((name, i) => ({ name, type: types[i] })));
      // The same order as DESCRIBE TABLE, which every release answers in declared order.
      const describe = (await cluster.admin('DESCRIBE TABLE marketscope.column_order FORMAT TSV')).trim().split('\n').map((line) => line.split('\t')[0]);
      expect(describe).toEqual(declared);
      const traffic = (await client.listTables('local', 'marketscope')).find((t) => t.name === 'traffic');
      expect(traffic?.columns.map((c) => c.name)).toEqual(['month', 'marketplace', 'country', 'visitors']);
    } finally {
      await cluster.admin('DROP TABLE marketscope.column_order');
    }
  });

  it('loads the traffic cube into DuckDB: same cells as the bundled CSV, and the Russia H2 2014 story', async () => {
    const client = createClickHouseClient(proxy.url);
    const result = await loadClickHouseCube(
      engine,
      client,
      { connection: 'local', table: 'traffic', time: 'month', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] },
      'ch_traffic',
    );
    const bundled = `read_csv('${engine.filePath('marketplace-traffic.csv')}', header = true, columns = {month: 'VARCHAR', marketplace: 'VARCHAR', country: 'VARCHAR', visitors: 'BIGINT'})`;
    const [{ n }] = (await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM (SELECT DISTINCT month, marketplace, country FROM ${bundled})`)) as [{ n: number }];
    expect(result.rows).toBe(n);
    const [diff] = await engine.query<{ missing: number; wrong: number }>(
      `SELECT count(*) FILTER (WHERE c.month IS NULL)::DOUBLE AS missing, count(*) FILTER (WHERE c.visitors <> b.visitors)::DOUBLE AS wrong
       FROM (SELECT strptime(month, '%Y-%m')::DATE AS month, marketplace, country, sum(visitors)::DOUBLE AS visitors FROM ${bundled} GROUP BY ALL) b
       LEFT JOIN ch_traffic c USING (month, marketplace, country)`,
    );
    expect(diff).toEqual({ missing: 0, wrong: 0 });
    const story = await engine.query<{ marketplace: string; monthly: number }>(
      `SELECT marketplace, sum(visitors) / 6 AS monthly FROM ch_traffic WHERE country = 'RU' AND month BETWEEN DATE '2014-07-01' AND DATE '2014-12-01' GROUP BY marketplace`,
    );
    const monthly = new Map(story.map((r) => [r.marketplace, (r.monthly / 1e6).toFixed(1)]));
    expect(['AliExpress', 'eBay', 'Amazon'].map((m) => monthly.get(m))).toEqual(['15.6', '3.7', '1.4']);
  });

  it('stops past the row cap and names the connection; an unknown connection says so', async () => {
    const client = createClickHouseClient(proxy.url);
    const capped = loadClickHouseCube(
      engine,
      client,
      { connection: 'local', table: 'traffic', time: 'month', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] },
      'ch_capped',
      { rowCap: 100 },
    );
    await expect(capped).rejects.toThrow(/connection "local".*more than 100 rows/);
    await expect(engine.query('SELECT 1 FROM ch_capped')).rejects.toThrow();
    const unknown = client.listTables('nowhere', 'marketscope');
    await expect(unknown).rejects.toBeInstanceOf(ClickHouseError);
    await expect(unknown).rejects.toThrow(/No ClickHouse connection "nowhere"/);
  });

  it('a stopped shard gives an error naming the connection, and works again once it is back', async () => {
    const client = createClickHouseClient(proxy.url);
    const spec = { connection: 'local', table: 'traffic', time: 'month', dimensions: ['marketplace'], measures: [{ column: 'visitors' }] };
    await cluster.stopShard(1);
    try {
      const failed = loadClickHouseCube(engine, client, spec, 'ch_down');
      await expect(failed).rejects.toBeInstanceOf(ClickHouseError);
      await expect(failed).rejects.toThrow(/"local"/);
    } finally {
      await cluster.startShard(1);
    }
    const back = await loadClickHouseCube(engine, client, spec, 'ch_back');
    expect(back.rows).toBeGreaterThan(100);
  });

  it('suggests roles for marketscope.sales and its model reads the loaded cube', async () => {
    const client = createClickHouseClient(proxy.url);
    const sales = (await client.listTables('local', 'marketscope')).find((t) => t.name === 'sales')!;
    const def = suggestClickHouseDataset('local', sales)!;
    expect(def.time).toBe('month');
    expect(def.dimensions.map((d) => [d.column, d.display]).sort()).toEqual([['country', 'country'], ['marketplace', 'text']]);
    expect(def.measures.map((m) => [m.column, m.unit]).sort()).toEqual([['active_sellers', 'count'], ['gmv_usd', 'usd'], ['orders', 'count']]);
    const { model, cubeTable } = clickHouseModel('ch_sales', def);
    await loadClickHouseCube(engine, client, clickHouseCubeSpec(def), cubeTable);
    const gmv = model.measures.find((m) => m.column === 'gmv_usd')!;
    const [row] = await engine.query<{ months: number; total: number }>(
      `SELECT count(DISTINCT "${model.timeColumn}")::DOUBLE AS months, sum("${gmv.column}") AS total FROM ${model.table}`,
    );
    const [direct] = await cluster.query<{ months: string; total: number }>('SELECT toString(uniqExact(month)) AS months, sum(gmv_usd) AS total FROM sales');
    expect(row!.months).toBe(Number(direct!.months));
    expect(Math.abs(row!.total - Number(direct!.total))).toBeLessThanOrEqual(Math.abs(Number(direct!.total)) * 1e-9);
  });
});
