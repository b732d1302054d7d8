import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import type { ClickHouseClient } from './clickHouseClient';
import { CUBE_READ_ATTEMPTS, loadClickHouseCube, type ClickHouseCubeSpec } from './loadClickHouseCube';

// The cube's read into DuckDB checked against its count (the real cluster's tests are in test/clickhouse).
const spec: ClickHouseCubeSpec = { connection: 'local', table: 'shops', time: 'month', dimensions: ['shop'], measures: [{ column: 'visitors' }] };
const CSV = ['__month,__d0,__m0', '2021-01-01,a,10', '2021-01-01,b,20', '2021-02-01,a,30'].join('\n');
const client: ClickHouseClient = { listConnections: async () => [], listTables: async () => [], query: async () => CSV };

/** The real engine, except that its first `short` reads of a cube into its table come back empty. */
function shortReads(inner: Engine, short: number): Engine & { creates: () => number } {
  let creates = 0;
  return Object.assign(Object.create(inner) as Engine, {
    creates: () => creates,
    query: ((sql: string, ...rest: unknown[]) => {
      if (/^CREATE OR REPLACE TABLE shops_cube AS/.test(sql)) {
        creates++;
        if (creates <= short) sql = `${sql} LIMIT 0`;
      }
      return (inner.query as (...args: unknown[]) => unknown)(sql, ...rest);
    }) as Engine['query'],
  });
}

describe('a ClickHouse cube read into the engine', () => {
  it('is read again when the table holds fewer rows than ClickHouse sent', async () => {
    const engine = shortReads(await createNodeEngine(), 1);
    const result = await loadClickHouseCube(engine, client, spec, 'shops_cube');
    expect(result.rows).toBe(3);
    expect(engine.creates()).toBe(2);
    expect(await engine.query('SELECT shop, visitors FROM shops_cube ORDER BY month, shop')).toEqual([
      { shop: 'a', visitors: 10 },
      { shop: 'b', visitors: 20 },
      { shop: 'a', visitors: 30 },
    ]);
  });

  it('fails naming the connection and both counts when every read is short, leaving no table', async () => {
    const inner = await createNodeEngine();
    const engine = shortReads(inner, Infinity);
    const load = loadClickHouseCube(engine, client, spec, 'shops_cube');
    await expect(load).rejects.toMatchObject({ name: 'ClickHouseError', connection: 'local' });
    await expect(load).rejects.toThrow('ClickHouse connection "local" sent 3 cube rows, but the browser\'s engine read 0 of them.');
    expect(engine.creates()).toBe(CUBE_READ_ATTEMPTS);
    expect(await inner.query("SELECT table_name FROM duckdb_tables() WHERE table_name = 'shops_cube'")).toEqual([]);
  });
});
