import type { QueryClient } from '@tanstack/react-query';
import startupSummary from 'virtual:startup-summary';
import { getMarketDatabase, seedStartupSummary } from '../data';

/**
 * Draws the default overview from the build-time summary at once, starts the engine in the background, and when it
 * is ready runs the same queries live. The live results equal the summary's, so the charts do not move; the
 * `data-live` attribute on <html> tells tests and curious people that the hand-over happened.
 */
export function startWithSummary(client: QueryClient): void {
  const keys = seedStartupSummary(client, startupSummary);
  // Once the first charts are painted (or after a second at most), so that starting the worker and fetching the
  // datasets do not compete with drawing them.
  whenIdle(() => {
    getMarketDatabase()
      .then(async () => {
        await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey, exact: true })));
        document.documentElement.dataset.live = 'true';
      })
      .catch(() => {
        // The panels that need the engine show its error with a retry button; the summary stays on screen.
      });
  });
}

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 1000 });
  else setTimeout(callback, 200);
}
