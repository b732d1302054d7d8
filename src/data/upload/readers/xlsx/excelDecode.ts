/**
 * Decodes an Excel workbook (.xlsx) in JavaScript with SheetJS (the maintained `@e965/xlsx` mirror): its sheet names,
 * and one sheet as a text table whose first non-empty row names the columns. Blank rows are skipped, as blank lines
 * of a CSV are; each record keeps the row number Excel shows, for the report.
 */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
import { read, utils, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { UploadError, quoteFileName } from '../../UploadError';
import { namedColumns, type TextTable } from '../decoded/textTable';
import { cellText, type CellProblem } from './excelCells';

export interface WorkbookOptions {
  /** Parse only these sheets (all when absent). */
  sheets?: readonly string[];
  /** Parse only the first rows of each sheet (the header included), for a preview. */
  rows?: number;
}

/** The workbook's sheet names in workbook order, reading nothing else. */
export function workbookSheetNames(bytes: Uint8Array, fileName: string): string[] {
  return parseWorkbook(bytes, fileName, { bookSheets: true }).SheetNames;
}

/** The workbook with the asked sheets parsed (cell values and number formats only: no styles, no HTML). */
export function readWorkbook(bytes: Uint8Array, fileName: string, options: WorkbookOptions = {}): WorkBook {
  return parseWorkbook(bytes, fileName, {
    dense: true,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    cellStyles: false,
    ...(options.sheets ? { sheets: [...options.sheets] } : {}),
    ...(options.rows ? { sheetRows: options.rows } : {}),
  });
}

function parseWorkbook(bytes: Uint8Array, fileName: string, options: Parameters<typeof read>[1]): WorkBook {
  try {
    return read(bytes, { type: 'array', ...options });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new UploadError(
      fileName,
      'read-failed',
      t(messages.excelUnreadable, { file: quoteFileName(fileName), reason }),
      undefined,
      { cause },
    );
  }
}

/** Whether a parsed sheet has at least one cell with something in it. */
export function sheetHasData(workbook: WorkBook, sheet: string): boolean {
  const rows = denseRows(workbook.Sheets[sheet]);
  return rows.some((row) => row?.some((cell) => cell && cell.v !== undefined && cell.v !== ''));
}

function denseRows(sheet: WorkSheet | undefined): (CellObject[] | undefined)[] {
  return ((sheet?.['!data'] ?? []) as (CellObject[] | undefined)[]);
}

/** The sheet's records as texts; throws an UploadError naming the sheet, row, column and value it cannot load. */
export function decodeSheet(workbook: WorkBook, sheet: string, fileName: string): TextTable {
  const where = { sheet, file: quoteFileName(fileName) };
  const worksheet = workbook.Sheets[sheet];
  if (!worksheet) {
    throw new UploadError(fileName, 'read-failed', t(messages.excelNoSheet, { file: quoteFileName(fileName), sheet, sheets: workbook.SheetNames.join(', ') }));
  }
  const range = utils.decode_range(worksheet['!ref'] ?? 'A1:A1');
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const rows = denseRows(worksheet);
  const texts: { sheetRow: number; values: (string | null)[] }[] = [];
  for (let row = range.s.r; row <= range.e.r; row++) {
    const cells = rows[row] ?? [];
    const values: (string | null)[] = [];
    for (let column = range.s.c; column <= range.e.c; column++) {
      const text = cellText(cells[column], date1904);
      if (text !== null && typeof text === 'object') throw cellProblem(where, fileName, texts[0]?.values, { r: row, c: column }, column - range.s.c, text);
      values.push(text);
    }
    if (values.some((value) => value !== null)) texts.push({ sheetRow: row + 1, values });
  }
  const [header, ...records] = texts;
  if (!header) throw new UploadError(fileName, 'empty', t(messages.excelEmptySheet, where));
  const width = usedWidth(texts);
  return {
    ...namedColumns(header.values.slice(0, width).map((name) => name ?? ''), fileName),
    values: Array.from({ length: width }, (_, column) => records.map((record) => record.values[column] ?? null)),
    recordCount: records.length,
    locate: (record) => records[record - 1]?.sheetRow ?? record + 1,
  };
}

/** Columns up to the last one with a value in any row: formatted but empty columns at the right are left out. */
function usedWidth(rows: readonly { values: readonly (string | null)[] }[]): number {
  let width = 0;
  for (const { values } of rows) {
    for (let column = values.length - 1; column >= width; column--) {
      if (values[column] !== null) {
        width = column + 1;
        break;
      }
    }
  }
  return width;
}

function cellProblem(
  where: { sheet: string; file: string },
  fileName: string,
  header: readonly (string | null)[] | undefined,
  cellAt: { r: number; c: number },
  column: number,
  cell: CellProblem,
): UploadError {
  const address = utils.encode_cell(cellAt);
  const name = header?.[column] ?? t(messages.excelColumnLetter, { letter: utils.encode_col(cellAt.c) });
  const row = cellAt.r;
  return new UploadError(
    fileName,
    'read-failed',
    t(messages.excelCell, { ...where, row: String(row + 1), column: name, cell: address, problem: cell.problem, value: cell.shown }),
    { line: row + 1, column: name, value: cell.shown },
  );
}
