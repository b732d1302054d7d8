import type { Dialect, SniffResult } from './dialect';
import type { UploadPlan } from './plan';
import { recogniseFile } from './readers';
import type { SourceSelection } from './readers/sourceReader';
import { suggestPlan, type ColumnSuggestion } from './suggest';

/** Rows of the sample used to suggest formats and roles (the preview shows the first few). */
const PROFILE_ROWS = 2000;

export interface PreparedUpload {
  file: Blob;
  fileName: string;
  sniff: SniffResult;
  plan: UploadPlan;
  suggestions: ColumnSuggestion[];
  /** Whether the sample is the whole file. */
  complete: boolean;
  /** Workbooks only: every sheet's name, for the sheet picker (the plan's source names the one shown). */
  sheets?: readonly string[];
}

/**
 * Reads the start of a file with the reader of its format (recognised by its first bytes and name), and suggests
 * a mapping. Only the start is read here (a format that must be parsed whole keeps only its first rows); the whole
 * file is read once, by the loader. Throws an UploadError for files it refuses.
 */
export async function prepareUpload(
  file: Blob,
  fileName: string,
  overrides?: Partial<Dialect>,
  options: { sheet?: string } = {},
): Promise<PreparedUpload> {
  const reader = await (await recogniseFile(file, fileName)).load();
  const sample = await reader.sniff(file, fileName, { overrides, sheet: options.sheet, maxRows: PROFILE_ROWS });
  const suggested = suggestPlan(sample.sniff, fileName);
  return {
    file,
    fileName,
    sniff: sample.sniff,
    plan: withSource(suggested.plan, sample.source),
    suggestions: suggested.suggestions,
    complete: sample.complete,
    ...(sample.sheets ? { sheets: sample.sheets } : {}),
  };
}

/** A CSV plan stays without a source, exactly as plans were before other formats (and as stored ones are). */
function withSource(plan: UploadPlan, source: SourceSelection): UploadPlan {
  return source.format === 'csv' ? plan : { ...plan, source };
}
