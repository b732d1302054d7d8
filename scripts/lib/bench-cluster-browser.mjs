/* global document, window -- the functions given to the page run in the browser */
// The in-browser part of `npm run bench:cluster` (issue 18): filter changes in the production build, in Debian's
// Chromium, on a ClickHouse dataset opened in the app through a `need=ch.` link (the connection `bench` of the
// same-origin proxy, which `vite preview` serves as `npm start` does), timed from a real key press until every panel
// has settled and painted (scripts/lib/bench-input.mjs, the method of `npm run bench`); the same changes on the
// bench's 10M upload in DuckDB-wasm are the same-run reference.
//
// The ClickHouse dataset maps the four dimensions of the bench data (marketplace, country, device, channel): its whole
// cube (133 months × 8 × 50 × 3 × 5 = 798,000 rows) is above the app's cap, so the app shows it view by view, and each
// change of a dimension filter is a pushdown to ClickHouse (the view's cube) plus the views' SQL on it in DuckDB-wasm.
// Every change asks for members no earlier change of the series asked for lately (the app keeps six cubes), so none
// is answered from a kept cube.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';
import { MEASURE_CHANGE_OPTIONS, URL_CHANGE, changeByInput, installMeasureChange } from './bench-input.mjs';

const SETTLE_TIMEOUT = 600_000;
const OPEN_TIMEOUT = 300_000;

/** Builds the app (unless told not to), serves it with the proxy over `connection`, and starts Chromium. */
export async function startApp({ port, dist, buildFirst, connection, log }) {
  // The proxy reads MARKETSCOPE_CLICKHOUSE on every request (scripts/clickhouse/proxy.mjs).
  process.env.MARKETSCOPE_CLICKHOUSE = connection;
  delete process.env.MARKETSCOPE_CLICKHOUSE_FILE;
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  if (buildFirst) {
    log('building the app…');
    await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  const server = await preview({ build: { outDir: dist }, preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    version: browser.version(),
    async close() {
      await browser.close();
      await new Promise((resolve) => server.httpServer.close(resolve));
    },
  };
}

/** The `need` parameter that brings a ClickHouse table into the app (src/data/clickhouse/clickHouseNeed.ts). */
export function clickHouseNeed(id, def) {
  return `ch.${Buffer.from(JSON.stringify({ id, def })).toString('base64url')}`;
}

/**
 * The bench table as a dataset: its four dimensions and three measures, as the connect panel would suggest them. A
 * pre-aggregated table (`time` = 'month') is mapped the same way: the pushdown sums each measure by month, which is
 * what a SummingMergeTree needs (README: "Pre-aggregated tables").
 */
export function benchDef(connection, database, table, time = 'date') {
  return {
    connection,
    database,
    table,
    label: `Bench ${table}`,
    time,
    dimensions: [
      { column: 'marketplace', label: 'Marketplace', display: 'text' },
      { column: 'country', label: 'Country', display: 'country' },
      { column: 'device', label: 'Device', display: 'text' },
      { column: 'channel', label: 'Channel', display: 'text' },
    ],
    measures: ['visitors', 'sessions', 'orders'].map((column) => ({ column, label: column[0].toUpperCase() + column.slice(1), unit: 'count', overTime: 'mean' })),
  };
}

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .is-updating, .skeleton'), null, { timeout: SETTLE_TIMEOUT });
}

async function alerts(page) {
  return page.evaluate(() => [...document.querySelectorAll('[role=alert]')].map((element) => element.textContent.trim().slice(0, 300)));
}

/** The page's query string with `param` set to `values` (and no `need`: the dataset is in the page by then). */
async function withFilter(page, changes) {
  const search = new URLSearchParams(await page.evaluate(() => window.location.search.slice(1)));
  search.delete('need');
  for (const [param, values] of Object.entries(changes)) {
    search.delete(param);
    for (const value of values) search.append(param, value);
  }
  return search.toString();
}

/** The change timeSeries is running on a page (its index in the series), for recordClickHouseQueries. */
const changeOf = new WeakMap();

/**
 * One series: a warm-up change to `series[0]` (not counted), then `count` changes through the rest, each from a real
 * key press, timed until settled and painted. Throws if a panel shows an error: a figure of a failing view means
 * nothing.
 */
export async function timeSeries(page, series, count) {
  await changeByInput(page, URL_CHANGE, await withFilter(page, series[0]));
  await settled(page);
  const samples = [];
  for (let k = 0; k < count; k++) {
    changeOf.set(page, k);
    const sample = await changeByInput(page, URL_CHANGE, await withFilter(page, series[(k + 1) % series.length]));
    samples.push(sample.painted);
  }
  changeOf.delete(page);
  const shown = await alerts(page);
  if (shown.length > 0) throw new Error(`the view shows an error after the changes: ${shown.join(' | ')}`);
  return samples;
}

/**
 * Records the ClickHouse queries `page` sends through the proxy while timeSeries runs a change: per change, how many
 * queries, the rows each answered and its time in the network (request sent to the last byte received, as Chromium saw
 * it). What a change costs in ClickHouse and on the wire, next to its settle time. Rows: the CSV's lines but the header
 * when Chromium kept the body (it keeps none above 10 MB), else `countRows(sql)`, run by take() after the series (never
 * while a change is timed).
 */
export function recordClickHouseQueries(page, countRows) {
  const queries = [];
  const pending = [];
  const sentIn = new WeakMap(); // request → the change it was sent in
  const isQuery = (request) => /\/clickhouse\/[^/]+\/query/.test(request.url());
  page.on('request', (request) => {
    if (changeOf.has(page) && isQuery(request)) sentIn.set(request, changeOf.get(page));
  });
  page.on('requestfailed', (request) => {
    if (sentIn.has(request)) queries.push({ change: sentIn.get(request), status: null, failure: request.failure()?.errorText ?? 'failed', rows: null, ms: null });
  });
  page.on('requestfinished', (request) => {
    if (!sentIn.has(request)) return;
    const change = sentIn.get(request);
    const sql = request.postData() ?? '';
    const ms = Math.round(request.timing().responseEnd);
    pending.push(
      (async () => {
        const response = await request.response();
        const { responseBodySize } = await request.sizes();
        const body = await response?.body().catch(() => null);
        const csv = new URL(request.url()).searchParams.get('format') === 'CSVWithNames';
        const rows = csv && body ? Math.max(0, body.toString('utf8').split('\n').filter((line) => line !== '').length - 1) : null;
        queries.push({ change, status: response?.status() ?? null, sql: csv && rows === null ? sql : undefined, rows, bytes: responseBodySize, ms });
      })().catch((error) => queries.push({ change, status: null, failure: String(error.message ?? error), rows: null, ms })),
    );
  });
  const counted = new Map(); // sql → rows
  return {
    /** The queries of each of the last series' `count` changes (then forgotten). */
    async take(count) {
      await Promise.all(pending.splice(0));
      const taken = queries.splice(0);
      for (const query of taken) {
        if (!query.sql) continue;
        if (!counted.has(query.sql)) counted.set(query.sql, await countRows(query.sql));
        query.rows = counted.get(query.sql);
        delete query.sql;
      }
      return Array.from({ length: count }, (_, k) => taken.filter((q) => q.change === k));
    },
  };
}

/** Opens the ClickHouse table `def` in a fresh context, on `start` (filters), and waits for the view. */
export async function openClickHouse(browser, origin, id, def, start) {
  // Once more in a fresh context if the first page never shows the view (seen once on a machine at load 17).
  try {
    return await openClickHouseOnce(browser, origin, id, def, start);
  } catch (error) {
    console.log(`opening ${def.table} again after: ${String(error.message ?? error).split('\n')[0]}`);
    return openClickHouseOnce(browser, origin, id, def, start);
  }
}

async function openClickHouseOnce(browser, origin, id, def, start) {
  const context = await browser.newContext();
  try {
    return await openIn(context, origin, id, def, start);
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

async function openIn(context, origin, id, def, start) {
  const page = await context.newPage();
  await page.addInitScript(installMeasureChange, MEASURE_CHANGE_OPTIONS);
  const search = new URLSearchParams({ v: '1', dataset: id });
  for (const [param, values] of Object.entries(start)) for (const value of values) search.append(param, value);
  search.set('need', clickHouseNeed(id, def));
  const began = performance.now();
  await page.goto(`${origin}/?${search}`);
  // The view, or an error (a failed load shows no key figure at all).
  await page.waitForSelector('[data-testid=kpi-total], [role=alert]', { timeout: OPEN_TIMEOUT });
  const failed = await alerts(page);
  if (failed.length > 0) throw new Error(`the ClickHouse dataset ${def.table} did not open: ${failed.join(' | ')}`);
  await settled(page);
  const openedMs = Math.round(performance.now() - began);
  const shown = await alerts(page);
  if (shown.length > 0) throw new Error(`the ClickHouse dataset ${def.table} opened with an error: ${shown.join(' | ')}`);
  // Whole: the table's cube fit under the cap and every change runs in DuckDB-wasm; view by view: each change of a
  // dimension filter loads that view's cube from ClickHouse first.
  const mode = (await page.getByTestId('view-cube-status').count()) > 0 ? 'view by view' : 'whole cube';
  return { context, page, openedMs, mode };
}

/** Uploads `file` through the app's upload screen (accepting the suggested roles) and opens it; returns the page. */
export async function openUpload(browser, origin, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(installMeasureChange, MEASURE_CHANGE_OPTIONS);
  await page.goto(`${origin}/`);
  await page.waitForSelector('[data-testid=kpi-total]', { timeout: SETTLE_TIMEOUT });
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: SETTLE_TIMEOUT });
  const began = performance.now();
  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles(file);
  await page.getByTestId('upload-form').getByTestId('upload-load').click();
  await page.getByTestId('upload-report').waitFor({ timeout: 1_800_000 });
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await page.waitForSelector('[data-testid=kpi-total]', { timeout: SETTLE_TIMEOUT });
  await settled(page);
  return { context, page, openedMs: Math.round(performance.now() - began) };
}

/** The distinct values of `column` in the bundled traffic CSV (the bench upload is generated from it). */
export function bundledMembers(column) {
  const [header, ...lines] = readFileSync('datasets/marketplace-traffic.csv', 'utf8').trim().split('\n');
  const index = header.split(',').indexOf(column);
  return [...new Set(lines.map((line) => line.split(',')[index]))].sort();
}

/** Single members then pairs: more distinct filters than the app keeps cubes for, from a few members. */
export function singlesAndPairs(members) {
  const pairs = members.flatMap((a, i) => members.slice(i + 1).map((b) => [a, b]));
  return [...members.map((m) => [m]), ...pairs];
}
