import { errorMessage } from '../../lib/errors';
import { parseClickHouseDef } from '../clickhouse/clickHouseDefSchema';
import { clickHouseModel, type ClickHouseDatasetDef } from '../clickhouse/clickHouseModel';
import { announce } from './crossTabSync';
import { DATASET_ID_PATTERN } from './datasetIds';
import { unloadUpload } from './lazyLoad';
import { dropEntry, findDataset, putEntry, type DatasetEntry } from './registry';
import { KEPT_CLICKHOUSE_KEY } from './storedManifests';
import { uploadEngine } from './uploadDependencies';
import { t } from '../../i18n';
import { messages } from './messages';

/**
 * The ClickHouse datasets kept in this browser: their definitions (connection, database, table, roles — never
 * credentials, which stay on the server) in one localStorage item. The data is not kept: a kept dataset is listed as
 * 'stored', and its cube is loaded from ClickHouse when a view first needs it (lazyLoad.ts).
 */
export { KEPT_CLICKHOUSE_KEY };

export interface KeptClickHouseDataset {
  id: string;
  def: ClickHouseDatasetDef;
  /** Its whole cube was found above the row cap: load it view by view straight away (see DatasetEntry.overCap). */
  overCap?: true;
}

/** Every readable kept definition, in the order they were added; anything unreadable is skipped (not deleted). */
export function readKeptClickHouseDatasets(): KeptClickHouseDataset[] {
  let items: unknown;
  try {
    items = JSON.parse(globalThis.localStorage?.getItem(KEPT_CLICKHOUSE_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => {
    const record = item as { id?: unknown; def?: unknown; overCap?: unknown } | null;
    if (typeof record?.id !== 'string' || record.id.length > 64 || !DATASET_ID_PATTERN.test(record.id)) return [];
    const read = parseClickHouseDef(record.def);
    if (!('def' in read)) return [];
    return [record.overCap === true ? { id: record.id, def: read.def, overCap: true as const } : { id: record.id, def: read.def }];
  });
}

function writeKept(items: readonly KeptClickHouseDataset[]): void {
  globalThis.localStorage?.setItem(KEPT_CLICKHOUSE_KEY, JSON.stringify(items));
}

/** The registry entry of a kept (or linked) definition, before its cube is loaded. */
export function storedClickHouseEntry(id: string, def: ClickHouseDatasetDef, overCap = false): DatasetEntry {
  return { id, model: clickHouseModel(id, def).model, kind: 'clickhouse', clickhouse: def, status: 'stored', ...(overCap ? { overCap } : {}) };
}

/** Puts every kept ClickHouse dataset not listed yet in the registry, as 'stored' (its cube loads when first used). */
export function listKeptClickHouseDatasets(): void {
  for (const { id, def, overCap } of readKeptClickHouseDatasets()) {
    if (!findDataset(id)) putEntry(id, storedClickHouseEntry(id, def, overCap === true));
  }
}

/**
 * Remembers, with a kept definition, that its whole cube is above the row cap: after a reload its loads skip the
 * whole-table attempt. Nothing when the dataset is not kept (a linked one) or the browser refuses.
 */
export function rememberOverCap(id: string): void {
  const items = readKeptClickHouseDatasets();
  if (!items.some((item) => item.id === id && item.overCap !== true)) return;
  try {
    writeKept(items.map((item) => (item.id === id ? { ...item, overCap: true as const } : item)));
  } catch {
    // Not kept: the next visit tries the whole table first again, which is only slower.
  }
}

/**
 * Keeps a definition (added or replaced by id) so that it comes back after a reload; tells the other tabs. Returns
 * why it will not survive a reload when the browser refuses to keep it, else undefined.
 */
export function keepClickHouseDataset(id: string, def: ClickHouseDatasetDef): string | undefined {
  // What this load found (a new definition is always tried whole first).
  const overCap = findDataset(id)?.overCap === true;
  const items = readKeptClickHouseDatasets().filter((item) => item.id !== id);
  try {
    writeKept([...items, overCap ? { id, def, overCap: true as const } : { id, def }]);
  } catch (error) {
    return t(messages.definitionNotKept, { reason: errorMessage(error) });
  }
  announce({ type: 'added', id });
  return undefined;
}

/** Removes a ClickHouse dataset: its cube from the engine, its definition from this browser, its entry from the list. */
export async function removeClickHouseDataset(id: string): Promise<void> {
  const entry = findDataset(id);
  if (!entry || entry.kind !== 'clickhouse') return;
  await unloadUpload(await uploadEngine(), entry, { tolerant: false });
  const items = readKeptClickHouseDatasets();
  if (items.some((item) => item.id === id)) writeKept(items.filter((item) => item.id !== id));
  dropEntry(id);
  announce({ type: 'removed', id });
}

/** Another tab removed a kept ClickHouse dataset: out of this tab's engine and list. */
export async function forgetClickHouseDataset(entry: DatasetEntry): Promise<void> {
  await unloadUpload(await uploadEngine(), entry, { tolerant: true });
  dropEntry(entry.id);
}
