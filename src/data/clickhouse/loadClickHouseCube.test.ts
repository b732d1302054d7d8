import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import type { ClickHouseClient } from './clickHouseClient';
import { CUBE_READ_ATTEMPTS, MAX_PARAMS_URL_LENGTH, loadClickHouseCube, pushdownFor, type ClickHouseCubeSpec } from './loadClickHouseCube';

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

describe('values as query parameters or literals, per connection', () => {
  const filtered: ClickHouseCubeSpec = { ...spec, filters: [{ column: 'shop', values: ["it's", 'b'] }], months: { from: '2021-01' } };
  function recording(features: ClickHouseClient['features']) {
    const sent: { sql: string; params?: Readonly<Record<string, string>> }[] = [];
    const recorder: ClickHouseClient = { ...client, features, query: async (_c, sql, options) => (sent.push({ sql, params: options?.params }), CSV) };
    return { recorder, sent };
  }

  it('sends placeholders and params where the server binds them, literals elsewhere (18.16, no /features)', async () => {
    const engine = await createNodeEngine();
    const binding = recording(async () => ({ queryParameters: true, version: '26.7.2.1' }));
    const withParams = await loadClickHouseCube(engine, binding.recorder, filtered, 'cube_params');
    expect(binding.sent[0]!.sql).toContain('`shop` IN ({p1:String}, {p2:String})');
    expect(binding.sent[0]!.sql).not.toContain("it's");
    expect(binding.sent[0]!.params).toEqual({ p0: '2021-01-01', p1: "it's", p2: 'b' });
    expect(withParams.params).toEqual(binding.sent[0]!.params);
    for (const features of [async () => ({ queryParameters: false, version: '18.16.1' }), undefined]) {
      const old = recording(features);
      const literal = await loadClickHouseCube(engine, old.recorder, filtered, 'cube_literals');
      await engine.query('DROP TABLE cube_literals');
      expect(old.sent[0]!.sql).toContain("`shop` IN ('it\\'s', 'b')");
      expect(old.sent[0]!.params).toBeUndefined();
      expect(literal.params).toEqual({});
      expect(literal.rows).toBe(withParams.rows);
    }
  });

  it('writes literals when the params would not fit in a URL', async () => {
    const many = { ...spec, filters: [{ column: 'shop', values: Array.from({ length: 400 }, (_, i) => `shop number ${i} ✓`) }] };
    const binding = recording(async () => ({ queryParameters: true, version: '26.7.2.1' }));
    const query = await pushdownFor(binding.recorder, 'local', many);
    expect(query.params).toEqual({});
    expect(query.sql).toContain("'shop number 399 ✓'");
    expect(Object.keys((await pushdownFor(binding.recorder, 'local', { ...many, filters: [{ column: 'shop', values: ['a'] }] })).params)).toEqual(['p0']);
    expect(MAX_PARAMS_URL_LENGTH).toBeLessThan(8_000);
  });
});
