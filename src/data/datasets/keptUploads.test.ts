import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../engine';
import { buildDatasetTablesQuery } from '../../sql/datasetTables';
import { prepareUpload } from '../upload/prepare';
import { memoryUploadStore, type UploadStore } from '../upload/storage';
import { uploadsInMemory } from '../../../test/support/uploadsInMemory';
import { DATASETS_CHANNEL, type DatasetChange } from './crossTabSync';
import { addUpload, databaseFor, datasetsChangedElsewhere, findDataset, renameUpload, restoreUploadList, type DatasetEntry } from '.';

let engine: Engine;
let store: UploadStore;
/** Another tab of the app: it hears what this one announces, and announces changes of its own. */
let otherTab: BroadcastChannel;
let heard: DatasetChange[];

beforeEach(async () => {
  // Kept as the browser's storage keeps it (only an upload that is kept is announced to the other tabs).
  ({ engine, store } = await uploadsInMemory({ ...memoryUploadStore(), kind: 'opfs' }));
  await restoreUploadList();
  heard = [];
  otherTab = new BroadcastChannel(DATASETS_CHANNEL);
  otherTab.onmessage = (event: MessageEvent<DatasetChange>) => void heard.push(event.data);
});
afterEach(() => otherTab.close());

async function keep(label: string): Promise<DatasetEntry> {
  const prepared = await prepareUpload(new File(['month,team,points\n2020-01,x,1\n2020-02,y,2\n'], 'teams.csv'), 'teams.csv');
  const { entry } = await addUpload(prepared.file, 'teams.csv', { ...prepared.plan, datasetLabel: label });
  await vi.waitFor(() => expect(heard).toContainEqual({ type: 'added', id: entry.id }));
  return entry;
}

const tablesOf = async (id: string) => (await engine.query<{ name: string }>(buildDatasetTablesQuery(id))).map((row) => row.name);

describe('renameUpload', () => {
  it('keeps the new name, in the registry and the store, and tells the other tabs', async () => {
    const { id } = await keep('Teams');
    await renameUpload(id, '  League  ');
    expect(findDataset(id)?.model.label).toBe('League');
    expect((await store.list()).find((manifest) => manifest.id === id)?.plan.datasetLabel).toBe('League');
    await vi.waitFor(() => expect(heard).toContainEqual({ type: 'changed', id }));
  });

  it('when the name cannot be written: reports why, keeps the old name and tells no other tab', async () => {
    const { id } = await keep('Teams');
    const refusing: UploadStore = { ...store, updateManifest: async () => Promise.reject(new Error('the disk is read-only')) };
    await uploadsInMemory(refusing);
    await restoreUploadList();
    await expect(renameUpload(id, 'League')).rejects.toThrow(/“Teams” could not be renamed.*the disk is read-only/);
    expect(findDataset(id)?.model.label).toBe('Teams');
    expect(findDataset(id)?.manifest?.plan.datasetLabel).toBe('Teams');
    expect((await store.list())[0]?.plan.datasetLabel).toBe('Teams');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A rename that works after it is heard alone: the failed one was never announced.
    await uploadsInMemory(store);
    await restoreUploadList();
    heard = [];
    await renameUpload(id, 'Cup');
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'changed', id }]));
  });
});

describe('a change made in another tab', () => {
  it('a removed upload leaves this tab: its entry and its tables', async () => {
    const { id } = await keep('Teams');
    await databaseFor(id);
    expect(await tablesOf(id)).not.toEqual([]);
    const changes = datasetsChangedElsewhere.get();
    await store.remove(id);
    otherTab.postMessage({ type: 'removed', id } satisfies DatasetChange);
    await vi.waitFor(() => expect(datasetsChangedElsewhere.get()).toBe(changes + 1));
    expect(findDataset(id)).toBeUndefined();
    expect(await tablesOf(id)).toEqual([]);
  });

  it('a renamed upload is read again from the store, and loads again when next used', async () => {
    const { id, manifest } = await keep('Teams');
    const changes = datasetsChangedElsewhere.get();
    await store.updateManifest({ ...manifest!, plan: { ...manifest!.plan, datasetLabel: 'Renamed elsewhere' } });
    otherTab.postMessage({ type: 'changed', id } satisfies DatasetChange);
    await vi.waitFor(() => expect(datasetsChangedElsewhere.get()).toBe(changes + 1));
    expect(findDataset(id)).toMatchObject({ status: 'stored', model: { label: 'Renamed elsewhere' } });
    expect(await tablesOf(id)).toEqual([]);
    await databaseFor(id);
    expect(findDataset(id)?.status).toBe('ready');
    expect(await tablesOf(id)).not.toEqual([]);
  });

  it('a message that is not a change is ignored', async () => {
    const changes = datasetsChangedElsewhere.get();
    otherTab.postMessage({ type: 'dropped', id: 'u_x' });
    otherTab.postMessage('removed');
    otherTab.postMessage({ type: 'added', id: 'u_x' } satisfies DatasetChange);
    await vi.waitFor(() => expect(datasetsChangedElsewhere.get()).toBe(changes + 1));
  });
});
