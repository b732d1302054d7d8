import { createExternalStore, engineRefusal, getEngine, onEngineLost, type Engine } from '../engine';
import { BUNDLED_FILE_URLS } from './bundledFileUrls';
import { loadBundledDatasets, type DatasetLoadProgress } from './loadBundledDatasets';

/** Progress of loading the bundled datasets, for the start-up display. */
export const datasetLoadProgress = createExternalStore<DatasetLoadProgress | null>(null);

let shared: Promise<Engine> | null = null;
// A new engine after a crash starts empty: the bundled datasets are loaded into it again on the next request.
onEngineLost(() => {
  shared = null;
});

/**
 * The engine with the bundled datasets loaded, started once. The CSV downloads start at once, in parallel with the
 * engine's own download, so neither waits for the other.
 */
export function getMarketDatabase(): Promise<Engine> {
  // A page that may not compute does not download the datasets either.
  const refused = engineRefusal();
  if (refused !== null) return Promise.reject(new Error(refused));
  shared ??= (async () => {
    const downloads = new Map(
      Object.entries(BUNDLED_FILE_URLS).map(([fileName, url]) => [fileName, fetchBytes(fileName, url)]),
    );
    for (const download of downloads.values()) download.catch(() => {});
    const engine = await getEngine();
    performance.mark('datasets:start');
    await loadBundledDatasets(
      engine,
      (fileName) => downloads.get(fileName) ?? Promise.reject(new Error(`${fileName} is not bundled`)),
      (progress) => datasetLoadProgress.set(progress),
      undefined,
      // Every field of the bundled files was checked when this build was made (the startup summary loads them with
      // the checking loader) and by the data tests; the browser skips the staging copy. Headers and row counts
      // are still checked.
      { checkFields: false },
    );
    performance.mark('datasets:loaded');
    return engine;
  })().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

async function fetchBytes(fileName: string, url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${fileName}: the server answered ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}
