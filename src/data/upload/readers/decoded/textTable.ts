/**
 * A table decoded in JavaScript (from Parquet or Excel) with every value as text in its canonical form (see
 * canonicalText.ts), and how it becomes Arrow for the engine and a preview for the upload form. Shared by the
 * Parquet and the Excel reader.
 */
import { Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import { fieldName } from '../../../../sql';
import type { SniffResult, SniffWarning } from '../../dialect';
import { makeColumns } from '../columnNames';
import { quoteFileName } from '../../UploadError';
import { DEFAULT_TEXT_DIALECT } from '../sourceReader';

export interface TextTable {
  /** Names as the upload shows them (unique, non-empty), with the names as the file has them. */
  columns: SniffResult['columns'];
  /** Column-major: `values[column][record]`, null for an empty value. */
  values: (string | null)[][];
  /** Records decoded. */
  recordCount: number;
  /** Where people find a record (1-based record → the row number their spreadsheet shows). */
  locate(record: number): number;
  /** What the preview should say about the table (renamed columns). */
  warnings: SniffWarning[];
}

/**
 * Column names the upload can use, from the names in the file, by the rules CSV headers follow (../columnNames.ts):
 * control characters become spaces, blank names `column_<n>`, a repeated name (ignoring case, as SQL does) gets `_2`,
 * `_3`, … A warning for the preview lists what was renamed.
 */
export function namedColumns(rawNames: readonly string[], fileName: string): Pick<TextTable, 'columns' | 'warnings'> {
  const warnings: SniffWarning[] = [];
  const columns = makeColumns([...rawNames], rawNames.length, quoteFileName(fileName), warnings);
  return { columns, warnings };
}

/** The table as an Arrow IPC stream whose columns are the read expression's `f0` … `fN`, all VARCHAR. */
export function textTableToArrowStream(table: TextTable): Uint8Array {
  const vectors: Record<string, Vector<Utf8>> = {};
  table.values.forEach((column, index) => {
    vectors[fieldName(index)] = utf8Vector(column);
  });
  return tableToIPC(new Table(vectors), 'stream');
}

/**
 * A VARCHAR column built from its buffers. Not with Arrow's `vectorFromArray`: its builder compiles a null check with
 * `new Function`, which the page's Content Security Policy (no 'unsafe-eval') refuses.
 */
function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((value) => (value === null ? null : encoder.encode(value)));
  const offsets = new Int32Array(values.length + 1);
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  const bytes = new Uint8Array(encoded.reduce((total, value) => total + (value?.length ?? 0), 0));
  let nullCount = 0;
  let end = 0;
  encoded.forEach((value, index) => {
    if (value === null) nullCount += 1;
    else {
      validity[index >> 3]! |= 1 << (index & 7);
      bytes.set(value, end);
      end += value.length;
    }
    offsets[index + 1] = end;
  });
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: validity, valueOffsets: offsets, data: bytes }));
}

/** The first `maxRows` records as preview rows: row-major, an empty value as ''. */
export function previewRows(table: TextTable, maxRows: number): string[][] {
  const count = Math.min(maxRows, table.recordCount);
  return Array.from({ length: count }, (_, record) => table.values.map((column) => column[record] ?? ''));
}

/** The preview of a decoded table, in the shape the CSV sniffer gives (see SourceSample: no dialect, no line ends). */
export function textSample(table: TextTable, maxRows: number): SniffResult {
  const rows = previewRows(table, maxRows);
  return {
    dialect: DEFAULT_TEXT_DIALECT,
    bom: false,
    lineEnding: 'none',
    columns: table.columns,
    rows,
    fieldCounts: rows.map(() => table.columns.length),
    warnings: table.warnings,
  };
}
