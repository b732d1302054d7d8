/* global document, requestAnimationFrame -- the functions given to page.evaluate run in the browser */
// The SQL workspace's entries of `npm run bench` (issue 16), each beside a reference measured in the same run:
//   - opening the workspace cold: from the click on its tab, in a fresh page whose engine is live, until the editor
//     holds the focus and the schema browser lists a table — against opening "Since launch" (another view loaded
//     on demand) until its summary is drawn;
//   - scrolling a 1,000,000-row result (a range joined to a small VALUES list) to the end in the virtualized table:
//     the time between frames while it scrolls — against the same scroll of a 1,000-row result.
// Times are taken in the page's own clock; the automation's round trips are not part of them.

const SCROLL_FRAMES = 240;
const ROWS_SQL = (rows) =>
  `SELECT r.range AS n, d.day, r.range * 0.5 AS half, 'row ' || r.range AS label FROM range(${rows}) r ` +
  `JOIN (VALUES (0, 'Sun'), (1, 'Mon'), (2, 'Tue'), (3, 'Wed'), (4, 'Thu'), (5, 'Fri'), (6, 'Sat')) d(k, day) ON r.range % 7 = d.k ORDER BY r.range`;

/**
 * Runs both measurements `runs` times. `load(context)` opens the app's first screen in a context and waits until the
 * engine is live (bench.mjs's loader); `origin` is the preview server's.
 */
export async function measureWorkspace(browser, { load, origin, runs, stats }) {
  const open = { sql: [], reference: [] };
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so a machine growing busier does not favour one.
    const order = run % 2 === 0 ? ['sql', 'reference'] : ['reference', 'sql'];
    for (const which of order) {
      const context = await browser.newContext();
      const { page } = await load(context);
      open[which].push(await page.evaluate(openTimed, which === 'sql' ? { tab: 'tab-sql', kind: 'sql' } : { tab: 'tab-cohorts', kind: 'cohorts' }));
      await context.close();
    }
  }

  const scroll = { '1m': [], '1k': [] };
  for (let run = 0; run < runs; run++) {
    for (const [size, rows] of [['1m', 1_000_000], ['1k', 1_000]]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}/?v=1&tab=sql&sql=${encodeURIComponent(ROWS_SQL(rows))}`);
      await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: 120_000 });
      const count = rows.toLocaleString('en-US');
      await page.waitForFunction((text) => document.querySelector('[data-testid=sql-row-count]')?.textContent === `${text} rows`, count, { timeout: 120_000 });
      // Two quiet frames before scrolling.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      scroll[size].push(await page.evaluate(scrollTimed, { frames: SCROLL_FRAMES, last: (rows - 1).toLocaleString('en-US') }));
      await context.close();
    }
  }

  const perRun = (samples, key) => stats(samples.map((sample) => sample[key]));
  return {
    runs,
    open: { sqlMs: stats(open.sql), referenceMs: stats(open.reference), referenceView: 'cohorts (Since launch)', samples: open },
    scroll: Object.fromEntries(
      Object.entries(scroll).map(([size, samples]) => [
        size,
        {
          frames: SCROLL_FRAMES,
          // Each run's frame-time percentiles, then their median and spread over the runs.
          p50Ms: perRun(samples, 'p50'),
          p95Ms: perRun(samples, 'p95'),
          maxMs: perRun(samples, 'max'),
          reachedEnd: samples.every((sample) => sample.reachedEnd),
          samples: samples.map(({ p50, p95, max, reachedEnd }) => ({ p50, p95, max, reachedEnd })),
        },
      ]),
    ),
  };
}

/** In the page: clicks a tab and resolves with the milliseconds until that view is ready to use. */
function openTimed({ tab, kind }) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const timeout = setTimeout(() => reject(new Error(`${kind} was not ready within 60 s`)), 60_000);
    const ready = () => {
      if (kind === 'cohorts') return document.querySelector('[data-testid=cohorts-summary]') !== null;
      const editor = document.querySelector('.cm-content');
      if (!editor || !document.querySelector('[data-testid=sql-schema-table]')) return false;
      // Ready to type: the editor takes the focus (as a click on it would give it).
      if (!document.activeElement?.closest('.cm-editor')) editor.focus();
      return document.activeElement?.closest('.cm-editor') !== null;
    };
    const check = () => {
      if (ready()) {
        clearTimeout(timeout);
        resolve(performance.now() - start);
      } else {
        requestAnimationFrame(check);
      }
    };
    document.querySelector(`[data-testid=${tab}]`).click();
    requestAnimationFrame(check);
  });
}

/**
 * In the page: scrolls the result table from the top to the end in `frames` equal steps, one per animation frame,
 * and resolves with the frame times (between animation-frame callbacks: each includes the scroll's re-render).
 */
function scrollTimed({ frames, last }) {
  return new Promise((resolve) => {
    const scroller = document.querySelector('[data-testid=sql-table]');
    scroller.scrollTop = 0;
    const end = scroller.scrollHeight - scroller.clientHeight;
    const deltas = [];
    let previous = null;
    let frame = 0;
    const step = (time) => {
      if (previous !== null) deltas.push(time - previous);
      previous = time;
      if (frame > frames) {
        const sorted = [...deltas].sort((a, b) => a - b);
        const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        const rows = scroller.querySelectorAll('tbody tr:not(.sql-spacer)');
        const reachedEnd = rows[rows.length - 1]?.querySelector('td')?.textContent === last;
        resolve({ p50: at(0.5), p95: at(0.95), max: sorted.at(-1), reachedEnd });
        return;
      }
      scroller.scrollTop = Math.round((end * frame) / frames);
      frame++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** The workspace's lines of the printed summary. */
export function printWorkspace(w) {
  const spread = (s) => `${s.median} ms (${s.min}–${s.max})`;
  console.log(`\nSQL workspace (${w.runs} runs; median, min–max over runs)`);
  console.log(`  open cold, click to editor focused + schema listed: ${spread(w.open.sqlMs)}`);
  console.log(`  open cold, Since launch (reference) to its summary: ${spread(w.open.referenceMs)}`);
  console.log(`  SQL / reference:                                    ${(w.open.sqlMs.median / w.open.referenceMs.median).toFixed(2)}`);
  for (const [size, label] of [['1m', '1,000,000 rows'], ['1k', '1,000 rows']]) {
    const s = w.scroll[size];
    console.log(`  scroll ${label.padEnd(15)} to the end (${s.frames} frames): frame p50 ${spread(s.p50Ms)}, p95 ${spread(s.p95Ms)}, max ${s.maxMs.median} ms${s.reachedEnd ? '' : ' (did not reach the last row)'}`);
  }
  console.log(`  1M / 1k rows, frame p95:                            ${(w.scroll['1m'].p95Ms.median / w.scroll['1k'].p95Ms.median).toFixed(2)}`);
}
