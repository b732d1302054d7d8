import { beforeEach, describe, expect, it } from 'vitest';
import {
  addUpload,
  checkStoredManifest,
  databaseFor,
  datasetRegistry,
  removeUnreadableUpload,
  restoreUploadList,
  unreadableUploads,
} from '../../src/data/datasets';
import { prepareUpload } from '../../src/data/upload/prepare';
import type { UploadManifest, UploadStore } from '../../src/data/upload/storage';
import { uploadsInMemory } from '../support/uploadsInMemory';

/**
 * A manifest kept in the browser's storage is a plan from outside like a link's: another tab, an older or newer
 * version, or someone with the profile may have written it. It goes through the same schema before it gives a model
 * or reaches SQL, and one that is refused is listed apart, never loaded, never taking the other uploads with it.
 */

let store: UploadStore;
beforeEach(async () => {
  ({ store } = await uploadsInMemory());
});

async function keep(name: string, text: string): Promise<UploadManifest> {
  const prepared = await prepareUpload(new File([text], name), name);
  const { entry } = await addUpload(prepared.file, name, prepared.plan);
  return entry.manifest!;
}

/** A new page over the same storage: a fresh engine and the registry read again from the store. */
async function reopen(): Promise<void> {
  datasetRegistry.set(datasetRegistry.get().filter((entry) => entry.kind === 'bundled'));
  await uploadsInMemory(store);
  await restoreUploadList();
}

describe('stored manifests', () => {
  it('accepts what the app itself kept, with the plan rebuilt from checked fields', async () => {
    const manifest = await keep('teams.csv', 'month,team,points\n2020-01,x,1\n2020-02,y,2\n');
    const checked = await checkStoredManifest(manifest);
    expect('manifest' in checked && checked.manifest.plan).toEqual(manifest.plan);
  });

  it.each([
    ['a header option that is SQL', (m: UploadManifest) => ({ ...m, plan: { ...m.plan, dialect: { ...m.plan.dialect, header: 'true); DROP TABLE x; --' } } })],
    ['a delimiter outside the list', (m: UploadManifest) => ({ ...m, plan: { ...m.plan, dialect: { ...m.plan.dialect, delimiter: "', x = (1=1), y = '" } } })],
    ['a column past the file', (m: UploadManifest) => ({ ...m, plan: { ...m.plan, columns: [...m.plan.columns, { ...m.plan.columns[0]!, index: 99 }] } })],
    ['an id with a double underscore', (m: UploadManifest) => ({ ...m, id: 'u_a__b' })],
    ['an id that is not text', (m: UploadManifest) => ({ ...m, id: { toString: 'x' } })],
    ['rows that are not a count', (m: UploadManifest) => ({ ...m, rowsLoaded: -1 })],
    ['no plan at all', (m: UploadManifest) => ({ ...m, plan: null })],
  ])('refuses %s', async (_, tamper) => {
    const manifest = await keep('teams.csv', 'month,team,points\n2020-01,x,1\n');
    expect(await checkStoredManifest(tamper(manifest) as unknown as UploadManifest)).toHaveProperty('error');
  });

  it('lists a tampered upload apart, loads the others, and deletes it on request', async () => {
    const good = await keep('good.csv', 'month,team,points\n2020-01,x,1\n2020-02,y,2\n');
    const bad = await keep('bad.csv', 'month,team,points\n2020-01,x,5\n');
    await store.updateManifest({ ...bad, plan: { ...bad.plan, dialect: { ...bad.plan.dialect, header: 'true); DROP TABLE x; --' as unknown as boolean } } });

    await reopen();
    const ids = datasetRegistry.get().map((entry) => entry.id);
    expect(ids).toContain(good.id);
    expect(ids).not.toContain(bad.id);
    expect(unreadableUploads.get()).toEqual([{ id: bad.id, fileName: 'bad.csv', error: expect.stringContaining('dialect.header') }]);
    // The good one still opens, and the bad one's file is still there until the user deletes it.
    const db = await databaseFor(good.id);
    const entry = datasetRegistry.get().find((item) => item.id === good.id)!;
    const [row] = await db.query<{ n: number }>(`SELECT SUM(${entry.model.measures[0]!.column}) AS n FROM ${entry.model.table}`);
    expect(row?.n).toBe(3);
    expect((await store.list()).map((manifest) => manifest.id).sort()).toEqual([good.id, bad.id].sort());

    await removeUnreadableUpload(bad.id);
    expect(unreadableUploads.get()).toEqual([]);
    expect((await store.list()).map((manifest) => manifest.id)).toEqual([good.id]);
  });
});
