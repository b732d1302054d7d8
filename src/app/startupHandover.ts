import type { QueryClient } from '@tanstack/react-query';
import startupSummary from 'virtual:startup-summary';
import { createExternalStore, enginePhase, prestartEngine } from '../engine';
import { getMarketDatabase, handOverStartupSummary, seedStartupSummary } from '../data';
import { showingPrerender } from '../lib/prerendered';

/**
 * True while the engine waits for a change that needs it: the browser asked to save data (`navigator.connection.saveData`),
 * so a reader of the default view, whose figures came with the page, never downloads the engine (6–8 MB compressed).
 */
export const engineDeferred = createExternalStore(false);

/**
 * Draws the default overview from the build-time summary at once, starts the engine in the background, and when it
 * is ready runs the same queries live, replacing only results that differ (see handOverStartupSummary): the live
 * results equal the summary's, so the charts are neither redrawn nor marked as updating. The `data-live` attribute
 * on <html> tells tests and curious people that the hand-over happened; `data-handover-changed` how many of the
 * summary's results the engine answered differently (0 unless the build's data and the page's differ).
 *
 * With data saving on, the engine starts only when a query needs it (any change of the view runs one); the hand-over
 * follows then.
 */
export function startWithSummary(client: QueryClient): void {
  const keys = seedWithSummary(client);
  const handOver = () => {
    getMarketDatabase()
      .then(async () => {
        const changed = await handOverStartupSummary(client, keys);
        document.documentElement.dataset.handoverChanged = String(changed);
        document.documentElement.dataset.live = 'true';
      })
      .catch(() => {
        // The panels that need the engine show its error with a retry button; the summary stays on screen.
      });
  };
  if (savingData()) {
    engineDeferred.set(true);
    const stop = enginePhase.subscribe(() => {
      if (enginePhase.get().phase === 'idle') return;
      stop();
      engineDeferred.set(false);
      handOver();
    });
    return;
  }
  // Over the overview index.html drew at build time, the charts are already painted: start at once. Otherwise once
  // the first charts are painted (or after a second at most), so that starting the worker and fetching the datasets
  // do not compete with drawing them.
  if (showingPrerender()) handOver();
  else whenIdle(handOver);
}

/**
 * Over the overview index.html drew at build time the charts are painted already: the engine's worker, its wasm
 * download and the datasets' start at once, before the app's first render (which then hands over to them), unless
 * the browser asks to save data. Returns, when it did, when to render: once the worker has started.
 */
export function startEngineEarly(): Promise<void> | null {
  if (!showingPrerender() || savingData()) return null;
  // The worker and its wasm download now: DuckDB's client is a chunk of its own, which can only run after the first
  // render. Chromium starts the worker only while the main thread is free, so the caller renders once it runs (or
  // after WORKER_START_WAIT_MS at most): the drawn overview is on screen meanwhile.
  const started = prestartEngine();
  void getMarketDatabase().catch(() => {});
  return Promise.race([started, new Promise<void>((resolve) => setTimeout(resolve, WORKER_START_WAIT_MS))]);
}

/** How long the first render waits at most for the engine's worker to start. */
export const WORKER_START_WAIT_MS = 150;

/** Seeds the query cache with the build-time summary; returns its keys. */
export function seedWithSummary(client: QueryClient): (readonly unknown[])[] {
  return seedStartupSummary(client, startupSummary);
}

function savingData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1000 });
  else setTimeout(callback, 200);
}
