import { t } from '../../i18n';
import { messages } from './messages';
import { uploadLockName, uploadLocks } from './storageLocks';
import { isQuotaError, StorageFullError, UPLOADS_STORAGE_NAME, type UploadManifest, type UploadStore } from './uploadStoreContract';

/** Uploads in IndexedDB, for browsers without OPFS writable streams: one record (manifest and file) per upload. */
export async function indexedDbUploadStore(): Promise<UploadStore> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(UPLOADS_STORAGE_NAME, 1);
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
          if (isQuotaError(error)) throw new StorageFullError(t(messages.storageFull), { cause: error });
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

