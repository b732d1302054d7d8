/**
 * The ClickHouse cluster in unit tests (issue 18). Every test/clickhouse/*.test.ts file shares ONE local two-shard
 * cluster, started by test/clickhouse/globalSetup.ts only when such a file is in the run; those files run one after
 * another (the `clickhouse` project in vite.config.ts), so a test may stop a shard without breaking another file.
 *
 *   import { clusterForTests, startProxy } from './support';
 *   const cluster = clusterForTests();            // throws the install command when ClickHouse is missing
 *   cluster.connection(0)                         // { url, user, password, database } — read-only `marketscope`
 *   await cluster.admin('CREATE TABLE …')         // as `default` (loopback, no password), for test fixtures
 *   await cluster.query('SELECT …')               // as the read-only user, JSON rows back
 *   await cluster.stopShard(1); … await cluster.startShard(1);   // always restart in a finally
 *   const proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);  // proxy.url + '/local/query'
 *
 * Tables: marketscope.traffic, marketscope.sales and marketscope.market (the two joined on month, marketplace and
 * country; Distributed, sharded by cityHash64(country)) over traffic_local / sales_local / market_local on each
 * shard, with the bundled CSVs loaded (month is a Date, the first of the month).
 */
import { createServer, type Server } from 'node:http';
import { inject } from 'vitest';
import { controlShard, type TestClusterInfo } from '../../scripts/clickhouse/testCluster.mjs';
import { createClickHouseHandler, parseConnectionsVariable, type ProxyConnection } from '../../scripts/clickhouse/proxy.mjs';

export interface TestConnection {
  url: string;
  user: string;
  password: string;
  database: string;
}

export interface TestCluster {
  info: TestClusterInfo;
  /** The app's read-only connection through shard `index` (either shard's Distributed tables see all rows). */
  connection(index?: number): TestConnection;
  /** Runs a statement as `default` (writes allowed) on shard `index`; resolves to ClickHouse's text answer. */
  admin(sql: string, options?: { shard?: number; body?: string; settings?: Record<string, string | number> }): Promise<string>;
  /** Runs a SELECT as the read-only user on shard `index`; resolves to the rows of FORMAT JSON. */
  query<Row = Record<string, unknown>>(sql: string, options?: { shard?: number }): Promise<Row[]>;
  stopShard(index: number): Promise<void>;
  startShard(index: number): Promise<void>;
}

async function post(url: string, sql: string, init: { body?: string; user?: string; password?: string; settings?: Record<string, string | number> }) {
  const target = new URL(url);
  target.searchParams.set('query', sql);
  for (const [key, value] of Object.entries(init.settings ?? {})) target.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (init.user !== undefined) headers.Authorization = `Basic ${Buffer.from(`${init.user}:${init.password ?? ''}`).toString('base64')}`;
  const response = await fetch(target, { method: 'POST', body: init.body ?? '', headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse at ${url}: ${text.trim()}`);
  return text;
}

/** The run's cluster; throws (failing the test) with the install command when ClickHouse is not installed. */
export function clusterForTests(): TestCluster {
  const provided = inject('clickhouseCluster');
  if (!provided) throw new Error('No ClickHouse cluster was provided: run test/clickhouse files through the `clickhouse` Vitest project (vite.config.ts).');
  if ('error' in provided) throw new Error(provided.error);
  const { info } = provided;
  const shardUrl = (index = 0) => {
    const shard = info.shards[index];
    if (!shard) throw new Error(`no shard ${index}`);
    return shard.url;
  };
  return {
    info,
    connection: (index = 0) => ({ url: shardUrl(index), user: info.user, password: info.password, database: info.database }),
    admin: (sql, options = {}) => post(shardUrl(options.shard), sql, { body: options.body, settings: options.settings }),
    async query<Row>(sql: string, options: { shard?: number } = {}) {
      const text = await post(shardUrl(options.shard), `${sql} FORMAT JSON`, { user: info.user, password: info.password, settings: { database: info.database } });
      return (JSON.parse(text) as { data: Row[] }).data;
    },
    stopShard: (index) => controlShard(info, index, 'stop'),
    startShard: (index) => controlShard(info, index, 'start'),
  };
}

/** A connection as the proxy's configuration holds it: a name, and optionally its limits. */
export interface ProxyTestConnection extends TestConnection {
  name: string;
  maxExecutionTime?: number;
  maxResultRows?: number;
  maxResultBytes?: number;
}

export interface TestProxy {
  /** The proxy's base, e.g. http://127.0.0.1:41234/clickhouse (no trailing slash). */
  url: string;
  /** Every line the proxy logged. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * The same proxy `npm start` mounts, on its own loopback port, over these connections (the `where` field defaults to
 * "the test"). Pass a function to change the connections between requests.
 */
export async function startProxy(
  connections: ProxyTestConnection[] | (() => ProxyConnection[]),
): Promise<TestProxy> {
  const source = typeof connections === 'function' ? connections : connections.map(toProxyConnection);
  const logs: string[] = [];
  const handler = createClickHouseHandler(source, { log: (line) => logs.push(line) });
  const server: Server = createServer((req, res) => {
    void handler(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}/clickhouse`,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function toProxyConnection(c: ProxyTestConnection): ProxyConnection {
  // Through the proxy's own parser, so that the tests exercise its validation and defaults.
  const entry = [`${c.name}=${encodeURIComponent(c.url)}`, `user=${encodeURIComponent(c.user)}`, `password=${encodeURIComponent(c.password)}`, `database=${encodeURIComponent(c.database)}`];
  for (const key of ['maxExecutionTime', 'maxResultRows', 'maxResultBytes'] as const) {
    if (c[key] !== undefined) entry.push(`${key}=${c[key]}`);
  }
  const [parsed] = parseConnectionsVariable(entry.join(';'), 'the test');
  return parsed!;
}
