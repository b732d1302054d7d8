import { t } from '../../i18n';
import { messages } from './messages';
import { uploadLockName, uploadLocks, type UploadLocks } from './storageLocks';
import { isQuotaError, StorageFullError, type UploadManifest, type UploadStore } from './uploadStoreContract';

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
          if (isQuotaError(error)) throw new StorageFullError(t(messages.storageFull), { cause: error });
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

