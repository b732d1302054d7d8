/**
 * Structural sniffing of a user-uploaded CSV from its first bytes: refuses what is not CSV text, detects encoding,
 * line endings, delimiter, quoting and header, and parses a preview. DuckDB's own sniffer is not trusted with messy
 * files; it later reads with the explicit options found here.
 *
 * Warning codes (SniffWarning.code):
 * - `converted-encoding`  not UTF-8: read as Windows-1252 and converted
 * - `invalid-utf8`        UTF-8 with some invalid bytes (the message names the first line)
 * - `nul-bytes`           NUL bytes in the text (the message names the first line)
 * - `line-endings`        CR-only or mixed line endings (they will be normalised)
 * - `one-column`          a single column whose header contains a likely delimiter
 * - `no-header`           the first row looks like data, so the columns are named column_1, column_2, …
 * - `header-only`         a header and no data rows
 * - `ragged`              rows with more or fewer fields than the header (the message names the first one); the
 *                         loader rejects them, the preview pads or cuts them
 * - `trailing-delimiter`  every line ends with the delimiter: the empty last column was dropped
 * - `renamed-columns`     header names made unique and non-empty
 * - `backslash-escape`    quotes inside values are escaped with a backslash
 * - `unterminated-quote`  a quoted value is never closed in the sample
 */
import Papa from 'papaparse';
import { UploadError, quoteFileName } from '../../UploadError';
import { utf8SequenceAt } from '../../utf8';
import { repairWindows1252 } from './transcode';
import type { Dialect, Encoding, LineEnding, SniffResult, SniffWarning } from '../../dialect';

// Callers that sniff also speak of the dialect: they may keep importing its types from here.
export type { Dialect, Encoding, LineEnding, SniffResult, SniffWarning } from '../../dialect';

export interface SniffOptions {
  overrides?: Partial<Dialect>;
  maxRows?: number;
  /** The sample is only the start of the file: its last record may be cut. */
  truncated?: boolean;
}

const DEFAULT_MAX_ROWS = 200;
/** Records parsed per delimiter candidate. */
const DETECTION_RECORDS = 50;
const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Long header names are cut: they are labels, not data. */
const MAX_NAME_LENGTH = 256;

/**
 * 'gzip' when the bytes start with gzip's magic number. The name is not trusted (a .gz may have been decompressed
 * by the browser already, a .csv may be gzip); other compressions are refused here, naming the file.
 */
export function detectCompression(firstBytes: Uint8Array, fileName: string): 'none' | 'gzip' {
  if (firstBytes[0] === 0x1f && firstBytes[1] === 0x8b) return 'gzip';
  const format = knownFormat(firstBytes);
  if (format?.compressed) throw notCsv(fileName, format);
  return 'none';
}

/** `sample` is the first bytes of the file (already gunzipped if the file is gzip; the caller passes compression). */
export function sniffSample(sample: Uint8Array, fileName: string, options: SniffOptions = {}): SniffResult {
  const overrides = options.overrides ?? {};
  const truncated = options.truncated ?? false;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const name = quoteFileName(fileName);
  if (sample.length === 0) {
    throw new UploadError(fileName, 'empty', `${name} is empty (0 bytes). Choose the CSV file that holds your data.`);
  }
  const format = knownFormat(sample);
  if (format) throw notCsv(fileName, format);

  const warnings: SniffWarning[] = [];
  const decoded = decodeSample(sample, fileName, truncated, overrides.encoding, warnings);
  if (decoded.text.trim() === '') {
    throw new UploadError(
      fileName,
      'empty',
      `${name} contains no data, only blank space. Choose the CSV file that holds your data.`,
    );
  }
  // A sample cut between CR and LF must not make a CRLF file look mixed.
  const lineEnding = detectLineEnding(truncated ? decoded.text.replace(/\r$/, '') : decoded.text);
  if (lineEnding === 'cr' || lineEnding === 'mixed') {
    warnings.push({
      code: 'line-endings',
      message:
        lineEnding === 'cr'
          ? `${name} ends its lines with a lone carriage return (old Mac style); they will be converted to line feeds.`
          : `${name} mixes line endings (LF, CRLF or CR); they will be normalised to line feeds.`,
    });
  }
  // One line break for papaparse (it guesses a single kind) and for the line numbers of the preview.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    warnings.push({
      code: 'nul-bytes',
      message:
        `${name} contains a NUL byte (an invisible zero character) on line ${lineAt(text, nul)}. ` +
        'The file may be damaged, and it cannot be loaded until the character is removed (in a text editor) or the ' +
        'file is exported again.',
    });
  }

  const quote = overrides.quote ?? '"';
  for (const [what, value] of [['delimiter', overrides.delimiter], ['quote', quote]] as const) {
    // The byte scanner (scanFile) reads one ASCII byte for each.
    if (value !== undefined && (value.length !== 1 || value > '\x7f' || value === '\n' || value === '\r')) {
      throw new RangeError(`The ${what} must be one ASCII character other than a line break, got ${JSON.stringify(value)}`);
    }
  }
  if (overrides.delimiter === quote) throw new RangeError('The delimiter and the quote must differ');
  const delimiter = overrides.delimiter ?? detectDelimiter(text, fileName, quote, truncated);
  const escape = overrides.escape ?? detectEscape(text, delimiter, quote);
  if (escape === '\\' && overrides.escape === undefined) {
    warnings.push({
      code: 'backslash-escape',
      message: `Quotes inside values of ${name} are escaped with a backslash (\\${quote}); the file will be read that way.`,
    });
  }

  const parsed = parseRecords(text, { delimiter, quote, escape }, maxRows + 2);
  const records = parsed.records;
  // The last record of a cut sample may be cut too — unless it is all there is.
  if (truncated && parsed.reachedEnd && records.length > 1) records.pop();
  if (parsed.unterminatedQuoteLine !== null && !truncated) {
    warnings.push({
      code: 'unterminated-quote',
      message:
        `A quoted value starting on line ${parsed.unterminatedQuoteLine} of ${name} is never closed, so the rest ` +
        `of the file reads as one value. Add the missing ${quote}, or remove the stray one.`,
    });
  }

  const header = overrides.header ?? looksLikeHeader(records.map((r) => r.fields));
  const first = records[0]?.fields ?? [];
  const dataRecords = header ? records.slice(1) : records;
  const width = header ? first.length : modeOf(dataRecords.map((r) => r.fields.length)) || 1;

  // Header `a,b,` over rows `1,2,`: a phantom empty column, dropped.
  const trailing =
    width >= 2 &&
    (header ? first[width - 1]!.trim() === '' : dataRecords.length >= 2) &&
    dataRecords.every((r) => r.fields.length === width && r.fields[width - 1] === '');
  const columnCount = trailing ? width - 1 : width;
  if (trailing) {
    warnings.push({
      code: 'trailing-delimiter',
      message: `Every line of ${name} ends with "${printable(delimiter)}", which adds an empty last column; it was dropped.`,
    });
  }

  const names = header ? first.slice(0, columnCount) : [];
  const columns = makeColumns(names, columnCount, name, warnings);
  if (columnCount === 1 && overrides.delimiter === undefined) {
    const firstLine = first.join('');
    const other = DELIMITERS.find((d) => d !== delimiter && firstLine.includes(d));
    if (other !== undefined) {
      warnings.push({
        code: 'one-column',
        message:
          `Only one column was found in ${name}, but its ${header ? 'header' : 'first row'} contains ` +
          `"${printable(other)}". Choose the delimiter.`,
      });
    }
  }
  if (!header && overrides.header === undefined) {
    warnings.push({
      code: 'no-header',
      message:
        `The first row of ${name} looks like data, not column names, so the columns are named column_1, ` +
        'column_2, … If the first row holds the names, say so.',
    });
  }

  const shown = dataRecords.slice(0, maxRows);
  const fieldCounts = shown.map((r) => r.fields.length - (trailing ? 1 : 0));
  const rows = shown.map((r) => {
    const row = r.fields.slice(0, columnCount);
    while (row.length < columnCount) row.push('');
    return row;
  });

  // A cut sample may simply end before the first data row.
  if (header && dataRecords.length === 0 && !truncated) {
    warnings.push({
      code: 'header-only',
      message: `${name} has a header row but no data rows.`,
    });
  }
  const raggedIndex = fieldCounts.findIndex((count) => count !== columnCount);
  if (raggedIndex >= 0) {
    const count = fieldCounts[raggedIndex]!;
    const others = fieldCounts.filter((c) => c !== columnCount).length - 1;
    warnings.push({
      code: 'ragged',
      message:
        `Line ${shown[raggedIndex]!.line} of ${name} has ${plural(count, 'field')}, but ` +
        `${header ? 'the header has' : 'most rows have'} ${columnCount}` +
        (others > 0 ? ` (${plural(others, 'other row')} in the preview ${others === 1 ? 'differs' : 'differ'} too)` : '') +
        '. Check the delimiter and quoting: rows with more or fewer fields than that are not loaded (the report ' +
        'lists them as rejected).',
    });
  }

  const compression = overrides.compression ?? 'none';
  return {
    dialect: { encoding: decoded.encoding, delimiter, quote, escape, header, compression },
    bom: decoded.bom,
    lineEnding,
    columns,
    rows,
    fieldCounts,
    warnings,
  };
}

/** Fields per raw record, for scanFile's `expectedFields`: one more than the columns if a trailing delimiter was dropped. */
export function expectedFieldCount(result: SniffResult): number {
  return result.columns.length + (result.warnings.some((w) => w.code === 'trailing-delimiter') ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Formats that are not CSV, by magic number

interface KnownFormat {
  what: string;
  advice: string;
  compressed?: boolean;
}

const SAVE_AS_CSV = 'save it as CSV (UTF-8) first';
const TABLE_ONLY = 'this app reads CSV files; export the table as CSV first';
const DECOMPRESS = 'only gzip (.gz) compression is read directly; decompress it and choose the CSV inside';

function knownFormat(bytes: Uint8Array): KnownFormat | null {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  const ascii = (prefix: string) => starts(...Array.from(prefix, (c) => c.charCodeAt(0)));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { what: 'a PNG image', advice: TABLE_ONLY };
  if (starts(0xff, 0xd8, 0xff)) return { what: 'a JPEG image', advice: TABLE_ONLY };
  if (ascii('GIF87a') || ascii('GIF89a')) return { what: 'a GIF image', advice: TABLE_ONLY };
  if (ascii('%PDF-')) return { what: 'a PDF document', advice: TABLE_ONLY };
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) {
    return {
      what: 'a ZIP archive (or an Excel .xlsx file)',
      advice: `${SAVE_AS_CSV} (in Excel: File › Save As › CSV UTF-8), or unzip it and choose the CSV inside`,
    };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return { what: 'an old Excel .xls workbook (or another old Office file)', advice: SAVE_AS_CSV };
  }
  // 'PAR1' followed by binary: a CSV may well start with a column named PAR1.
  if (ascii('PAR1') && bytes.length > 4 && bytes[4]! < 0x20) return { what: 'a Parquet file', advice: TABLE_ONLY };
  if (ascii('SQLite format 3\0')) return { what: 'an SQLite database', advice: TABLE_ONLY };
  if (starts(0x1f, 0x8b)) {
    return { what: 'still gzip-compressed (perhaps compressed twice)', advice: DECOMPRESS, compressed: true };
  }
  if (ascii('BZh') && bytes[3]! >= 0x31 && bytes[3]! <= 0x39) {
    return { what: 'compressed with bzip2', advice: DECOMPRESS, compressed: true };
  }
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return { what: 'compressed with xz', advice: DECOMPRESS, compressed: true };
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return { what: 'compressed with zstd', advice: DECOMPRESS, compressed: true };
  if (starts(0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return { what: 'a 7-Zip archive', advice: DECOMPRESS, compressed: true };
  if (ascii('Rar!\x1a\x07')) return { what: 'a RAR archive', advice: DECOMPRESS, compressed: true };
  return null;
}

function notCsv(fileName: string, format: KnownFormat): UploadError {
  const sentence = format.what.startsWith('a') ? `is ${format.what}, not a CSV file` : `is ${format.what}`;
  return new UploadError(fileName, 'not-csv', `${quoteFileName(fileName)} ${sentence}: ${format.advice}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding

interface Decoded {
  encoding: Encoding;
  bom: boolean;
  /** Without the BOM. */
  text: string;
}

function decodeSample(
  sample: Uint8Array,
  fileName: string,
  truncated: boolean,
  override: Encoding | undefined,
  warnings: SniffWarning[],
): Decoded {
  const name = quoteFileName(fileName);
  const starts = (...prefix: number[]) => prefix.every((b, i) => sample[i] === b);
  if (starts(0xff, 0xfe, 0x00, 0x00) || starts(0x00, 0x00, 0xfe, 0xff)) {
    throw new UploadError(
      fileName,
      'unsupported-encoding',
      `${name} is encoded as UTF-32, which cannot be read. Open it in a text editor and save it as UTF-8.`,
    );
  }
  let bom: Encoding | null = null;
  if (starts(0xef, 0xbb, 0xbf)) bom = 'utf-8';
  else if (starts(0xff, 0xfe)) bom = 'utf-16le';
  else if (starts(0xfe, 0xff)) bom = 'utf-16be';

  const encoding = override ?? bom ?? utf16ByNulPattern(sample);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    try {
      return { encoding, bom: bom === encoding, text: decode(sample, encoding, truncated, true) };
    } catch {
      throw new UploadError(
        fileName,
        'invalid-utf16',
        `${name} looks like UTF-16 text but contains invalid UTF-16 data. Open it in a text editor and save it as UTF-8.`,
      );
    }
  }
  if (looksBinary(sample)) {
    throw new UploadError(
      fileName,
      'binary',
      `${name} is not a text file (it is full of control characters and zero bytes). Choose a CSV file, or export ` +
        'your data as CSV from the program that made this file.',
    );
  }
  if (encoding === 'windows-1252') return { encoding, bom: false, text: decode(sample, encoding, truncated, false) };
  if (encoding === 'utf-8' && override) {
    warnInvalidUtf8(sample, name, warnings);
    return { encoding, bom: bom === 'utf-8', text: decode(sample, 'utf-8', truncated, false) };
  }

  try {
    return { encoding: 'utf-8', bom: bom === 'utf-8', text: decode(sample, 'utf-8', truncated, true) };
  } catch {
    // Not valid UTF-8: Shift-JIS (refused), damaged UTF-8, or a Western single-byte encoding.
  }
  if (looksLikeShiftJis(sample)) {
    throw new UploadError(
      fileName,
      'unsupported-encoding',
      `${name} looks like Shift-JIS (Japanese) text, which cannot be read here. Open it in a text editor and save ` +
        'it as UTF-8.',
    );
  }
  if (bom === 'utf-8' || countUtf8(sample).valid > 0) {
    // Real UTF-8 characters next to invalid bytes: a damaged UTF-8 file rather than another encoding.
    warnInvalidUtf8(sample, name, warnings);
    return { encoding: 'utf-8', bom: bom === 'utf-8', text: decode(sample, 'utf-8', truncated, false) };
  }
  warnings.push({
    code: 'converted-encoding',
    message:
      `${name} is not UTF-8; it was read as Windows-1252 (Western European, a superset of Latin-1) and converted. ` +
      'Check accented letters in the preview; if they look wrong, save the file as UTF-8 and upload it again.',
  });
  return { encoding: 'windows-1252', bom: false, text: decode(sample, 'windows-1252', truncated, false) };
}

/** Decodes without the BOM. `stream` keeps a character cut at the end of a truncated sample from counting as invalid. */
function decode(bytes: Uint8Array, encoding: Encoding, truncated: boolean, fatal: boolean): string {
  const text = new TextDecoder(encoding, { fatal }).decode(bytes, { stream: truncated });
  return encoding === 'windows-1252' ? repairWindows1252(text) : text;
}

/** UTF-16 without a BOM: ASCII characters then have a zero byte on one side, always the same side. */
function utf16ByNulPattern(sample: Uint8Array): Encoding {
  const n = Math.min(sample.length, 1024) & ~1;
  if (n < 4) return 'utf-8';
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return 'utf-8';
}

/** More than 10% control bytes in the first KB: not text. A single NUL in a value is a warning, not this. */
function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    // Tab, LF, FF, CR and ESC occur in text files.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  return control > n * 0.1;
}

function countUtf8(bytes: Uint8Array): { valid: number; firstInvalid: number } {
  let valid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      valid++;
      i += length - 1;
    } else if (length === 0 && firstInvalid < 0) firstInvalid = i;
  }
  return { valid, firstInvalid };
}

function warnInvalidUtf8(sample: Uint8Array, name: string, warnings: SniffWarning[]): void {
  const { firstInvalid } = countUtf8(sample);
  if (firstInvalid < 0) return;
  let line = 1;
  for (let i = 0; i < firstInvalid; i++) {
    if (sample[i] === 0x0a || (sample[i] === 0x0d && sample[i + 1] !== 0x0a)) line++;
  }
  warnings.push({
    code: 'invalid-utf8',
    message:
      `Line ${line} of ${name} contains bytes that are not valid UTF-8 (shown as �). Part of the file may have been ` +
      'saved in another encoding: fix that line in a text editor and save the file as UTF-8.',
  });
}

/**
 * Shift-JIS: two-byte characters whose lead byte is 0x81–0x9F or 0xE0–0xEF, mostly the former (kana, common kanji).
 * In Windows-1252 text those bytes are rare punctuation, so many such pairs explaining nearly every non-ASCII byte,
 * and a clean Shift-JIS decode, are a strong sign.
 */
function looksLikeShiftJis(bytes: Uint8Array): boolean {
  let pairs = 0;
  let lowLeads = 0;
  let high = 0;
  let unexplained = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    const next = bytes[i + 1];
    const lead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xef);
    if (lead && next !== undefined && next >= 0x40 && next <= 0xfc && next !== 0x7f) {
      pairs++;
      if (b <= 0x9f) lowLeads++;
      if (next >= 0x80) high++;
      i++;
    } else if (!(b >= 0xa1 && b <= 0xdf) && next !== undefined) unexplained++; // half-width katakana are single bytes
  }
  if (pairs < 2 || lowLeads * 2 < pairs || unexplained > high * 0.05) return false;
  try {
    const text = new TextDecoder('shift_jis').decode(bytes, { stream: true });
    const replaced = text.split('\uFFFD').length - 1;
    return replaced <= pairs * 0.02;
  } catch {
    return true; // no Shift-JIS decoder here (a JS engine without full ICU): trust the byte pattern
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Line endings, delimiter, escape, header

function detectLineEnding(text: string): LineEnding {
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 0x0a) crlf++;
    else cr++;
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
}

interface ParsedRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

interface Parsed {
  records: ParsedRecord[];
  /** The parse went through the whole text (rather than stopping after `limit` records). */
  reachedEnd: boolean;
  unterminatedQuoteLine: number | null;
}

/**
 * Parses up to `limit` records of text whose lines end with '\n'. Only empty lines are skipped — not papaparse's
 * 'greedy' rule — because DuckDB loads a line of spaces or of delimiters as a record, and the preview must show
 * what will be loaded.
 */
function parseRecords(text: string, dialect: { delimiter: string; quote: string; escape: string }, limit: number): Parsed {
  const records: ParsedRecord[] = [];
  let start = 0;
  let line = 1;
  let reachedEnd = true;
  let unterminatedQuoteLine: number | null = null;
  Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    quoteChar: dialect.quote,
    escapeChar: dialect.escape,
    newline: '\n',
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      // `cursor` is where the next record starts: just past this one's line break.
      const end = result.meta.cursor;
      const raw = text.slice(start, end);
      if (raw !== '' && raw !== '\n') {
        records.push({ fields: result.data, line });
        if (result.errors.some((e) => e.code === 'MissingQuotes')) unterminatedQuoteLine ??= line;
      }
      for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) line++;
      start = end;
      if (records.length >= limit && end < text.length) {
        reachedEnd = false;
        parser.abort();
      }
    },
  });
  return { records, reachedEnd, unterminatedQuoteLine };
}

/** The most frequent value (the larger one on ties); 0 for none. */
function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const v of values) {
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount || (c === bestCount && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * The candidate giving the most consistent field count above one across the first records (quote-aware); ties go
 * to more fields, then to the usual order (tab first for .tsv files).
 */
function detectDelimiter(text: string, fileName: string, quote: string, truncated: boolean): string {
  const tsv = /\.(tsv|tab)(\.gz)?$/i.test(fileName);
  const order: readonly string[] = tsv ? ['\t', ',', ';', '|'] : DELIMITERS;
  let best: { delimiter: string; consistency: number; fields: number } | null = null;
  for (const delimiter of order) {
    if (!text.includes(delimiter)) continue;
    const parsed = parseRecords(text, { delimiter, quote, escape: quote }, DETECTION_RECORDS);
    const records = parsed.records;
    if (truncated && parsed.reachedEnd && records.length > 1) records.pop();
    const counts = records.map((r) => r.fields.length);
    const fields = modeOf(counts);
    if (fields <= 1) continue;
    const consistency = counts.filter((c) => c === fields).length / counts.length;
    if (!best || consistency > best.consistency || (consistency === best.consistency && fields > best.fields)) {
      best = { delimiter, consistency, fields };
    }
  }
  return best?.delimiter ?? order[0]!;
}

/**
 * Backslash escaping only when clearly present: `\"` inside values (not just before a delimiter or line end,
 * where it may be a value ending in a backslash) and no doubled quotes inside values.
 */
function detectEscape(text: string, delimiter: string, quote: string): string {
  const ends = (c: string | undefined) => c === undefined || c === delimiter || c === '\n';
  let backslashed = 0;
  let doubled = 0;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    const before = text[i - 1];
    if (before === '\\' && !ends(text[i + 1])) backslashed++;
    else if (text[i + 1] === quote && !ends(before) && !ends(text[i + 2])) {
      doubled++;
      i++;
    }
  }
  return backslashed >= 2 && doubled === 0 ? '\\' : quote;
}

type ValueKind = 'empty' | 'number' | 'date' | 'text';

const NUMBER = /^[-+]?[$€£¥]?\s?(?:\d+|\d{1,3}(?:[,. '\u00a0]\d{3})+)(?:[.,]\d+)?(?:[eE][-+]?\d+)?\s?(?:%|[$€£¥])?$/;
const DECIMAL_ONLY = /^[-+]?[.,]\d+$/;
const DATE = [
  /^\d{4}-\d{1,2}(?:-\d{1,2})?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
];

function kindOf(value: string): ValueKind {
  const v = value.trim();
  if (v === '') return 'empty';
  if (NUMBER.test(v) || DECIMAL_ONLY.test(v)) return 'number';
  if (DATE.some((re) => re.test(v))) return 'date';
  return 'text';
}

/** A year-like name ('1960', '2021-03') heads a column in wide tables: never evidence of a data row. */
const YEAR_NAME = /^(?:1[89]|20)\d{2}(?:-\d{2})?$/;

/**
 * Header unless the first row looks like data:
 * - a text name above a column of (mostly) numbers or dates → header;
 * - otherwise a number or date above a column of them (`1` over `4`, `6`), or a text repeated in its column below
 *   (`TEST9` over `TEST9`) → data;
 * - otherwise → header (names are made unique and non-empty anyway).
 */
function looksLikeHeader(rows: string[][]): boolean {
  const first = rows[0];
  if (!first) return true;
  const below = rows.slice(1);
  const kinds = first.map(kindOf);
  const mostlyTyped = (column: number) => {
    const values = below.map((r) => kindOf(r[column] ?? '')).filter((k) => k !== 'empty');
    return values.length > 0 && values.filter((k) => k !== 'text').length >= values.length * 0.8;
  };
  if (kinds.some((kind, column) => kind === 'text' && mostlyTyped(column))) return true;
  if (below.length === 0) return kinds.some((kind) => kind === 'text');
  const dataLike = kinds.some((kind, column) => {
    if (kind === 'number' || kind === 'date') return !YEAR_NAME.test(first[column]!.trim()) && mostlyTyped(column);
    return kind === 'text' && below.some((r) => r[column] === first[column]);
  });
  return !dataLike;
}

/** Column names made unique, non-empty and tidy (see SniffResult.columns), with a warning listing what was renamed. */
export function makeColumns(
  rawNames: string[],
  count: number,
  name: string,
  warnings: SniffWarning[],
): SniffResult['columns'] {
  // Control characters (line breaks in a quoted header) become spaces; the rest is kept verbatim.
  const bases = Array.from({ length: count }, (_, i) => {
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces
    const cleaned = (rawNames[i] ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
    return cleaned === '' ? `column_${i + 1}` : cleaned;
  });
  // SQL identifiers are case-insensitive: 'Price' and 'price' collide.
  const key = (s: string) => s.toLowerCase();
  const taken = new Set(bases.map(key));
  const used = new Set<string>();
  const renamed: string[] = [];
  const columns = bases.map((base, index) => {
    let final = base;
    if (used.has(key(base))) {
      let k = 2;
      while (taken.has(key(`${base}_${k}`)) || used.has(key(`${base}_${k}`))) k++;
      final = `${base}_${k}`;
    }
    used.add(key(final));
    const originalName = rawNames[index] ?? '';
    if (rawNames.length > 0 && final !== originalName) {
      const was = originalName.trim() === '' ? '(no name)' : JSON.stringify(originalName);
      renamed.push(`column ${index + 1} ${was} → ${final}`);
    }
    return { index, name: final, originalName };
  });
  if (renamed.length > 0) {
    const shown = renamed.slice(0, 5).join('; ') + (renamed.length > 5 ? `; and ${renamed.length - 5} more` : '');
    warnings.push({
      code: 'renamed-columns',
      message: `Some column names in ${name} were empty, repeated or untidy, so they were renamed: ${shown}.`,
    });
  }
  return columns;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
