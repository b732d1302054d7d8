/**
 * The seam for a file format. Everything the upload does that depends on how a file is written goes through one
 * `SourceReader`: recognising the file, sniffing its start for the preview, counting its records, and the read
 * expression the load selects from. Everything after the read (conversions, the month cube, the row accounting, the
 * rejected rows, persistence, share links) is the same for every format.
 *
 * A format is two pieces:
 * - a {@link SourceReaderEntry} in `readers/index.ts`: tiny and eager (extensions, magic bytes, a label), so that
 *   choosing a reader loads nothing;
 * - its {@link SourceReader}, loaded on demand through `entry.load()` (a dynamic import), so that a format's parser
 *   never reaches the entry bundle.
 */
import type { Engine } from '../../../engine';
import type { LocalText } from '../../../i18n';
import type { ReaderType } from '../../../sql';
import type { Dialect, SniffResult } from '../dialect';
import type { UploadPlan } from '../plan';
import type { SourceFormat, SourceSelection } from './sourceFormat';

export type { SourceFormat, SourceSelection } from './sourceFormat';
export { CSV_SOURCE, SOURCE_FORMATS, sourceOf } from './sourceFormat';

/** The eager half of a format: enough to pick the reader for a file without loading it. */
export interface SourceReaderEntry {
  format: SourceFormat;
  /** For people: "CSV", "Parquet", "Excel workbook". */
  label: string;
  /** Lower-case file name endings with their dot ('.csv', '.parquet'); for the file picker's `accept` and a hint. */
  extensions: readonly string[];
  /**
   * Whether the file is of this format, from its first bytes (at least 8, fewer only if the file is shorter) and its
   * name. Magic bytes decide when the format has them (Parquet 'PAR1', xlsx the ZIP 'PK\x03\x04' with an .xlsx
   * name); the name alone must not make a text file a workbook. CSV is the fallback and is asked last.
   */
  recognises(head: Uint8Array, fileName: string): boolean;
  load(): Promise<SourceReader>;
}

/** What the upload form asks a reader to sniff. */
export interface SniffRequest {
  /** CSV only: dialect settings the person chose in the preview (the rest is detected). Other readers ignore it. */
  overrides?: Partial<Dialect>;
  /** Workbooks only: the sheet to show; absent = the reader's choice (the first sheet with data). */
  sheet?: string;
  /** Rows to return in `sniff.rows` at most (they also feed the format suggestions). */
  maxRows: number;
}

/** The start of a file, as the upload form shows it and the suggestions read it. */
export interface SourceSample {
  /**
   * Columns, preview rows and warnings. `columns[i].index === i`; names unique, non-empty and at most 256
   * characters (see SniffResult). `rows` are TEXT, each exactly `columns.length` long, an empty value as '' — and
   * they must be the very texts the read expression yields for those records, so that formats suggested from the
   * preview convert the whole file. Readers other than CSV fill `dialect` with `DEFAULT_TEXT_DIALECT`, `lineEnding`
   * with 'none', `bom` with false, and `fieldCounts` with `columns.length` per row.
   */
  sniff: SniffResult;
  /** What the plan must say to read this file again the same way (for a workbook, the sheet shown). */
  source: SourceSelection;
  /** Workbooks only: every sheet's name, in workbook order, for the sheet picker. */
  sheets?: readonly string[];
  /** Whether the preview saw the whole file. */
  complete: boolean;
}

/** The dialect a plan carries when its file is not CSV: ignored by every reader but CSV, kept so a plan has one shape. */
export const DEFAULT_TEXT_DIALECT: Dialect = {
  encoding: 'utf-8',
  delimiter: ',',
  quote: '"',
  escape: '"',
  header: true,
  compression: 'none',
};

/** Everything a reader needs to open a file for one load. */
export interface OpenRequest {
  engine: Engine;
  file: Blob;
  fileName: string;
  /** Already checked by the plan schema; `plan.source` (absent = CSV) says the format and sheet. */
  plan: UploadPlan;
  /**
   * Unique among loads running at once (a dataset id): every table and file name the reader makes must contain
   * it, start with `__`, and be dropped again by `close()`.
   */
  loadId: string;
}

/**
 * The reads of one load. Each pass is a separate read of the whole source, with its own bookkeeping of rejected
 * records: 'load' is the read that builds the cube, 'problems' finds which rows did not convert (only when some did
 * not), 'text' is the load read again with every field as text (only when a typed read went wrong).
 */
export type ReadPass = 'load' | 'problems' | 'text';

/** What counting the records found. */
export interface RecordCount {
  /** Data records in the file (a header row excluded; CSV: blank lines excluded). */
  records: number;
  /** Of the fields asked about in `CountOptions.shapes`, those with a value not of their shape, sorted. */
  unshaped: number[];
  /** Things people should know about the file that did not stop the load, one sentence each (said when shown). */
  warnings: LocalText[];
}

export interface CountOptions {
  /** Bytes of the file checked so far, for the progress bar. */
  onProgress?: (bytesRead: number) => void;
  /** Only when the reader `typesFields`: fields to check against a plain shape (see csv/fieldShapes.ts). */
  shapes?: ReadonlyMap<number, 'integer' | 'decimal' | 'isoDate'>;
  /**
   * MUST be called once, before `countRecords` resolves (a count that fails first need not call it): the load
   * starts its 'load' read only then. CSV calls it after its first chunk with the fields already found unshaped; a
   * reader without typing calls it at once with an empty set.
   */
  onFirstChunk: (unshaped: ReadonlySet<number>) => void;
}

/** One record the reader itself refused (a CSV record with too many fields, say). */
export interface ReaderReject {
  /** Data record number, 1-based, the header excluded. */
  record: number;
  /** The header of the column at fault, or null when the record as a whole is wrong. */
  column: string | null;
  /** The record's text as the file has it, or null. */
  value: string | null;
  /** Why, short and lowercase, for the report: 'too many fields (5 instead of 4)'. */
  reason: string;
}

/**
 * A source opened for one load. Guarantees, for every pass:
 * - `read(pass)` is one SQL FROM item (a table function call, or a parenthesised SELECT) with exactly the columns
 *   `fieldName(0)` … `fieldName(fieldCount - 1)` from src/sql (`f0`, `f1`, …), in that order, and no others;
 * - every column is VARCHAR holding the value's text, except the fields given in `types` when `typesFields` is
 *   true, which are of that type; an empty value is NULL (never ''), so the conversions decide what is empty;
 *   readers that decode values (Parquet, Excel) write them as texts the format detection (formats.ts) knows:
 *   numbers as plain decimals with a '.' and no grouping ('1234.5', '-3'), dates 'YYYY-MM-DD', date-times
 *   'YYYY-MM-DD HH:MM:SS', booleans 'true' / 'false'; a nested, binary or other odd column is refused;
 * - its rows are the accepted records in file order (a row's position numbers it among the accepted records);
 * - rows of `read(pass)` + `readerRejectedRecords(pass)` = `countRecords().records`, exactly. Readers that decode
 *   into a table (Parquet, Excel) refuse nothing: they hold every record, and return no rejects;
 * - after `close()` every table, view and registered file the reader made is gone, whatever happened before.
 * A problem with the file as a whole (not a table, a nested column, NUL bytes) is an UploadError naming the file and,
 * where there is one, the column; it is thrown by `open` or `countRecords`.
 */
export interface OpenedSource {
  /** Fields per record: the columns of the read expression (the plan's file columns). */
  fieldCount: number;
  /** Whether `read` honours `types` (CSV: DuckDB's reader types plain fields itself); else all fields are text. */
  typesFields: boolean;
  /** Things done to the file before reading it ("Converted from UTF-16LE to UTF-8."), one sentence each (said when shown). */
  warnings: readonly LocalText[];
  read(pass: ReadPass, types?: ReadonlyMap<number, ReaderType>): string;
  /** Counts the records, independently of the engine's read; runs while the 'load' read runs. */
  countRecords(options: CountOptions): Promise<RecordCount>;
  /** Record numbers (1-based, ascending) the reader refused in `pass`, after `read(pass)` has run. */
  readerRejectedRecords(pass: ReadPass): Promise<number[]>;
  /** The first `limit` records refused in `pass`, in file order, with why. */
  readerRejects(pass: ReadPass, limit: number): Promise<ReaderReject[]>;
  /**
   * Where people find each record: for CSV the physical line where it starts (as an editor counts), for a sheet its
   * row number, for Parquet its row number counted from 1 plus 1 for the header (as a spreadsheet shows it).
   */
  locateRecords(records: readonly number[]): Promise<Map<number, number>>;
  /** Drops what `open` made. Never throws; called once, in a `finally`. */
  close(): Promise<void>;
}

/** The loaded half of a format. */
export interface SourceReader {
  format: SourceFormat;
  /** The preview: reads only the start of the file (or, for formats that must, parses it and keeps the first rows). */
  sniff(file: Blob, fileName: string, request: SniffRequest): Promise<SourceSample>;
  /** Makes the file readable by the engine for one load (registers it, or decodes it into a table). */
  open(request: OpenRequest): Promise<OpenedSource>;
}
