// `npm run cluster`: a local two-shard ClickHouse cluster with the bundled traffic and sales loaded (apart, and joined
// as `market`), for developing and testing the ClickHouse pushdown (issue 18). It installs nothing: it uses Debian's `clickhouse-server` (18.16)
// or any newer `clickhouse` binary, runs two server processes on free loopback ports with generated configs in a
// temporary folder, and removes everything when it stops (Ctrl+C, SIGTERM, or an error).
//
// Tests import startCluster() and start it once; `node scripts/cluster.mjs` prints the connection details and the
// MARKETSCOPE_CLICKHOUSE value for `npm start`, then waits.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The app's read-only user; the password only protects a loopback test cluster. */
export const APP_USER = 'marketscope';
export const APP_PASSWORD = 'local-cluster-only';
export const DATABASE = 'marketscope';
export const CLUSTER_NAME = 'marketscope_two_shards';

/**
 * The server binary and the arguments that run the server: `clickhouse-server` (Debian's 18.16 package puts it in
 * /usr/sbin) or the single `clickhouse` binary of current releases (`clickhouse server`).
 */
export function findClickHouse() {
  const fromEnv = process.env.CLICKHOUSE_BINARY;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CLICKHOUSE_BINARY=${fromEnv} does not exist.`);
    return fromEnv.endsWith('clickhouse') ? { command: fromEnv, args: ['server'] } : { command: fromEnv, args: [] };
  }
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'].filter(Boolean);
  for (const dir of dirs) {
    if (existsSync(join(dir, 'clickhouse-server'))) return { command: join(dir, 'clickhouse-server'), args: [] };
  }
  for (const dir of dirs) {
    if (existsSync(join(dir, 'clickhouse'))) return { command: join(dir, 'clickhouse'), args: ['server'] };
  }
  return null;
}

export const MISSING_MESSAGE =
  'ClickHouse is not installed: neither clickhouse-server nor clickhouse was found (PATH, /usr/sbin, /usr/bin).\n' +
  'Install it with `sudo apt-get install clickhouse-server` (Debian ships 18.16; the system service need not run),\n' +
  'or point CLICKHOUSE_BINARY at a clickhouse binary.';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const xmlEscape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function serverConfig(dir, shard, shards) {
  const replicas = shards
    .map((s) => `      <shard><replica><host>127.0.0.1</host><port>${s.tcpPort}</port></replica></shard>`)
    .join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>${xmlEscape(join(dir, 'server.log'))}</log>
    <errorlog>${xmlEscape(join(dir, 'server.err.log'))}</errorlog>
    <size>10M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${shard.httpPort}</http_port>
  <tcp_port>${shard.tcpPort}</tcp_port>
  <interserver_http_port>${shard.interserverPort}</interserver_http_port>
  <path>${xmlEscape(join(dir, 'data'))}/</path>
  <tmp_path>${xmlEscape(join(dir, 'tmp'))}/</tmp_path>
  <user_files_path>${xmlEscape(join(dir, 'user_files'))}/</user_files_path>
  <format_schema_path>${xmlEscape(join(dir, 'format_schemas'))}/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <${CLUSTER_NAME}>
${replicas}
    </${CLUSTER_NAME}>
  </remote_servers>
</yandex>
`;
}

// `default` loads the data (loopback only, no password); the app's user is read-only. Its profile uses readonly=2 so
// that the proxy may still set limits per query (max_execution_time, max_result_rows…), which readonly=1 forbids.
const usersConfig = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>2000000000</max_memory_usage>
      <load_balancing>in_order</load_balancing>
    </default>
    <app>
      <readonly>2</readonly>
      <max_memory_usage>1000000000</max_memory_usage>
      <max_execution_time>60</max_execution_time>
    </app>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
    <${APP_USER}>
      <password>${xmlEscape(APP_PASSWORD)}</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>app</profile>
      <quota>default</quota>
      <allow_databases><database>${DATABASE}</database><database>system</database></allow_databases>
    </${APP_USER}>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
`;

/** Runs a statement as `default` over HTTP; rejects with ClickHouse's message. */
export async function execute(url, sql, body, settings = {}) {
  const target = new URL(url);
  target.searchParams.set('query', sql);
  for (const [key, value] of Object.entries(settings)) target.searchParams.set(key, String(value));
  const response = await fetch(target, { method: 'POST', body: body ?? '' });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse at ${url}: ${text.trim()}`);
  return text;
}

async function waitUntilUp(shard, child, timeoutMs) {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      const log = readTail(join(shard.dir, 'server.err.log')) || readTail(join(shard.dir, 'stderr.log'));
      throw new Error(`ClickHouse shard ${shard.index + 1} exited with code ${child.exitCode} while starting.\n${log}`);
    }
    try {
      const response = await fetch(`${shard.url}/ping`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`ClickHouse shard ${shard.index + 1} did not answer on ${shard.url} within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readTail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

const TABLES = {
  traffic: {
    file: 'marketplace-traffic.csv',
    columns: { month: 'Date', marketplace: 'String', country: 'String', visitors: 'UInt64' },
  },
  sales: {
    file: 'marketplace-sales.csv',
    columns: { month: 'Date', marketplace: 'String', country: 'String', gmv_usd: 'Float64', orders: 'UInt64', active_sellers: 'UInt64' },
  },
  // Traffic and sales in one table, as a team would keep them for the conversion view (visitors, orders and revenue
  // side by side): the bundled `market_monthly` without the columns the app derives (region, subregion, group).
  market: {
    join: ['traffic', 'sales'],
    columns: {
      month: 'Date', marketplace: 'String', country: 'String', visitors: 'UInt64', gmv_usd: 'Float64', orders: 'UInt64', active_sellers: 'UInt64',
    },
  },
};

const KEY_COLUMNS = ['month', 'marketplace', 'country'];

/** A bundled CSV's header and rows, months (`2014-07`) as Dates (`2014-07-01`); its header must be `columns`. */
function readBundled(name) {
  const { file, columns } = TABLES[name];
  const text = readFileSync(join(root, 'datasets', file), 'utf8');
  const lines = text.split('\n').filter((line) => line.length > 0);
  const header = lines[0].split(',');
  if (header.join(',') !== Object.keys(columns).join(',')) {
    throw new Error(`datasets/${file} has columns ${header.join(', ')}; the cluster expects ${Object.keys(columns).join(', ')}.`);
  }
  const monthIndex = header.indexOf('month');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (!/^\d{4}-\d{2}$/.test(cells[monthIndex])) throw new Error(`datasets/${file}: month ${cells[monthIndex]} is not YYYY-MM`);
    cells[monthIndex] = `${cells[monthIndex]}-01`;
    return cells;
  });
  return { header, rows };
}

/**
 * The CSV to insert into table `name`. A joined table is its sources matched on month, marketplace and country; the
 * bundled traffic and sales cover the same keys, and a key found in one source only is an error (the app's
 * `market_monthly` would keep it with empty cells, which this table has no place for).
 */
function csvForClickHouse(name) {
  const { join: sources, columns } = TABLES[name];
  const names = Object.keys(columns);
  if (!sources) {
    const { header, rows } = readBundled(name);
    return { csv: [header.join(','), ...rows.map((cells) => cells.join(','))].join('\n') + '\n', rows: rows.length };
  }
  const byKey = new Map();
  for (const source of sources) {
    const { header, rows } = readBundled(source);
    const keyIndexes = KEY_COLUMNS.map((column) => header.indexOf(column));
    for (const cells of rows) {
      const key = keyIndexes.map((index) => cells[index]).join('\u0000');
      const row = byKey.get(key) ?? { seen: 0 };
      header.forEach((column, index) => {
        row[column] = cells[index];
      });
      row.seen += 1;
      byKey.set(key, row);
    }
  }
  const body = [...byKey.values()].map((row) => {
    if (row.seen !== sources.length) {
      throw new Error(`${name}: ${KEY_COLUMNS.map((column) => row[column]).join(' ')} is in ${row.seen} of ${sources.join(' and ')}.`);
    }
    return names.map((column) => row[column]).join(',');
  });
  return { csv: [names.join(','), ...body].join('\n') + '\n', rows: body.length };
}

/** Creates the local MergeTree tables and the Distributed tables over them on every shard. */
export async function createTables(cluster) {
  for (const shard of cluster.shards) {
    await execute(shard.url, `CREATE DATABASE IF NOT EXISTS ${DATABASE}`);
    for (const [name, { columns }] of Object.entries(TABLES)) {
      const list = Object.entries(columns).map(([column, type]) => `${column} ${type}`).join(', ');
      await execute(shard.url, `CREATE TABLE IF NOT EXISTS ${DATABASE}.${name}_local (${list}) ENGINE = MergeTree() PARTITION BY toYear(month) ORDER BY (country, marketplace, month)`);
      await execute(shard.url, `CREATE TABLE IF NOT EXISTS ${DATABASE}.${name} AS ${DATABASE}.${name}_local ENGINE = Distributed(${CLUSTER_NAME}, ${DATABASE}, ${name}_local, cityHash64(country))`);
    }
  }
}

/** Loads the bundled CSVs through the Distributed table (synchronously, so the rows are on the shards on return). */
export async function loadDatasets(cluster) {
  const counts = {};
  for (const name of Object.keys(TABLES)) {
    const { csv, rows } = csvForClickHouse(name);
    await execute(cluster.shards[0].url, `INSERT INTO ${DATABASE}.${name} FORMAT CSVWithNames`, csv, { insert_distributed_sync: 1 });
    counts[name] = rows;
  }
  return counts;
}

// If the process that started the cluster dies without stopping it (SIGKILL, a crashed test runner), nothing would
// stop the two servers: a small detached process watches it and then kills the shards and removes their folder. It
// ends by itself once the folder is gone (a normal stop).
const WATCHDOG = `
const [parent, base] = process.argv.slice(1);
const fs = require('node:fs');
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (!fs.existsSync(base)) { clearInterval(timer); return; }
  if (alive(Number(parent))) return;
  clearInterval(timer);
  let pids = [];
  try { pids = fs.readFileSync(base + '/pids', 'utf8').split('\\n').filter(Boolean).map(Number); } catch {}
  for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch {} }
  setTimeout(() => fs.rmSync(base, { recursive: true, force: true }), 500);
}, 1000);
`;

function startWatchdog(base) {
  const child = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), base], { detached: true, stdio: 'ignore' });
  child.unref();
}

/**
 * Starts two shards (each a full server with the same `remote_servers`), creates the tables and loads the data.
 * Returns { shards, database, user, password, stop(), stopShard(i), startShard(i), connection(i) }.
 */
export async function startCluster({ load = true, log = () => {}, timeoutMs = 60_000 } = {}) {
  const binary = findClickHouse();
  if (!binary) throw new Error(MISSING_MESSAGE);
  const base = mkdtempSync(join(tmpdir(), 'marketscope-clickhouse-'));
  const shards = [];
  for (let index = 0; index < 2; index++) {
    const [httpPort, tcpPort, interserverPort] = [await freePort(), await freePort(), await freePort()];
    const dir = join(base, `shard${index + 1}`);
    shards.push({ index, dir, httpPort, tcpPort, interserverPort, url: `http://127.0.0.1:${httpPort}`, child: null });
  }
  const startShard = async (index) => {
    const shard = shards[index];
    if (shard.child && shard.child.exitCode === null) return;
    mkdirSync(join(shard.dir, 'data'), { recursive: true });
    const child = spawn(binary.command, [...binary.args, `--config-file=${join(shard.dir, 'config.xml')}`], {
      cwd: shard.dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: false,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('exit', () => writeFileSync(join(shard.dir, 'stderr.log'), stderr));
    shard.child = child;
    writeFileSync(join(base, 'pids'), shards.map((s) => s.child?.pid ?? '').join('\n'));
    await waitUntilUp(shard, child, timeoutMs);
  };
  const stopShard = async (index) => {
    const child = shards[index].child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(shards.map((_, index) => stopShard(index)));
    rmSync(base, { recursive: true, force: true });
  };
  const cluster = {
    base,
    shards,
    database: DATABASE,
    user: APP_USER,
    password: APP_PASSWORD,
    stop,
    stopShard,
    startShard,
    /** The connection the app uses for shard `index` (any shard's Distributed table sees all the data). */
    connection: (index = 0) => ({ url: shards[index].url, user: APP_USER, password: APP_PASSWORD, database: DATABASE }),
  };
  try {
    startWatchdog(base);
    for (const shard of shards) {
      mkdirSync(shard.dir, { recursive: true });
      writeFileSync(join(shard.dir, 'config.xml'), serverConfig(shard.dir, shard, shards));
      writeFileSync(join(shard.dir, 'users.xml'), usersConfig);
    }
    const started = Date.now();
    await Promise.all(shards.map((_, index) => startShard(index)));
    log(`Both shards answer after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    await createTables(cluster);
    if (load) {
      const loadStarted = Date.now();
      const counts = await loadDatasets(cluster);
      log(`Loaded ${Object.entries(counts).map(([name, rows]) => `${rows} ${name} rows`).join(', ')} in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s.`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return cluster;
}

/** The MARKETSCOPE_CLICKHOUSE value for `npm start`: `name=url;user=…;password=…;database=…`. */
export function connectionString(cluster, name = 'local', index = 0) {
  const c = cluster.connection(index);
  return `${name}=${c.url};user=${c.user};password=${c.password};database=${c.database}`;
}

async function main() {
  const started = Date.now();
  let cluster;
  try {
    cluster = await startCluster({ log: (line) => console.log(line) });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  let exiting = false;
  const shutdown = async (code) => {
    if (exiting) return;
    exiting = true;
    console.log('\nStopping both shards…');
    await cluster.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));
  process.on('uncaughtException', (error) => {
    console.error(error);
    shutdown(1);
  });
  // Keep the process alive while a shard runs; if one dies unexpectedly, say so and stop the other.
  for (const shard of cluster.shards) {
    shard.child.on('exit', (code, signal) => {
      if (!exiting) {
        console.error(`Shard ${shard.index + 1} exited (${signal ?? code}); see ${join(shard.dir, 'server.err.log')}.`);
        shutdown(1);
      }
    });
  }
  console.log(`\nA two-shard ClickHouse cluster is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s):`);
  cluster.shards.forEach((shard) => console.log(`  shard ${shard.index + 1}: HTTP ${shard.url}  native 127.0.0.1:${shard.tcpPort}`));
  console.log(`  database ${DATABASE}: traffic, sales and market, both joined (Distributed over traffic_local, sales_local and market_local, by cityHash64(country))`);
  console.log(`  read-only user ${APP_USER}, password ${APP_PASSWORD}; loading user default (no password, loopback only)`);
  console.log(`\nServe the app against it, in another terminal:\n  MARKETSCOPE_CLICKHOUSE='${connectionString(cluster)}' npm start`);
  console.log(`\nTry: curl '${cluster.shards[0].url}/?user=${APP_USER}&password=${APP_PASSWORD}' --data-binary 'SELECT count() FROM ${DATABASE}.traffic'`);
  console.log('\nPress Ctrl+C to stop both shards (their data is temporary).');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
