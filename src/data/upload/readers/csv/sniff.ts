/**
 * Structural sniffing of a user-uploaded CSV from its first bytes: refuses what is not CSV text, detects encoding,
 * line endings, delimiter, quoting and header, and parses a preview. DuckDB's own sniffer is not trusted with messy
 * files; it later reads with the explicit options found here.
 *
 * The steps are in their own modules: knownFormats.ts (what is not CSV), sampleEncoding.ts, sampleLines.ts,
 * delimiterDetection.ts, sampleRecords.ts (parsing), headerDetection.ts and ../columnNames.ts; the warnings it gives,
 * with their codes, are in sniffWarnings.ts.
 */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
import { UploadError, quoteFileName } from '../../UploadError';
import type { Dialect, LineEnding, SniffResult, SniffWarning } from '../../dialect';
import { makeColumns } from '../columnNames';
import { DELIMITERS, detectDelimiter, detectEscape } from './delimiterDetection';
import { looksLikeHeader } from './headerDetection';
import { refuseKnownFormat } from './knownFormats';
import { decodeSample, type Decoded } from './sampleEncoding';
import { detectLineEnding, lineAt, withLineFeeds } from './sampleLines';
import { commonFieldCount, completeRecords, parseRecords, type ParsedRecord } from './sampleRecords';
import {
  backslashEscapeWarning,
  headerOnlyWarning,
  lineEndingsWarning,
  noHeaderWarning,
  nulBytesWarning,
  oneColumnWarning,
  raggedWarning,
  trailingDelimiterWarning,
  unterminatedQuoteWarning,
} from './sniffWarnings';

// Callers that sniff also speak of the dialect: they may keep importing its types from here.
export type { Dialect, Encoding, LineEnding, SniffResult, SniffWarning } from '../../dialect';

export interface SniffOptions {
  overrides?: Partial<Dialect>;
  maxRows?: number;
  /** The sample is only the start of the file: its last record may be cut. */
  truncated?: boolean;
}

const DEFAULT_MAX_ROWS = 200;

type Quoting = Pick<Dialect, 'delimiter' | 'quote' | 'escape'>;

/** What a sniff step needs to know of the sniff, and where it adds its warnings. */
interface SniffContext {
  fileName: string;
  /** The file name as messages quote it. */
  name: string;
  overrides: Partial<Dialect>;
  truncated: boolean;
  warnings: SniffWarning[];
}

/** `sample` is the first bytes of the file (already gunzipped if the file is gzip; the caller passes compression). */
export function sniffSample(sample: Uint8Array, fileName: string, options: SniffOptions = {}): SniffResult {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const context: SniffContext = {
    fileName,
    name: quoteFileName(fileName),
    overrides: options.overrides ?? {},
    truncated: options.truncated ?? false,
    warnings: [],
  };
  refuseNonCsv(sample, context);
  const { decoded, lineEnding, text } = readText(sample, context);
  const quoting = chooseQuoting(text, context);
  const records = readRecords(text, quoting, maxRows + 2, context);
  const header = context.overrides.header ?? looksLikeHeader(records.map((r) => r.fields));
  const table = layOutColumns(records, header, quoting.delimiter, context);
  const preview = previewRows(table, maxRows, context);
  return {
    dialect: { encoding: decoded.encoding, ...quoting, header, compression: context.overrides.compression ?? 'none' },
    bom: decoded.bom,
    lineEnding,
    columns: table.columns,
    rows: preview.rows,
    fieldCounts: preview.fieldCounts,
    warnings: context.warnings,
  };
}

/** Fields per raw record, for scanFile's `expectedFields`: one more than the columns if a trailing delimiter was dropped. */
export function expectedFieldCount(result: SniffResult): number {
  return result.columns.length + (result.warnings.some((w) => w.code === 'trailing-delimiter') ? 1 : 0);
}

/** An empty sample, or one of a known format that is not CSV, is refused. */
function refuseNonCsv(sample: Uint8Array, { fileName, name }: SniffContext): void {
  if (sample.length === 0) {
    throw new UploadError(fileName, 'empty', t(messages.emptyFile, { file: name }));
  }
  refuseKnownFormat(sample, fileName);
}

/** The sample decoded, its line endings, and its text with every line ending a line feed. */
function readText(sample: Uint8Array, context: SniffContext): { decoded: Decoded; lineEnding: LineEnding; text: string } {
  const { fileName, name, truncated, warnings } = context;
  const decoded = decodeSample(sample, fileName, truncated, context.overrides.encoding, warnings);
  if (decoded.text.trim() === '') {
    throw new UploadError(
      fileName,
      'empty',
      t(messages.blankFile, { file: name }),
    );
  }
  // A sample cut between CR and LF must not make a CRLF file look mixed.
  const lineEnding = detectLineEnding(truncated ? decoded.text.replace(/\r$/, '') : decoded.text);
  if (lineEnding === 'cr' || lineEnding === 'mixed') warnings.push(lineEndingsWarning(name, lineEnding));
  // One line break for papaparse (it guesses a single kind) and for the line numbers of the preview.
  const text = withLineFeeds(decoded.text);
  const nul = text.indexOf('\0');
  if (nul >= 0) warnings.push(nulBytesWarning(name, lineAt(text, nul)));
  return { decoded, lineEnding, text };
}

/** The delimiter, quote and escape: those the person chose (checked), the others detected. */
function chooseQuoting(text: string, context: SniffContext): Quoting {
  const { overrides } = context;
  const quote = overrides.quote ?? '"';
  for (const [what, value] of [['delimiter', overrides.delimiter], ['quote', quote]] as const) {
    // The byte scanner (scanFile) reads one ASCII byte for each.
    if (value !== undefined && (value.length !== 1 || value > '\x7f' || value === '\n' || value === '\r')) {
      throw new RangeError(`The ${what} must be one ASCII character other than a line break, got ${JSON.stringify(value)}`);
    }
  }
  if (overrides.delimiter === quote) throw new RangeError('The delimiter and the quote must differ');
  const delimiter = overrides.delimiter ?? detectDelimiter(text, context.fileName, quote, context.truncated);
  const escape = overrides.escape ?? detectEscape(text, delimiter, quote);
  if (escape === '\\' && overrides.escape === undefined) context.warnings.push(backslashEscapeWarning(context.name, quote));
  return { delimiter, quote, escape };
}

/** Up to `limit` whole records of the sample. */
function readRecords(text: string, quoting: Quoting, limit: number, context: SniffContext): ParsedRecord[] {
  const parsed = parseRecords(text, quoting, limit);
  const records = completeRecords(parsed, context.truncated);
  if (parsed.unterminatedQuoteLine !== null && !context.truncated) {
    context.warnings.push(unterminatedQuoteWarning(context.name, parsed.unterminatedQuoteLine, quoting.quote));
  }
  return records;
}

interface ColumnLayout {
  header: boolean;
  dataRecords: ParsedRecord[];
  columns: SniffResult['columns'];
  /** Every record ends with an empty field past the last column, left out. */
  trailing: boolean;
}

/** The columns: as many as the header names (or most rows have), less a phantom one after a trailing delimiter. */
function layOutColumns(records: ParsedRecord[], header: boolean, delimiter: string, context: SniffContext): ColumnLayout {
  const { name, overrides, warnings } = context;
  const first = records[0]?.fields ?? [];
  const dataRecords = header ? records.slice(1) : records;
  const width = header ? first.length : commonFieldCount(dataRecords) || 1;

  // Header `a,b,` over rows `1,2,`: a phantom empty column, dropped.
  const trailing =
    width >= 2 &&
    (header ? first[width - 1]!.trim() === '' : dataRecords.length >= 2) &&
    dataRecords.every((r) => r.fields.length === width && r.fields[width - 1] === '');
  const columnCount = trailing ? width - 1 : width;
  if (trailing) warnings.push(trailingDelimiterWarning(name, delimiter));

  const columns = makeColumns(header ? first.slice(0, columnCount) : [], columnCount, name, warnings);
  if (columnCount === 1 && overrides.delimiter === undefined) {
    const firstLine = first.join('');
    const other = DELIMITERS.find((d) => d !== delimiter && firstLine.includes(d));
    if (other !== undefined) warnings.push(oneColumnWarning(name, header, other));
  }
  if (!header && overrides.header === undefined) warnings.push(noHeaderWarning(name));
  return { header, dataRecords, columns, trailing };
}

/** The first `maxRows` data records, each cut or padded to the columns, with the fields each really has. */
function previewRows(table: ColumnLayout, maxRows: number, context: SniffContext): { rows: string[][]; fieldCounts: number[] } {
  const { header, dataRecords, trailing } = table;
  const columnCount = table.columns.length;
  const shown = dataRecords.slice(0, maxRows);
  const fieldCounts = shown.map((r) => r.fields.length - (trailing ? 1 : 0));
  const rows = shown.map((r) => {
    const row = r.fields.slice(0, columnCount);
    while (row.length < columnCount) row.push('');
    return row;
  });

  // A cut sample may simply end before the first data row.
  if (header && dataRecords.length === 0 && !context.truncated) context.warnings.push(headerOnlyWarning(context.name));
  const raggedIndex = fieldCounts.findIndex((count) => count !== columnCount);
  if (raggedIndex >= 0) {
    const ragged = {
      line: shown[raggedIndex]!.line,
      count: fieldCounts[raggedIndex]!,
      others: fieldCounts.filter((c) => c !== columnCount).length - 1,
    };
    context.warnings.push(raggedWarning(context.name, ragged, columnCount, header));
  }
  return { rows, fieldCounts };
}
