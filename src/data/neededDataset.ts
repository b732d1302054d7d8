import { localText, localTextKey, t, type LocalText } from '../i18n';
import { messages } from './upload/messages';
import { z } from 'zod/mini';
import { formatBytes } from '../lib/format';
import { deflate, inflate } from '../state/shareLink';
import { clickHouseNeedParam } from './clickhouse/clickHouseNeed';
import { addUpload, DATASET_ID_PATTERN, findDataset, newDatasetId, restoreUploadList } from './datasets';
import { planProblems, type UploadPlan } from './upload/plan';

/**
 * A view over an uploaded dataset, shared: the data never leaves the analyst's browser, so the link carries what the
 * recipient needs to load the same file themselves — its name, size, rows and fingerprint, and how it was mapped —
 * and the recipient's copy is checked against the fingerprint before anything is shown.
 */
export interface NeededDataset {
  id: string;
  label: string;
  fileName: string;
  bytes: number;
  hash: string;
  rows: number;
  columns: string[];
  plan: UploadPlan;
  /** The view, as the query string it had. */
  view: string;
}


// The envelope; the plan inside it is read by the one plan schema (upload/planSchema.ts), which refuses any field or
// value it does not know.
const neededSchema = z.strictObject({
  id: z.string().check(z.maxLength(64), z.regex(DATASET_ID_PATTERN)),
  label: z.string().check(z.maxLength(200)),
  fileName: z.string().check(z.minLength(1), z.maxLength(300)),
  bytes: z.int().check(z.gte(0)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  rows: z.int().check(z.gte(0)),
  columns: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(2000)),
  plan: z.unknown(),
  view: z.string().check(z.maxLength(20_000)),
});

/** What reading a `need` parameter gives: the dataset, or why the link is refused (in words for the recipient). */
export type NeededDatasetRead = { needed: NeededDataset } | { error: string };

function damaged(detail?: string): { error: string } {
  return { error: detail ? t(messages.linkDamagedDetail, { detail }) : t(messages.linkDamaged) };
}

/**
 * The dataset a link needs, from its `need` parameter, checked as a whole: its envelope, then its upload plan by the
 * plan schema (bounded by the link's own list of columns) and by planProblems(). Anything wrong refuses the link with
 * a message naming the part that is wrong; nothing of a refused link is used.
 */
export async function checkNeededDataset(param: string): Promise<NeededDatasetRead> {
  if (!/^[A-Za-z0-9_-]{1,60000}$/.test(param)) return damaged();
  let json: unknown;
  try {
    json = JSON.parse(await inflate(param));
  } catch {
    return damaged();
  }
  const envelope = neededSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return damaged(issue ? `${issue.path.map(String).join('.') || t(messages.linkWhole)}: ${issue.message}` : undefined);
  }
  const { parseUploadPlan } = await import('./upload/planSchema');
  const read = parseUploadPlan(envelope.data.plan, envelope.data.columns.length);
  const problems = 'plan' in read ? planProblems(read.plan) : [read.error];
  if (!('plan' in read) || problems.length > 0) {
    return {
      error: t(messages.linkPlanRefused, { fileName: envelope.data.fileName, problems: problems.join(' ') }),
    };
  }
  return { needed: { ...envelope.data, plan: read.plan } };
}

/**
 * Loads the recipient's copy of the file a link needs, and returns the id of the dataset the link's view should show.
 * The file must have the link's fingerprint, and the link's plan must fit the file's columns, or nothing is loaded.
 *
 * A link never replaces or removes a dataset of this browser. When the link's id is free, the dataset gets it (the
 * link's view then opens as it is). When a dataset already has that id — the same file loaded earlier, or another
 * file that happens to (or was made to) carry the id — the existing one is kept: the same file is simply shown, and
 * another file is loaded under a new id, which is what a recipient expects: their own data stays as it was.
 */
export async function loadNeededDataset(file: Blob, fileName: string, needed: NeededDataset): Promise<{ datasetId: string }> {
  const { fingerprintFile } = await import('./upload/fingerprint');
  const print = await fingerprintFile(file);
  if (print.bytes !== needed.bytes || print.hash !== needed.hash) {
    throw new Error(
      t(messages.linkWrongFile, {
        fileName,
        size: formatBytes(file.size),
        expectedName: needed.fileName,
        expectedSize: formatBytes(needed.bytes),
      }),
    );
  }
  const { prepareUpload } = await import('./upload/prepare');
  const { encoding, delimiter, quote, escape, header } = needed.plan.dialect;
  // A workbook is read from the link's sheet, so its columns are the ones the plan was made for.
  const source = needed.plan.source;
  const prepared = await prepareUpload(file, needed.fileName, { encoding, delimiter, quote, escape, header }, source?.format === 'xlsx' ? { sheet: source.sheet } : {});
  const { parseUploadPlan } = await import('./upload/planSchema');
  const read = parseUploadPlan(needed.plan, prepared.sniff.columns.length);
  if ('error' in read) {
    throw new Error(t(messages.linkPlanMisfit, { fileName: needed.fileName, reason: read.error }));
  }
  // Every dataset kept in this browser must be listed before an id is chosen, or a kept one could be overwritten.
  await restoreUploadList();
  if (holdsNeededDataset(needed)) return { datasetId: needed.id };
  let id = needed.id;
  while (findDataset(id)) id = newDatasetId(needed.label);
  await addUpload(file, needed.fileName, read.plan, { datasetId: id });
  return { datasetId: id };
}

/**
 * What a link to `view` (a query string) on dataset `datasetId` must carry: for an upload, what the recipient needs
 * to load the same file; for a ClickHouse table, its connection, table and roles (src/data/clickhouse/clickHouseLink.ts);
 * null for bundled data.
 */
export async function neededDatasetParam(datasetId: string, view: string): Promise<string | null> {
  const entry = findDataset(datasetId);
  if (entry?.kind === 'clickhouse' && entry.clickhouse) {
    return clickHouseNeedParam(entry.id, entry.clickhouse);
  }
  const manifest = entry?.manifest;
  if (!manifest?.fingerprint) return null;
  const needed: NeededDataset = {
    id: manifest.id,
    label: manifest.plan.datasetLabel,
    fileName: manifest.fileName,
    bytes: manifest.fingerprint.bytes,
    hash: manifest.fingerprint.hash,
    rows: manifest.rowsInFile,
    columns: manifest.plan.columns.map((column) => column.header),
    plan: manifest.plan,
    view,
  };
  return deflate(JSON.stringify(needed));
}

/** The dataset a link needs, from its `need` parameter; null when it is missing or refused (see checkNeededDataset). */
export async function readNeededDataset(param: string): Promise<NeededDataset | null> {
  const read = await checkNeededDataset(param);
  return 'needed' in read ? read.needed : null;
}

/**
 * Whether this browser already holds the file a link needs (the same fingerprint) under the link's id: then its view
 * can show as it is, and nothing is loaded again.
 */
export function holdsNeededDataset(needed: NeededDataset): boolean {
  const entry = findDataset(needed.id);
  const print = entry?.kind === 'uploaded' ? entry.manifest?.fingerprint : undefined;
  return print !== undefined && print.hash === needed.hash && print.bytes === needed.bytes;
}

/** The notice for a link whose dataset is not in this browser (the view falls back to the bundled data meanwhile). */
export function missingDatasetNotice(datasetId: string): LocalText {
  return localText(messages.linkMissing, { datasetId });
}

/**
 * The notices that are still true now that `datasetIds` are in this browser: a dataset's "not in this browser" notice
 * goes once it is there (the recipient of a link has just loaded its file), every other notice stays.
 */
export function noticesStillTrue(notices: readonly LocalText[], datasetIds: readonly string[]): LocalText[] {
  const arrived = new Set(datasetIds.map((id) => localTextKey(missingDatasetNotice(id))));
  return notices.filter((notice) => !arrived.has(localTextKey(notice)));
}
