import { errorMessage } from '../../lib/errors';
import { forgetCubes } from '../cubes';
import type { IngestProgress, IngestReport } from '../upload/ingest';
import type { UploadPlan } from '../upload/plan';
import type { UploadManifest, UploadStore } from '../upload/storage';
import { announce } from './crossTabSync';
import { newDatasetId } from './datasetIds';
import { loadIngest, markLoaded } from './lazyLoad';
import { findDataset, putEntry, type DatasetEntry } from './registry';
import { uploadEngine, uploadStore } from './uploadDependencies';
import { t } from '../../i18n';
import { messages } from './messages';

export interface UploadResult {
  entry: DatasetEntry;
  report: IngestReport;
}

export interface AddUploadOptions {
  replaceId?: string;
  /** The id to give a new dataset (a shared view's dataset, loaded from the recipient's copy of the file). */
  datasetId?: string;
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
}

/**
 * Loads a file as a new dataset (or, with `replaceId`, as a new version of one), then keeps it in the browser.
 * On any failure the engine and the list of datasets are as they were before.
 */
export async function addUpload(file: Blob, fileName: string, plan: UploadPlan, options: AddUploadOptions = {}): Promise<UploadResult> {
  const engine = await uploadEngine();
  const id = options.replaceId ?? options.datasetId ?? newDatasetId(plan.datasetLabel);
  const previous = options.replaceId ? findDataset(options.replaceId) : undefined;
  const { ingestFile } = await loadIngest();
  const { model, report } = await ingestFile(engine, file, fileName, id, plan, { onProgress: options.onProgress, signal: options.signal });
  if (previous) forgetCubes(engine, previous.model);
  const manifest = await manifestOf(file, fileName, id, plan, report, previous?.manifest?.createdAt);
  const kept = await uploadStore();
  const notKept = await keep(kept, manifest, file, previous !== undefined);
  markLoaded(engine, id);
  const usage = await kept.usage().catch(() => new Map<string, number>());
  const entry: DatasetEntry = { id, model, kind: 'uploaded', manifest, status: 'ready', storedBytes: usage.get(id), notKept };
  putEntry(id, entry);
  if (!notKept) announce({ type: previous ? 'changed' : 'added', id });
  return { entry, report };
}

async function manifestOf(
  file: Blob,
  fileName: string,
  id: string,
  plan: UploadPlan,
  report: IngestReport,
  createdAt = new Date().toISOString(),
): Promise<UploadManifest> {
  const { fingerprintFile } = await import('../upload/fingerprint');
  return {
    version: 1,
    id,
    fileName,
    bytes: file.size,
    plan,
    createdAt,
    rowsInFile: report.rowsInFile,
    rowsLoaded: report.rowsLoaded,
    rowsRejected: report.rowsRejected,
    fingerprint: await fingerprintFile(file),
  };
}

/** Keeps the file (or, for a new version, its manifest); says why it will not survive a reload when it will not. */
async function keep(kept: UploadStore, manifest: UploadManifest, file: Blob, replacing: boolean): Promise<string | undefined> {
  try {
    if (replacing) await kept.updateManifest(manifest);
    else await kept.save(manifest, file);
  } catch (error) {
    return error instanceof Error && error.name === 'StorageFullError'
      ? t(messages.noRoom)
      : t(messages.notKept, { reason: errorMessage(error) });
  }
  return kept.kind === 'memory' ? t(messages.noStorage) : undefined;
}
