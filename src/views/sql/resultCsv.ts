import { csvCell, downloadFile, fileNameOf } from '../../lib/csv';
import { EXACT_NUMBER, type ResultRows } from './resultRows';
import type { SqlResultData } from './sqlResultQuery';
import type { WorkspaceColumn } from './workspaceApi';

/**
 * The rows shown as CSV text, in blocks of 10,000 rows (a million rows never make one huge string): a header line,
 * then every cell formula-safe through csvCell (src/lib/csv.ts). The exact digits of a number column (a BIGINT
 * beyond 2^53) are written as they are: a number to a spreadsheet, never a formula.
 */
export function resultCsvParts(columns: readonly Pick<WorkspaceColumn, 'name' | 'kind'>[], rows: ResultRows): string[] {
  const numeric = columns.map((column) => column.kind === 'number');
  const field = (row: number, column: number) => {
    const value = rows.cell(row, column);
    return numeric[column] && typeof value === 'string' && EXACT_NUMBER.test(value) ? value : csvCell(value);
  };
  const parts: string[] = [columns.map((column) => csvCell(column.name)).join(',') + '\n'];
  const block: string[] = [];
  for (let row = 0; row < rows.rowCount; row++) {
    block.push(columns.map((_, column) => field(row, column)).join(','));
    if (block.length === 10_000) parts.push(block.splice(0).join('\n') + '\n');
  }
  if (block.length > 0) parts.push(block.join('\n') + '\n');
  return parts;
}

/** Offers the rows shown as a CSV file named after the statement. */
export function downloadResultCsv(data: SqlResultData, rows: ResultRows): void {
  downloadFile(`${fileNameOf(`sql result ${data.sql.slice(0, 40)}`)}.csv`, new Blob(resultCsvParts(data.columns, rows), { type: 'text/csv' }));
}
