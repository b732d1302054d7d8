import { createRoot } from 'react-dom/client';
import { errorMessage } from '../lib/errors';
import { dehydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { findDataset, restoreUploadList, uploadsListed, type DatasetModel } from '../data';
import { buildSnapshot, MAX_SNAPSHOT_CHARS, parseSnapshot, type Snapshot } from '../data/snapshot';
import { formatBytes } from '../lib/format';
import type { Dashboard } from '../state/dashboards';
import { decodeViewState } from '../views';
import { activeLocale, t } from '../i18n';
import { PresentationPanels } from './PresentationPanels';
import { messages } from './messages';

/**
 * How long the figures of a dashboard may take before the snapshot is given up. Not a measure of anything: loading a
 * large upload from the browser's storage into the engine is the slow part, and this only keeps a stuck panel from
 * leaving the button busy for ever.
 */
const CAPTURE_LIMIT_MS = 180_000;

export type CaptureResult = { snapshot: Snapshot } | { error: string };

/**
 * Takes a snapshot of a dashboard: draws its presentation out of sight with a query cache of its own, waits until
 * every panel has its figures, and keeps the cache's successful results (TanStack Query's dehydrate) with the
 * datasets' descriptions. Because the panels themselves made the queries, the snapshot holds exactly what the
 * recipient's panels will ask for, whatever kinds of view the dashboard has. The snapshot is then read back as a
 * recipient would read it: what this app would refuse to show is never shared.
 */
export async function captureSnapshot(dashboard: Dashboard): Promise<CaptureResult> {
  if (dashboard.panels.length === 0) return { error: t(messages.captureNoPanel) };
  if (!uploadsListed.get()) await restoreUploadList().catch(() => {});
  const models: DatasetModel[] = [];
  for (const panel of dashboard.panels) {
    const datasetId = decodeViewState(panel.view).state.dataset;
    const entry = findDataset(datasetId);
    if (!entry) {
      return { error: t(messages.captureDatasetGone, { title: panel.title }) };
    }
    if (!models.some((model) => model.id === entry.id)) models.push(entry.model);
  }

  // The language the panels are drawn in, and so the one the text in their results is in (see src/data/snapshot.ts).
  const lang = activeLocale();
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnWindowFocus: false } },
  });
  const host = document.createElement('div');
  // Out of sight and out of reach, but laid out at a desktop width, so the panels render as they do on screen.
  host.style.cssText = 'position:fixed;left:-20000px;top:0;width:1100px;height:1px;overflow:hidden;visibility:hidden;pointer-events:none';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  document.body.append(host);
  const root = createRoot(host);
  try {
    root.render(
      <QueryClientProvider client={client}>
        <PresentationPanels dashboard={dashboard} />
      </QueryClientProvider>,
    );
    await allDrawn(client, host);
    const failure = client.getQueryCache().getAll().find((query) => query.state.status === 'error')?.state.error;
    const problem = failure ?? host.querySelector('.state-error .state-detail')?.textContent;
    if (problem) {
      const detail = errorMessage(problem);
      return { error: t(messages.captureFailed, { detail }) };
    }
  } catch (error) {
    return { error: errorMessage(error) };
  } finally {
    root.unmount();
    host.remove();
  }

  const text = JSON.stringify(buildSnapshot(new Date(), models, dehydrate(client), lang));
  client.clear();
  if (text.length > MAX_SNAPSHOT_CHARS) {
    return { error: t(messages.captureTooLarge, { size: formatBytes(text.length), max: formatBytes(MAX_SNAPSHOT_CHARS) }) };
  }
  const reading = parseSnapshot(JSON.parse(text));
  if ('error' in reading) return { error: t(messages.captureNotPacked, { error: reading.error }) };
  if (reading.dropped > 0) {
    return { error: t(messages.captureUnsupported, { count: reading.dropped }) };
  }
  return { snapshot: reading.snapshot };
}

/**
 * Resolves once every panel under `host` has drawn its figures (or its error): no query running and no placeholder
 * left on screen. Checked whenever the cache or the panels change — no polling, no fixed delay.
 */
function allDrawn(client: QueryClient, host: HTMLElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const cache = client.getQueryCache();
    const check = () => {
      // A panel waiting for its data, its code or its turn shows a skeleton; a query that is still running counts
      // even when its panel keeps older figures on screen.
      if (cache.getAll().length === 0 || client.isFetching() > 0 || host.querySelector('.skeleton') !== null) return;
      finish();
      resolve();
    };
    const observer = new MutationObserver(check);
    const unsubscribe = cache.subscribe(() => queueMicrotask(check));
    const timer = setTimeout(() => {
      finish();
      reject(new Error(t(messages.captureTimeout)));
    }, CAPTURE_LIMIT_MS);
    function finish() {
      observer.disconnect();
      unsubscribe();
      clearTimeout(timer);
    }
    observer.observe(host, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'aria-busy'] });
  });
}
