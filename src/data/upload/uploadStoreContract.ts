import type { UploadPlan } from './plan';

/** What is kept about an uploaded dataset besides the file itself: enough to list it and to load it again. */
export interface UploadManifest {
  version: 1;
  id: string;
  fileName: string;
  bytes: number;
  plan: UploadPlan;
  createdAt: string;
  rowsInFile: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** To recognise the same file again, when someone opens a link to this dataset in another browser. */
  fingerprint?: { bytes: number; hash: string };
}

/**
 * Where uploaded files live between visits. The original file is kept (not DuckDB's tables): loading it again is
 * as fast as the first load, works after an engine crash, and survives a change of DuckDB version.
 */
export interface UploadStore {
  readonly kind: 'opfs' | 'indexeddb' | 'memory';
  list(): Promise<UploadManifest[]>;
  read(id: string): Promise<Blob>;
  /** Saves the file and its manifest; on failure (e.g. quota) nothing is left half-written. */
  save(manifest: UploadManifest, file: Blob): Promise<void>;
  updateManifest(manifest: UploadManifest): Promise<void>;
  remove(id: string): Promise<void>;
  /** Bytes used by each stored upload. */
  usage(): Promise<Map<string, number>>;
}

export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
}

/** The name of the uploads' folder (OPFS) or database (IndexedDB) in the browser's storage. */
export const UPLOADS_STORAGE_NAME = 'marketscope-uploads';

/** Whether a write failed because the browser's quota is used up (then StorageFullError says so). */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

