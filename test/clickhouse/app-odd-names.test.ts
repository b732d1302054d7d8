import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { createClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { loadClickHouseCube } from '../../src/data/clickhouse/loadClickHouseCube';
import { quoteIdentifier } from '../../src/sql/literals';
import { clusterForTests, startProxy, type TestProxy } from './support';

// Odd column names and hostile values through the app's whole path: proxy → ClickHouse GROUP BY → CSV → DuckDB cube.
// The CSV step is where values could go wrong (commas, quotes, line breaks, a literal "\N" read back as NULL).
const cluster = clusterForTests();
let engine: Engine;
let proxy: TestProxy;

const TABLE = 'app_odd_names';
const odd = { time: "the month's", dimension: 'back`tick "land", ü', measure: 'Besucher äöü \\ n' };
const HOSTILE = [
  "it's",
  "\\'; DROP TABLE marketscope.traffic; --",
  'back`tick',
  'a\\b\\\\c',
  "line\nbreak\r\ttab",
  'comma, "quote", and ""doubled""',
  '\\N',
  'NULL',
  '',
  'Москва "quoted" 🛒 ü',
  "' OR 1 = 1 OR '",
  '%_*?',
];

beforeAll(async () => {
  engine = await createNodeEngine();
  proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);
  const quoted = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
  await cluster.admin(`DROP TABLE IF EXISTS marketscope.${TABLE}`);
  await cluster.admin(`CREATE TABLE marketscope.${TABLE} (${quoted(odd.time)} Date, ${quoted(odd.dimension)} String, ${quoted(odd.measure)} UInt64) ENGINE = Memory`);
  // Loaded as JSON data, not SQL text.
  const body = HOSTILE.flatMap((value, i) => [
    JSON.stringify({ [odd.time]: '2014-07-01', [odd.dimension]: value, [odd.measure]: i + 1 }),
    JSON.stringify({ [odd.time]: '2014-07-20', [odd.dimension]: value, [odd.measure]: 1000 }),
    JSON.stringify({ [odd.time]: '2014-08-15', [odd.dimension]: value, [odd.measure]: 100 * (i + 1) }),
  ]).join('\n');
  await cluster.admin(`INSERT INTO marketscope.${TABLE} FORMAT JSONEachRow`, { body });
});
afterAll(async () => {
  await cluster.admin(`DROP TABLE IF EXISTS marketscope.${TABLE}`).catch(() => undefined);
  await proxy?.close();
  await engine?.terminate();
});

describe('odd names and hostile values in a ClickHouse cube', () => {
  it('loads every value exactly, keeping the odd column names, months as the first of the month', async () => {
    const client = createClickHouseClient(proxy.url);
    const tables = await client.listTables('local', 'marketscope');
    expect(tables.find((t) => t.name === TABLE)?.columns).toEqual([
      { name: odd.time, type: 'Date' },
      { name: odd.dimension, type: 'String' },
      { name: odd.measure, type: 'UInt64' },
    ]);
    const result = await loadClickHouseCube(
      engine,
      client,
      { connection: 'local', database: 'marketscope', table: TABLE, time: odd.time, dimensions: [odd.dimension], measures: [{ column: odd.measure }] },
      'odd_all',
    );
    expect(result.rows).toBe(HOSTILE.length * 2);
    const rows = await engine.query<Record<string, unknown>>(
      `SELECT strftime(${quoteIdentifier(odd.time)}, '%Y-%m') AS m, ${quoteIdentifier(odd.dimension)} AS d, ${quoteIdentifier(odd.measure)} AS v FROM odd_all ORDER BY v`,
    );
    const got = rows.map((r) => [r.m, r.d, Number(r.v)]);
    const want = HOSTILE.flatMap((value, i) => [
      ['2014-07', value, i + 1001],
      ['2014-08', value, 100 * (i + 1)],
    ]).sort((a, b) => (a[2] as number) - (b[2] as number));
    expect(got).toEqual(want);
  });

  it('filters pushed down with hostile values match only their own rows', async () => {
    const client = createClickHouseClient(proxy.url);
    for (const [i, value] of HOSTILE.entries()) {
      const name = `odd_filtered_${i}`;
      await loadClickHouseCube(
        engine,
        client,
        {
          connection: 'local',
          table: TABLE,
          time: odd.time,
          dimensions: [odd.dimension],
          measures: [{ column: odd.measure }],
          filters: [{ column: odd.dimension, values: [value] }],
          months: { from: '2014-08' },
        },
        name,
      );
      const rows = await engine.query<Record<string, unknown>>(`SELECT * REPLACE (strftime(${quoteIdentifier(odd.time)}, '%Y-%m') AS ${quoteIdentifier(odd.time)}) FROM ${name}`);
      expect(rows.map((r) => [r[odd.time], r[odd.dimension], Number(r[odd.measure])]), JSON.stringify(value)).toEqual([['2014-08', value, 100 * (i + 1)]]);
    }
    const none = await loadClickHouseCube(
      engine,
      client,
      { connection: 'local', table: TABLE, time: odd.time, dimensions: [odd.dimension], measures: [{ column: odd.measure }], filters: [{ column: odd.dimension, values: ["nothing' OR '1'='1"] }] },
      'odd_none',
    );
    expect(none.rows).toBe(0);
    // Local checks only: app-cube.test.ts may have shard 1 stopped while this file runs.
    expect(await cluster.admin('EXISTS TABLE marketscope.traffic')).toBe('1\n');
    expect(Number(await cluster.admin('SELECT count() FROM marketscope.traffic_local'))).toBeGreaterThan(0);
  });

  it('aborting a query ends the request and KILLs it on the server by its query id', async () => {
    // The server also stops a query whose HTTP request closes, so the test checks the client's own KILL request too.
    const ids: string[] = [];
    const cancels: { id: string; status: number }[] = [];
    const recording: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/query')) ids.push(url.searchParams.get('query_id')!);
      const response = await fetch(input, init);
      if (url.pathname.endsWith('/cancel')) cancels.push({ id: url.searchParams.get('query_id')!, status: response.status });
      return response;
    };
    const client = createClickHouseClient(proxy.url, recording);
    const controller = new AbortController();
    const pending = client.query('local', 'SELECT count() FROM system.numbers WHERE NOT ignore(sipHash64(number))', { signal: controller.signal }).catch((error: Error) => error);
    await expect.poll(() => ids.length).toBe(1);
    const id = ids[0]!;
    const running = () => cluster.admin(`SELECT count() FROM system.processes WHERE endsWith(query_id, '${id.replace(/[^A-Za-z0-9-]/g, '')}')`).then(Number);
    await expect.poll(running, { timeout: 10_000 }).toBe(1);
    controller.abort();
    await expect.poll(running, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => cancels, { timeout: 10_000 }).toEqual([{ id, status: 200 }]);
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AbortError');
  });
});
