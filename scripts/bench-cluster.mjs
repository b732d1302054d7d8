// `npm run bench:cluster`: how fast a filter change is when the heavy part runs in ClickHouse (issue 18).
// Starts the local two-shard cluster (scripts/cluster.mjs), generates 10M and 100M rows inside ClickHouse from
// numbers() with the shape of the bench's upload data (scripts/generate-bench-data.mjs: date, marketplace, country,
// device, channel, visitors, sessions, orders at daily grain), and times the pushdown of a filter change (month ×
// marketplace, one country filter, a different country each time) p50/p95 over --changes changes, on one shard
// (all rows in one MergeTree) and on two (half each, sharded by country, queried through a Distributed table).
// The same aggregate in DuckDB-wasm (Node build) at 10M is the same-run reference. Nothing is kept: the cluster's
// data is temporary. In the browser (scripts/lib/bench-cluster-browser.mjs; --no-browser skips it): the production
// build in Chromium, each table opened in the app as a ClickHouse dataset through the same-origin proxy, filter changes
// timed from a real key press until every panel has settled, next to the same changes on the 10M upload in DuckDB-wasm.
//
// Pre-aggregated: next to each raw table, a materialized view (created before the insert, as in production) feeds a
// SummingMergeTree by month with every dimension kept (month × marketplace × country × device × channel: at most
// 133 × 6,000 = 798,000 rows however many raw rows), and the same filter changes run on it after OPTIMIZE … FINAL
// (its steady state once background merges are done; the rows before that are reported too). --no-preagg skips it.
// In the browser, the pre-aggregated tables (one shard, and the Distributed one on two shards) are opened and timed as
// the raw ones are (the same four dimensions and three measures, summed by month); --no-browser-raw times only them
// (and the upload reference). For each series the ClickHouse queries a change sent are counted (rows answered, time).
//
//   node scripts/bench-cluster.mjs [--changes 25] [--sizes 10000000,100000000] [--no-preagg] [--no-duckdb] [--no-browser]
//     [--no-browser-raw] [--no-node] [--no-upload] [--no-build] [--port 4182] [--dist dist-bench-cluster]
//     [--upload-rows 10000000] [--max-execution-time 30] [--json out.json]
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CLUSTER_NAME, connectionString, execute, startCluster } from './cluster.mjs';
import { benchDef, bundledMembers, openClickHouse, openUpload, recordClickHouseQueries, singlesAndPairs, startApp, timeSeries } from './lib/bench-cluster-browser.mjs';

const { values: args } = parseArgs({
  options: {
    changes: { type: 'string', default: '25' },
    sizes: { type: 'string', default: '10000000,100000000' },
    json: { type: 'string' },
    preagg: { type: 'boolean', default: true },
    duckdb: { type: 'boolean', default: true },
    // In Chromium: the production build, a ClickHouse dataset opened in the app, and the 10M upload as reference.
    browser: { type: 'boolean', default: true },
    // --no-browser-raw: in the browser, the pre-aggregated tables only (the raw 100M ones take many minutes to open).
    'browser-raw': { type: 'boolean', default: true },
    build: { type: 'boolean', default: true },
    port: { type: 'string', default: '4182' },
    dist: { type: 'string', default: 'dist-bench-cluster' },
    'upload-rows': { type: 'string', default: '10000000' },
    // The proxy's per-query time limit for the app's connection (the proxy's default is 30 s).
    'max-execution-time': { type: 'string', default: '30' },
    // --no-node: the browser part only (the pushdown from Node takes minutes at 100M on a loaded machine).
    node: { type: 'boolean', default: true },
    upload: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const CHANGES = Number(args.changes);
const SIZES = args.sizes.split(',').map(Number);

const MARKETPLACES = ['AliExpress', 'Amazon', 'eBay', 'Ozon', 'Wildberries', 'Mercado Libre', 'Rakuten', 'Allegro'];
const COUNTRIES = ['AE', 'AR', 'AU', 'BR', 'CA', 'CL', 'CN', 'CO', 'CZ', 'DE', 'EG', 'ES', 'FR', 'GB', 'HU', 'ID', 'IL', 'IN', 'IT', 'JP', 'KR', 'KZ', 'MX', 'MY', 'NG', 'NL', 'NO', 'PE', 'PH', 'PK', 'PL', 'PT', 'RO', 'RU', 'SA', 'SE', 'SG', 'TH', 'TR', 'TW', 'UA', 'US', 'VN', 'ZA', 'AT', 'BE', 'CH', 'DK', 'FI', 'IE'];
const DEVICES = ['desktop', 'mobile', 'tablet'];
const CHANNELS = ['direct', 'search', 'social', 'email', 'paid'];
const DAYS = 4018; // 2013-01-01 … 2023-12-31
const array = (list) => `[${list.map((s) => `'${s}'`).join(', ')}]`;

const COLUMNS = 'date Date, marketplace String, country String, device String, channel String, visitors UInt32, sessions UInt32, orders UInt32';
const ENGINE = 'ENGINE = MergeTree() PARTITION BY toYear(date) ORDER BY (country, marketplace, date)';

/** Rows `offset + number` of the synthetic data; `countryOf` maps the row index to a country index. */
function rowsSelect(count, countryOf, offset = 0) {
  const i = `(number + ${offset})`;
  return `SELECT
      toDate('2013-01-01') + intDiv(${i}, ${MARKETPLACES.length * COUNTRIES.length * 15}) % ${DAYS} AS date,
      arrayElement(${array(MARKETPLACES)}, ${i} % ${MARKETPLACES.length} + 1) AS marketplace,
      arrayElement(${array(COUNTRIES)}, ${countryOf(`intDiv(${i}, ${MARKETPLACES.length})`)} + 1) AS country,
      arrayElement(${array(DEVICES)}, intDiv(${i}, ${MARKETPLACES.length * COUNTRIES.length}) % 3 + 1) AS device,
      arrayElement(${array(CHANNELS)}, intDiv(${i}, ${MARKETPLACES.length * COUNTRIES.length * 3}) % 5 + 1) AS channel,
      toUInt32(cityHash64(${i}) % 5000) AS visitors,
      toUInt32(cityHash64(${i}, 1) % 7000) AS sessions,
      toUInt32(cityHash64(${i}, 2) % 200) AS orders
    FROM numbers(${count})`;
}

/** The pushdown builder's shape (src/sql/clickhouse/pushdown.ts) for month × marketplace, one country filter. */
const pushdown = (table, column, value, time = 'date') =>
  `SELECT toStartOfMonth(\`${time}\`) AS \`__month\`, \`marketplace\` AS \`__d0\`, sum(\`visitors\`) AS \`__m0\` FROM ${table} WHERE \`${column}\` IN ('${value}') GROUP BY \`__month\`, \`__d0\` ORDER BY \`__month\`, \`__d0\` FORMAT JSONCompact`;

// The pre-aggregated table and the materialized view that feeds it from `source` (README: "Pre-aggregated tables").
const MONTHLY_COLUMNS = 'month Date, marketplace String, country String, device String, channel String, visitors UInt64, sessions UInt64, orders UInt64';
const MONTHLY_ENGINE = 'ENGINE = SummingMergeTree() PARTITION BY toYear(month) ORDER BY (country, marketplace, month, device, channel)';
const monthlyView = (view, target, source) =>
  `CREATE MATERIALIZED VIEW ${view} TO ${target} AS SELECT toStartOfMonth(date) AS month, marketplace, country, device, channel, sum(visitors) AS visitors, sum(sessions) AS sessions, sum(orders) AS orders FROM ${source} GROUP BY month, marketplace, country, device, channel`;
// A country filter reads only that country's granules (the tables are ordered by country first); a channel filter
// reads every row: the best and the worst case of one filter.
const FILTERS = { country: COUNTRIES, channel: CHANNELS };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), max: Math.round(sorted.at(-1)), n: sorted.length };
}

// One INSERT … SELECT per 10M rows: a single one of 100M (with the materialized view) outlasts Node's fetch, which
// gives up when no response header arrives within 300 s.
const CHUNK = 10_000_000;
async function insertInChunks(url, table, count, offset, countryOf) {
  for (let done = 0; done < count; done += CHUNK) {
    await execute(url, `INSERT INTO ${table} ${rowsSelect(Math.min(CHUNK, count - done), countryOf, offset + done)}`);
  }
}

async function timeChanges(run, values = COUNTRIES) {
  await run(values[0]); // warm-up, not counted
  const times = [];
  for (let k = 0; k < CHANGES; k++) {
    const started = performance.now();
    await run(values[(k + 1) % values.length]);
    times.push(performance.now() - started);
  }
  return summary(times);
}

async function duckdbReference(rows) {
  const require = createRequire(import.meta.url);
  const { createDuckDB, NODE_RUNTIME, VoidLogger } = await import('@duckdb/duckdb-wasm/blocking');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true } });
  const c = db.connect();
  const started = performance.now();
  const n = 'i';
  c.query(`CREATE TABLE bench AS SELECT
      DATE '2013-01-01' + CAST((${n} // ${MARKETPLACES.length * COUNTRIES.length * 15}) % ${DAYS} AS INTEGER) AS date,
      (${array(MARKETPLACES)})[${n} % ${MARKETPLACES.length} + 1] AS marketplace,
      (${array(COUNTRIES)})[(${n} // ${MARKETPLACES.length}) % ${COUNTRIES.length} + 1] AS country,
      (${array(DEVICES)})[(${n} // ${MARKETPLACES.length * COUNTRIES.length}) % 3 + 1] AS device,
      (${array(CHANNELS)})[(${n} // ${MARKETPLACES.length * COUNTRIES.length * 3}) % 5 + 1] AS channel,
      CAST(hash(${n}) % 5000 AS UINTEGER) AS visitors,
      CAST(hash(${n} + 1) % 7000 AS UINTEGER) AS sessions,
      CAST(hash(${n} + 2) % 200 AS UINTEGER) AS orders
    FROM range(${rows}) t(${n})`);
  const generated = performance.now() - started;
  const out = { generatedMs: Math.round(generated) };
  for (const [column, values] of Object.entries(FILTERS)) {
    out[column] = await timeChanges(async (value) => {
      c.query(`SELECT date_trunc('month', date) AS month, marketplace, sum(visitors) AS visitors FROM bench WHERE ${column} IN ('${value}') GROUP BY ALL ORDER BY ALL`);
    }, values);
  }
  c.close();
  db.reset();
  return out;
}

const UPLOAD_ROWS = Number(args['upload-rows']);
const UPLOAD = `bench/data/traffic-${UPLOAD_ROWS / 1e6}m.csv`;
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
/** The tables a size leaves on a shard (the app's read-only user reads the `marketscope` database only). */
async function dropBenchTables(url) {
  for (const table of ['bench_one_mv', 'bench_part_mv', 'bench_all_monthly', 'bench_all', 'bench_one_monthly', 'bench_part_monthly', 'bench_one', 'bench_part']) {
    await execute(url, `DROP TABLE IF EXISTS marketscope.${table}`);
  }
}

/**
 * Per change of a series: the ClickHouse queries, the rows they answered, and the slowest query's network time; and the
 * settle times of the changes that sent a query. A series that comes back to a filter it had (the channel series: 15
 * sets for 25 changes) is answered from the app's query cache then, without ClickHouse.
 */
function queriesSummary(perChange, settles) {
  const stat = (values) => (values.length > 0 ? summary(values) : null);
  return {
    changesWithQueries: perChange.filter((queries) => queries.length > 0).length,
    settleOfChangesWithQueries: stat(settles.filter((_, k) => perChange[k].length > 0)),
    queriesPerChange: stat(perChange.map((queries) => queries.length)),
    rowsPerChange: stat(perChange.map((queries) => queries.reduce((sum, q) => sum + (q.rows ?? 0), 0))),
    slowestQueryMs: stat(perChange.filter((queries) => queries.length > 0).map((queries) => Math.max(...queries.map((q) => q.ms ?? 0)))),
    failed: perChange.flat().filter((q) => q.status !== 200).length,
    bytesPerChange: stat(perChange.map((queries) => queries.reduce((sum, q) => sum + (q.bytes ?? 0), 0))),
  };
}

/**
 * Opens `table` in the app through a `need=ch.` link (all four dimensions, three measures) and times the country and
 * the channel series; the result (or the error: reported, not fatal) goes into results.browser.clickhouse.
 */
async function measureInApp(size, label, { layout, table, time = 'date', preaggregated = false }) {
  const id = `u_${table}_${label.toLowerCase()}`;
  const name = `${label} rows${preaggregated ? ' pre-aggregated' : ''} in the app, ${layout}`;
  let opened;
  const entry = { rows: size, layout, table, preaggregated };
  try {
    opened = await openClickHouse(app.browser, app.origin, id, benchDef('bench', 'marketscope', table, time), { country: [COUNTRIES[0]] });
    // The rows of an answer Chromium did not keep, counted by ClickHouse after the series.
    const recorder = recordClickHouseQueries(opened.page, async (sql) => Number((await execute(cluster.shards[0].url, `SELECT count() FROM (${sql})`)).trim()));
    const countrySeries = await timeSeries(opened.page, COUNTRIES.map((c) => ({ country: [c] })), CHANGES);
    entry.countryQueries = queriesSummary(await recorder.take(CHANGES), countrySeries);
    const channelSeries = await timeSeries(opened.page, singlesAndPairs(CHANNELS).map((set) => ({ country: [], channel: set })), CHANGES);
    entry.channelQueries = queriesSummary(await recorder.take(CHANGES), channelSeries);
    Object.assign(entry, { mode: opened.mode, openedMs: opened.openedMs, country: summary(countrySeries), channel: summary(channelSeries) });
  } catch (error) {
    // Reported, not fatal: the other layouts and sizes are still measured.
    entry.error = String(error.message ?? error).slice(0, 2000);
    results.browser.clickhouse.push(entry);
    log(`${name}: FAILED ${String(error.message ?? error).slice(0, 500)}`);
    await opened?.context.close();
    return;
  }
  await opened.context.close();
  entry.loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.browser.clickhouse.push(entry);
  const rows = (q) =>
    q.changesWithQueries > 0
      ? ` (${q.changesWithQueries} changes sent queries: p50 ${q.settleOfChangesWithQueries.p50} ms, p95 ${q.settleOfChangesWithQueries.p95} ms; rows per change up to ${q.rowsPerChange.max}, slowest query p50 ${q.slowestQueryMs.p50} ms)`
      : ' (no ClickHouse query)';
  log(
    `${name} (${entry.mode}): opened in ${entry.openedMs} ms; country filter p50 ${entry.country.p50} ms, p95 ${entry.country.p95} ms, max ${entry.country.max} ms${rows(entry.countryQueries)}; ` +
      `channel filter p50 ${entry.channel.p50} ms, p95 ${entry.channel.p95} ms, max ${entry.channel.max} ms${rows(entry.channelQueries)}`,
  );
}

const began = Date.now();
if (args.browser && args.upload) execFileSync(process.execPath, ['scripts/generate-bench-data.mjs', '--rows', String(UPLOAD_ROWS), '--out', UPLOAD, '--skip-existing'], { stdio: 'inherit' });
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: { atStart: os.loadavg().map((x) => Math.round(x * 100) / 100) } };
const cluster = await startCluster({ load: false, log: (line) => console.log(line) });
const results = { measuredAt: new Date().toISOString(), machine, changes: CHANGES, clickhouse: [], duckdb: null, browser: null };
let app = null;
try {
  const [one, two] = cluster.shards.map((s) => s.url);
  if (args.browser) {
    app = await startApp({ port: Number(args.port), dist: args.dist, buildFirst: args.build, connection: `${connectionString(cluster, 'bench', 0)};maxExecutionTime=${Number(args['max-execution-time'])}`, log });
    results.browser = { chromium: app.version, maxExecutionTimeS: Number(args['max-execution-time']), clickhouse: [], duckdbWasm: null };
  }
  const version = (await execute(one, 'SELECT version()')).trim();
  console.log(`ClickHouse ${version}, two shards on this machine; ${CHANGES} filter changes per measurement.`);
  for (const size of SIZES) {
    const label = size >= 1e6 ? `${size / 1e6}M` : String(size);
    await execute(one, 'CREATE DATABASE IF NOT EXISTS marketscope');
    await execute(two, 'CREATE DATABASE IF NOT EXISTS marketscope');
    // One shard: every row in one MergeTree on shard 1.
    let started = performance.now();
    await execute(one, `CREATE TABLE marketscope.bench_one (${COLUMNS}) ${ENGINE}`);
    if (args.preagg) {
      await execute(one, `CREATE TABLE marketscope.bench_one_monthly (${MONTHLY_COLUMNS}) ${MONTHLY_ENGINE}`);
      await execute(one, monthlyView('marketscope.bench_one_mv', 'marketscope.bench_one_monthly', 'marketscope.bench_one'));
    }
    await insertInChunks(one, 'marketscope.bench_one', size, 0, (k) => `${k} % ${COUNTRIES.length}`);
    const generatedOne = performance.now() - started;
    // Two shards: half the rows each, by country (even country indexes on shard 1, odd on shard 2).
    started = performance.now();
    for (const [s, url] of [one, two].entries()) {
      await execute(url, `CREATE TABLE marketscope.bench_part (${COLUMNS}) ${ENGINE}`);
      await execute(url, `CREATE TABLE marketscope.bench_all AS marketscope.bench_part ENGINE = Distributed(${CLUSTER_NAME}, marketscope, bench_part)`);
      if (args.preagg) {
        await execute(url, `CREATE TABLE marketscope.bench_part_monthly (${MONTHLY_COLUMNS}) ${MONTHLY_ENGINE}`);
        await execute(url, monthlyView('marketscope.bench_part_mv', 'marketscope.bench_part_monthly', 'marketscope.bench_part'));
        await execute(url, `CREATE TABLE marketscope.bench_all_monthly AS marketscope.bench_part_monthly ENGINE = Distributed(${CLUSTER_NAME}, marketscope, bench_part_monthly)`);
      }
      await insertInChunks(url, 'marketscope.bench_part', size / 2, s * (size / 2), (k) => `(${k} % ${COUNTRIES.length / 2}) * 2 + ${s}`);
    }
    const generatedTwo = performance.now() - started;
    console.log(`${label} rows generated${args.preagg ? ' (with the materialized views)' : ''}: one shard ${(generatedOne / 1000).toFixed(1)} s, two shards ${(generatedTwo / 1000).toFixed(1)} s`);
    let monthly = null;
    if (args.preagg) {
      const count = async (table) => Number((await execute(one, `SELECT count() FROM ${table}`)).trim());
      const unmerged = { oneShard: await count('marketscope.bench_one_monthly'), twoShards: await count('marketscope.bench_all_monthly') };
      started = performance.now();
      await execute(one, 'OPTIMIZE TABLE marketscope.bench_one_monthly FINAL');
      for (const url of [one, two]) await execute(url, 'OPTIMIZE TABLE marketscope.bench_part_monthly FINAL');
      const optimizeMs = Math.round(performance.now() - started);
      monthly = { unmerged, merged: { oneShard: await count('marketscope.bench_one_monthly'), twoShards: await count('marketscope.bench_all_monthly') }, optimizeMs };
      console.log(`${label} rows pre-aggregated by month: ${unmerged.oneShard} rows before merging, ${monthly.merged.oneShard} after OPTIMIZE FINAL (${(optimizeMs / 1000).toFixed(1)} s for both layouts)`);
    }
    for (const [column, values] of args.node ? Object.entries(FILTERS) : []) {
      const oneShard = await timeChanges((value) => execute(one, pushdown('marketscope.bench_one', column, value)), values);
      const twoShards = await timeChanges((value) => execute(one, pushdown('marketscope.bench_all', column, value)), values);
      const entry = { rows: size, filter: column, oneShard, twoShards, generatedMs: { oneShard: Math.round(generatedOne), twoShards: Math.round(generatedTwo) } };
      console.log(`${label} rows, ${column} filter: one shard p50 ${oneShard.p50} ms, p95 ${oneShard.p95} ms; two shards p50 ${twoShards.p50} ms, p95 ${twoShards.p95} ms`);
      if (monthly) {
        // Same figures from both tables, or the comparison means nothing.
        const [raw, summed] = await Promise.all([execute(one, pushdown('marketscope.bench_one', column, values[0])), execute(one, pushdown('marketscope.bench_one_monthly', column, values[0], 'month'))]);
        if (JSON.stringify(JSON.parse(raw).data) !== JSON.stringify(JSON.parse(summed).data)) throw new Error(`the pre-aggregated table answers differently from the raw one (${column} = ${values[0]})`);
        const pre = {
          oneShard: await timeChanges((value) => execute(one, pushdown('marketscope.bench_one_monthly', column, value, 'month')), values),
          twoShards: await timeChanges((value) => execute(one, pushdown('marketscope.bench_all_monthly', column, value, 'month')), values),
        };
        entry.preaggregated = { ...pre, ...monthly };
        console.log(`${label} rows pre-aggregated, ${column} filter: one shard p50 ${pre.oneShard.p50} ms, p95 ${pre.oneShard.p95} ms; two shards p50 ${pre.twoShards.p50} ms, p95 ${pre.twoShards.p95} ms`);
      }
      results.clickhouse.push(entry);
    }
    if (app) {
      const tables = [];
      if (args['browser-raw']) tables.push({ layout: 'oneShard', table: 'bench_one' }, { layout: 'twoShards', table: 'bench_all' });
      if (args.preagg) tables.push({ layout: 'oneShard', table: 'bench_one_monthly', time: 'month', preaggregated: true }, { layout: 'twoShards', table: 'bench_all_monthly', time: 'month', preaggregated: true });
      for (const table of tables) await measureInApp(size, label, table);
    }
    for (const url of [one, two]) await dropBenchTables(url);
  }
  if (app && args.upload) {
    // The same changes on the bench's 10M upload, all in DuckDB-wasm in the same browser: the same-run reference.
    const opened = await openUpload(app.browser, app.origin, UPLOAD);
    const country = summary(await timeSeries(opened.page, bundledMembers('country').map((c) => ({ country: [c] })), CHANGES));
    const channel = summary(await timeSeries(opened.page, singlesAndPairs(CHANNELS).map((set) => ({ country: [], channel: set })), CHANGES));
    await opened.context.close();
    results.browser.duckdbWasm = { rows: UPLOAD_ROWS, file: UPLOAD, openedMs: opened.openedMs, country, channel };
    log(`${UPLOAD_ROWS / 1e6}M upload in DuckDB-wasm (the same browser): loaded in ${opened.openedMs} ms; country filter p50 ${country.p50} ms, p95 ${country.p95} ms; channel filter p50 ${channel.p50} ms, p95 ${channel.p95} ms`);
  }
} finally {
  await app?.close();
  await cluster.stop();
}
results.machine.loadAverage.atEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
if (args.duckdb) {
  const rows = Math.min(10_000_000, ...SIZES);
  results.duckdb = { rows, ...(await duckdbReference(rows)) };
  for (const column of Object.keys(FILTERS)) {
    console.log(`DuckDB-wasm (Node, one thread) at ${rows / 1e6}M rows, ${column} filter: p50 ${results.duckdb[column].p50} ms, p95 ${results.duckdb[column].p95} ms`);
  }
}
if (results.browser) {
  // The browser's figures as one table: settle p50 / p95 (max) in ms per filter.
  const figure = (f) => (f ? `${f.p50} / ${f.p95} (${f.max})` : '—');
  const rows = results.browser.clickhouse.map((e) => ({
    dataset: `ClickHouse ${e.rows / 1e6}M${e.preaggregated ? ' pre-aggregated' : ''}, ${e.layout === 'oneShard' ? 'one shard' : 'two shards'}`,
    mode: e.mode ?? 'failed',
    opened: e.openedMs === undefined ? '—' : `${(e.openedMs / 1000).toFixed(1)} s`,
    country: figure(e.country),
    channel: figure(e.channel),
    'changes that queried, rows (country / channel)': e.countryQueries ? `${e.countryQueries.changesWithQueries}, ${e.countryQueries.rowsPerChange.max} / ${e.channelQueries.changesWithQueries}, ${e.channelQueries.rowsPerChange.max}` : '—',
  }));
  const upload = results.browser.duckdbWasm;
  if (upload) rows.push({ dataset: `upload ${upload.rows / 1e6}M, DuckDB-wasm`, mode: 'upload', opened: `${(upload.openedMs / 1000).toFixed(1)} s`, country: figure(upload.country), channel: figure(upload.channel), 'changes that queried, rows (country / channel)': '—' });
  console.log('In the browser, settle p50 / p95 (max) in ms:');
  console.table(rows);
}
console.log(`Done in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
if (args.json) (await import('node:fs')).writeFileSync(args.json, JSON.stringify(results, null, 2));
