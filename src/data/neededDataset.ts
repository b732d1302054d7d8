import { z } from 'zod/mini';
import { deflate, inflate } from '../state/shareLink';
import { findDataset } from './datasets';
import type { UploadPlan } from './upload/plan';

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

// The plan is checked by shape here and, like any plan, by planProblems() before it is used.
const neededSchema = z.object({
  id: z.string().check(z.regex(/^u_[a-z0-9_]{1,60}$/)),
  label: z.string().check(z.maxLength(200)),
  fileName: z.string().check(z.maxLength(300)),
  bytes: z.number().check(z.gte(0)),
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  rows: z.number().check(z.gte(0)),
  columns: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(2000)),
  // Loose: the plan's own fields are kept as they are (z.object would strip them).
  plan: z.looseObject({ datasetLabel: z.string(), dialect: z.looseObject({}), lineEnding: z.string(), columns: z.array(z.looseObject({})) }),
  view: z.string().check(z.maxLength(20_000)),
});

/** What a link to `view` (a query string) on uploaded dataset `datasetId` must carry; null for bundled data. */
export async function neededDatasetParam(datasetId: string, view: string): Promise<string | null> {
  const entry = findDataset(datasetId);
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

/** The dataset a link needs, from its `need` parameter; null when it is missing or not valid. */
export async function readNeededDataset(param: string): Promise<NeededDataset | null> {
  if (!/^[A-Za-z0-9_-]{1,60000}$/.test(param)) return null;
  try {
    const parsed = neededSchema.safeParse(JSON.parse(await inflate(param)));
    return parsed.success ? (parsed.data as unknown as NeededDataset) : null;
  } catch {
    return null;
  }
}
