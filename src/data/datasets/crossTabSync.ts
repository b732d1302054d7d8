import { createExternalStore } from '../../engine';
import { uploadedModel } from '../upload/uploadedModel';
import { unloadUpload } from './lazyLoad';
import { dropEntry, findDataset, putEntry, type DatasetEntry } from './registry';
import { listKeptUploads, readStoredManifest } from './storedManifests';
import { uploadEngine } from './uploadDependencies';

/**
 * Other tabs of the app share the browser's storage, each with its own engine. Every change to the kept uploads is
 * announced on a BroadcastChannel, and every tab brings its list (and its engine) in line: an upload made in one tab
 * appears in the others, a deleted one disappears, a renamed or re-mapped one is read again when next used.
 */
export type DatasetChange = { type: 'added' | 'changed' | 'removed'; id: string };
export const DATASETS_CHANNEL = 'marketscope-datasets';
let channel: BroadcastChannel | null | undefined;

/** Counts the changes made in other tabs, so that views can drop results computed before them. */
export const datasetsChangedElsewhere = createExternalStore(0);

/** Opens the channel once (where the browser has one) and applies what other tabs announce on it. */
export function listenToOtherTabs(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DATASETS_CHANNEL);
  if (channel) channel.onmessage = (event: MessageEvent<unknown>) => void applyChangeFromOtherTab(event.data);
  return channel;
}

/** Tells the other tabs that a kept upload changed. */
export function announce(change: DatasetChange): void {
  listenToOtherTabs()?.postMessage(change);
}

/** A message is another tab's: anything not shaped like a change is ignored. */
function isDatasetChange(message: unknown): message is DatasetChange {
  const change = message as Partial<DatasetChange> | null;
  return !!change && typeof change.id === 'string' && ['added', 'changed', 'removed'].includes(change.type as string);
}

async function applyChangeFromOtherTab(message: unknown): Promise<void> {
  if (!isDatasetChange(message)) return;
  const entry = findDataset(message.id);
  if (message.type === 'added') await listKeptUploads();
  else if (entry?.kind === 'clickhouse') await applyChangeToClickHouse(entry, message);
  else await applyChangeToUpload(message);
  datasetsChangedElsewhere.set(datasetsChangedElsewhere.get() + 1);
}

/** A ClickHouse dataset removed (or re-mapped) in another tab: out of this tab, then listed again if still kept. */
async function applyChangeToClickHouse(entry: DatasetEntry, change: DatasetChange): Promise<void> {
  const kept = await import('./keptClickHouse');
  await kept.forgetClickHouseDataset(entry);
  if (change.type !== 'removed') kept.listKeptClickHouseDatasets();
}

/** A kept upload changed or removed in another tab: out of this tab's engine, then read again or dropped. */
async function applyChangeToUpload(change: DatasetChange): Promise<void> {
  const entry = findDataset(change.id);
  if (entry?.kind !== 'uploaded') return;
  // This tab's engine may hold the old tables: drop them, so the next use loads the stored version.
  await unloadUpload(await uploadEngine(), entry, { tolerant: true });
  if (change.type === 'removed') {
    dropEntry(change.id);
    return;
  }
  // Updated in place (not removed and re-added): a view showing it stays on it.
  const checked = await readStoredManifest(change.id);
  if (checked && 'manifest' in checked) {
    const { manifest } = checked;
    putEntry(change.id, { manifest, model: uploadedModel(manifest.id, manifest.plan).model, status: 'stored' });
  } else if (checked) {
    dropEntry(change.id);
    await listKeptUploads();
  }
}
