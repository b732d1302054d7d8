import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chdb } from '../../scripts/lib/chdb.mjs';
import { createClickHouseHandler, parseConnectionsVariable } from '../../scripts/clickhouse/proxy.mjs';
import { createClickHouseClient, LITERALS_ONLY, type ClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { loadClickHouseCube, type ClickHouseCubeSpec } from '../../src/data/clickhouse/loadClickHouseCube';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { chdbWithTraffic, needChdb } from './support';

// The app's whole path in params mode on a current ClickHouse: the page's client asks the proxy's /features, loads a
// cube through the proxy (values as param_… URL parameters) into DuckDB; behind the proxy, chDB stands in for the
// server's HTTP interface (it runs the SQL with the URL's param_… values, as ClickHouse's HTTP handler binds them).
let chdb: Chdb | null = null;
let server: Server | undefined;
let base: string;
let engine: Engine;
const upstream: { sql: string; params: Record<string, string> }[] = [];

/** ClickHouse's HTTP interface, played by chDB: the body is the SQL, param_<name> the parameters. */
const chdbOverHttp: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const sql = String(init?.body ?? '');
  const params = Object.fromEntries([...url.searchParams].filter(([key]) => key.startsWith('param_')).map(([key, value]) => [key.slice('param_'.length), value]));
  upstream.push({ sql, params });
  const format = url.searchParams.get('default_format') ?? 'TabSeparated';
  try {
    const text = Object.keys(params).length > 0 ? chdb!.queryWithParams(sql, params, format) : chdb!.query(sql, format);
    return new Response(text, { headers: { 'content-type': 'text/plain; charset=UTF-8' } });
  } catch (error) {
    return new Response(`Code: 457. DB::Exception: ${(error as Error).message}`, { status: 400 });
  }
};

beforeAll(async () => {
  chdb = chdbWithTraffic();
  if (!chdb) return;
  engine = await createNodeEngine();
  const handler = createClickHouseHandler(parseConnectionsVariable('current=http://chdb.invalid:8123;user=app;database=marketscope', 'the test'), { fetchImpl: chdbOverHttp });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/clickhouse`;
});
afterAll(async () => {
  await engine?.terminate();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

const HOSTILE = ["it's", "x') OR 1=1 --", 'a\\b\\\\c', "line\nbreak\r\ttab", '\0nul', '{p0:String}', '}{', 'a b+c&d=e%20f#g?h', 'Москва 🛒'];

describe('the page, the proxy and a current ClickHouse (chDB): values as query parameters', () => {
  it('loads the Russia H2 2014 cube with params, equal to the same load with literals', async (context) => {
    needChdb(context);
    const client = createClickHouseClient(base);
    expect(await client.features!('current')).toEqual({ queryParameters: true, version: chdb!.version });
    const spec: ClickHouseCubeSpec = {
      connection: 'current',
      database: 'marketscope',
      table: 'traffic',
      time: 'month',
      dimensions: ['marketplace', 'country'],
      measures: [{ column: 'visitors' }],
      months: { from: '2014-07', to: '2014-12' },
      filters: [{ column: 'country', values: ['RU', ...HOSTILE] }],
    };
    upstream.length = 0;
    const withParams = await loadClickHouseCube(engine, client, spec, 'cube_params');
    const sent = upstream.filter((request) => request.sql.includes('GROUP BY'));
    expect(sent).toHaveLength(1);
    // Every value went through the page's URL and the proxy to ClickHouse unchanged (Escaped text), none in the SQL.
    expect(sent[0]!.params).toEqual(withParams.params);
    expect(Object.values(sent[0]!.params).slice(0, 3)).toEqual(['2014-07-01', '2014-12-01', 'RU']);
    expect(Object.keys(sent[0]!.params)).toHaveLength(3 + HOSTILE.length);
    for (const value of HOSTILE.filter((v) => v.length > 3)) expect(sent[0]!.sql).not.toContain(value);
    expect(sent[0]!.sql).toContain('`country` IN ({p2:String}, {p3:String}');

    const literals: ClickHouseClient = { ...client, features: async () => LITERALS_ONLY };
    upstream.length = 0;
    const withLiterals = await loadClickHouseCube(engine, literals, spec, 'cube_literals');
    expect(withLiterals.params).toEqual({});
    expect(upstream.every((request) => Object.keys(request.params).length === 0)).toBe(true);
    expect(withLiterals.rows).toBe(withParams.rows);

    const read = (table: string) =>
      engine.query<{ marketplace: string; monthly: number }>(`SELECT marketplace, sum(visitors) / 6 AS monthly FROM ${table} WHERE country = 'RU' GROUP BY marketplace ORDER BY monthly DESC`);
    const figures = await read('cube_params');
    expect(await read('cube_literals')).toEqual(figures);
    const monthly = new Map(figures.map((row) => [row.marketplace, row.monthly]));
    expect(['AliExpress', 'eBay', 'Amazon'].map((name) => (monthly.get(name)! / 1e6).toFixed(1))).toEqual(['15.6', '3.7', '1.4']);
    expect((await engine.query<{ n: number }>('SELECT count(DISTINCT country)::INT AS n FROM cube_params'))[0]!.n).toBe(1);
  });

  it('matches hostile values as values only: an empty cube, no error', async (context) => {
    needChdb(context);
    const client = createClickHouseClient(base);
    const spec: ClickHouseCubeSpec = {
      connection: 'current',
      database: 'marketscope',
      table: 'traffic',
      time: 'month',
      dimensions: ['marketplace'],
      measures: [{ column: 'visitors' }],
      filters: [{ column: 'country', values: HOSTILE }],
    };
    const result = await loadClickHouseCube(engine, client, spec, 'cube_hostile');
    expect(result.rows).toBe(0);
    expect(Object.keys(result.params)).toHaveLength(HOSTILE.length);
    expect(chdb!.query('SELECT count() > 20000 FROM marketscope.traffic', 'TabSeparated').trim()).toBe('1');
  });
});
