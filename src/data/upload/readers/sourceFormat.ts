/**
 * Which file format a plan reads, and for a workbook which sheet. A leaf module (it imports nothing), so that the
 * plan, its schema and the readers can all name a format without importing one another.
 */

/** The file formats the app can load. */
export const SOURCE_FORMATS = ['csv', 'parquet', 'xlsx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A sheet name as Excel allows it: 1 to 31 characters. */
export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * The plan's `source`: the format to read the file as, and for a workbook the sheet. A plan without one reads CSV,
 * so every stored manifest and share link made before other formats existed means what it meant.
 */
export type SourceSelection = { format: 'csv' } | { format: 'parquet' } | { format: 'xlsx'; sheet: string };

export const CSV_SOURCE: SourceSelection = { format: 'csv' };

/** The selection a plan reads: its own, or CSV when it has none. */
export function sourceOf(plan: { source?: SourceSelection }): SourceSelection {
  return plan.source ?? CSV_SOURCE;
}
