import type { UploadPlan } from './plan';
import { uploadLockName, uploadLocks, type UploadLocks } from './storageLocks';

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
        return opfsUploadStore(directory);
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

/** The manifest's name. It is written under TEMP_MANIFEST, then moved here in one step (see writeManifest). */
const MANIFEST = 'manifest.json';
const TEMP_MANIFEST = 'manifest.json.writing';
/**
 * Without Web Locks another tab's write cannot be seen, so a folder without a manifest is taken as abandoned only
 * once every file in it is this old: no save takes a day.
 */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Uploads in the origin private file system: one folder per upload, named by its id, holding the file (`source`)
 * and its manifest. There is no shared index: a folder with a complete manifest is an upload. The manifest is
 * written last, so a folder without one is a save in progress (in this tab or another) or an abandoned one (its tab
 * closed or crashed mid-save). Every change to a folder holds that upload's lock (`uploadLockName`), from before the
 * folder is made until its manifest is in place; a folder without a manifest is deleted only by a tab that then
 * takes the same lock without waiting — proof that no tab is writing it — and finds it still without a manifest.
 * Exported for tests, which give it a fake directory, locks shared by two stores (two tabs) and a clock.
 */
export function opfsUploadStore(
  directory: FileSystemDirectoryHandle,
  options: { locks?: UploadLocks; now?: () => number } = {},
): UploadStore {
  const locks = options.locks ?? uploadLocks();
  const now = options.now ?? Date.now;
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
    return handle;
  };
  /**
   * A reader sees the old manifest or the new one, never half of one or an empty file: the text goes to a
   * temporary file, which is then moved over the manifest (one rename in the file system). Where `move` is missing
   * (older browsers), the manifest is written in place: a reader may then find it empty or cut, skips the folder
   * for that listing, and — the lock being held — deletes nothing.
   */
  const writeManifest = async (parent: FileSystemDirectoryHandle, manifest: UploadManifest) => {
    const text = new Blob([JSON.stringify(manifest)], { type: 'application/json' });
    const temporary = await writeFile(parent, TEMP_MANIFEST, text);
    const movable = temporary as FileSystemFileHandle & { move?: (parent: FileSystemDirectoryHandle, name: string) => Promise<void> };
    if (typeof movable.move === 'function') {
      await movable.move(parent, MANIFEST);
    } else {
      await writeFile(parent, MANIFEST, text);
      await parent.removeEntry(TEMP_MANIFEST).catch(() => {});
    }
  };
  const readManifest = async (parent: FileSystemDirectoryHandle): Promise<UploadManifest | null> => {
    try {
      const manifest = JSON.parse(await (await (await parent.getFileHandle(MANIFEST)).getFile()).text()) as UploadManifest;
      return manifest !== null && typeof manifest === 'object' ? manifest : null;
    } catch {
      return null;
    }
  };
  /** The complete uploads, and the folders without a (readable) manifest. Deletes nothing. */
  const readFolders = async () => {
    const complete: UploadManifest[] = [];
    const incomplete: string[] = [];
    for await (const [name, handle] of directory as unknown as AsyncIterable<[string, FileSystemHandle]>) {
      if (handle.kind !== 'directory') continue;
      const manifest = await readManifest(handle as FileSystemDirectoryHandle);
      if (manifest) complete.push(manifest);
      else incomplete.push(name);
    }
    return { complete, incomplete };
  };
  /** Without Web Locks: true when the folder has files and all are older than ABANDONED_AFTER_MS. */
  const oldEnough = async (parent: FileSystemDirectoryHandle) => {
    let newest = -Infinity;
    for await (const [, handle] of parent as unknown as AsyncIterable<[string, FileSystemHandle]>) {
      if (handle.kind !== 'file') return false;
      newest = Math.max(newest, (await (handle as FileSystemFileHandle).getFile()).lastModified);
    }
    return newest !== -Infinity && now() - newest > ABANDONED_AFTER_MS;
  };
  /**
   * Deletes a folder left without a manifest, only when provably abandoned: its lock is free (no tab is saving it;
   * a closed or crashed tab's locks are released by the browser), and under that lock it still has no manifest (the
   * save may have finished between the listing and the lock). Gives the manifest when it turned out complete.
   */
  const sweep = (id: string) =>
    locks.request(uploadLockName(id), { ifAvailable: true }, async (held): Promise<UploadManifest | null> => {
      if (!held) return null;
      let target: FileSystemDirectoryHandle;
      try {
        target = await folder(id);
      } catch {
        return null;
      }
      const manifest = await readManifest(target);
      if (manifest) return manifest;
      if (!locks.acrossTabs && !(await oldEnough(target))) return null;
      await directory.removeEntry(id, { recursive: true }).catch(() => {});
      return null;
    });
  return {
    kind: 'opfs',
    async list() {
      const { complete, incomplete } = await readFolders();
      for (const id of incomplete) {
        const finished = await sweep(id).catch(() => null);
        if (finished) complete.push(finished);
      }
      return complete.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async read(id) {
      return (await (await folder(id)).getFileHandle('source')).getFile();
    },
    save: (manifest, file) =>
      // Held from before the folder exists until its manifest is in place: no other tab deletes it meanwhile.
      locks.request(uploadLockName(manifest.id), {}, async () => {
        try {
          const target = await folder(manifest.id, true);
          await writeFile(target, 'source', file);
          // The manifest is written last: a folder without one is incomplete.
          await writeManifest(target, manifest);
        } catch (error) {
          await directory.removeEntry(manifest.id, { recursive: true }).catch(() => {});
          if (isQuotaError(error)) throw new StorageFullError('The browser has no room left to keep this file.', { cause: error });
          throw error;
        }
      }),
    updateManifest: (manifest) =>
      // The folder must exist: a dataset deleted meanwhile (in another tab) is not brought back as a manifest alone.
      locks.request(uploadLockName(manifest.id), {}, async () => writeManifest(await folder(manifest.id), manifest)),
    remove: (id) =>
      locks.request(uploadLockName(id), {}, async () => {
        await directory.removeEntry(id, { recursive: true }).catch(() => {});
      }),
    async usage() {
      const sizes = new Map<string, number>();
      for (const manifest of (await readFolders()).complete) {
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
  const locks = uploadLocks();
  // Each change is one transaction (all or nothing, never half seen); the upload's lock orders it with the other
  // tabs' changes to the same upload, as in OPFS.
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
    save: (manifest, file) =>
      locks.request(uploadLockName(manifest.id), {}, async () => {
        try {
          await run('readwrite', (store) => store.put({ manifest, file }));
        } catch (error) {
          if (isQuotaError(error)) throw new StorageFullError('The browser has no room left to keep this file.', { cause: error });
          throw error;
        }
      }),
    updateManifest: (manifest) =>
      locks.request(uploadLockName(manifest.id), {}, () =>
        // Read and written in one transaction: a dataset deleted meanwhile is not brought back.
        run('readwrite', (store) => {
          const request = store.get(manifest.id) as IDBRequest<Entry | undefined>;
          request.onsuccess = () => {
            if (request.result) store.put({ manifest, file: request.result.file });
          };
          return request;
        }).then((entry) => {
          if (!entry) throw new Error(`the stored file of dataset ${manifest.id} is missing`);
        }),
      ),
    remove: (id) => locks.request(uploadLockName(id), {}, () => run('readwrite', (store) => store.delete(id)).then(() => undefined)),
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
