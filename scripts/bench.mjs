// `npm run bench`: measures the production build in Debian's Chromium and writes bench/results.json.
// Each figure is a median and a p95 over repeated runs; ratios are printed because absolute times on a shared
// 2-core machine move with its load. Nothing here asserts: tests check correctness, this measures.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { build, preview } from 'vite';

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const args = new Set(process.argv.slice(2));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 50);
const PORT = 4181;
const ORIGIN = `http://127.0.0.1:${PORT}`;

if (!args.has('--no-build')) {
  console.log('building…');
  await build({ logLevel: 'warn' });
}
const server = await preview({ preview: { port: PORT, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
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

async function load(context) {
  const page = await context.newPage();
  await page.addInitScript(markers);
  await page.goto(`${ORIGIN}/`);
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
const interactions = [];
for (let step = 0; step < INTERACTIONS; step++) {
  const [testId, value] = script[step % script.length];
  // Timed inside the page, from the change event to the frame after every panel has settled (no panel fetching or
  // showing placeholder data): the automation's own round trips are not part of it.
  const elapsed = await page.evaluate(
    ([id, next]) =>
      new Promise((resolve) => {
        const select = document.querySelector(`[data-testid="${id}"]`);
        const started = performance.now();
        select.value = next;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        const check = () => {
          if (!document.querySelector('[aria-busy=true], .is-updating')) requestAnimationFrame(() => resolve(performance.now() - started));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [testId, value],
  );
  interactions.push(elapsed);
}
const heap = await session.send('Runtime.getHeapUsage');
await context.close();

// 4. Sizes: the entry module and every script index.html loads before the app runs.
const dist = path.resolve('dist');
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
  interaction: { samples: interactions.length, ms: stats(interactions) },
  size: {
    entryJsGzipBytes: entryJs.reduce((sum, file) => sum + gzipOf(file), 0),
    entryFiles,
    lazyJs: Object.fromEntries(lazyJs.map((file) => [file, gzipOf(`assets/${file}`)])),
    wasmBytes: Object.fromEntries(allAssets.filter((file) => file.endsWith('.wasm')).map((file) => [file, statSync(path.join(dist, 'assets', file)).size])),
  },
  memory: { jsHeapUsedBytesAfterInteractions: heap.usedSize },
  notMeasuredYet: [
    'interaction at 1M and 10M rows, ingest MB/s against bare DuckDB-wasm and native DuckDB, and memory at 10M rows: ' +
      'they load generated data through the upload path, which does not exist yet (issue 5)',
  ],
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
print(results);
await browser.close();
await new Promise((resolve) => server.httpServer.close(resolve));

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
    ['entry JS (gzip)', kb(r.size.entryJsGzipBytes), '', '≤ 250 kB'],
    ['loaded before first chart', kb(r.coldLoad.bytesBeforeFirstChart.median), '', ''],
    ['JS heap after interactions', `${(r.memory.jsHeapUsedBytesAfterInteractions / 2 ** 20).toFixed(1)} MiB`, '', ''],
  ];
  console.log(`\n${r.browser} · ${r.machine.cpus} × ${r.machine.cpuModel} · ${r.runs} runs\n`);
  console.log(`${'measure'.padEnd(32)}${'median'.padStart(12)}${'p95'.padStart(12)}   budget`);
  for (const [name, median, p95, budget] of rows) console.log(`${name.padEnd(32)}${median.padStart(12)}${p95.padStart(12)}   ${budget}`);
  console.log('\nratios');
  console.log(`  warm / cold, first chart:   ${(r.warmLoad.firstChartMs.median / r.coldLoad.firstChartMs.median).toFixed(2)}`);
  console.log(`  warm / cold, engine live:   ${(r.warmLoad.engineLiveMs.median / r.coldLoad.engineLiveMs.median).toFixed(2)}`);
  console.log(`  first chart / engine live:  ${(r.coldLoad.firstChartMs.median / r.coldLoad.engineLiveMs.median).toFixed(2)}`);
  console.log(`\nnot measured yet: ${r.notMeasuredYet.join('; ')}`);
  console.log('wrote bench/results.json');
}
