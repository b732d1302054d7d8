import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { clusterForTests } from './support';

// docs/clickhouse-nginx.md, run: its nginx block, as written (the host, database and credentials replaced by the
// local cluster's), in front of the real cluster. Debian's nginx is not a dependency of the project: without it
// (`sudo apt-get install nginx`) these tests are skipped, as nothing else could run them.
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const cluster = clusterForTests();
let dir: string;
let nginx: ChildProcess | undefined;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The doc's nginx block, split into the upstream (http level) and the locations (server level). */
function documentedConfig(clickhouseHostPort: string): { upstream: string; locations: string } {
  const doc = readFileSync(new URL('../../docs/clickhouse-nginx.md', import.meta.url), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/clickhouse-nginx.md has no ```nginx block');
  const auth = Buffer.from(`${cluster.info.user}:${cluster.info.password}`).toString('base64');
  const text = block
    .replaceAll('clickhouse.internal:8123', clickhouseHostPort)
    .replaceAll('database=analytics', `database=${cluster.info.database}`)
    .replaceAll('"database":"analytics"', `"database":"${cluster.info.database}"`)
    .replaceAll('bWFya2V0c2NvcGU6Li4u', auth);
  const start = text.search(/^upstream /m);
  const end = text.indexOf('\n}\n', start) + 3;
  return { upstream: text.slice(start, end), locations: text.slice(0, start) + text.slice(end) };
}

async function startNginx(http: string, server: string): Promise<string> {
  const port = await freePort();
  const conf = `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  ${http}
  server {
    listen 127.0.0.1:${port};
    ${server}
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
    try {
      await fetch(`${url}/clickhouse/`);
      return url;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer: ${stderr}`);
}

async function stopNginx() {
  if (!nginx || nginx.exitCode !== null) return;
  const exited = new Promise((resolve) => nginx!.once('exit', resolve));
  nginx.kill('SIGTERM');
  await exited;
}

describe.skipIf(!NGINX)('docs/clickhouse-nginx.md in front of the real cluster (needs Debian nginx)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketscope-nginx-'));
    for (const sub of ['body', 'proxy', 'fcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
    // `localhost`, a host name: the upstream resolves it once, at start.
    const { upstream, locations } = documentedConfig(`localhost:${new URL(cluster.info.shards[0]!.url).port}`);
    base = await startNginx(upstream, locations);
  });
  afterAll(async () => {
    await stopNginx();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("serves the app's client: the list, a query, and cancel, with the same headers as npm start", async () => {
    const client = createClickHouseClient(`${base}/clickhouse`);
    expect(await client.listConnections()).toEqual([{ name: 'sales', database: cluster.info.database }]);
    const tables = await client.listTables('sales', cluster.info.database);
    expect(tables.find((t) => t.name === 'traffic')?.columns.map((c) => c.name)).toEqual(['month', 'marketplace', 'country', 'visitors']);
    const response = await fetch(`${base}/clickhouse/sales/query?query_id=doc-1&format=JSONCompact&max_result_rows=0&readonly=0`, {
      method: 'POST',
      body: "SELECT sum(visitors) FROM traffic WHERE country = 'RU'",
      headers: { Cookie: 'session=secret', 'X-ClickHouse-User': 'default' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-marketscope-connection')).toBe('sales');
    for (const hidden of ['x-clickhouse-server-display-name', 'x-clickhouse-query-id', 'x-clickhouse-timezone', 'x-clickhouse-format']) expect(response.headers.get(hidden)).toBeNull();
    expect(Number((await response.json()).data[0][0])).toBeGreaterThan(1e8);
    // The page's own settings in the query string were dropped: the doc's limits are in force.
    const settings = await fetch(`${base}/clickhouse/sales/query?format=TSV&max_result_rows=0&max_execution_time=0`, {
      method: 'POST',
      body: "SELECT name, value FROM system.settings WHERE name IN ('max_result_rows', 'max_execution_time', 'result_overflow_mode') ORDER BY name",
    });
    expect(await settings.text()).toBe('max_execution_time\t30\nmax_result_rows\t2000000\nresult_overflow_mode\tthrow\n');
    const cancel = await fetch(`${base}/clickhouse/sales/cancel?query_id=doc-1`, { method: 'POST' });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    expect((await fetch(`${base}/clickhouse/sales/cancel?query_id=x'y`, { method: 'POST' })).status).toBe(400);
  });

  it('says 18.16 has no query parameters, and passes param_ on only in the query string the app writes', async () => {
    const features = await fetch(`${base}/clickhouse/sales/features`);
    expect(features.status).toBe(200);
    expect(features.headers.get('cache-control')).toBe('no-store');
    expect(await features.json()).toEqual({ queryParameters: false, version: null, connection: 'sales' });
    expect(await createClickHouseClient(`${base}/clickhouse`).features!('sales')).toEqual({ queryParameters: false, version: null });
    const ask = async (query: string) => {
      const response = await fetch(`${base}/clickhouse/sales/query?${query}`, { method: 'POST', body: 'SELECT 1' });
      return { status: response.status, text: await response.text() };
    };
    // The app's shape: param_p0 reaches ClickHouse, which on 18.16 reads it as a setting it does not know (the page
    // never sends one there, as /features says false; on a current release ClickHouse binds it).
    const passed = await ask('query_id=doc-2&format=TSV&param_p0=R%20U%27%5C&param__b1=2');
    expect(passed.status, passed.text).toBeGreaterThanOrEqual(400); // 18.16 answers 404 for an unknown setting
    expect(passed.text).toMatch(/Unknown setting param_p0/);
    // Any other query string passes no param_ on: the query runs as if none was sent (18.16 would refuse one).
    for (const other of ['query_id=doc-3&format=TSV&param_p0=1&readonly=0', 'query_id=doc-4&param_0x=1', 'format=TSV&param_p0=1', 'query_id=doc-5&param_p0=a+b', 'query_id=doc-6&param_p0=a;b', 'query_id=doc-7&param_p0=1&format=TSV']) {
      const dropped = await ask(other);
      expect(dropped.status, `${other}: ${dropped.text}`).toBe(200);
    }
  });

  it('answers an error, not HTTP 200 with a cut body, when the result limit is hit mid-stream', async () => {
    const response = await fetch(`${base}/clickhouse/sales/query?format=CSV`, { method: 'POST', body: 'SELECT number, toString(number) FROM system.numbers LIMIT 3000000' });
    const text = await response.text();
    expect(response.status, text.slice(-200)).toBe(500);
    expect(text).toMatch(/^Code: 396/);
  });

  it('needs the upstream: a host name in a proxy_pass with variables fails without a resolver', async () => {
    await stopNginx();
    const { locations } = documentedConfig('unused');
    const port = new URL(cluster.info.shards[0]!.url).port;
    // (nginx makes a proxy_pass host that it can resolve at start an upstream of its own, which another location
    // would then find by name: another spelling of the address for the cancel location keeps them apart.)
    const direct = await startNginx(
      '',
      locations
        .replace(`http://clickhouse_sales/?database=${cluster.info.database}&query_id=marketscope-cancel-`, `http://127.0.0.1:${port}/?database=${cluster.info.database}&query_id=marketscope-cancel-`)
        .replace('proxy_pass http://clickhouse_sales/', `proxy_pass http://localhost:${port}/`),
    );
    const response = await fetch(`${direct}/clickhouse/sales/query?format=CSV`, { method: 'POST', body: 'SELECT 1' });
    expect(response.status).toBe(502);
    expect(readFileSync(join(dir, 'error.log'), 'utf8')).toMatch(/no resolver defined to resolve localhost/);
    await stopNginx();
    base = await startNginx(documentedConfig(`localhost:${port}`).upstream, documentedConfig(`localhost:${port}`).locations);
  });
});
