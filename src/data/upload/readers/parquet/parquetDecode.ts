/**
 * Decodes a Parquet file in JavaScript (hyparquet; hyparquet-compressors for the codecs it lacks) into a text table:
 * DuckDB-wasm's own Parquet reader is an extension fetched from the internet, which the engine never loads.
 */
import { t } from '../../../../i18n';
import { formatWhole } from '../../../../lib/format';
import { messages } from '../../messages';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type Compressors, type FileMetaData, type ParquetParsers } from 'hyparquet';
import { UploadError, quoteFileName } from '../../UploadError';
import { dateTimeFromMilliseconds, isoDateFromDays, plainNumberText } from '../decoded/canonicalText';
import { namedColumns, type TextTable } from '../decoded/textTable';
import { parquetColumns, type ParquetColumn } from './parquetColumns';

/** Rows decoded per step: bounds the memory of the row arrays hyparquet builds before they become texts. */
const ROWS_PER_STEP = 50_000;

/**
 * Values decoded at most (rows × columns): every value becomes a JS string, then Arrow, then a DuckDB table, all in
 * the page's memory at once. Beyond this a tab risks running out of memory, so the file is refused before decoding.
 */
export const MAX_DECODED_VALUES = 20_000_000;

/** A value the parsers could not turn into text; the decoder refuses it with its row and column. */
class OddValue {
  constructor(readonly description: string) {}
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function textOrOdd(bytes: Uint8Array | undefined): string | OddValue | undefined {
  if (!bytes) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return new OddValue(t(messages.oddBinary, { count: String(bytes.length) }));
  }
}

function momentOrOdd(milliseconds: number, raw: bigint, unit: string): string | OddValue {
  return dateTimeFromMilliseconds(milliseconds) ?? new OddValue(t(messages.oddTimestamp, { raw: String(raw), unit }));
}

/** Dates, timestamps and texts come out of hyparquet already in their canonical text. */
const PARSERS: Partial<ParquetParsers> = {
  dateFromDays: (days) => isoDateFromDays(days) ?? new OddValue(t(messages.oddDate, { days: String(days) })),
  timestampFromMilliseconds: (millis) => momentOrOdd(Number(millis), millis, 'ms'),
  timestampFromMicroseconds: (micros) => momentOrOdd(Number(BigInt(micros) / 1000n), micros, 'µs'),
  timestampFromNanoseconds: (nanos) => momentOrOdd(Number(BigInt(nanos) / 1_000_000n), nanos, 'ns'),
  stringFromBytes: textOrOdd,
  // JSON is kept as its text: the upload reads it as a string like any other.
  jsonFromBytes: textOrOdd,
};

/** A Blob read by hyparquet slice by slice: only the footer and the column chunks it needs are read. */
function blobBuffer(file: Blob): AsyncBuffer {
  return { byteLength: file.size, slice: (start, end) => file.slice(start, end).arrayBuffer() };
}

export interface ParquetDecodeOptions {
  /** Decode only the first records (for the preview). */
  maxRecords?: number;
}

/** The file's columns and records, every value as text; throws an UploadError naming what it cannot load. */
export async function decodeParquet(file: Blob, fileName: string, options: ParquetDecodeOptions = {}): Promise<TextTable & { totalRecords: number }> {
  const buffer = blobBuffer(file);
  const metadata = await readMetadata(buffer, fileName);
  const columns = parquetColumns(parquetSchema(metadata), fileName);
  const totalRecords = Number(metadata.num_rows);
  const recordCount = Math.min(totalRecords, options.maxRecords ?? totalRecords);
  if (recordCount * columns.length > MAX_DECODED_VALUES) throw tooLarge(fileName, recordCount, columns.length);
  const values = columns.map(() => new Array<string | null>(recordCount));
  const compressors = await compressorsFor(metadata);
  for (let start = 0; start < recordCount; start += ROWS_PER_STEP) {
    const end = Math.min(recordCount, start + ROWS_PER_STEP);
    const rows = await readRows({ buffer, metadata, columns, compressors }, start, end, fileName);
    rows.forEach((row, offset) => {
      columns.forEach((column, index) => {
        values[index]![start + offset] = cellText(row[index], column, start + offset + 1, fileName);
      });
    });
  }
  return {
    ...namedColumns(columns.map((column) => column.name), fileName),
    values,
    recordCount,
    totalRecords,
    // Row 1 is the header, as a spreadsheet opening the same data shows it.
    locate: (record) => record + 1,
  };
}

async function readMetadata(buffer: AsyncBuffer, fileName: string): Promise<FileMetaData> {
  try {
    return await parquetMetadataAsync(buffer, { parsers: PARSERS });
  } catch (cause) {
    throw notReadable(fileName, cause);
  }
}

/** Codecs hyparquet decodes itself; the others (gzip, zstd, brotli, lz4) come from hyparquet-compressors. */
const BUILT_IN_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);

/**
 * The decompressors the file needs: hyparquet-compressors (most of the reader's size, for brotli's dictionary) is
 * loaded only for a file compressed with a codec hyparquet lacks.
 */
async function compressorsFor(metadata: FileMetaData): Promise<Compressors | undefined> {
  const codecs = metadata.row_groups.flatMap((group) => group.columns.map((column) => column.meta_data?.codec ?? 'UNCOMPRESSED'));
  if (codecs.every((codec) => BUILT_IN_CODECS.has(codec))) return undefined;
  return (await import('hyparquet-compressors')).compressors;
}

interface OpenParquet {
  buffer: AsyncBuffer;
  metadata: FileMetaData;
  columns: ParquetColumn[];
  compressors: Compressors | undefined;
}

async function readRows({ buffer, metadata, columns, compressors }: OpenParquet, rowStart: number, rowEnd: number, fileName: string): Promise<unknown[][]> {
  let rows: unknown[][] = [];
  try {
    await parquetRead({
      file: buffer,
      metadata,
      columns: columns.map((column) => column.name),
      rowStart,
      rowEnd,
      ...(compressors ? { compressors } : {}),
      parsers: PARSERS,
      rowFormat: 'array',
      onComplete: (decoded: unknown[][]) => {
        rows = decoded;
      },
    });
  } catch (cause) {
    throw notReadable(fileName, cause);
  }
  return rows;
}

function tooLarge(fileName: string, records: number, columns: number): UploadError {
  return new UploadError(
    fileName,
    'too-large',
    t(messages.parquetTooLarge, {
      file: quoteFileName(fileName),
      records: formatWhole(records),
      columns: formatWhole(columns),
      values: formatWhole(records * columns),
      limit: formatWhole(MAX_DECODED_VALUES),
    }),
  );
}

function notReadable(fileName: string, cause: unknown): UploadError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new UploadError(
    fileName,
    'read-failed',
    t(messages.parquetUnreadable, { file: quoteFileName(fileName), reason }),
    undefined,
    { cause },
  );
}

/** One value as its canonical text (null when empty); refuses a value that cannot be text, naming where it is. */
function cellText(value: unknown, column: ParquetColumn, record: number, fileName: string): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof OddValue) throw oddValue(fileName, column, record, value.description);
  switch (column.kind) {
    case 'number':
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'number') return plainNumberText(value);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 'true' : 'false';
      break;
    case 'text':
    case 'date':
    case 'timestamp':
      if (typeof value === 'string') return value === '' ? null : value;
      break;
    case 'null':
      return null;
  }
  throw oddValue(fileName, column, record, t(messages.oddType, { type: typeof value }));
}

function oddValue(fileName: string, column: ParquetColumn, record: number, description: string): UploadError {
  return new UploadError(
    fileName,
    'read-failed',
    t(messages.parquetOddValue, { row: String(record), file: quoteFileName(fileName), column: column.name, value: description }),
    { line: record + 1, column: column.name, value: description },
  );
}
