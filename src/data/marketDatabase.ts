import { createExternalStore, engineRefusal, getEngine, onEngineLost, type Engine } from '../engine';
import bundledData from 'virtual:bundled-data';
import { loadBundledArrow } from './loadBundledArrow';
import type { DatasetLoadProgress } from './loadBundledDatasets';

/** Progress of loading the bundled datasets, for the start-up display. */
export const datasetLoadProgress = createExternalStore<DatasetLoadProgress | null>(null);

let shared: Promise<Engine> | null = null;
// A new engine after a crash starts empty: the bundled datasets are loaded into it again on the next request.
onEngineLost(() => {
  shared = null;
});

/**
 * The engine with the bundled datasets loaded, started once. Their downloads (the build's Arrow streams of the CSVs,
 * scripts/bundledDataPlugin.ts) start at once, in parallel with the engine's own download, so neither waits for the
 * other.
 */
export function getMarketDatabase(): Promise<Engine> {
  // A page that may not compute does not download the datasets either.
  const refused = engineRefusal();
  if (refused !== null) return Promise.reject(new Error(refused));
  shared ??= (async () => {
    const downloads = new Map(bundledData.map((file) => [file.table, fetchBytes(file.fileName, file.url)]));
    for (const download of downloads.values()) download.catch(() => {});
    const engine = await getEngine();
    performance.mark('datasets:start');
    // Every field, header and row count of the CSVs was checked when this build made the Arrow streams; the page
    // checks that each table has as many rows as its CSV has records.
    await loadBundledArrow(
      engine,
      bundledData,
      (file) => downloads.get(file.table) ?? Promise.reject(new Error(`${file.fileName} is not bundled`)),
      (progress) => datasetLoadProgress.set(progress),
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
