// `npm run bench`: measures the production build in Debian's Chromium and writes bench/results.json.
// Absolute times on a shared 2-core machine swing by 2× from hour to hour, so every figure of issue 17 is measured
// beside a reference taken in the same run, by the same method, from the same server, and printed as a ratio with
// its spread over the runs (scripts/lib/bench-report.mjs). Nothing here asserts: tests check correctness, this measures.
//
// BENCH_ONLY picks a part, for developers: `startup` (cold loads of the app, the floor page and bare DuckDB-wasm;
// warm loads), `interactions` (filter changes: settled, input to next paint, no-op; bundled and BENCH_SIZES) or
// `workspace` (the SQL workspace). Each writes bench/results-<part>.json; without BENCH_ONLY everything runs, with
// the ingest and memory figures, into bench/results.json.
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { nativeIngest } from './lib/native-ingest.mjs';
import { measureWorkspace, printWorkspace } from './lib/bench-workspace.mjs';
import { FIRST_CHART, NETWORK_PROFILES, buildReferencePages, captureFloor, measureLoad, measureStartup, summariseStartup } from './lib/bench-startup.mjs';
import { MEASURE_CHANGE_OPTIONS, installMeasureChange, measureNoop, poolRuns, runFreshStates, runInteractions } from './lib/bench-input.mjs';
import { printInteractions, printStartup, printTargets, targetRows } from './lib/bench-report.mjs';

const args = new Set(process.argv.slice(2));
const ONLY = process.env.BENCH_ONLY ?? '';
if (!['', 'startup', 'interactions', 'workspace'].includes(ONLY)) {
  throw new Error(`BENCH_ONLY=${ONLY} is not a part of the bench: use startup, interactions or workspace, or leave it unset for all`);
}
const part = (name) => ONLY === '' || ONLY === name;
// Runs: the spread of every figure is the min–max of its per-run figures, so at least 3.
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Per run: cold loads of each start-up page, filter changes per size, no-op changes per size.
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 36);
const NOOPS = Number(process.env.BENCH_NOOPS ?? 12);
// Per run and size: changes to states not shown before (their queries run; the scripted ones repeat six states).
const FRESH = Number(process.env.BENCH_FRESH ?? 24);
const WARM_LOADS = Number(process.env.BENCH_WARM_LOADS ?? 5);
const FORECASTS = Number(process.env.BENCH_FORECASTS ?? 20);
const INGEST_RUNS = Number(process.env.BENCH_INGEST_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1m,10m').split(',').filter(Boolean);
// BENCH_THROTTLE=broadband: the start-up loads (all three pages) through Chromium's network emulation.
const THROTTLE = process.env.BENCH_THROTTLE ?? '';
if (THROTTLE && !NETWORK_PROFILES[THROTTLE]) throw new Error(`BENCH_THROTTLE=${THROTTLE} is not a profile: use ${Object.keys(NETWORK_PROFILES).join(', ')}`);
const WORKSPACE_RUNS = Number(process.env.BENCH_WORKSPACE_RUNS ?? Math.max(3, Math.min(RUNS, 5)));
// Another port and build folder let a bench run beside other builds and servers on the machine.
const PORT = Number(process.env.BENCH_PORT ?? 4181);
const DIST = process.env.BENCH_DIST ?? 'dist';
const log = (message) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

// Generated data (not committed): the bundled traffic at daily grain × device × channel, and a 100 MB file.
const DATA = {
  '1m': 'bench/data/traffic-1m.csv',
  '10m': 'bench/data/traffic-10m.csv',
  ingest: 'bench/data/ingest-100mb.csv',
};
const ROWS = { '1m': 1_000_000, '10m': 10_000_000 };
if (part('interactions')) for (const size of SIZES) generate(['--rows', String(ROWS[size]), '--out', DATA[size]]);
if (ONLY === '') generate(['--bytes', '100000000', '--out', DATA.ingest]);
function generate(options) {
  execFileSync(process.execPath, ['scripts/generate-bench-data.mjs', ...options, '--skip-existing'], { stdio: 'inherit' });
}
const ORIGIN = `http://127.0.0.1:${PORT}`;

if (!args.has('--no-build')) {
  log('building…');
  await build({ logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
}
const server = await preview({ build: { outDir: DIST }, preview: { port: PORT, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
// The load average says how busy the shared machine was (other work included): figures from a busy hour are slower.
const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverageAtStart: os.loadavg().map(round) };
const results = { measuredAt: new Date().toISOString(), part: ONLY || 'all', machine, browser: browser.version(), runs: RUNS };

/** Opens the app in `context` (after `hash`), waits for the first chart and the engine; the page keeps the harness. */
async function load(context, hash = '') {
  const page = await context.newPage();
  await page.addInitScript(installMeasureChange, MEASURE_CHANGE_OPTIONS);
  await page.goto(`${ORIGIN}/${hash}`);
  await page.waitForSelector(FIRST_CHART);
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: 120_000 });
  return { page };
}

if (ONLY === 'workspace') {
  const workspace = await measureWorkspace(browser, { load, origin: ORIGIN, runs: WORKSPACE_RUNS, stats });
  await finish({ ...results, workspace }, 'bench/results-workspace.json', () => printWorkspace(workspace));
}

// 1. Start-up: cold loads of the app, the floor page and bare DuckDB-wasm, interleaved (scripts/lib/bench-startup.mjs);
// then warm loads (the same context reloaded: the HTTP cache and the compiled wasm kept).
if (part('startup')) {
  const reference = await buildReferencePages(DIST);
  const floorChart = await captureFloor(browser, { origin: ORIGIN, dist: DIST });
  log(`floor page: the app's trend chart, ${floorChart.width}×${floorChart.height} px, ${floorChart.lines} lines`);
  const network = THROTTLE ? NETWORK_PROFILES[THROTTLE] : null;
  const samples = await measureStartup(browser, { origin: ORIGIN, runs: RUNS, loads: LOADS, bareQuery: reference.query, network, log });
  results.startup = { loadsPerRun: LOADS, network: THROTTLE ? { profile: THROTTLE, ...network } : 'localhost', floorChart, referenceFiles: reference.files, ...summariseStartup(samples, stats) };
  const warm = [];
  const warmContext = await browser.newContext();
  await (await load(warmContext)).page.close();
  for (let run = 0; run < WARM_LOADS; run++) {
    const page = await warmContext.newPage();
    warm.push(await measureLoad(page, 'app', `${ORIGIN}/`));
    await page.close();
  }
  await warmContext.close();
  results.startup.warm = {
    loads: WARM_LOADS,
    firstChartPaintedMs: stats(warm.map((sample) => sample.firstChartPainted)),
    engineLiveMs: stats(warm.map((sample) => sample.engineLive)),
    bytesBeforeFirstChart: stats(warm.map((sample) => sample.bytesBeforeFirstChart)),
  };
}

// 2. Filter changes, each from a real key press (scripts/lib/bench-input.mjs): per run, a fresh page on the bundled
// data and on each generated size loaded through the upload screen; the changes, then no-op changes.
const SCRIPTS = {
  bundled: [
    ['filter-measure', 'gmv'],
    ['filter-from', '2024-06'],
    ['filter-measure', 'orders'],
    ['filter-from', '2023-01'],
    ['filter-measure', 'visitors'],
    ['filter-from', '2025-01'],
  ],
  upload: [
    ['filter-measure', 'sessions'],
    ['filter-from', '2024-06'],
    ['filter-measure', 'orders'],
    ['filter-from', '2023-01'],
    ['filter-measure', 'visitors'],
    ['filter-from', '2025-01'],
  ],
};
/** The measures and the months the scripts above use, for the changes to states not shown before. */
const FRESH_STATES = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, script]) => [
    name,
    {
      measures: [...new Set(script.filter(([id]) => id === 'filter-measure').map(([, value]) => value))],
      usedMonths: script.filter(([id]) => id === 'filter-from').map(([, value]) => value),
    },
  ]),
);
const extras = { large: {} };
if (part('interactions')) {
  const perSize = { bundled: [] };
  for (const size of SIZES) perSize[size] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const { page } = await load(context);
    const changes = await runInteractions(page, SCRIPTS.bundled, INTERACTIONS);
    const noop = await measureNoop(page, 'filter-measure', NOOPS);
    const fresh = await runFreshStates(page, { ...FRESH_STATES.bundled, count: FRESH });
    perSize.bundled.push({ changes, noop, fresh });
    if (ONLY === '' && run === 0) {
      const session = await context.newCDPSession(page);
      extras.heap = await session.send('Runtime.getHeapUsage');
      // A forecast on the longest bundled series: the trend by marketplace over every month the data has.
      extras.forecast = await measureForecast(page, FORECASTS);
    }
    await context.close();
    log(`interactions run ${run + 1} of ${RUNS}: bundled done`);

    for (const size of SIZES) {
      const sizeContext = await browser.newContext();
      const sizePage = (await load(sizeContext, '#bench')).page;
      const sampler = run === 0 && ONLY === '' ? startRssSampler() : null;
      const ingest = await uploadThroughApp(sizePage, DATA[size]);
      await sizePage.getByTestId('upload-report').getByTestId('upload-open').click();
      await sizePage.waitForSelector('[data-testid=kpi-total]');
      await settle(sizePage);
      const sizeChanges = await runInteractions(sizePage, SCRIPTS.upload, INTERACTIONS);
      const sizeNoop = await measureNoop(sizePage, 'filter-measure', NOOPS);
      const sizeFresh = await runFreshStates(sizePage, { ...FRESH_STATES.upload, count: FRESH });
      perSize[size].push({ changes: sizeChanges, noop: sizeNoop, fresh: sizeFresh });
      if (sampler) {
        // The same changes with the Why? view open: each one recomputes the explanation (one GROUPING SETS query)
        // and the share shift, measured with the same method as the plain filter change above.
        await sizePage.getByTestId('tab-explain').click();
        await sizePage.waitForSelector('[data-testid=explain-summary]', { timeout: 120_000 });
        await settle(sizePage);
        const explain = poolRuns([{ changes: await runInteractions(sizePage, SCRIPTS.upload, INTERACTIONS), noop: sizeNoop }], stats);
        const forecast = await measureForecast(sizePage, FORECASTS);
        const sizeSession = await sizeContext.newCDPSession(sizePage);
        const sizeHeap = await sizeSession.send('Runtime.getHeapUsage');
        const duckdbBytes = await sizePage.evaluate(() => window.__marketscopeBench.duckdbMemoryBytes());
        extras.large[size] = {
          rows: ROWS[size],
          fileBytes: statSync(DATA[size]).size,
          ingest,
          explain: explain.changes,
          forecast,
          memory: { jsHeapUsedBytes: sizeHeap.usedSize, duckdbMemoryBytes: duckdbBytes, peakRendererRssBytes: sampler.stop() },
        };
      }
      await sizeContext.close();
      log(`interactions run ${run + 1} of ${RUNS}: ${size} done`);
    }
  }
  results.interactions = Object.fromEntries(Object.entries(perSize).map(([size, runs]) => [size, poolRuns(runs, stats)]));
  results.interactionCounts = { changesPerRun: INTERACTIONS, noopsPerRun: NOOPS, newStatesPerRun: FRESH };
}

if (ONLY === '') {
  // 3. Ingest: the same 100 MB file through the app's upload pipeline and through a bare read_csv, in one page.
  const ingestContext = await browser.newContext();
  const ingestPage = (await load(ingestContext, '#bench')).page;
  const appIngest = [];
  const bareIngest = [];
  for (let run = 0; run < INGEST_RUNS; run++) {
    appIngest.push(await uploadThroughApp(ingestPage, DATA.ingest));
    await ingestPage.getByTestId('open-upload').click();
    bareIngest.push(await bareReadCsv(ingestPage, DATA.ingest));
  }
  await ingestContext.close();
  log('native DuckDB ingest…');
  const native = await nativeIngest(DATA.ingest, { runs: INGEST_RUNS });
  results.ingest = {
    file: DATA.ingest,
    bytes: statSync(DATA.ingest).size,
    app: { runs: appIngest, totalMs: stats(appIngest.map((run) => run.totalMs)), loadMs: stats(appIngest.map((run) => run.loadMs)) },
    bareWasm: { runs: bareIngest, ms: stats(bareIngest.map((run) => run.ms)) },
    native,
  };
  results.forecast = extras.forecast;
  results.large = extras.large;
  results.memory = { jsHeapUsedBytesAfterInteractions: extras.heap?.usedSize ?? null };

  // 4. The SQL workspace: opening it cold, and scrolling a million-row result (scripts/lib/bench-workspace.mjs).
  results.workspace = await measureWorkspace(browser, { load, origin: ORIGIN, runs: WORKSPACE_RUNS, stats });

  // 5. Sizes: the entry module and every script index.html loads before the app runs.
  const dist = path.resolve(DIST);
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entryFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const gzipOf = (file) => gzipSync(readFileSync(path.join(dist, file))).length;
  const entryJs = entryFiles.filter((file) => file.endsWith('.js'));
  const allAssets = readdirSync(path.join(dist, 'assets'));
  const lazyJs = allAssets.filter((file) => file.endsWith('.js') && !entryJs.includes(`assets/${file}`));
  results.size = {
    indexHtmlBytes: Buffer.byteLength(html),
    entryJsGzipBytes: entryJs.reduce((sum, file) => sum + gzipOf(file), 0),
    entryFiles,
    lazyJs: Object.fromEntries(lazyJs.map((file) => [file, gzipOf(`assets/${file}`)])),
    wasmBytes: Object.fromEntries(allAssets.filter((file) => file.endsWith('.wasm')).map((file) => [file, statSync(path.join(dist, 'assets', file)).size])),
  };
}

results.targets = targetRows(results);
const suffix = [ONLY, THROTTLE].filter(Boolean).join('-');
await finish(results, suffix ? `bench/results-${suffix}.json` : 'bench/results.json', () => print(results));

/** Writes `file`, prints, closes the browser and the server, exits. */
async function finish(output, file, printer) {
  output.machine.loadAverageAtEnd = os.loadavg().map(round);
  mkdirSync('bench', { recursive: true });
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  const load = (values) => values.map((value) => value.toFixed(1)).join(' ');
  console.log(`\n${output.browser} · ${output.machine.cpus} × ${output.machine.cpuModel} · ${output.machine.memoryGiB} GiB · ${output.runs} runs · load average ${load(output.machine.loadAverageAtStart)} at the start, ${load(output.machine.loadAverageAtEnd)} at the end`);
  printer();
  console.log(`wrote ${file}`);
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  process.exit(0);
}

function print(r) {
  if (r.startup) printStartup(r.startup);
  if (r.startup?.warm) {
    const w = r.startup.warm;
    console.log(`  warm loads (${w.loads}, the app reloaded in one context): first chart painted ${w.firstChartPaintedMs.median} ms, engine live ${w.engineLiveMs.median} ms, ${(w.bytesBeforeFirstChart.median / 1000).toFixed(1)} kB before the chart (medians)`);
  }
  if (r.interactions) printInteractions(r.interactions);
  if (r.forecast) {
    const f = r.forecast;
    console.log(`  forecast on, trend over ${f.range.from} … ${f.range.to}: median ${f.on.median} ms, p95 ${f.on.p95} ms; off again: median ${f.off.median} ms (${(f.on.median / f.off.median).toFixed(2)}× the redraw without it)`);
  }
  if (r.ingest) {
    const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
    const i = r.ingest;
    console.log(`\ningest of ${(i.bytes / 1e6).toFixed(0)} MB (median of ${i.app.runs.length})`);
    console.log(`  app upload pipeline (check + load + month cube): ${i.app.totalMs.median} ms, ${mbps(i.bytes, i.app.totalMs.median)} MB/s`);
    console.log(`  app pipeline, DuckDB load step only:             ${i.app.loadMs.median} ms, ${mbps(i.bytes, i.app.loadMs.median)} MB/s`);
    console.log(`  bare DuckDB-wasm read_csv, same page:            ${i.bareWasm.ms.median} ms, ${mbps(i.bytes, i.bareWasm.ms.median)} MB/s`);
    console.log(`  native DuckDB (${i.native.threads} threads / 1 thread):          ${i.native.mbPerSecAuto.toFixed(1)} / ${i.native.singleThread.mbPerSecAuto.toFixed(1)} MB/s`);
    console.log(`  app / bare wasm throughput:   ${(i.bareWasm.ms.median / i.app.totalMs.median).toFixed(2)} (budget ≥ 0.80)`);
    console.log(`  bare wasm / native 1 thread:  ${(i.native.singleThread.medianAutoMs / i.bareWasm.ms.median).toFixed(2)}`);
  }
  for (const [size, l] of Object.entries(r.large ?? {})) {
    console.log(`\n${size} rows (${(l.fileBytes / 1e6).toFixed(0)} MB) through the upload pipeline: ${Math.round(l.ingest.totalMs)} ms (${l.ingest.mbPerSec.toFixed(1)} MB/s)`);
    console.log(`  the filter changes on the Why? view: median ${l.explain.ms.median} ms, p95 ${l.explain.ms.p95} ms; input to next paint p95 ${l.explain.inputToNextPaintMs.p95} ms`);
    console.log(`  forecast on, trend over ${l.forecast.range.from} … ${l.forecast.range.to}: median ${l.forecast.on.median} ms, p95 ${l.forecast.on.p95} ms (${(l.forecast.on.median / l.forecast.off.median).toFixed(2)}× turning it off)`);
    console.log(`  memory: JS heap ${(l.memory.jsHeapUsedBytes / 2 ** 20).toFixed(0)} MiB, DuckDB ${(l.memory.duckdbMemoryBytes / 2 ** 20).toFixed(0)} MiB, renderer RSS peak ${(l.memory.peakRendererRssBytes / 2 ** 30).toFixed(2)} GiB (budget ≤ 2 GB)`);
  }
  if (r.size) console.log(`\nentry JS (gzip): ${(r.size.entryJsGzipBytes / 1000).toFixed(1)} kB; index.html ${(r.size.indexHtmlBytes / 1000).toFixed(1)} kB`);
  if (r.workspace) printWorkspace(r.workspace);
  printTargets(r.targets, { runs: r.runs });
}

/**
 * The forecast on the trend view over the whole time range: the forecast select turned to 12 months and back to off,
 * each change timed as a filter change is (until the chart and the forecast summary have settled and painted). The
 * "off" changes, which redraw the same chart without forecast, are the reference measured in the same run.
 */
async function measureForecast(page, count) {
  await page.getByTestId('tab-trend').click();
  await page.waitForSelector('[data-testid=trend-forecast]');
  const ends = await page.evaluate(() => {
    const values = (id) => [...document.querySelector(`[data-testid="${id}"]`).options].filter((option) => !option.disabled).map((option) => option.value);
    return { from: values('filter-from')[0], to: values('filter-to').at(-1) };
  });
  await page.evaluate(([from, to]) => window.measureChange('filter-from', from).then(() => window.measureChange('filter-to', to)), [ends.from, ends.to]);
  await page.evaluate(() => window.measureChange('trend-forecast', 'off'));
  const on = [];
  const off = [];
  for (let step = 0; step < count; step++) {
    const value = step % 2 === 0 ? '12' : 'off';
    const sample = await page.evaluate((next) => window.measureChange('trend-forecast', next), value);
    (value === 'off' ? off : on).push(sample.painted);
  }
  const months = await page.evaluate(() => document.querySelectorAll('[data-testid="filter-from"] option:not([disabled])').length);
  return { range: ends, months, on: stats(on), off: stats(off) };
}

async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .is-updating'), null, { timeout: 120_000 });
}

/** Loads a file through the upload screen, accepting the suggested roles; returns the pipeline's own timings. */
async function uploadThroughApp(page, file) {
  const before = await page.evaluate(() => performance.getEntriesByName('upload:ingest').length);
  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles(file);
  await page.getByTestId('upload-form').getByTestId('upload-load').click();
  await page.getByTestId('upload-report').waitFor({ timeout: 900_000 });
  const detail = await page.evaluate(
    (index) => performance.getEntriesByName('upload:ingest')[index]?.detail ?? null,
    before,
  );
  if (!detail) throw new Error(`no upload:ingest entry for ${file}`);
  return { ...detail, mbPerSec: detail.bytes / 1e6 / (detail.totalMs / 1000) };
}

/** The same file through DuckDB-wasm's own read_csv (auto-detection, no checks), in the same page and engine. */
async function bareReadCsv(page, file) {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', file);
  const result = await page.evaluate(async () => {
    const input = document.getElementById('bench-file');
    const outcome = await window.__marketscopeBench.bareReadCsv(input.files[0]);
    input.remove();
    return outcome;
  });
  if (!(result.rows > 0)) throw new Error(`bare read_csv of ${file} read ${result.rows} rows: the figure would be meaningless`);
  return { ...result, mbPerSec: statSync(file).size / 1e6 / (result.ms / 1000) };
}

/** Peak resident memory of Chromium's renderer processes (the tab, its workers and the wasm heap), sampled. */
function startRssSampler() {
  let peak = 0;
  const sample = () => {
    try {
      const lines = execSync('ps -eo rss=,args=', { encoding: 'utf8', maxBuffer: 1 << 24 }).split('\n');
      const total = lines
        .filter((line) => line.includes('--type=renderer'))
        .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]) * 1024, 0);
      peak = Math.max(peak, total);
    } catch {
      // ps missing: leave the figure at what was seen.
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(sorted[0]), max: round(sorted.at(-1)) };
}

function round(value) {
  return Math.round(value * 10) / 10;
}
