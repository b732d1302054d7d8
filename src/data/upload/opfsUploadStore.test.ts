import { describe, expect, it } from 'vitest';
import { ABANDONED_AFTER_MS, opfsUploadStore } from './opfsUploadStore';
import type { UploadManifest } from './uploadStoreContract';
import { inPageLocks, type UploadLocks } from './storageLocks';
import type { UploadPlan } from './plan';

/**
 * A small origin private file system: folders and files, written through streams that commit on close (as
 * browsers do), `move` that replaces its target, and removal that does not wait for open writers — the harshest
 * case, as between two files of a save. `onWrite` runs before each chunk is written, to look from another "tab".
 */
class FakeFile {
  readonly kind = 'file';
  text = '';
  lastModified: number;
  constructor(
    public name: string,
    public parent: FakeFolder,
  ) {
    this.lastModified = parent.fs.now();
  }
  async getFile() {
    if (this.parent.entries.get(this.name) !== this) throw new DOMException('gone', 'NotFoundError');
    return new File([this.text], this.name, { lastModified: this.lastModified });
  }
  async createWritable() {
    if (!this.parent.attached()) throw new DOMException('gone', 'NotFoundError');
    const chunks: Uint8Array[] = [];
    return new WritableStream<Uint8Array>({
      write: async (chunk) => {
        await this.parent.fs.onWrite(this.name);
        chunks.push(chunk);
      },
      close: () => {
        if (!this.parent.attached()) throw new DOMException('gone', 'NotFoundError');
        this.text = Buffer.concat(chunks).toString('utf8');
        this.lastModified = this.parent.fs.now();
      },
    });
  }
  async move(target: FakeFolder, name: string) {
    this.parent.entries.delete(this.name);
    this.name = name;
    this.parent = target;
    target.entries.set(name, this);
  }
}

class FakeFolder {
  readonly kind = 'directory';
  entries = new Map<string, FakeFile | FakeFolder>();
  constructor(
    public fs: FakeFileSystem,
    public name: string,
    public parent: FakeFolder | null,
  ) {}
  attached(): boolean {
    return this.parent === null || (this.parent.entries.get(this.name) === this && this.parent.attached());
  }
  async getDirectoryHandle(name: string, options: { create?: boolean } = {}) {
    const found = this.entries.get(name);
    if (found instanceof FakeFolder) return found;
    if (found || !options.create || !this.attached()) throw new DOMException(name, 'NotFoundError');
    const made = new FakeFolder(this.fs, name, this);
    this.entries.set(name, made);
    return made;
  }
  async getFileHandle(name: string, options: { create?: boolean } = {}) {
    const found = this.entries.get(name);
    if (found instanceof FakeFile) return found;
    if (found || !options.create || !this.attached()) throw new DOMException(name, 'NotFoundError');
    const made = new FakeFile(name, this);
    this.entries.set(name, made);
    return made;
  }
  async removeEntry(name: string) {
    if (!this.entries.delete(name)) throw new DOMException(name, 'NotFoundError');
  }
  async *[Symbol.asyncIterator]() {
    for (const entry of [...this.entries]) yield entry;
  }
}

class FakeFileSystem {
  time = Date.parse('2026-11-21T12:00:00Z');
  onWrite: (name: string) => Promise<void> = async () => {};
  root = new FakeFolder(this, '', null);
  now = () => this.time;
}

const plan = { datasetLabel: 'Shops' } as unknown as UploadPlan;
const manifestOf = (id: string, label = 'Shops'): UploadManifest => ({
  version: 1,
  id,
  fileName: `${id}.csv`,
  bytes: 20,
  plan: { ...plan, datasetLabel: label },
  createdAt: '2026-11-21T12:00:00.000Z',
  rowsInFile: 2,
  rowsLoaded: 2,
  rowsRejected: 0,
});
const csv = new Blob(['shop,orders\nAlpha,1\nBeta,2\n']);

/** Two tabs over one file system, with locks both see (as Web Locks are seen by every tab of an origin). */
function twoTabs(locks: UploadLocks = { ...inPageLocks, acrossTabs: true }) {
  const fs = new FakeFileSystem();
  const directory = fs.root as unknown as FileSystemDirectoryHandle;
  return { fs, first: opfsUploadStore(directory, { locks, now: fs.now }), second: opfsUploadStore(directory, { locks, now: fs.now }) };
}

/** A folder as a tab that closed or crashed mid-save leaves it: the file, no manifest, no lock held. */
async function abandonedFolder(fs: FakeFileSystem, id: string) {
  const folder = await fs.root.getDirectoryHandle(id, { create: true });
  (await folder.getFileHandle('source', { create: true })).text = 'shop\nAlpha\n';
}

describe('uploads kept in the origin private file system, shared by tabs', () => {
  it('a folder another tab is still writing is not listed and never deleted; once written, it is listed', async () => {
    const { fs, first, second } = twoTabs();
    const seen: string[][] = [];
    // Whenever the first tab writes a chunk (of the file, of the manifest), the second tab lists the uploads.
    fs.onWrite = async () => {
      fs.onWrite = async () => {};
      seen.push((await second.list()).map((manifest) => manifest.id));
      seen.push([...(await second.usage()).keys()]);
      expect(fs.root.entries.has('u_alpha_0001')).toBe(true);
    };
    await first.save(manifestOf('u_alpha_0001'), csv);
    expect(seen).toEqual([[], []]);
    expect((await second.list()).map((manifest) => manifest.id)).toEqual(['u_alpha_0001']);
    expect(await (await second.read('u_alpha_0001')).text()).toBe(await csv.text());
  });

  it('a reader sees the whole old manifest or the whole new one while it is re-written, never part of it', async () => {
    const { fs, first, second } = twoTabs();
    await first.save(manifestOf('u_alpha_0001', 'Old name'), csv);
    const labels: string[] = [];
    fs.onWrite = async () => {
      labels.push(...(await second.list()).map((manifest) => manifest.plan.datasetLabel));
    };
    await first.updateManifest(manifestOf('u_alpha_0001', 'New name'));
    fs.onWrite = async () => {};
    expect(labels).toEqual(['Old name']);
    expect((await second.list()).map((manifest) => manifest.plan.datasetLabel)).toEqual(['New name']);
    // No temporary file is left beside the manifest.
    expect([...(fs.root.entries.get('u_alpha_0001') as FakeFolder).entries.keys()].sort()).toEqual(['manifest.json', 'source']);
  });

  it('two tabs saving at the same moment both keep their upload', async () => {
    const { fs, first, second } = twoTabs();
    // Each write of the first tab lets the second one save and list: their saves interleave.
    let turn = 0;
    fs.onWrite = async () => {
      if (turn++ === 0) {
        await second.save(manifestOf('u_beta_0002'), csv);
        await second.list();
      }
    };
    await first.save(manifestOf('u_alpha_0001'), csv);
    expect((await first.list()).map((manifest) => manifest.id).sort()).toEqual(['u_alpha_0001', 'u_beta_0002']);
    expect((await second.list()).map((manifest) => manifest.id).sort()).toEqual(['u_alpha_0001', 'u_beta_0002']);
  });

  it('a folder left by a closed or crashed tab (no manifest, no lock held) is deleted when listed', async () => {
    const { fs, first } = twoTabs();
    await first.save(manifestOf('u_kept_0001'), csv);
    await abandonedFolder(fs, 'u_left_0002');
    expect((await first.list()).map((manifest) => manifest.id)).toEqual(['u_kept_0001']);
    expect([...fs.root.entries.keys()]).toEqual(['u_kept_0001']);
  });

  it('without Web Locks, a folder without a manifest is deleted only once its files are a day old', async () => {
    const { fs, first } = twoTabs(inPageLocks);
    await abandonedFolder(fs, 'u_left_0002');
    fs.time += ABANDONED_AFTER_MS - 60_000;
    await first.list();
    expect(fs.root.entries.has('u_left_0002')).toBe(true);
    fs.time += 120_000;
    await first.list();
    expect(fs.root.entries.has('u_left_0002')).toBe(false);
  });

  it('a re-written manifest does not bring back an upload another tab deleted', async () => {
    const { first, second } = twoTabs();
    await first.save(manifestOf('u_alpha_0001'), csv);
    await second.remove('u_alpha_0001');
    await expect(first.updateManifest(manifestOf('u_alpha_0001', 'Renamed'))).rejects.toThrow();
    expect(await first.list()).toEqual([]);
  });
});
