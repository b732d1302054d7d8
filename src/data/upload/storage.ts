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

const ROOT = 'marketscope-uploads';

/** The best store the browser offers: OPFS, else IndexedDB, else memory only (said so in the UI). */
export async function openUploadStore(): Promise<UploadStore> {
  try {
    if (typeof navigator !== 'undefined' && navigator.storage?.getDirectory) {
      const root = await navigator.storage.getDirectory();
      const directory = await root.getDirectoryHandle(ROOT, { create: true });
      // Some browsers expose OPFS without writable streams (older Safari): use IndexedDB there.
      const probe = await directory.getFileHandle('.probe', { create: true });
      if ('createWritable' in probe) {
        void navigator.storage.persist?.().catch(() => false);
        return opfsStore(directory);
      }
    }
  } catch {
    // Private windows may refuse OPFS; fall through.
  }
  if (typeof indexedDB !== 'undefined') {
    try {
      return await indexedDbStore();
    } catch {
      // Fall through to memory.
    }
  }
  return memoryUploadStore();
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

function opfsStore(directory: FileSystemDirectoryHandle): UploadStore {
  const folder = (id: string, create = false) => directory.getDirectoryHandle(id, { create });
  const writeFile = async (parent: FileSystemDirectoryHandle, name: string, data: Blob) => {
    const handle = await parent.getFileHandle(name, { create: true });
    const writable = await handle.createWritable();
    try {
      await data.stream().pipeTo(writable);
    } catch (error) {
      await writable.abort().catch(() => {});
      throw error;
    }
  };
  return {
    kind: 'opfs',
    async list() {
      const manifests: UploadManifest[] = [];
      for await (const [name, handle] of directory as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind !== 'directory') continue;
        try {
          const file = await (await (handle as FileSystemDirectoryHandle).getFileHandle('manifest.json')).getFile();
          manifests.push(JSON.parse(await file.text()) as UploadManifest);
        } catch {
          // A folder without a readable manifest is an interrupted save: remove it.
          await directory.removeEntry(name, { recursive: true }).catch(() => {});
        }
      }
      return manifests.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async read(id) {
      return (await (await folder(id)).getFileHandle('source')).getFile();
    },
    async save(manifest, file) {
      try {
        const target = await folder(manifest.id, true);
        await writeFile(target, 'source', file);
        // The manifest is written last: a folder without one is incomplete and ignored.
        await writeFile(target, 'manifest.json', new Blob([JSON.stringify(manifest)]));
      } catch (error) {
        await directory.removeEntry(manifest.id, { recursive: true }).catch(() => {});
        if (isQuotaError(error)) throw new StorageFullError('The browser has no room left to keep this file.', { cause: error });
        throw error;
      }
    },
    async updateManifest(manifest) {
      await writeFile(await folder(manifest.id), 'manifest.json', new Blob([JSON.stringify(manifest)]));
    },
    async remove(id) {
      await directory.removeEntry(id, { recursive: true }).catch(() => {});
    },
    async usage() {
      const sizes = new Map<string, number>();
      for (const manifest of await this.list()) {
        try {
          sizes.set(manifest.id, (await this.read(manifest.id)).size);
        } catch {
          sizes.set(manifest.id, 0);
        }
      }
      return sizes;
    },
  };
}

async function indexedDbStore(): Promise<UploadStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(ROOT, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('uploads', { keyPath: 'manifest.id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB is not available'));
  });
  const run = <T,>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const transaction = db.transaction('uploads', mode);
      const request = action(transaction.objectStore('uploads'));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('the transaction was aborted'));
    });
  type Entry = { manifest: UploadManifest; file: Blob };
  const all = () => run<Entry[]>('readonly', (store) => store.getAll() as IDBRequest<Entry[]>);
  const self: UploadStore = {
    kind: 'indexeddb',
    async list() {
      return (await all()).map((entry) => entry.manifest).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async read(id) {
      const entry = await run<Entry | undefined>('readonly', (store) => store.get(id) as IDBRequest<Entry | undefined>);
      if (!entry) throw new Error(`the stored file of dataset ${id} is missing`);
      return entry.file;
    },
    async save(manifest, file) {
      try {
        await run('readwrite', (store) => store.put({ manifest, file }));
      } catch (error) {
        if (isQuotaError(error)) throw new StorageFullError('The browser has no room left to keep this file.', { cause: error });
        throw error;
      }
    },
    async updateManifest(manifest) {
      const file = await self.read(manifest.id);
      await run('readwrite', (store) => store.put({ manifest, file }));
    },
    async remove(id) {
      await run('readwrite', (store) => store.delete(id));
    },
    async usage() {
      return new Map((await all()).map((entry) => [entry.manifest.id, entry.file.size]));
    },
  };
  return self;
}

/** Keeps uploads for this page only: used in tests, and where the browser offers no storage. */
export function memoryUploadStore(): UploadStore {
  const entries = new Map<string, { manifest: UploadManifest; file: Blob }>();
  return {
    kind: 'memory',
    list: async () => [...entries.values()].map((entry) => entry.manifest),
    async read(id) {
      const entry = entries.get(id);
      if (!entry) throw new Error(`the stored file of dataset ${id} is missing`);
      return entry.file;
    },
    save: async (manifest, file) => void entries.set(manifest.id, { manifest, file }),
    async updateManifest(manifest) {
      const entry = entries.get(manifest.id);
      if (entry) entries.set(manifest.id, { ...entry, manifest });
    },
    remove: async (id) => void entries.delete(id),
    usage: async () => new Map([...entries].map(([id, entry]) => [id, entry.file.size])),
  };
}
