import { indexedDbUploadStore } from './indexedDbUploadStore';
import { opfsUploadStore } from './opfsUploadStore';
import { UPLOADS_STORAGE_NAME, type UploadManifest, type UploadStore } from './uploadStoreContract';

// What the rest of the app imports about kept uploads: the contract, and the stores behind it.
export { StorageFullError, type UploadManifest, type UploadStore } from './uploadStoreContract';
export { ABANDONED_AFTER_MS, opfsUploadStore } from './opfsUploadStore';

/** The best store the browser offers: OPFS, else IndexedDB, else memory only (said so in the UI). */
export async function openUploadStore(): Promise<UploadStore> {
  try {
    if (typeof navigator !== 'undefined' && navigator.storage?.getDirectory) {
      const root = await navigator.storage.getDirectory();
      const directory = await root.getDirectoryHandle(UPLOADS_STORAGE_NAME, { create: true });
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
      return await indexedDbUploadStore();
    } catch {
      // Fall through to memory.
    }
  }
  return memoryUploadStore();
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
