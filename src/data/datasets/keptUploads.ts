import { createExternalStore } from '../../engine';
import { errorMessage } from '../../lib/errors';
import type { UploadManifest, UploadStore } from '../upload/storage';
import { announce, listenToOtherTabs } from './crossTabSync';
import { unloadUpload } from './lazyLoad';
import { dropEntry, findDataset, putEntry } from './registry';
import { listKeptUploads, unreadableUploads } from './storedManifests';
import { uploadEngine, uploadStore } from './uploadDependencies';
import { t } from '../../i18n';
import { messages } from './messages';

/** True once the uploads kept from earlier visits are listed (or could not be): links to them can be resolved. */
export const uploadsListed = createExternalStore(false);

/** Lists the uploads kept from earlier visits (they load into the engine only when opened). */
export async function restoreUploadList(): Promise<void> {
  listenToOtherTabs();
  try {
    await listKeptUploads();
  } finally {
    uploadsListed.set(true);
  }
}

/**
 * The kept file of an upload and the plan it was loaded with, to change its columns' roles and formats: the file is
 * prepared again (with the dialect the user chose then) and loaded with `addUpload(…, { replaceId })`.
 */
export async function readKeptUpload(id: string): Promise<{ file: Blob; manifest: UploadManifest }> {
  const entry = findDataset(id);
  if (!entry?.manifest) throw new Error(t(messages.noUpload, { dataset: id }));
  const file = await (await uploadStore()).read(id);
  return { file, manifest: entry.manifest };
}

/**
 * Renames an uploaded dataset (no reload needed). The new name is kept first: when the browser refuses to write it,
 * the dataset keeps its old name, no other tab is told, and the promise rejects saying why. A dataset loaded for this
 * visit only has nothing kept to fall out of step with: it is renamed for the visit, and no other tab is told.
 */
export async function renameUpload(id: string, label: string): Promise<void> {
  const entry = findDataset(id);
  const name = label.trim();
  if (!entry?.manifest || name === '') return;
  const manifest = { ...entry.manifest, plan: { ...entry.manifest.plan, datasetLabel: name } };
  try {
    await (await uploadStore()).updateManifest(manifest);
  } catch (error) {
    if (!entry.notKept) {
      const reason = errorMessage(error);
      throw new Error(t(messages.notRenamed, { dataset: entry.model.label, reason }), { cause: error });
    }
  }
  putEntry(id, { manifest, model: { ...entry.model, label: name } });
  if (!entry.notKept) announce({ type: 'changed', id });
}

/** Deletes an uploaded dataset: its tables, its cubes, and the file kept in the browser. */
export async function removeUpload(id: string): Promise<void> {
  const entry = findDataset(id);
  if (!entry || entry.kind !== 'uploaded') return;
  await unloadUpload(await uploadEngine(), entry, { tolerant: false });
  await (await uploadStore()).remove(id);
  dropEntry(id);
  announce({ type: 'removed', id });
}

/** Deletes a kept upload this version cannot read (listed in `unreadableUploads`). */
export async function removeUnreadableUpload(id: string): Promise<void> {
  await (await uploadStore()).remove(id);
  unreadableUploads.set(unreadableUploads.get().filter((upload) => upload.id !== id));
  announce({ type: 'removed', id });
}

/** Bytes used by every kept upload, and what the browser says is available. */
export async function storageSummary(): Promise<{ used: number; quota: number | null; kind: UploadStore['kind'] }> {
  const kept = await uploadStore();
  const usage = await kept.usage();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return { used: [...usage.values()].reduce((sum, bytes) => sum + bytes, 0), quota: estimate?.quota ?? null, kind: kept.kind };
}
