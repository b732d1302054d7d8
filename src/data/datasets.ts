import { createExternalStore, getEngine, type Engine } from '../engine';
import { quoteIdentifier } from '../sql';
import { forgetCubes } from './cubes';
import { getMarketDatabase } from './marketDatabase';
import { MARKET_MODEL } from './marketModel';
import type { DatasetModel } from './model';
import type { IngestProgress, IngestReport } from './upload/ingest';
import { uploadedModel } from './upload/uploadedModel';
import { slug, type UploadPlan } from './upload/plan';
import type { UploadManifest, UploadStore } from './upload/storage';

/** A dataset the app can show: the bundled one, or a file the user uploaded (kept in this browser only). */
export interface DatasetEntry {
  id: string;
  model: DatasetModel;
  kind: 'bundled' | 'uploaded';
  manifest?: UploadManifest;
  /** Uploaded datasets: kept in the browser's storage ('stored') and loaded into the engine when first opened. */
  status: 'ready' | 'stored' | 'loading' | 'failed';
  error?: string;
  /** Bytes the stored file takes in the browser's storage. */
  storedBytes?: number;
  /** Why the dataset will not survive a reload, when it will not. */
  notKept?: string;
}

const BUNDLED: DatasetEntry = { id: MARKET_MODEL.id, model: MARKET_MODEL, kind: 'bundled', status: 'ready' };

/** Every dataset, bundled first, then uploads in the order they were added. */
export const datasetRegistry = createExternalStore<readonly DatasetEntry[]>([BUNDLED]);

export function findDataset(id: string): DatasetEntry | undefined {
  return datasetRegistry.get().find((entry) => entry.id === id);
}

function updateEntry(id: string, change: Partial<DatasetEntry> | null): void {
  const entries = datasetRegistry.get();
  datasetRegistry.set(
    change === null
      ? entries.filter((entry) => entry.id !== id)
      : entries.some((entry) => entry.id === id)
        ? entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry))
        : [...entries, change as DatasetEntry],
  );
}

let store: Promise<UploadStore> | null = null;
let loaded = new WeakMap<Engine, Map<string, Promise<void>>>();
// Storage code loads after the first screen, with the list of kept uploads.
let storeFactory: () => Promise<UploadStore> = () => import('./upload/storage').then((module) => module.openUploadStore());
let engineFactory: () => Promise<Engine> = getEngine;
/** Tests ask for the converted rows as a table too, to check them value by value (see ingestFile's keepRows). */
let keepRows = false;

/** For tests: where uploads are kept and which engine loads them. */
export function configureUploads(options: { store?: () => Promise<UploadStore>; engine?: () => Promise<Engine>; keepRows?: boolean }): void {
  if (options.store) storeFactory = options.store;
  if (options.engine) engineFactory = options.engine;
  keepRows = options.keepRows ?? false;
  store = null;
  loaded = new WeakMap();
  datasetRegistry.set([BUNDLED]);
}

function uploadStore(): Promise<UploadStore> {
  store ??= storeFactory();
  return store;
}

/**
 * Kept uploads whose manifest this version refuses (a plan outside the schema, an id the app never makes): never
 * loaded, never given a model, listed apart so they can be deleted. They are not deleted by themselves: a newer
 * version of the app may have written them.
 */
export interface UnreadableUpload {
  id: string;
  fileName: string;
  error: string;
}
export const unreadableUploads = createExternalStore<readonly UnreadableUpload[]>([]);

/**
 * Ids as the app makes them (newDatasetId): never `__`, since an upload's tables are named `<id>__…` and removeUpload
 * drops every table starting with that. Ids from a link or from storage are checked against it.
 */
export const DATASET_ID_PATTERN = /^u_[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** A stored manifest read like any plan from outside: through the one plan schema (src/data/upload/planSchema.ts). */
export async function checkStoredManifest(manifest: UploadManifest): Promise<{ manifest: UploadManifest } | { error: string }> {
  const record = manifest as unknown as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id.length > 64 || !DATASET_ID_PATTERN.test(record.id)) return { error: 'its id is not one this app makes' };
  if (typeof record.fileName !== 'string' || typeof record.createdAt !== 'string') return { error: 'its file name or date is missing' };
  for (const count of ['bytes', 'rowsInFile', 'rowsLoaded', 'rowsRejected'] as const) {
    const value = record[count];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return { error: `${count} is not a count` };
  }
  // Loaded with the first kept upload, not with the first screen (as for links, neededDataset.ts).
  const { parseUploadPlan } = await import('./upload/planSchema');
  const checked = parseUploadPlan(record.plan);
  if ('error' in checked) return { error: `its mapping is refused (${checked.error})` };
  return { manifest: { ...manifest, plan: checked.plan } };
}

/** Deletes a kept upload this version cannot read (listed in `unreadableUploads`). */
export async function removeUnreadableUpload(id: string): Promise<void> {
  await (await uploadStore()).remove(id);
  unreadableUploads.set(unreadableUploads.get().filter((upload) => upload.id !== id));
  announce({ type: 'removed', id });
}

/** True once the uploads kept from earlier visits are listed (or could not be): links to them can be resolved. */
export const uploadsListed = createExternalStore(false);

/** Lists the uploads kept from earlier visits (they load into the engine only when opened). */
export async function restoreUploadList(): Promise<void> {
  otherTabs();
  try {
    await listKeptUploads();
  } finally {
    uploadsListed.set(true);
  }
}

/**
 * Other tabs of the app share the browser's storage, each with its own engine. Every change to the kept uploads is
 * announced on a BroadcastChannel, and every tab brings its list (and its engine) in line: an upload made in one tab
 * appears in the others, a deleted one disappears, a renamed or re-mapped one is read again when next used.
 */
type DatasetChange = { type: 'added' | 'changed' | 'removed'; id: string };
const CHANNEL_NAME = 'marketscope-datasets';
let channel: BroadcastChannel | null | undefined;

/** Counts the changes made in other tabs, so that views can drop results computed before them. */
export const datasetsChangedElsewhere = createExternalStore(0);

function otherTabs(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
  if (channel) channel.onmessage = (event: MessageEvent<DatasetChange>) => void applyChangeFromOtherTab(event.data);
  return channel;
}

function announce(change: DatasetChange): void {
  otherTabs()?.postMessage(change);
}

async function applyChangeFromOtherTab(change: DatasetChange): Promise<void> {
  if (!change || typeof change.id !== 'string' || !['added', 'changed', 'removed'].includes(change.type)) return;
  const entry = findDataset(change.id);
  if (change.type !== 'added' && entry?.kind === 'uploaded') {
    // This tab's engine may hold the old tables: drop them, so the next use loads the stored version.
    const engine = await engineFactory();
    forgetCubes(engine, entry.model);
    loadedIn(engine).delete(change.id);
    const tables = await engine
      .query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, ?)`, [`${change.id}__`])
      .catch(() => []);
    for (const table of tables) await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`).catch(() => {});
    if (change.type === 'removed') {
      updateEntry(change.id, null);
    } else {
      // Updated in place (not removed and re-added): a view showing it stays on it.
      const stored = (await (await uploadStore()).list()).find((item) => item.id === change.id);
      const checked = stored ? await checkStoredManifest(stored) : null;
      if (checked && 'manifest' in checked) {
        const { manifest } = checked;
        updateEntry(change.id, { manifest, model: uploadedModel(manifest.id, manifest.plan).model, status: 'stored' });
      } else if (checked) {
        updateEntry(change.id, null);
        await listKeptUploads();
      }
    }
  }
  if (change.type === 'added') await listKeptUploads();
  datasetsChangedElsewhere.set(datasetsChangedElsewhere.get() + 1);
}

async function listKeptUploads(): Promise<void> {
  const kept = await uploadStore();
  const [stored, usage] = await Promise.all([kept.list(), kept.usage()]);
  const unreadable: UnreadableUpload[] = [];
  for (const item of stored) {
    const checked = await checkStoredManifest(item);
    if ('error' in checked) {
      const fileName = typeof item.fileName === 'string' ? item.fileName.slice(0, 300) : 'a kept file';
      const id = typeof item.id === 'string' ? item.id.slice(0, 64) : '';
      unreadable.push({ id, fileName, error: checked.error });
      continue;
    }
    const { manifest } = checked;
    if (findDataset(manifest.id)) continue;
    updateEntry(manifest.id, {
      id: manifest.id,
      model: uploadedModel(manifest.id, manifest.plan).model,
      kind: 'uploaded',
      manifest,
      status: 'stored',
      storedBytes: usage.get(manifest.id),
    });
  }
  unreadableUploads.set(unreadable);
}

/**
 * The engine with the dataset's tables in it: the bundled data, or an upload loaded from the browser's storage the
 * first time it is needed in this engine (again after an engine restart).
 */
export async function databaseFor(datasetId: string): Promise<Engine> {
  if (datasetId === MARKET_MODEL.id) return getMarketDatabase();
  const engine = await engineFactory();
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

/** Which uploads this engine holds (or is loading): a new engine after a restart starts empty. */
function loadedIn(engine: Engine): Map<string, Promise<void>> {
  let perEngine = loaded.get(engine);
  if (!perEngine) loaded.set(engine, (perEngine = new Map()));
  return perEngine;
}

async function loadStored(engine: Engine, datasetId: string): Promise<void> {
  await listKeptUploads();
  const entry = findDataset(datasetId);
  if (!entry?.manifest) throw new Error(`There is no dataset "${datasetId}" in this browser.`);
  updateEntry(datasetId, { status: 'loading', error: undefined });
  try {
    const file = await (await uploadStore()).read(datasetId);
    const { ingestFile } = await loadIngest();
    await ingestFile(engine, file, entry.manifest.fileName, datasetId, entry.manifest.plan, { keepRows });
    updateEntry(datasetId, { status: 'ready' });
  } catch (error) {
    updateEntry(datasetId, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** The loader (sniffing, formats, country names) is code the first screen does not need. */
const loadIngest = () => import('./upload/ingest');

/** A fresh dataset id for a label: "Blog analytics" → "u_blog_analytics_k3f9". */
export function newDatasetId(label: string): string {
  const random = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return `u_${slug(label).slice(0, 28) || 'data'}_${random}`.replace(/__+/g, '_');
}

export interface UploadResult {
  entry: DatasetEntry;
  report: IngestReport;
}

/**
 * Loads a file as a new dataset (or, with `replaceId`, as a new version of one), then keeps it in the browser.
 * On any failure the engine and the list of datasets are as they were before.
 */
export async function addUpload(
  file: Blob,
  fileName: string,
  plan: UploadPlan,
  options: {
    replaceId?: string;
    /** The id to give a new dataset (a shared view's dataset, loaded from the recipient's copy of the file). */
    datasetId?: string;
    onProgress?: (progress: IngestProgress) => void;
    signal?: AbortSignal;
  } = {},
): Promise<UploadResult> {
  const engine = await engineFactory();
  const id = options.replaceId ?? options.datasetId ?? newDatasetId(plan.datasetLabel);
  const previous = options.replaceId ? findDataset(options.replaceId) : undefined;
  const { ingestFile } = await loadIngest();
  const { model, report } = await ingestFile(engine, file, fileName, id, plan, { ...options, keepRows });
  if (previous) forgetCubes(engine, previous.model);
  const manifest: UploadManifest = {
    version: 1,
    id,
    fileName,
    bytes: file.size,
    plan,
    createdAt: previous?.manifest?.createdAt ?? new Date().toISOString(),
    rowsInFile: report.rowsInFile,
    rowsLoaded: report.rowsLoaded,
    rowsRejected: report.rowsRejected,
    fingerprint: await (await import('./upload/fingerprint')).fingerprintFile(file),
  };
  let notKept: string | undefined;
  const kept = await uploadStore();
  try {
    if (previous) await kept.updateManifest(manifest);
    else await kept.save(manifest, file);
  } catch (error) {
    notKept =
      error instanceof Error && error.name === 'StorageFullError'
        ? 'The browser has no room left to keep this file: it is loaded for this visit only. Delete other datasets to make room.'
        : `This file could not be kept in the browser (${error instanceof Error ? error.message : String(error)}): it is loaded for this visit only.`;
  }
  if (kept.kind === 'memory') notKept ??= 'This browser offers no storage to this page: the dataset is loaded for this visit only.';
  loadedIn(engine).set(id, Promise.resolve());
  const usage = await kept.usage().catch(() => new Map<string, number>());
  const entry: DatasetEntry = {
    id,
    model,
    kind: 'uploaded',
    manifest,
    status: 'ready',
    storedBytes: usage.get(id),
    notKept,
  };
  updateEntry(id, entry);
  if (!notKept) announce({ type: previous ? 'changed' : 'added', id });
  return { entry, report };
}

/**
 * The kept file of an upload and the plan it was loaded with, to change its columns' roles and formats: the file is
 * prepared again (with the dialect the user chose then) and loaded with `addUpload(…, { replaceId })`.
 */
export async function readKeptUpload(id: string): Promise<{ file: Blob; manifest: UploadManifest }> {
  const entry = findDataset(id);
  if (!entry?.manifest) throw new Error(`There is no uploaded dataset "${id}" in this browser.`);
  const file = await (await uploadStore()).read(id);
  return { file, manifest: entry.manifest };
}

/** Renames an uploaded dataset (no reload needed). */
export async function renameUpload(id: string, label: string): Promise<void> {
  const entry = findDataset(id);
  if (!entry?.manifest || label.trim() === '') return;
  const manifest = { ...entry.manifest, plan: { ...entry.manifest.plan, datasetLabel: label.trim() } };
  await (await uploadStore()).updateManifest(manifest).catch(() => {});
  updateEntry(id, { manifest, model: { ...entry.model, label: label.trim() } });
  announce({ type: 'changed', id });
}

/** Deletes an uploaded dataset: its tables, its cubes, and the file kept in the browser. */
export async function removeUpload(id: string): Promise<void> {
  const entry = findDataset(id);
  if (!entry || entry.kind !== 'uploaded') return;
  const engine = await engineFactory();
  forgetCubes(engine, entry.model);
  const tables = await engine.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, ?)`,
    [`${id}__`],
  );
  for (const table of tables) await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table.name)}`);
  loaded.get(engine)?.delete(id);
  await (await uploadStore()).remove(id);
  updateEntry(id, null);
  announce({ type: 'removed', id });
}

/** Bytes used by every kept upload, and what the browser says is available. */
export async function storageSummary(): Promise<{ used: number; quota: number | null; kind: UploadStore['kind'] }> {
  const kept = await uploadStore();
  const usage = await kept.usage();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { used: [...usage.values()].reduce((sum, bytes) => sum + bytes, 0), quota: estimate?.quota ?? null, kind: kept.kind };
}
