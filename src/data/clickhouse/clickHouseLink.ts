import { findDataset, newDatasetId, restoreUploadList } from '../datasets';
import { keepClickHouseDataset, storedClickHouseEntry } from '../datasets/keptClickHouse';
import { putEntry } from '../datasets/registry';
import { DATASET_ID_PATTERN } from '../datasets/datasetIds';
import { parseClickHouseDef, sameClickHouseDef } from './clickHouseDefSchema';
import { ClickHouseError, createClickHouseClient, type ClickHouseClient } from './clickHouseClient';
import type { ClickHouseDatasetDef } from './clickHouseModel';
import { CLICKHOUSE_NEED_PREFIX, isClickHouseNeed } from './clickHouseNeed';
import { errorText, localText, localTextKey, type LocalText } from '../../i18n';
import { messages } from './messages';

/**
 * Reading a ClickHouse dataset from a link (see clickHouseNeed.ts for what the link carries) and bringing it into this
 * browser: loaded on demand, with the first link or dashboard that names one.
 */

const MAX_PARAM_LENGTH = 20_000;


/** The dataset a `ch.` parameter names, checked; or why it is refused, in words for the recipient. */
export function readClickHouseNeed(param: string): { id: string; def: ClickHouseDatasetDef } | { error: LocalText } {
  const packed = param.slice(CLICKHOUSE_NEED_PREFIX.length);
  if (!isClickHouseNeed(param) || packed.length > MAX_PARAM_LENGTH || !/^[A-Za-z0-9_-]+$/.test(packed)) return { error: localText(messages.damaged) };
  let json: { id?: unknown; def?: unknown };
  try {
    const binary = atob(packed.replaceAll('-', '+').replaceAll('_', '/'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))) as typeof json;
  } catch {
    return { error: localText(messages.damaged) };
  }
  if (typeof json?.id !== 'string' || json.id.length > 64 || !DATASET_ID_PATTERN.test(json.id)) return { error: localText(messages.damaged) };
  const read = parseClickHouseDef(json.def);
  if ('error' in read) return { error: localText(messages.damagedBecause, { reason: read.error }) };
  return { id: json.id, def: read.def };
}

/** "marketscope.traffic" */
const tableName = (def: ClickHouseDatasetDef) => `${def.database ? `${def.database}.` : ''}${def.table}`;

/**
 * Brings a linked ClickHouse dataset into this browser: when this browser already has it (same id, same definition)
 * it is simply used; else it is listed (and kept) under the link's id, or a new one when that id is taken by another
 * dataset. Nothing is listed when this server does not offer the link's connection: the error says so and what to
 * do, and every other dataset stays as it was. The cube itself loads when the view asks for it.
 */
export async function restoreClickHouseFromLink(
  param: string,
  client: ClickHouseClient = createClickHouseClient(),
  { renameOnClash = true }: { renameOnClash?: boolean } = {},
): Promise<{ datasetId: string } | { error: LocalText }> {
  const read = readClickHouseNeed(param);
  if ('error' in read) return read;
  const { id, def } = read;
  // Every kept dataset listed first, so that none is overwritten.
  await restoreUploadList().catch(() => undefined);
  const existing = findDataset(id);
  if (existing?.kind === 'clickhouse' && existing.clickhouse && sameClickHouseDef(existing.clickhouse, def)) return { datasetId: id };
  if (existing && !renameOnClash) {
    return { error: localText(messages.nameTaken, { table: tableName(def), id, label: existing.model.label }) };
  }
  let offered: string[];
  try {
    offered = (await client.listConnections()).map((connection) => connection.name);
  } catch (error) {
    const values = { table: tableName(def), connection: def.connection, reason: errorText(error) };
    return {
      error:
        error instanceof ClickHouseError && error.localHint !== null
          ? localText(messages.notListedHint, { ...values, hint: error.localHint })
          : localText(messages.notListed, values),
    };
  }
  if (!offered.includes(def.connection)) {
    const values = { table: tableName(def), connection: def.connection };
    return {
      error:
        offered.length === 0
          ? localText(messages.notOfferedNone, values)
          : localText(messages.notOffered, { ...values, offered: offered.map((name) => `"${name}"`).join(', ') }),
    };
  }
  let datasetId = id;
  while (findDataset(datasetId)) datasetId = newDatasetId(def.label);
  putEntry(datasetId, storedClickHouseEntry(datasetId, def));
  putEntry(datasetId, { notKept: keepClickHouseDataset(datasetId, def) });
  return { datasetId };
}

/**
 * Brings the ClickHouse datasets a dashboard's panels read (each panel's view carries its `need=ch.…`) into this
 * browser, before the panels ask for them. Resolves to the problems, one sentence each (a connection this server
 * does not offer…); the panels that need such a dataset then say it is not in this browser, and the others show.
 */
export async function restoreClickHouseFromViews(views: readonly string[], client?: ClickHouseClient): Promise<LocalText[]> {
  const params = [...new Set(views.map((view) => new URLSearchParams(view).get('need') ?? '').filter(isClickHouseNeed))];
  const problems: LocalText[] = [];
  for (const param of params) {
    // A dashboard's panels are fixed: they cannot be pointed at another id.
    const restored = await restoreClickHouseFromLink(param, client, { renameOnClash: false });
    if ('error' in restored) problems.push(restored.error);
  }
  return [...new Map(problems.map((problem) => [localTextKey(problem), problem])).values()];
}
