import type { RejectedRow } from '../../data/uploads';
import type { SourceFormat } from '../../data/upload/readers/sourceFormat';
import { t } from '../../i18n';
import { downloadFile, toCsv } from '../../lib/csv';
import { messages } from './messages';

/**
 * What a rejected row's number is, as the table heads it: a CSV's physical line (as an editor counts it), a sheet's
 * row number, or for Parquet the row number a spreadsheet would show (the header being row 1). See
 * OpenedSource.locateRecords.
 */
export function rejectsPlaceHeading(format: SourceFormat): string {
  switch (format) {
    case 'csv':
      return t(messages.placeLine);
    case 'xlsx':
      return t(messages.placeSheetRow);
    case 'parquet':
      return t(messages.placeRow);
  }
}

/** The same, as the rejected rows' CSV heads its first column (lower case). */
function rejectsPlaceColumn(format: SourceFormat): string {
  switch (format) {
    case 'csv':
      return t(messages.csvLine);
    case 'xlsx':
      return t(messages.csvSheetRow);
    case 'parquet':
      return t(messages.csvRow);
  }
}

/**
 * The rejected rows as CSV: line (or row), column, value, reason; cells that a spreadsheet would run as formulas are
 * quoted.
 */
export function rejectsCsv(rejects: readonly RejectedRow[], format: SourceFormat = 'csv'): string {
  return toCsv(
    [rejectsPlaceColumn(format), t(messages.csvColumn), t(messages.csvValue), t(messages.csvReason)],
    rejects.map((row) => [row.line, row.column, row.value, row.reason]),
  );
}

/** `sales.csv.gz` → `sales-rejected-rows.csv`, `sales.xlsx` → `sales-rejected-rows.csv`: the download is CSV. */
export function rejectsFileName(fileName: string): string {
  return `${fileName.replace(/\.(?:(?:csv|tsv|txt)(?:\.gz)?|gz|parquet|xlsx)$/i, '')}-rejected-rows.csv`;
}

export function downloadRejects(fileName: string, rejects: readonly RejectedRow[], format: SourceFormat): void {
  downloadFile(rejectsFileName(fileName), new Blob([rejectsCsv(rejects, format)], { type: 'text/csv' }));
}
