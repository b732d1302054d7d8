// `npm run bench`: measures the production build in Debian's Chromium and writes bench/results.json.
// Each figure is a median and a p95 over repeated runs; ratios are printed because absolute times on a shared
// 2-core machine move with its load. Nothing here asserts: tests check correctness, this measures.
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

const args = new Set(process.argv.slice(2));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 50);
const INGEST_RUNS = Number(process.env.BENCH_INGEST_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '1m,10m').split(',').filter(Boolean);
// BENCH_ONLY=workspace measures the SQL workspace's entries alone (section 7), into bench/results-workspace.json.
const ONLY = process.env.BENCH_ONLY ?? '';
const WORKSPACE_RUNS = Number(process.env.BENCH_WORKSPACE_RUNS ?? Math.max(3, Math.min(RUNS, 5)));
// Another port and build folder let a bench run beside other builds and servers on the machine.
const PORT = Number(process.env.BENCH_PORT ?? 4181);
const DIST = process.env.BENCH_DIST ?? 'dist';

// Generated data (not committed): the bundled traffic at daily grain × device × channel, and a 100 MB file.
const DATA = {
  '1m': 'bench/data/traffic-1m.csv',
  '10m': 'bench/data/traffic-10m.csv',
  ingest: 'bench/data/ingest-100mb.csv',
};
const ROWS = { '1m': 1_000_000, '10m': 10_000_000 };
if (ONLY !== 'workspace') {
  for (const size of SIZES) generate(['--rows', String(ROWS[size]), '--out', DATA[size]]);
  generate(['--bytes', '100000000', '--out', DATA.ingest]);
}
function generate(options) {
  execFileSync(process.execPath, ['scripts/generate-bench-data.mjs', ...options, '--skip-existing'], { stdio: 'inherit' });
}
const ORIGIN = `http://127.0.0.1:${PORT}`;

if (!args.has('--no-build')) {
  console.log('building…');
  await build({ logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
}
const server = await preview({ build: { outDir: DIST }, preview: { port: PORT, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });

const FIRST_CHART = '[data-testid=trend-chart] .recharts-line';
// Records when the first chart appears and when the engine takes over, in the page's own clock.
const markers = () => {
  new MutationObserver(() => {
    if (!window.__firstChart && document.querySelector('[data-testid=trend-chart] .recharts-line')) {
      window.__firstChart = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
};

async function load(context, hash = '') {
  const page = await context.newPage();
  await page.addInitScript(markers);
  await page.addInitScript(installMeasureChange);
  await page.goto(`${ORIGIN}/${hash}`);
  await page.waitForSelector(FIRST_CHART);
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: 60_000 });
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const before = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= window.__firstChart);
    return {
      firstChart: window.__firstChart,
      firstContentfulPaint: fcp,
      engineLive: performance.now(),
      bytesBeforeFirstChart: before.reduce((sum, entry) => sum + entry.transferSize, 0),
    };
  });
  return { page, timing };
}

if (ONLY === 'workspace') {
  const workspace = await measureWorkspace(browser, { load, origin: ORIGIN, runs: WORKSPACE_RUNS, stats });
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results-workspace.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, browser: browser.version(), workspace }, null, 2)}\n`);
  console.log(`\n${browser.version()} · ${machine.cpus} × ${machine.cpuModel}`);
  printWorkspace(workspace);
  console.log('wrote bench/results-workspace.json');
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  process.exit(0);
}

// 1. Cold loads: a new browser context each time, so nothing is cached.
const cold = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext();
  const { timing } = await load(context);
  cold.push(timing);
  await context.close();
}

// 2. Warm loads: the same context, reloaded; the HTTP cache and the compiled wasm are kept.
const warm = [];
const warmContext = await browser.newContext();
await (await load(warmContext)).page.close();
for (let run = 0; run < RUNS; run++) {
  const { page, timing } = await load(warmContext);
  warm.push(timing);
  await page.close();
}
await warmContext.close();

// 3. Interactions on the bundled data: a filter change until every panel has redrawn.
const context = await browser.newContext();
const { page } = await load(context);
const session = await context.newCDPSession(page);
const script = [
  ['filter-measure', 'gmv'],
  ['filter-from', '2024-06'],
  ['filter-measure', 'orders'],
  ['filter-from', '2023-01'],
  ['filter-measure', 'visitors'],
  ['filter-from', '2025-01'],
];
const interactions = await runInteractions(page, script, INTERACTIONS);
const floor = await measureFloor(page, 'filter-measure', 20);
const heap = await session.send('Runtime.getHeapUsage');
// A forecast on the longest bundled series: the trend by marketplace over every month the data has.
const bundledForecast = await measureForecast(page, INTERACTIONS);
await context.close();

// 5. Ingest: the same 100 MB file through the app's upload pipeline and through a bare read_csv, in one page.
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
const ingestBytes = statSync(DATA.ingest).size;
console.log('native DuckDB ingest…');
const native = await nativeIngest(DATA.ingest, { runs: INGEST_RUNS });

// 6. Interaction and memory on the generated datasets, loaded through the upload pipeline.
const large = {};
for (const size of SIZES) {
  const sizeContext = await browser.newContext();
  const sizePage = (await load(sizeContext, '#bench')).page;
  const sampler = startRssSampler();
  const ingest = await uploadThroughApp(sizePage, DATA[size]);
  await sizePage.getByTestId('upload-report').getByTestId('upload-open').click();
  await sizePage.waitForSelector('[data-testid=kpi-total]');
  await settle(sizePage);
  const uploadScript = [
    ['filter-measure', 'sessions'],
    ['filter-from', '2024-06'],
    ['filter-measure', 'orders'],
    ['filter-from', '2023-01'],
    ['filter-measure', 'visitors'],
    ['filter-from', '2025-01'],
  ];
  const times = await runInteractions(sizePage, uploadScript, INTERACTIONS);
  // The same changes with the Why? view open: each one recomputes the explanation (one GROUPING SETS query) and
  // the share shift, measured with the same method as the plain filter change above.
  await sizePage.getByTestId('tab-explain').click();
  await sizePage.waitForSelector('[data-testid=explain-summary]', { timeout: 120_000 });
  await settle(sizePage);
  const explainTimes = await runInteractions(sizePage, uploadScript, INTERACTIONS);
  const forecast = await measureForecast(sizePage, INTERACTIONS);
  const sizeSession = await sizeContext.newCDPSession(sizePage);
  const sizeHeap = await sizeSession.send('Runtime.getHeapUsage');
  const duckdbBytes = await sizePage.evaluate(() => window.__marketscopeBench.duckdbMemoryBytes());
  const peakRss = sampler.stop();
  large[size] = {
    rows: ROWS[size],
    fileBytes: statSync(DATA[size]).size,
    ingest,
    interaction: interactionSummary(times),
    explain: interactionSummary(explainTimes),
    forecast,
    memory: { jsHeapUsedBytes: sizeHeap.usedSize, duckdbMemoryBytes: duckdbBytes, peakRendererRssBytes: peakRss },
  };
  await sizeContext.close();
}

// 7. The SQL workspace: opening it cold, and scrolling a million-row result (scripts/lib/bench-workspace.mjs).
const workspace = await measureWorkspace(browser, { load, origin: ORIGIN, runs: WORKSPACE_RUNS, stats });

// 4. Sizes: the entry module and every script index.html loads before the app runs.
const dist = path.resolve(DIST);
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const entryFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
const gzipOf = (file) => gzipSync(readFileSync(path.join(dist, file))).length;
const entryJs = entryFiles.filter((file) => file.endsWith('.js'));
const allAssets = readdirSync(path.join(dist, 'assets'));
const lazyJs = allAssets.filter((file) => file.endsWith('.js') && !entryJs.includes(`assets/${file}`));

const results = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  browser: browser.version(),
  runs: RUNS,
  coldLoad: summarise(cold),
  warmLoad: summarise(warm),
  interaction: { ...interactionSummary(interactions), floor },
  forecast: bundledForecast,
  size: {
    entryJsGzipBytes: entryJs.reduce((sum, file) => sum + gzipOf(file), 0),
    entryFiles,
    lazyJs: Object.fromEntries(lazyJs.map((file) => [file, gzipOf(`assets/${file}`)])),
    wasmBytes: Object.fromEntries(allAssets.filter((file) => file.endsWith('.wasm')).map((file) => [file, statSync(path.join(dist, 'assets', file)).size])),
  },
  memory: { jsHeapUsedBytesAfterInteractions: heap.usedSize },
  ingest: {
    file: DATA.ingest,
    bytes: ingestBytes,
    app: { runs: appIngest, totalMs: stats(appIngest.map((run) => run.totalMs)), loadMs: stats(appIngest.map((run) => run.loadMs)) },
    bareWasm: { runs: bareIngest, ms: stats(bareIngest.map((run) => run.ms)) },
    native,
  },
  large,
  workspace,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
print(results);
await browser.close();
await new Promise((resolve) => server.httpServer.close(resolve));

/**
 * Scripted filter changes, each timed inside the page from the change event until the panels' final state has been
 * painted. The automation's own round trips are not part of it.
 *
 * `painted` (the figure the budgets are read against): the end of the rendering of the first frame in which no panel
 * is fetching or showing placeholder data, measured by a message posted from that frame's animation-frame callback
 * (it runs once the frame's style, layout and paint are done). The page is then watched for two more frames: if
 * anything in the document changed after that frame (a chart's second layout pass, say), the figure moves to the
 * paint of the last frame that changed, and the sample is counted in `redrawnAfterSettle`.
 *
 * `nextFrame`: the method used until 2026-11-21, the start of the frame after the settled one, kept beside the new
 * one for comparison. On a change that draws nothing (the no-op floor) it adds a whole frame, 31 against 15 ms; on
 * real changes, whose long renders make the next frame start at once, the two differ by about 1 ms.
 */
async function runInteractions(page, script, count) {
  const painted = [];
  const nextFrame = [];
  let redrawnAfterSettle = 0;
  for (let step = 0; step < count; step++) {
    const [testId, value] = script[step % script.length];
    const sample = await page.evaluate(([id, next]) => window.measureChange(id, next), [testId, value]);
    painted.push(sample.painted);
    nextFrame.push(sample.nextFrame);
    if (sample.redrawnAfterSettle) redrawnAfterSettle++;
  }
  return { painted, nextFrame, redrawnAfterSettle };
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

/** What a change costs when nothing changes: the same value again. The floor of both methods. */
async function measureFloor(page, testId, count) {
  const painted = [];
  const nextFrame = [];
  for (let step = 0; step < count; step++) {
    const sample = await page.evaluate((id) => window.measureChange(id, document.querySelector(`[data-testid="${id}"]`).value), testId);
    painted.push(sample.painted);
    nextFrame.push(sample.nextFrame);
  }
  return { painted: stats(painted), nextFrame: stats(nextFrame) };
}

/** Installed in every page: times one change of a filter select (see runInteractions). */
function installMeasureChange() {
  window.measureChange = (id, next) =>
    new Promise((resolve) => {
      const select = document.querySelector(`[data-testid="${id}"]`);
      let mutated = false;
      const observer = new MutationObserver(() => {
        mutated = true;
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      const afterRendering = (callback) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => callback(performance.now());
        channel.port2.postMessage(null);
      };
      const started = performance.now();
      select.value = next;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      let painted = null;
      let quietFrames = 0;
      let nextFrame = null;
      let redrawnAfterSettle = false;
      const frame = () => {
        const settled = !document.querySelector('[aria-busy=true], .is-updating');
        if (painted === null) {
          if (!settled) return requestAnimationFrame(frame);
          mutated = false;
          afterRendering((at) => {
            painted = at - started;
          });
          requestAnimationFrame((now) => {
            nextFrame = performance.now() - started;
            watch(now);
          });
          return;
        }
      };
      // The two frames after the settled one: a change in either moves the figure to that frame's paint.
      const watch = () => {
        if (mutated) {
          mutated = false;
          redrawnAfterSettle = true;
          quietFrames = 0;
          afterRendering((at) => {
            painted = at - started;
          });
        } else {
          quietFrames++;
        }
        if (quietFrames < 2) requestAnimationFrame(watch);
        else {
          observer.disconnect();
          resolve({ painted, nextFrame, redrawnAfterSettle });
        }
      };
      requestAnimationFrame(frame);
    });
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

function interactionSummary(times) {
  return {
    samples: times.painted.length,
    ms: stats(times.painted),
    nextFrameMs: stats(times.nextFrame),
    redrawnAfterSettle: times.redrawnAfterSettle,
  };
}

function summarise(samples) {
  return {
    firstChartMs: stats(samples.map((s) => s.firstChart)),
    firstContentfulPaintMs: stats(samples.map((s) => s.firstContentfulPaint).filter((v) => v !== null)),
    engineLiveMs: stats(samples.map((s) => s.engineLive)),
    bytesBeforeFirstChart: stats(samples.map((s) => s.bytesBeforeFirstChart)),
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

function print(r) {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  const rows = [
    ['cold load: first chart', `${r.coldLoad.firstChartMs.median} ms`, `${r.coldLoad.firstChartMs.p95} ms`, '≤ 500 ms'],
    ['cold load: engine live', `${r.coldLoad.engineLiveMs.median} ms`, `${r.coldLoad.engineLiveMs.p95} ms`, ''],
    ['warm load: first chart', `${r.warmLoad.firstChartMs.median} ms`, `${r.warmLoad.firstChartMs.p95} ms`, ''],
    ['warm load: engine live', `${r.warmLoad.engineLiveMs.median} ms`, `${r.warmLoad.engineLiveMs.p95} ms`, ''],
    ['filter change, bundled data', `${r.interaction.ms.median} ms`, `${r.interaction.ms.p95} ms`, 'p95 ≤ 50 ms'],
    ['  (to the next frame)', `${r.interaction.nextFrameMs.median} ms`, `${r.interaction.nextFrameMs.p95} ms`, ''],
    ['  no-op change (floor)', `${r.interaction.floor.painted.median} ms`, `${r.interaction.floor.painted.p95} ms`, ''],
    ['  no-op, to the next frame', `${r.interaction.floor.nextFrame.median} ms`, `${r.interaction.floor.nextFrame.p95} ms`, ''],
    ['entry JS (gzip)', kb(r.size.entryJsGzipBytes), '', '≤ 250 kB'],
    ['loaded before first chart', kb(r.coldLoad.bytesBeforeFirstChart.median), '', ''],
    ['JS heap after interactions', `${(r.memory.jsHeapUsedBytesAfterInteractions / 2 ** 20).toFixed(1)} MiB`, '', ''],
  ];
  console.log(`\n${r.browser} · ${r.machine.cpus} × ${r.machine.cpuModel} · ${r.runs} runs\n`);
  console.log(`${'measure'.padEnd(32)}${'median'.padStart(12)}${'p95'.padStart(12)}   budget`);
  for (const [name, median, p95, budget] of rows) console.log(`${name.padEnd(32)}${median.padStart(12)}${p95.padStart(12)}   ${budget}`);
  console.log(`  redrawn after settling: ${r.interaction.redrawnAfterSettle} of ${r.interaction.samples} filter changes`);
  const f = r.forecast;
  console.log(`  forecast on, trend over ${f.range.from} … ${f.range.to}: median ${f.on.median} ms, p95 ${f.on.p95} ms; off again: median ${f.off.median} ms (${(f.on.median / f.off.median).toFixed(2)}× the redraw without it)`);
  console.log('\nratios');
  console.log(`  warm / cold, first chart:   ${(r.warmLoad.firstChartMs.median / r.coldLoad.firstChartMs.median).toFixed(2)}`);
  console.log(`  warm / cold, engine live:   ${(r.warmLoad.engineLiveMs.median / r.coldLoad.engineLiveMs.median).toFixed(2)}`);
  console.log(`  first chart / engine live:  ${(r.coldLoad.firstChartMs.median / r.coldLoad.engineLiveMs.median).toFixed(2)}`);
  const mbps = (bytes, ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
  const i = r.ingest;
  console.log(`\ningest of ${(i.bytes / 1e6).toFixed(0)} MB (median of ${i.app.runs.length})`);
  console.log(`  app upload pipeline (check + load + month cube): ${i.app.totalMs.median} ms, ${mbps(i.bytes, i.app.totalMs.median)} MB/s`);
  console.log(`  app pipeline, DuckDB load step only:             ${i.app.loadMs.median} ms, ${mbps(i.bytes, i.app.loadMs.median)} MB/s`);
  console.log(`  bare DuckDB-wasm read_csv, same page:            ${i.bareWasm.ms.median} ms, ${mbps(i.bytes, i.bareWasm.ms.median)} MB/s`);
  console.log(`  native DuckDB (${i.native.threads} threads / 1 thread):          ${i.native.mbPerSecAuto.toFixed(1)} / ${i.native.singleThread.mbPerSecAuto.toFixed(1)} MB/s`);
  console.log(`  app / bare wasm throughput:   ${(i.bareWasm.ms.median / i.app.totalMs.median).toFixed(2)} (budget ≥ 0.80)`);
  console.log(`  bare wasm / native 1 thread:  ${(i.native.singleThread.medianAutoMs / i.bareWasm.ms.median).toFixed(2)}`);
  for (const [size, l] of Object.entries(r.large)) {
    console.log(`\n${size} rows (${(l.fileBytes / 1e6).toFixed(0)} MB) through the upload pipeline: ${Math.round(l.ingest.totalMs)} ms (${l.ingest.mbPerSec.toFixed(1)} MB/s)`);
    console.log(`  filter change: median ${l.interaction.ms.median} ms, p95 ${l.interaction.ms.p95} ms (budget p95 ≤ ${size === '1m' ? 50 : 100} ms)`);
    console.log(`  the same change on the Why? view: median ${l.explain.ms.median} ms, p95 ${l.explain.ms.p95} ms (${(l.explain.ms.median / l.interaction.ms.median).toFixed(2)}× the plain change)`);
    console.log(`  forecast on, trend over ${l.forecast.range.from} … ${l.forecast.range.to}: median ${l.forecast.on.median} ms, p95 ${l.forecast.on.p95} ms (${(l.forecast.on.median / l.forecast.off.median).toFixed(2)}× turning it off)`);
    console.log(`  to the next frame: median ${l.interaction.nextFrameMs.median} ms, p95 ${l.interaction.nextFrameMs.p95} ms; redrawn after settling: ${l.interaction.redrawnAfterSettle} of ${l.interaction.samples}`);
    console.log(`  memory: JS heap ${(l.memory.jsHeapUsedBytes / 2 ** 20).toFixed(0)} MiB, DuckDB ${(l.memory.duckdbMemoryBytes / 2 ** 20).toFixed(0)} MiB, renderer RSS peak ${(l.memory.peakRendererRssBytes / 2 ** 30).toFixed(2)} GiB (budget ≤ 2 GB)`);
  }
  if (r.workspace) printWorkspace(r.workspace);
  console.log('wrote bench/results.json');
}
