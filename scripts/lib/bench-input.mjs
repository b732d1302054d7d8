/* global document, window, requestAnimationFrame, MutationObserver -- the functions given to the page run in the browser */
// Filter changes for `npm run bench`, each measured twice from one real input:
//   - settled: from the change event until the first frame in which no panel is fetching or showing placeholder data
//     has been rendered (then watched for two more frames; see `installMeasureChange`);
//   - input to next paint: the Event Timing API's `duration` of the input's events (PerformanceObserver type 'event',
//     durationThreshold 16, buffered), the largest of the interaction's entries: from the input's timestamp until the
//     next frame after its handlers was presented.
//
// The Event Timing API reports trusted input only, and a script's `dispatchEvent` is not. So each change starts from
// a real key press sent through Chromium's input pipeline (CDP Input.dispatchKeyEvent, Playwright's keyboard): an
// otherwise unused key, `INPUT_KEY`, whose keydown a capture listener installed by the bench turns into the filter
// change, synchronously, inside that keydown's handler. The app's change handler (and whatever React renders
// synchronously for it) therefore runs within the keydown's processing, and the keydown's entry ends at the first
// paint after it: what a person choosing an option would wait for before anything moves. The key is released once the
// change has settled, so the keyup's own (short) entry belongs to the same interaction and cannot hide in its wait.

export const INPUT_KEY = 'F9';
/** Event Timing entry names that belong to a key or pointer interaction. */
const INTERACTION_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'];
/** Entries shorter than this are not reported; a change without any entry took less (counted as this, an upper bound). */
export const DURATION_THRESHOLD = 16;

/** Installed in every page before its scripts run: times one change of a filter select. */
export function installMeasureChange({ key, threshold, names, urlChange: URL_CHANGE = 'url', urlChangeEvent = 'marketscope:urlchange' }) {
  const events = [];
  try {
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, interactionId: entry.interactionId ?? 0 });
    });
    observer.observe({ type: 'event', durationThreshold: threshold, buffered: true });
    window.__benchFlushEvents = () => {
      for (const entry of observer.takeRecords()) events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, interactionId: entry.interactionId ?? 0 });
    };
  } catch {
    window.__benchFlushEvents = () => {};
  }

  /**
   * Sets the select `id` to `next`, dispatches its change event and resolves once the panels' final state has been
   * painted:
   * `painted` (the settle figure): the end of the rendering of the first frame in which no panel is fetching or
   * showing placeholder data, measured by a message posted from that frame's animation-frame callback (it runs once the
   * frame's style, layout and paint are done). The page is then watched for two more frames: if anything in the
   * document changed after that frame (a chart's second layout pass, say), the figure moves to the paint of the last
   * frame that changed, and the sample is counted in `redrawnAfterSettle`.
   * `nextFrame`: the method used until 2026-11-21, the start of the frame after the settled one, kept for comparison.
   */
  const measureChange = (id, next) =>
    new Promise((resolve) => {
      const select = id === URL_CHANGE ? null : document.querySelector(`[data-testid="${id}"]`);
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
      if (id === URL_CHANGE) {
        // A change of the view's filters as the app's own controls write it (src/views/useViewState.ts): `next` is
        // the query string.
        window.history.replaceState(window.history.state, '', `${window.location.pathname}?${next}${window.location.hash}`);
        window.dispatchEvent(new Event(urlChangeEvent));
      } else {
        select.value = next;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      let painted = null;
      let quietFrames = 0;
      let nextFrame = null;
      let redrawnAfterSettle = false;
      const frame = () => {
        const settled = !document.querySelector('[aria-busy=true], .is-updating');
        if (!settled) return requestAnimationFrame(frame);
        mutated = false;
        afterRendering((at) => {
          painted = at - started;
        });
        requestAnimationFrame(() => {
          nextFrame = performance.now() - started;
          watch();
        });
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
  window.measureChange = measureChange;

  // The next press of `key` makes the armed change (see the top of this file).
  let armed = null;
  window.armChange = (id, next) => {
    let fired;
    window.__benchChange = new Promise((resolve) => {
      fired = resolve;
    });
    armed = { id, next, fired };
  };
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== key || !armed) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const { id, next, fired } = armed;
      armed = null;
      const inputAt = event.timeStamp;
      fired(measureChange(id, next).then((sample) => ({ ...sample, inputAt })));
    },
    true,
  );
  window.addEventListener(
    'keyup',
    (event) => {
      if (event.key === key) event.stopImmediatePropagation();
    },
    true,
  );

  /** After the key is released: the largest Event Timing duration among the interaction's entries, or null. */
  window.inputToNextPaint = (inputAt) =>
    new Promise((resolve) => {
      // Entries are queued once their frame has been presented: two frames and a task later, the keyup's is in too.
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            window.__benchFlushEvents();
            const mine = events.filter((entry) => entry.startTime >= inputAt - 1 && names.includes(entry.name));
            events.length = 0;
            resolve({ ms: mine.length ? Math.max(...mine.map((entry) => entry.duration)) : null, entries: mine.map((entry) => `${entry.name} ${entry.duration}`) });
          }, 0),
        ),
      );
    });
}

/**
 * The "test id" of a change that is not a select's: the view's query string becomes the value, as the app's filter
 * controls write it (a member picked in a dimension's multi-select, say), in the keydown of the same real key press.
 */
export const URL_CHANGE = 'url';

/** The argument of `installMeasureChange`, for `page.addInitScript(installMeasureChange, MEASURE_CHANGE_OPTIONS)`. */
export const MEASURE_CHANGE_OPTIONS = { key: INPUT_KEY, threshold: DURATION_THRESHOLD, names: INTERACTION_EVENTS, urlChange: URL_CHANGE, urlChangeEvent: 'marketscope:urlchange' };

/** One filter change from a real key press: its settle figures and its input to next paint. */
export async function changeByInput(page, id, value) {
  await page.evaluate(([testId, next]) => window.armChange(testId, next), [id, value]);
  await page.keyboard.down(INPUT_KEY);
  const sample = await page.evaluate(
    () =>
      Promise.race([
        window.__benchChange,
        new Promise((_, reject) => setTimeout(() => reject(new Error('the bench key press did not reach the page')), 120_000)),
      ]),
  );
  await page.keyboard.up(INPUT_KEY);
  const input = await page.evaluate((at) => window.inputToNextPaint(at), sample.inputAt);
  return { ...sample, inputToNextPaint: input.ms, inputEntries: input.entries };
}

/** Scripted filter changes (`script` is a list of [test id, value], cycled through `count` times). */
export async function runInteractions(page, script, count) {
  const samples = [];
  for (let step = 0; step < count; step++) {
    const [testId, value] = script[step % script.length];
    samples.push(await changeByInput(page, testId, value));
  }
  return samples;
}

/**
 * Changes to states this page has not shown yet, so none is answered from the query cache: `count` changes
 * alternating a 'from' month never chosen before (none of `usedMonths`, nor of the last six months) and another of
 * `measures`, each pair of month and measure new. The scripted changes above cycle through six states, so after the
 * first six their answers come from the cache and they time the drawing alone; these time the queries too.
 */
export async function runFreshStates(page, { measures, usedMonths, count }) {
  const months = await page.evaluate(() =>
    [...document.querySelector('[data-testid="filter-from"]').options].filter((option) => !option.disabled).map((option) => option.value),
  );
  const fresh = months.slice(0, -6).filter((month) => !usedMonths.includes(month)).reverse();
  if (fresh.length < Math.ceil(count / 2)) throw new Error(`only ${fresh.length} months never chosen, for ${count} changes to new states`);
  const samples = [];
  for (let step = 0; step < count; step++) {
    if (step % 2 === 0) samples.push(await changeByInput(page, 'filter-from', fresh[step / 2]));
    else {
      const current = await page.evaluate(() => document.querySelector('[data-testid="filter-measure"]').value);
      const others = measures.filter((measure) => measure !== current);
      samples.push(await changeByInput(page, 'filter-measure', others[step % others.length]));
    }
  }
  return samples;
}

/** What a change costs when nothing changes: the same value again. The floor of the settle method. */
export async function measureNoop(page, testId, count) {
  const samples = [];
  for (let step = 0; step < count; step++) {
    const value = await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`).value, testId);
    samples.push(await changeByInput(page, testId, value));
  }
  return samples;
}

/** Settle and input-to-next-paint statistics of a list of samples. */
export function interactionSummary(samples, stats) {
  const under = samples.filter((sample) => sample.inputToNextPaint === null).length;
  return {
    samples: samples.length,
    ms: stats(samples.map((sample) => sample.painted)),
    nextFrameMs: stats(samples.map((sample) => sample.nextFrame)),
    redrawnAfterSettle: samples.filter((sample) => sample.redrawnAfterSettle).length,
    inputToNextPaintMs: stats(samples.map((sample) => sample.inputToNextPaint ?? DURATION_THRESHOLD)),
    inputUnderThreshold: under,
  };
}

/**
 * Per-run summaries of one size (bundled, 1m, 10m) pooled: the statistics over every sample, and each run's median
 * and p95 (their min–max is the spread).
 */
export function poolRuns(runs, stats) {
  const all = (key) => runs.flatMap((run) => run[key]);
  const changes = interactionSummary(all('changes'), stats);
  const noop = interactionSummary(all('noop'), stats);
  const withFresh = runs.every((run) => run.fresh?.length > 0);
  const fresh = withFresh ? interactionSummary(all('fresh'), stats) : null;
  const perRun = runs.map((run) => {
    const c = interactionSummary(run.changes, stats);
    const n = interactionSummary(run.noop, stats);
    const f = withFresh ? interactionSummary(run.fresh, stats) : null;
    return {
      ...(f ? { freshMedianMs: f.ms.median, freshP95Ms: f.ms.p95, freshToNoop: Math.round((f.ms.median / n.ms.median) * 100) / 100 } : {}),
      settleMedianMs: c.ms.median,
      settleP95Ms: c.ms.p95,
      noopMedianMs: n.ms.median,
      settleToNoop: Math.round((c.ms.median / n.ms.median) * 100) / 100,
      inputToNextPaintP50Ms: c.inputToNextPaintMs.median,
      inputToNextPaintP95Ms: c.inputToNextPaintMs.p95,
    };
  });
  return {
    runs: runs.length,
    changes,
    noop,
    settleToNoop: Math.round((changes.ms.median / noop.ms.median) * 100) / 100,
    ...(fresh ? { fresh, freshToNoop: Math.round((fresh.ms.median / noop.ms.median) * 100) / 100 } : {}),
    perRun,
  };
}
