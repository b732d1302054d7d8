import type { RejectedRow } from '../../data/uploads';
import { downloadFile, toCsv } from '../../lib/csv';

/** The rejected rows as CSV: line, column, value, reason; cells that a spreadsheet would run as formulas are quoted. */
export function rejectsCsv(rejects: readonly RejectedRow[]): string {
  return toCsv(['line', 'column', 'value', 'reason'], rejects.map((row) => [row.line, row.column, row.value, row.reason]));
}

/** `sales.csv.gz` → `sales-rejected-rows.csv`. */
export function rejectsFileName(fileName: string): string {
  return `${fileName.replace(/\.(csv|tsv|txt)(\.gz)?$/i, '')}-rejected-rows.csv`;
}

export function downloadRejects(fileName: string, rejects: readonly RejectedRow[]): void {
  downloadFile(rejectsFileName(fileName), new Blob([rejectsCsv(rejects)], { type: 'text/csv' }));
}
