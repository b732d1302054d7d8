/**
 * Whole-file scan of an uploaded CSV, streamed in chunks and independent of DuckDB: counts records (quote-aware,
 * RFC 4180), finds the first NUL byte, invalid UTF-8 and unterminated quote with their lines, lists ragged records,
 * and maps record numbers to lines for error messages.
 *
 * The input must be in an ASCII-compatible encoding (UTF-8 or Windows-1252) with a single-byte delimiter, quote and
 * escape, so that every structural byte is one ASCII byte: UTF-16 files are transcoded to UTF-8 first (see
 * transcode.ts), and are then validated as UTF-8 like UTF-8 files; only 'windows-1252' skips the validation.
 *
 * Semantics match DuckDB's reader: a record ends at LF, CRLF or CR outside quotes; an empty line is not a record
 * (a line of spaces, or of delimiters only, is one); a quote opens a quoted field only at the start of a field and
 * is literal elsewhere; inside a quoted field a doubled quote (or the escape character) escapes a quote.
 */
import type { PlainShape } from '../../../../sql';
import type { Dialect } from '../../dialect';
import { UploadError, quoteFileName } from '../../UploadError';
import { utf8SequenceAt } from '../../utf8';

export interface FileScan {
  /** Data records (excluding the header if dialect.header), not counting blank lines. */
  records: number;
  /** Bytes scanned (after decompression). */
  bytes: number;
  /** Lines as an editor counts them: LF, CRLF and CR each end one; a last line without a terminator counts. */
  lines: number;
  lineEndings: { lf: number; crlf: number; cr: number };
  /** First problems, with 1-based line numbers. */
  nulByte: { line: number } | null;
  /** Not checked when dialect.encoding === 'windows-1252' (every byte is valid there). */
  invalidUtf8: { line: number } | null;
  /** Records with a field count different from the header's, up to 100 of them: record number (1-based), line, count. */
  ragged: { record: number; line: number; fields: number }[];
  raggedCount: number;
  /** The longest line in bytes, without its terminator. */
  maxLineBytes: number;
  /** A quote opened (on this line) and never closed before the end of the file. */
  unterminatedQuote: { line: number } | null;
  /** Lines (1-based) where the data records asked for in `options.recordLines` start; only when asked for. */
  recordLines?: Map<number, number>;
  /** Of the fields given in `options.shapes`, those with a value not of their shape (sorted); only when asked for. */
  unshaped?: number[];
}

/**
 * Plain value shapes the scan can check for chosen fields, byte by byte, while it counts records: a field is of its
 * shape when every data record holds, unquoted, either nothing or exactly
 * - 'integer': `-?[0-9]{1,18}` (fits a BIGINT),
 * - 'decimal': `-?[0-9]{1,15}(\.[0-9]{1,15})?`,
 * - 'isoDate': `[0-9]{4}-[0-9]{2}-[0-9]{2}`.
 * The loader lets DuckDB's reader type such fields itself (see ingest.ts): for these shapes its reading is exactly
 * the app's own conversion.
 */
export type FieldShape = PlainShape;

export interface ScanOptions {
  onProgress?: (bytes: number) => void;
  /** Fields per record; defaults to the header's count (or the first record's, without a header). */
  expectedFields?: number;
  /** Data record numbers (1-based) whose start lines should be collected in the same pass. */
  recordLines?: readonly number[];
  /** Fields (0-based) whose values should be checked against a shape; the result lists those that failed. */
  shapes?: ReadonlyMap<number, FieldShape>;
  /**
   * Called once, after the first chunk (or at the end of an empty file), with the fields of `shapes` that already
   * failed: the loader decides what DuckDB may type from the start of the file, and the scan checks the rest.
   */
  onFirstChunk?: (unshaped: ReadonlySet<number>) => void;
}

const MAX_RAGGED = 100;

export async function scanFile(
  chunks: AsyncIterable<Uint8Array>,
  dialect: Dialect,
  options: ScanOptions = {},
): Promise<FileScan> {
  const scanner = new CsvByteScanner(dialect, options.expectedFields, options.recordLines, options.shapes);
  let first = true;
  for await (const chunk of chunks) {
    scanner.push(chunk);
    if (first) {
      first = false;
      options.onFirstChunk?.(scanner.unshaped);
    }
    options.onProgress?.(scanner.bytes);
  }
  if (first) options.onFirstChunk?.(scanner.unshaped);
  return scanner.finish();
}

/** Second pass, only when needed: line numbers (1-based) where the given data records start. */
export async function linesOfRecords(
  chunks: AsyncIterable<Uint8Array>,
  dialect: Dialect,
  records: readonly number[],
): Promise<Map<number, number>> {
  const scanner = new CsvByteScanner(dialect, undefined, records);
  const wanted = new Set(records).size;
  if (wanted === 0) return new Map();
  for await (const chunk of chunks) {
    scanner.push(chunk);
    // Leaving the loop cancels the rest of the stream: no need to read a 1 GB file for a record near its start.
    if (scanner.recordLines!.size === wanted) break;
  }
  return scanner.finish().recordLines!;
}

/**
 * Chunks of a Blob/File, optionally gunzipped. `chunkSize` (default 1 MiB) caps the size of each chunk, by views
 * without copying: Node hands out a small Blob as one huge chunk, and the scanner's loop runs faster (and reports
 * progress) on many medium ones.
 */
export async function* blobChunks(
  blob: Blob,
  compression: 'none' | 'gzip',
  chunkSize = 1 << 20,
): AsyncIterable<Uint8Array> {
  if (!(chunkSize >= 1)) throw new RangeError(`chunkSize must be at least 1, got ${chunkSize}`);
  const source =
    compression === 'gzip'
      ? blob.stream().pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
      : blob.stream();
  // A reader rather than `for await` over the stream: Safari's ReadableStream is not async-iterable.
  const reader = source.getReader();
  let done = false;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (compression !== 'gzip') throw cause;
        const name = 'name' in blob && typeof blob.name === 'string' ? blob.name : '';
        throw new UploadError(
          name,
          'decompression-failed',
          `${name ? quoteFileName(name) : 'The file'} could not be decompressed: its gzip data is damaged or incomplete. ` +
            'Download or export it again, or decompress it yourself and choose the CSV inside.',
        );
      }
      if (result.done) {
        done = true;
        return;
      }
      const bytes = result.value;
      if (bytes.length <= chunkSize) {
        if (bytes.length > 0) yield bytes;
        continue;
      }
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    }
  } finally {
    // The consumer stopped early (or failed): stop reading and decompressing the rest.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

// Byte classes of the scanner's loop. ORDINARY must stay 0: most bytes are.
const ORDINARY = 0;
const DELIMITER = 1;
const QUOTE = 2;
const ESCAPE = 3;
const LF = 4;
const CR = 5;
const NUL = 6;
const HIGH = 7; // a non-ASCII byte of a UTF-8 file: validated

// Parser states. UNQUOTED and QUOTED come first: `state > QUOTED` is the one test most bytes need.
const UNQUOTED = 0;
const QUOTED = 1;
const FIELD_START = 2;
/** Just after a quote inside a quoted field: closed, unless another quote follows (a doubled quote). */
const AFTER_QUOTE = 3;
/** Just after the escape character inside a quoted field (when the escape is not the quote). */
const ESCAPED = 4;

const SHAPE_CODES: Record<FieldShape, number> = { integer: 1, decimal: 2, isoDate: 3 };
/** Longer than any value of a shape: a field this long is not one. */
const MAX_SHAPED_BYTES = 40;

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

/** Whether `bytes[from, to)` is empty or one value of the shape coded `shape` (see {@link FieldShape}). */
export function hasShape(bytes: Uint8Array, shape: number, from = 0, to = bytes.length): boolean {
  const n = to - from;
  if (n === 0) return true;
  if (shape === 3) {
    if (n !== 10 || bytes[from + 4] !== 0x2d || bytes[from + 7] !== 0x2d) return false;
    for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7 && !isDigit(bytes[from + i]!)) return false;
    return true;
  }
  let i = bytes[from] === 0x2d ? from + 1 : from;
  const wholeStart = i;
  while (i < to && isDigit(bytes[i]!)) i++;
  const whole = i - wholeStart;
  if (shape === 1) return i === to && whole >= 1 && whole <= 18;
  if (whole < 1 || whole > 15) return false;
  if (i === to) return true;
  if (bytes[i] !== 0x2e) return false;
  const fractionStart = ++i;
  while (i < to && isDigit(bytes[i]!)) i++;
  return i === to && i - fractionStart >= 1 && i - fractionStart <= 15;
}

function singleByte(value: string, what: string): number {
  const code = value.charCodeAt(0);
  if (value.length !== 1 || code > 0x7f || code === 0x0a || code === 0x0d) {
    throw new RangeError(`The ${what} must be one ASCII character other than a line break, got ${JSON.stringify(value)}`);
  }
  return code;
}

/**
 * The scanner's state survives between chunks, so a chunk may end anywhere: inside a quoted field, between CR and LF,
 * or inside a UTF-8 sequence. The hot loop works on local copies of the state and writes them back at the end; a
 * record only leaves the loop (`onRecord`) when it is the header, ragged, or asked for.
 */
class CsvByteScanner {
  bytes = 0;
  readonly recordLines: Map<number, number> | null;
  private readonly classes = new Uint8Array(256);
  private readonly hasHeader: boolean;
  private readonly wanted: Set<number> | null;
  /** Fields per record; -1 until known (from the header or the first record). */
  private expected: number;

  private state = FIELD_START;
  private fields = 1;
  private line = 1;
  /** Offsets (in the whole file) of the current line's and record's first byte. */
  private lineStart = 0;
  private recordStart = 0;
  private recordLine = 1;
  /** Offset of the last CR, to tell CRLF from CR-then-LF across chunks. */
  private lastCr = -2;
  private quoteLine = 0;
  private lf = 0;
  private crlf = 0;
  private cr = 0;
  /** Records seen, the header included. */
  private records = 0;
  private maxLineBytes = 0;
  private nulLine = 0;
  private invalidLine = 0;
  private ragged: FileScan['ragged'] = [];
  private raggedCount = 0;
  /** The start of a UTF-8 sequence cut by the end of the previous chunk. */
  private readonly carry = new Uint8Array(4);
  private carryLength = 0;

  /** Per field index: 0, or the shape its values must have (SHAPE_*). */
  private readonly shapeOf: Uint8Array;
  private readonly checking: boolean;
  readonly unshaped = new Set<number>();
  /** 1 for the fields in `unshaped` (a typed array: the check runs for millions of fields). */
  private readonly failed: Uint8Array;
  /** Start (offset in the whole file) of the current field, for the shape check. */
  private fieldStart = 0;
  /** The start of a checked field cut by the end of the previous chunk. */
  private fieldCarry = new Uint8Array(0);

  constructor(
    dialect: Dialect,
    expectedFields: number | undefined,
    recordLines: readonly number[] | undefined,
    shapes?: ReadonlyMap<number, FieldShape>,
  ) {
    const widest = shapes && shapes.size > 0 ? Math.max(...shapes.keys()) + 1 : 0;
    this.shapeOf = new Uint8Array(widest);
    this.failed = new Uint8Array(widest);
    for (const [field, shape] of shapes ?? []) this.shapeOf[field] = SHAPE_CODES[shape];
    this.checking = widest > 0;
    const delimiter = singleByte(dialect.delimiter, 'delimiter');
    const quote = singleByte(dialect.quote, 'quote');
    const escape = dialect.escape === '' ? quote : singleByte(dialect.escape, 'escape character');
    if (delimiter === quote) throw new RangeError('The delimiter and the quote must differ');
    if (dialect.encoding !== 'windows-1252') this.classes.fill(HIGH, 0x80);
    this.classes[0x00] = NUL;
    this.classes[0x0a] = LF;
    this.classes[0x0d] = CR;
    if (escape !== quote) this.classes[escape] = ESCAPE;
    this.classes[quote] = QUOTE;
    this.classes[delimiter] = DELIMITER;
    this.hasHeader = dialect.header;
    this.expected = expectedFields ?? -1;
    this.wanted = recordLines ? new Set(recordLines) : null;
    this.recordLines = recordLines ? new Map() : null;
  }

  push(chunk: Uint8Array): void {
    const base = this.bytes;
    this.bytes += chunk.length;
    let i = 0;
    if (this.carryLength > 0) {
      i = this.completeCarry(chunk);
      if (i === chunk.length) return;
    }

    const classes = this.classes;
    const n = chunk.length;
    // Records whose field count is not `expected` go through onRecord: -1 sends the header or first record there,
    // -2 (never a count) sends every record when their lines are wanted.
    const fast = this.wanted ? -2 : this.expected;
    let state = this.state;
    let fields = this.fields;
    let line = this.line;
    let lineStart = this.lineStart;
    let recordStart = this.recordStart;
    let recordLine = this.recordLine;
    let lastCr = this.lastCr;
    let records = this.records;
    let lf = this.lf;
    let cr = this.cr;
    let crlf = this.crlf;
    let maxLineBytes = this.maxLineBytes;
    const checking = this.checking;
    const shapeOf = this.shapeOf;
    let fieldStart = this.fieldStart;
    // The header's fields are not values: the check starts with the first data record.
    const dataFrom = this.hasHeader ? 1 : 0;

    for (; i < n; i++) {
      const kind = classes[chunk[i]!]!;
      if (kind === ORDINARY) {
        // Text after a closing quote is malformed; read on as DuckDB's lenient mode does.
        if (state > QUOTED) state = state === ESCAPED ? QUOTED : UNQUOTED;
        continue;
      }
      switch (kind) {
        case DELIMITER:
          if (state === QUOTED) break;
          if (state === ESCAPED) state = QUOTED;
          else {
            if (checking && fields <= shapeOf.length && shapeOf[fields - 1] !== 0 && records >= dataFrom) {
              this.checkField(fields - 1, chunk, base, fieldStart, i);
            }
            fields++;
            state = FIELD_START;
            fieldStart = base + i + 1;
          }
          break;
        case QUOTE:
          if (state === FIELD_START) {
            state = QUOTED;
            this.quoteLine = line;
            // A quoted value is never taken as plain: DuckDB would read it, but the check keeps to one simple case.
            if (checking && fields <= shapeOf.length && shapeOf[fields - 1] !== 0 && records >= dataFrom) this.markUnshaped(fields - 1);
          } else if (state === QUOTED) state = AFTER_QUOTE;
          else if (state === AFTER_QUOTE || state === ESCAPED) state = QUOTED;
          break;
        case ESCAPE:
          if (state === QUOTED) state = ESCAPED;
          else if (state === ESCAPED) state = QUOTED;
          else if (state !== UNQUOTED) state = UNQUOTED;
          break;
        case LF:
        case CR: {
          const offset = base + i;
          if (kind === LF && lastCr === offset - 1) {
            // The LF of a CRLF: the CR already ended the line (and the record).
            cr--;
            crlf++;
            lineStart = offset + 1;
            if (recordStart === offset) recordStart = offset + 1;
            if (fieldStart === offset) fieldStart = offset + 1;
            break;
          }
          if (kind === CR) {
            cr++;
            lastCr = offset;
          } else lf++;
          if (offset - lineStart > maxLineBytes) maxLineBytes = offset - lineStart;
          lineStart = offset + 1;
          line++;
          if (state === QUOTED || state === ESCAPED) {
            state = QUOTED; // a line break inside a quoted field is part of the value
            break;
          }
          // An empty line is not a record.
          if (offset !== recordStart) {
            if (checking && fields <= shapeOf.length && shapeOf[fields - 1] !== 0 && records >= dataFrom) {
              this.checkField(fields - 1, chunk, base, fieldStart, i);
            }
            records++;
            if (fields !== fast) this.onRecord(records, fields, recordLine);
          }
          fields = 1;
          state = FIELD_START;
          recordStart = offset + 1;
          fieldStart = offset + 1;
          recordLine = line;
          break;
        }
        case NUL:
          if (this.nulLine === 0) this.nulLine = line;
          if (state > QUOTED) state = state === ESCAPED ? QUOTED : UNQUOTED;
          break;
        case HIGH: {
          if (state > QUOTED) state = state === ESCAPED ? QUOTED : UNQUOTED;
          const length = utf8SequenceAt(chunk, i);
          if (length > 0) i += length - 1; // continuation bytes are never structural
          else if (length === 0) {
            if (this.invalidLine === 0) this.invalidLine = line;
          } else {
            // Cut by the end of the chunk: finish it with the next one.
            this.carry.set(chunk.subarray(i));
            this.carryLength = n - i;
            i = n;
          }
          break;
        }
      }
    }

    if (checking) {
      // A checked field that runs on into the next chunk: keep its start (a plain value is short).
      const field = fields - 1;
      if (state !== QUOTED && state !== ESCAPED && field < shapeOf.length && shapeOf[field] !== 0 && records >= dataFrom && this.failed[field] === 0) {
        const from = Math.max(fieldStart - base, 0);
        const kept = fieldStart < base ? this.fieldCarry.length : 0;
        if (kept + n - from > MAX_SHAPED_BYTES) this.markUnshaped(field);
        else {
          const carry = new Uint8Array(kept + n - from);
          carry.set(this.fieldCarry.subarray(0, kept));
          carry.set(chunk.subarray(from), kept);
          this.fieldCarry = carry;
        }
      }
    }
    this.fieldStart = fieldStart;
    this.state = state;
    this.fields = fields;
    this.line = line;
    this.lineStart = lineStart;
    this.recordStart = recordStart;
    this.recordLine = recordLine;
    this.lastCr = lastCr;
    this.records = records;
    this.lf = lf;
    this.cr = cr;
    this.crlf = crlf;
    this.maxLineBytes = maxLineBytes;
  }

  /** Completes a UTF-8 sequence begun in an earlier chunk; returns where the loop should resume in `chunk`. */
  private completeCarry(chunk: Uint8Array): number {
    const had = this.carryLength;
    const take = Math.min(4 - had, chunk.length);
    const joined = new Uint8Array(had + take);
    joined.set(this.carry.subarray(0, had));
    joined.set(chunk.subarray(0, take), had);
    const length = utf8SequenceAt(joined, 0);
    if (length === -1) {
      // Still incomplete (tiny chunks): every byte so far is a valid continuation.
      this.carry.set(chunk.subarray(0, take), had);
      this.carryLength = had + take;
      return chunk.length;
    }
    this.carryLength = 0;
    if (length > 0) return length - had;
    // Invalid: report it and read the new chunk from its start, which may well be a line break.
    if (this.invalidLine === 0) this.invalidLine = this.line;
    return 0;
  }

  /** Checks the field `field` that ends at `end` of `chunk` (it began at file offset `start`). */
  private checkField(field: number, chunk: Uint8Array, base: number, start: number, end: number): void {
    if (this.failed[field] === 1) return;
    let plain: boolean;
    if (start >= base) plain = hasShape(chunk, this.shapeOf[field]!, start - base, end);
    else {
      // Begun in an earlier chunk: its start was kept.
      const bytes = new Uint8Array(this.fieldCarry.length + end);
      bytes.set(this.fieldCarry);
      bytes.set(chunk.subarray(0, end), this.fieldCarry.length);
      plain = hasShape(bytes, this.shapeOf[field]!);
    }
    if (!plain) this.markUnshaped(field);
  }

  private markUnshaped(field: number): void {
    this.failed[field] = 1;
    this.unshaped.add(field);
  }

  /** `records` counts the header too. */
  private onRecord(records: number, fields: number, line: number): void {
    if (this.hasHeader && records === 1) {
      if (this.expected === -1) this.expected = fields;
      return;
    }
    const record = this.hasHeader ? records - 1 : records;
    if (this.expected === -1) this.expected = fields;
    if (fields !== this.expected) {
      this.raggedCount++;
      if (this.ragged.length < MAX_RAGGED) this.ragged.push({ record, line, fields });
    }
    if (this.wanted?.has(record)) this.recordLines!.set(record, line);
  }

  finish(): FileScan {
    const end = this.bytes;
    if (this.carryLength > 0 && this.invalidLine === 0) this.invalidLine = this.line; // cut off at the end of the file
    const inQuotes = this.state === QUOTED || this.state === ESCAPED;
    // The last record may end at the end of the file rather than at a line break.
    if (end > this.recordStart) {
      const field = this.fields - 1;
      if (this.checking && field < this.shapeOf.length && this.shapeOf[field] !== 0 && this.records >= (this.hasHeader ? 1 : 0)) {
        if (this.state === QUOTED || this.state === ESCAPED) this.markUnshaped(field);
        else this.checkField(field, new Uint8Array(0), end, this.fieldStart, 0);
      }
      this.records++;
      this.onRecord(this.records, this.fields, this.recordLine);
    }
    const lastLine = end - this.lineStart;
    const scan: FileScan = {
      records: Math.max(0, this.hasHeader ? this.records - 1 : this.records),
      bytes: end,
      lines: this.lf + this.crlf + this.cr + (lastLine > 0 ? 1 : 0),
      lineEndings: { lf: this.lf, crlf: this.crlf, cr: this.cr },
      nulByte: this.nulLine ? { line: this.nulLine } : null,
      invalidUtf8: this.invalidLine ? { line: this.invalidLine } : null,
      ragged: this.ragged,
      raggedCount: this.raggedCount,
      maxLineBytes: Math.max(this.maxLineBytes, lastLine),
      unterminatedQuote: inQuotes ? { line: this.quoteLine } : null,
    };
    if (this.recordLines) scan.recordLines = this.recordLines;
    if (this.checking) scan.unshaped = [...this.unshaped].sort((a, b) => a - b);
    return scan;
  }
}
