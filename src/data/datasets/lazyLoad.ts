import type { Engine } from '../../engine';
import { buildDatasetTablesQuery, buildDropTableStatement } from '../../sql';
import { errorMessage } from '../../lib/errors';
import { forgetCubes } from '../cubes';
import { getMarketDatabase } from '../marketDatabase';
import { MARKET_MODEL } from '../marketModel';
import { findDataset, putEntry, type DatasetEntry } from './registry';
import { listKeptUploads } from './storedManifests';
import { uploadEngine, uploadStore } from './uploadDependencies';
import { t } from '../../i18n';
import { messages as dataMessages } from '../messages';

/** Which uploads each engine holds (or is loading): a new engine after a restart starts empty. */
let loaded = new WeakMap<Engine, Map<string, Promise<void>>>();

function loadedIn(engine: Engine): Map<string, Promise<void>> {
  let perEngine = loaded.get(engine);
  if (!perEngine) loaded.set(engine, (perEngine = new Map()));
  return perEngine;
}

/** The loader (sniffing, formats, country names) is code the first screen does not need. */
export const loadIngest = () => import('../upload/ingest');

/**
 * The engine with the dataset's tables in it: the bundled data, or an upload loaded from the browser's storage the
 * first time it is needed in this engine (again after an engine restart).
 */
export async function databaseFor(datasetId: string): Promise<Engine> {
  if (datasetId === MARKET_MODEL.id) return getMarketDatabase();
  const engine = await uploadEngine();
  const perEngine = loadedIn(engine);
  let loading = perEngine.get(datasetId);
  if (!loading) {
    loading = loadStored(engine, datasetId);
    perEngine.set(datasetId, loading);
    loading.catch(() => perEngine.delete(datasetId));
  }
  await loading;
  return engine;
}

async function loadStored(engine: Engine, datasetId: string): Promise<void> {
  await listKeptUploads();
  const entry = findDataset(datasetId);
  if (entry?.kind === 'clickhouse' && entry.clickhouse) {
    const { loadClickHouseDataset } = await import('./addClickHouseDataset');
    return loadClickHouseDataset(engine, datasetId, entry.clickhouse);
  }
  if (!entry?.manifest) throw new Error(t(dataMessages.noDataset, { dataset: datasetId }));
  putEntry(datasetId, { status: 'loading', error: undefined });
  try {
    const file = await (await uploadStore()).read(datasetId);
    const { ingestFile } = await loadIngest();
    await ingestFile(engine, file, entry.manifest.fileName, datasetId, entry.manifest.plan);
    putEntry(datasetId, { status: 'ready' });
  } catch (error) {
    putEntry(datasetId, { status: 'failed', error: errorMessage(error) });
    throw error;
  }
}

/** An upload just loaded into `engine` by addUpload: databaseFor need not load it again. */
export function markLoaded(engine: Engine, datasetId: string): void {
  loadedIn(engine).set(datasetId, Promise.resolve());
}

/**
 * Takes an upload out of `engine`: its cubes, its tables, the note that it is loaded (so the next databaseFor reads
 * the stored version again). `tolerant`: a table that cannot be listed or dropped is left, and the others still go
 * (a change announced by another tab must not fail this one).
 */
export async function unloadUpload(engine: Engine, entry: DatasetEntry, { tolerant }: { tolerant: boolean }): Promise<void> {
  forgetCubes(engine, entry.model);
  loadedIn(engine).delete(entry.id);
  const listing = engine.query<{ name: string }>(buildDatasetTablesQuery(entry.id));
  const tables = tolerant ? await listing.catch(() => []) : await listing;
  for (const table of tables) {
    const dropping = engine.query(buildDropTableStatement(table.name));
    await (tolerant ? dropping.catch(() => {}) : dropping);
  }
}

/** Forgets which uploads every engine holds (a new engine or store was configured). */
export function forgetEveryLoad(): void {
  loaded = new WeakMap();
}
