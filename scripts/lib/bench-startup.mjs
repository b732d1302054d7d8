/* global document, window, getComputedStyle, requestAnimationFrame, MutationObserver -- the functions given to the page run in the browser */
// The start-up part of `npm run bench` (issue 17): cold loads of the app interleaved with cold loads of two reference
// pages served by the same preview server, so that every figure has its reference from the same minutes:
//   - the floor page (bench/pages/floor.html): one inline SVG chart, the app's own trend chart as drawn in this run;
//   - bare DuckDB-wasm (bench/pages/bare-duckdb.js): the app's own wasm and worker files, instantiate, one query.
// Each run loads each page `loads` times, in a rotating order, each load in a fresh browser context with the cache
// disabled; the per-run medians give the spread.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/** The first chart of the default overview, in the app and in the floor page alike. */
export const FIRST_CHART = '[data-testid=trend-chart] .recharts-line';
export const BENCH_PATH = '/__bench/';

/**
 * "First chart painted", defined once for every page the bench loads; installed before the document is parsed
 * (Playwright's addInitScript), so it sees a chart that arrives in the HTML as well as one a script draws.
 *
 * - `chartInsertedAt`: when `selector` first matches (a MutationObserver on the whole document, parser insertions
 *   included; checked again at DOMContentLoaded).
 * - `chartPresentedAt`: when the first frame containing the chart was painted, by the Element Timing API: in the same
 *   task as the chart is first seen (so before any frame could paint it), a one-character, near-transparent,
 *   fixed-position marker with an `elementtiming` attribute is added to <body>; its entry's `renderTime` is the
 *   paint of the first frame holding both. It is the same kind of time as first-contentful-paint (on the floor page
 *   the two are equal), which the frame-based figure below is not: under load the floor page's first-contentful-paint
 *   came up to 64 ms after the end of its main-thread rendering.
 * - `chartRenderedAt`: the end of the rendering of the first frame after the insertion (a message posted from the
 *   next animation-frame callback), kept for comparison and used where Element Timing is missing.
 * - `firstContentfulPaint`: the Paint Timing entry.
 * - painted = the later of first-contentful-paint and `chartPresentedAt` (or `chartRenderedAt` without Element
 *   Timing): no chart counts as painted before some frame with content was.
 *
 * It also records `liveAt`, when `data-live="true"` appears on <html> (the app's engine has taken over).
 */
export function installStartupMarkers(selector) {
  const marks = { chartInsertedAt: null, chartPresentedAt: null, chartRenderedAt: null, firstContentfulPaint: null, liveAt: null };
  marks.elementTiming = PerformanceObserver.supportedEntryTypes.includes('element');
  window.__benchStartup = marks;
  const afterRendering = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };
  const check = () => {
    if (marks.chartInsertedAt === null && document.querySelector(selector)) {
      marks.chartInsertedAt = performance.now();
      if (marks.elementTiming) {
        const marker = document.createElement('span');
        marker.setAttribute('elementtiming', 'bench-first-chart');
        marker.setAttribute('aria-hidden', 'true');
        marker.textContent = '.';
        marker.style.cssText = 'position:fixed;left:0;bottom:0;font:1px/1 sans-serif;color:rgba(128,128,128,0.02);pointer-events:none';
        document.body.append(marker);
      }
      requestAnimationFrame(() =>
        afterRendering((at) => {
          marks.chartRenderedAt = at;
        }),
      );
    }
    if (marks.liveAt === null && document.documentElement?.dataset.live === 'true') marks.liveAt = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-live'] });
  document.addEventListener('DOMContentLoaded', check);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.firstContentfulPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  if (marks.elementTiming) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.identifier === 'bench-first-chart') marks.chartPresentedAt = entry.renderTime || entry.startTime;
    }).observe({ type: 'element', buffered: true });
  }
}

/** In the page, once the chart is painted: the figures, and what was fetched before it (the document included). */
function readStartup() {
  const marks = window.__benchStartup;
  const painted = Math.max(marks.chartPresentedAt ?? marks.chartRenderedAt, marks.firstContentfulPaint);
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  const before = entries
    .filter((entry) => entry.responseEnd <= painted)
    .map((entry) => ({ path: new URL(entry.name).pathname, type: entry.initiatorType, transferSize: entry.transferSize, bodyBytes: entry.decodedBodySize }));
  // Started before the chart and still arriving: not counted, but worth seeing.
  const inFlight = entries.filter((entry) => entry.startTime < painted && entry.responseEnd > painted).map((entry) => new URL(entry.name).pathname);
  return {
    firstChartPainted: painted,
    chartInsertedAt: marks.chartInsertedAt,
    chartPresentedAt: marks.chartPresentedAt,
    chartRenderedAt: marks.chartRenderedAt,
    firstContentfulPaint: marks.firstContentfulPaint,
    engineLive: marks.liveAt,
    bytesBeforeFirstChart: before.reduce((sum, entry) => sum + entry.transferSize, 0),
    resourcesBeforeFirstChart: before,
    inFlightAtFirstChart: inFlight,
  };
}

/** Network profiles for BENCH_THROTTLE (Chromium's emulation: bytes per second, milliseconds of round trip). */
export const NETWORK_PROFILES = {
  // A typical broadband line, as in the README's earlier throttled figures.
  broadband: { latency: 20, downloadThroughput: (50e6 / 8), uploadThroughput: (10e6 / 8) },
};

/**
 * Opens `url` in a fresh context with the HTTP cache disabled and waits for what `kind` needs: the chart painted
 * (app, floor), then the engine live (app), or the bare engine's first result (bare). `network`, if given, is
 * applied to the page (and so to its workers' requests) before it loads.
 */
async function coldLoad(browser, kind, url, network) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (network) await session.send('Network.emulateNetworkConditions', { offline: false, ...network });
    return await measureLoad(page, kind, url);
  } finally {
    await context.close();
  }
}

/**
 * Loads `url` in `page` with the markers installed and returns the start-up figures of `kind` (see coldLoad). Used as
 * it is for warm loads: a new page in a context that has loaded the app before.
 */
export async function measureLoad(page, kind, url) {
  await page.addInitScript(installStartupMarkers, FIRST_CHART);
  await page.goto(url);
  if (kind === 'bare') {
    await page.waitForFunction(() => window.__bareDuckdb && (window.__bareDuckdb.firstResult !== null || window.__bareDuckdb.error !== null), null, { timeout: 120_000 });
    const bare = await page.evaluate(() => window.__bareDuckdb);
    if (bare.error) throw new Error(`the bare DuckDB-wasm page failed: ${bare.error}`);
    if (!(bare.rows > 0)) throw new Error('the bare DuckDB-wasm query returned no rows: the figure would be meaningless');
    return bare;
  }
  await page.waitForFunction(
    () => {
      const marks = window.__benchStartup;
      return marks.chartRenderedAt !== null && marks.firstContentfulPaint !== null && (marks.chartPresentedAt !== null || !marks.elementTiming);
    },
    null,
    { timeout: 60_000 },
  );
  if (kind === 'app') await page.waitForFunction(() => window.__benchStartup.liveAt !== null, null, { timeout: 120_000 });
  return page.evaluate(readStartup);
}

/**
 * Writes the reference pages into the build folder, under /__bench/: bare-duckdb.html built by Vite (with its own
 * small bundle of DuckDB-wasm's client; the wasm and worker are the app's), and floor.html once `captureFloor` ran.
 * Returns the bare page's query string: the app's built DuckDB files.
 */
export async function buildReferencePages(dist) {
  const assets = readdirSync(path.join(dist, 'assets'));
  const find = (pattern) => {
    const file = assets.find((name) => pattern.test(name));
    if (!file) throw new Error(`no ${pattern} in ${dist}/assets: has the app's build changed its DuckDB file names?`);
    return `/assets/${file}`;
  };
  const files = {
    shim: find(/^duckdbWorkerShim-[\w-]+\.js$/),
    ehWasm: find(/^duckdb-eh-[\w-]+\.wasm$/),
    ehWorker: find(/^duckdb-browser-eh\.worker-[\w-]+\.js$/),
    mvpWasm: find(/^duckdb-mvp-[\w-]+\.wasm$/),
    mvpWorker: find(/^duckdb-browser-mvp\.worker-[\w-]+\.js$/),
  };
  await build({
    configFile: false,
    root: path.resolve('bench/pages'),
    base: BENCH_PATH,
    logLevel: 'warn',
    build: {
      outDir: path.join(path.resolve(dist), BENCH_PATH),
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { bare: path.resolve('bench/pages/bare-duckdb.html') } },
    },
  });
  return { files, query: new URLSearchParams(files).toString() };
}

/** In the app's page: its trend chart's SVG, with the CSS variables it uses resolved, and what it is made of. */
function captureChart() {
  const container = document.querySelector('[data-testid=trend-chart]');
  // The chart's own surface: the largest SVG in the panel (legend icons are small SVGs of the same class).
  const area = (element) => element.getBoundingClientRect().width * element.getBoundingClientRect().height;
  const svg = [...container.querySelectorAll('svg')].sort((a, b) => area(b) - area(a))[0];
  const style = getComputedStyle(container);
  const html = svg.outerHTML.replace(/var\((--[\w-]+)\)/g, (_, name) => style.getPropertyValue(name).trim() || 'currentColor');
  const box = svg.getBoundingClientRect();
  const lines = [...container.querySelectorAll('.recharts-line path.recharts-curve, .recharts-line-curve')];
  const points = lines.reduce((sum, line) => sum + Math.floor((line.getAttribute('d') ?? '').match(/-?[\d.]+(?:e-?\d+)?/g)?.length ?? 0) / 2, 0);
  return {
    html,
    width: Math.round(box.width),
    height: Math.round(box.height),
    lines: container.querySelectorAll('.recharts-line').length,
    pathCoordinatePairs: Math.round(points),
    svgElements: svg.querySelectorAll('*').length,
  };
}

/**
 * Loads the app once (not counted: it also warms the server and the disk cache for every page alike), copies its trend
 * chart into the floor page, and writes that page into the build folder.
 */
export async function captureFloor(browser, { origin, dist }) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector(FIRST_CHART);
    await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: 120_000 });
    const chart = await page.evaluate(captureChart);
    const template = readFileSync('bench/pages/floor.html', 'utf8');
    const html = template.replace('{{width}}', String(chart.width)).replace('{{height}}', String(chart.height)).replace('{{chart}}', () => chart.html);
    mkdirSync(path.join(dist, BENCH_PATH), { recursive: true });
    writeFileSync(path.join(dist, BENCH_PATH, 'floor.html'), html);
    return { width: chart.width, height: chart.height, lines: chart.lines, pathCoordinatePairs: chart.pathCoordinatePairs, svgElements: chart.svgElements, htmlBytes: Buffer.byteLength(html) };
  } finally {
    await context.close();
  }
}

/**
 * `runs` runs of `loads` cold loads of each page, interleaved (app, floor, bare, then floor, bare, app, …) so that a
 * machine growing busier favours none. Returns every sample, grouped by run.
 */
export async function measureStartup(browser, { origin, runs, loads, bareQuery, network = null, log = () => {} }) {
  const urls = { app: `${origin}/`, floor: `${origin}${BENCH_PATH}floor.html`, bare: `${origin}${BENCH_PATH}bare-duckdb.html?${bareQuery}` };
  const kinds = Object.keys(urls);
  const samples = { app: [], floor: [], bare: [] };
  for (let run = 0; run < runs; run++) {
    for (const kind of kinds) samples[kind].push([]);
    for (let load = 0; load < loads; load++) {
      const turn = run * loads + load;
      const order = kinds.map((_, index) => kinds[(index + turn) % kinds.length]);
      for (const kind of order) samples[kind][run].push(await coldLoad(browser, kind, urls[kind], network));
    }
    log(`start-up run ${run + 1} of ${runs} done`);
  }
  return samples;
}

/**
 * The start-up figures: for each measure, the median and p95 over every load, the per-run medians (the spread), and
 * the ratios to the references, run by run.
 */
export function summariseStartup(samples, stats) {
  const values = (list, key) => list.map((sample) => sample[key]).filter((value) => value !== null && value !== undefined);
  const measure = (kind, key) => {
    const perRun = samples[kind].map((run) => stats(values(run, key)).median);
    return { ...stats(values(samples[kind].flat(), key)), perRunMedians: perRun };
  };
  const ratio = (measured, reference) => {
    const perRun = measured.perRunMedians.map((value, run) => round2(value / reference.perRunMedians[run]));
    return { median: round2(measured.median / reference.median), min: Math.min(...perRun), max: Math.max(...perRun), perRun };
  };
  const app = {
    firstChartPaintedMs: measure('app', 'firstChartPainted'),
    chartPresentedMs: measure('app', 'chartPresentedAt'),
    chartRenderedMs: measure('app', 'chartRenderedAt'),
    firstContentfulPaintMs: measure('app', 'firstContentfulPaint'),
    engineLiveMs: measure('app', 'engineLive'),
    bytesBeforeFirstChart: measure('app', 'bytesBeforeFirstChart'),
  };
  const floor = {
    firstChartPaintedMs: measure('floor', 'firstChartPainted'),
    chartPresentedMs: measure('floor', 'chartPresentedAt'),
    chartRenderedMs: measure('floor', 'chartRenderedAt'),
    firstContentfulPaintMs: measure('floor', 'firstContentfulPaint'),
    bytesBeforeFirstChart: measure('floor', 'bytesBeforeFirstChart'),
  };
  const bare = {
    scriptStartMs: measure('bare', 'scriptStart'),
    instantiatedMs: measure('bare', 'instantiated'),
    readyMs: measure('bare', 'ready'),
    firstResultMs: measure('bare', 'firstResult'),
    bundle: samples.bare[0][0]?.bundle ?? null,
  };
  // What the app fetched before its first chart, in the last load (the list is the same from load to load).
  const last = samples.app.at(-1).at(-1);
  return {
    loads: samples.app.flat().length,
    app: { ...app, resourcesBeforeFirstChart: last.resourcesBeforeFirstChart, inFlightAtFirstChart: last.inFlightAtFirstChart },
    floor,
    bareDuckdb: bare,
    ratios: {
      firstChartToFloor: ratio(app.firstChartPaintedMs, floor.firstChartPaintedMs),
      engineLiveToBareFirstResult: ratio(app.engineLiveMs, bare.firstResultMs),
    },
  };
}

function round2(value) {
  return Math.round(value * 100) / 100;
}
