import { createExternalStore } from '../../engine';
import { uploadedModel } from '../upload/uploadedModel';
import type { UploadManifest } from '../upload/storage';
import { DATASET_ID_PATTERN } from './datasetIds';
import { findDataset, putEntry } from './registry';
import { uploadStore } from './uploadDependencies';

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

const COUNTS = ['bytes', 'rowsInFile', 'rowsLoaded', 'rowsRejected'] as const;

/** Where the ClickHouse datasets' definitions are kept (keptClickHouse.ts, loaded only when there are some). */
export const KEPT_CLICKHOUSE_KEY = 'marketscope-clickhouse-datasets';

function holdsKeptClickHouse(): boolean {
  try {
    return Boolean(globalThis.localStorage?.getItem(KEPT_CLICKHOUSE_KEY));
  } catch {
    return false;
  }
}

/** A stored manifest read like any plan from outside: through the one plan schema (src/data/upload/planSchema.ts). */
export async function checkStoredManifest(manifest: UploadManifest): Promise<{ manifest: UploadManifest } | { error: string }> {
  const record = manifest as unknown as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id.length > 64 || !DATASET_ID_PATTERN.test(record.id)) return { error: 'its id is not one this app makes' };
  if (typeof record.fileName !== 'string' || typeof record.createdAt !== 'string') return { error: 'its file name or date is missing' };
  for (const count of COUNTS) {
    const value = record[count];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return { error: `${count} is not a count` };
  }
  // Loaded with the first kept upload, not with the first screen (as for links, neededDataset.ts).
  const { parseUploadPlan } = await import('../upload/planSchema');
  const checked = parseUploadPlan(record.plan);
  if ('error' in checked) return { error: `its mapping is refused (${checked.error})` };
  return { manifest: { ...manifest, plan: checked.plan } };
}

/** A refused manifest as listed to the user: its id and file name cut to a length a list can show. */
function unreadable(item: UploadManifest, error: string): UnreadableUpload {
  const record = item as unknown as Record<string, unknown>;
  const fileName = typeof record.fileName === 'string' ? record.fileName.slice(0, 300) : 'a kept file';
  const id = typeof record.id === 'string' ? record.id.slice(0, 64) : '';
  return { id, fileName, error };
}

/**
 * Puts every readable kept upload not listed yet in the registry (as 'stored'), and lists the unreadable apart; the
 * kept ClickHouse datasets first (their definitions are in localStorage, and need no store).
 */
export async function listKeptUploads(): Promise<void> {
  if (holdsKeptClickHouse()) (await import('./keptClickHouse')).listKeptClickHouseDatasets();
  const kept = await uploadStore();
  const [stored, usage] = await Promise.all([kept.list(), kept.usage()]);
  const refused: UnreadableUpload[] = [];
  for (const item of stored) {
    const checked = await checkStoredManifest(item);
    if ('error' in checked) {
      refused.push(unreadable(item, checked.error));
      continue;
    }
    const { manifest } = checked;
    if (findDataset(manifest.id)) continue;
    putEntry(manifest.id, {
      id: manifest.id,
      model: uploadedModel(manifest.id, manifest.plan).model,
      kind: 'uploaded',
      manifest,
      status: 'stored',
      storedBytes: usage.get(manifest.id),
    });
  }
  unreadableUploads.set(refused);
}

/** The kept manifest of one upload, checked; null when the store no longer has it. */
export async function readStoredManifest(id: string): Promise<{ manifest: UploadManifest } | { error: string } | null> {
  const stored = (await (await uploadStore()).list()).find((item) => item.id === id);
  return stored ? checkStoredManifest(stored) : null;
}
