/**
 * The byte scanner of the whole-file CSV scan (see scanFile.ts): a state machine fed one chunk at a time.
 *
 * The input must be in an ASCII-compatible encoding (UTF-8 or Windows-1252) with a single-byte delimiter, quote and
 * escape, so that every structural byte is one ASCII byte: UTF-16 files are transcoded to UTF-8 first (see
 * transcode.ts), and are then validated as UTF-8 like UTF-8 files; only 'windows-1252' skips the validation.
 *
 * Semantics match DuckDB's reader: a record ends at LF, CRLF or CR outside quotes; an empty line is not a record
 * (a line of spaces, or of delimiters only, is one); a quote opens a quoted field only at the start of a field and
 * is literal elsewhere; inside a quoted field a doubled quote (or the escape character) escapes a quote.
 */
import type { Dialect } from '../../dialect';
import { ShapeCheck, type FieldShape } from './fieldShapes';
import { RecordTally, type RaggedRecord } from './recordTally';
import { afterEscape, afterQuote, afterText, byteClasses, CR, DELIMITER, ESCAPE, ESCAPED, FIELD_START, HIGH, LF, NUL, ORDINARY, QUOTE, QUOTED, UNQUOTED } from './scannerStates';
import { Utf8Validation } from './utf8Validation';

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
  ragged: RaggedRecord[];
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
 * The scanner's state survives between chunks, so a chunk may end anywhere: inside a quoted field, between CR and LF,
 * or inside a UTF-8 sequence. The hot loop ({@link scan}) works on local copies of the parser state (the state, the
 * field count, the field's start) and writes them back at the end; the line and record bookkeeping, once per line, is
 * on the scanner itself. A record only leaves the scanner (to the tally) when it is the header, ragged, or asked for.
 */
export class CsvByteScanner {
  bytes = 0;
  readonly shapes: ShapeCheck;
  private readonly tally: RecordTally;
  private readonly classes: Uint8Array;
  /** The header's fields are not values: the shape check starts with the first data record. */
  private readonly dataFrom: number;

  private state = FIELD_START;
  private fields = 1;
  /** Start (offset in the whole file) of the current field, for the shape check. */
  private fieldStart = 0;
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
  private readonly utf8 = new Utf8Validation();

  constructor(
    dialect: Dialect,
    expectedFields: number | undefined,
    recordLines: readonly number[] | undefined,
    shapes?: ReadonlyMap<number, FieldShape>,
  ) {
    this.classes = byteClasses(dialect);
    this.shapes = new ShapeCheck(shapes);
    this.dataFrom = dialect.header ? 1 : 0;
    this.tally = new RecordTally(dialect.header, expectedFields, recordLines);
  }

  /** Lines where the records asked for start, so far; null when none were asked for. */
  get recordLines(): Map<number, number> | null {
    return this.tally.recordLines;
  }

  push(chunk: Uint8Array): void {
    const base = this.bytes;
    this.bytes += chunk.length;
    let from = 0;
    if (this.utf8.cut) {
      from = this.utf8.resume(chunk, this.line);
      if (from === chunk.length) return;
    }
    this.scan(chunk, base, from);
    // A checked field that runs on into the next chunk: keep its start.
    const field = this.fields - 1;
    if (this.state !== QUOTED && this.state !== ESCAPED && this.checksValueOf(field)) {
      this.shapes.carryOver(field, chunk, base, this.fieldStart);
    }
  }

  /** The hot loop over `chunk[from…]`, whose first byte is at file offset `base`. */
  private scan(chunk: Uint8Array, base: number, from: number): void {
    const classes = this.classes;
    const shapeOf = this.shapes.shapeOf;
    let state = this.state;
    let fields = this.fields;
    let fieldStart = this.fieldStart;
    let inData = this.records >= this.dataFrom;
    for (let i = from; i < chunk.length; i++) {
      const kind = classes[chunk[i]!]!;
      if (kind === ORDINARY) {
        // Most bytes: inline what afterText does.
        if (state > QUOTED) state = state === ESCAPED ? QUOTED : UNQUOTED;
        continue;
      }
      switch (kind) {
        case DELIMITER:
          if (state === QUOTED) break;
          if (state === ESCAPED) state = QUOTED;
          else {
            if (fields <= shapeOf.length && shapeOf[fields - 1] !== 0 && inData) {
              this.shapes.check(fields - 1, chunk, base, fieldStart, i);
            }
            fields++;
            state = FIELD_START;
            fieldStart = base + i + 1;
          }
          break;
        case QUOTE:
          if (state === FIELD_START) this.quoteOpened(fields - 1);
          state = afterQuote(state);
          break;
        case ESCAPE:
          state = afterEscape(state);
          break;
        case LF:
        case CR:
          if (this.lineBreak(kind, chunk, base, i, state, fields, fieldStart)) {
            fields = 1;
            state = FIELD_START;
            fieldStart = base + i + 1;
            inData = this.records >= this.dataFrom;
          } else if (state === ESCAPED) state = QUOTED; // a line break inside a quoted field is part of the value
          break;
        case NUL:
          if (this.nulLine === 0) this.nulLine = this.line;
          state = afterText(state);
          break;
        case HIGH:
          state = afterText(state);
          i = this.utf8.sequence(chunk, i, this.line);
          break;
      }
    }
    this.state = state;
    this.fields = fields;
    this.fieldStart = fieldStart;
  }

  /** A quote opens a quoted value of field `field` (0-based). */
  private quoteOpened(field: number): void {
    this.quoteLine = this.line;
    // A quoted value is never taken as plain: DuckDB would read it, but the check keeps to one simple case.
    if (this.checksValueOf(field)) this.shapes.markUnshaped(field);
  }

  /** Whether the shape of `field` is checked in the current record (a data record). */
  private checksValueOf(field: number): boolean {
    return this.shapes.checks(field) && this.records >= this.dataFrom;
  }

  /**
   * A LF or CR at `chunk[i]`, in parser state `state`: ends a line, and outside quotes the record (an empty line is
   * none). Returns whether the next record starts just after it.
   */
  private lineBreak(
    kind: number,
    chunk: Uint8Array,
    base: number,
    i: number,
    state: number,
    fields: number,
    fieldStart: number,
  ): boolean {
    const offset = base + i;
    if (kind === LF && this.lastCr === offset - 1) {
      // The LF of a CRLF: the CR already ended the line (and the record, whose successor starts after the LF).
      this.cr--;
      this.crlf++;
      this.lineStart = offset + 1;
      if (this.recordStart === offset) this.recordStart = offset + 1;
      return fieldStart === offset;
    }
    if (kind === CR) {
      this.cr++;
      this.lastCr = offset;
    } else this.lf++;
    if (offset - this.lineStart > this.maxLineBytes) this.maxLineBytes = offset - this.lineStart;
    this.lineStart = offset + 1;
    this.line++;
    if (state === QUOTED || state === ESCAPED) return false;
    this.recordEnded(fields, chunk, base, fieldStart, i);
    return true;
  }

  /**
   * A line break outside quotes at `chunk[end]` ends the record of `fields` fields, whose last field began at file
   * offset `fieldStart`; the next record starts after it.
   */
  private recordEnded(fields: number, chunk: Uint8Array, base: number, fieldStart: number, end: number): void {
    const offset = base + end;
    // An empty line is not a record.
    if (offset !== this.recordStart) {
      if (this.checksValueOf(fields - 1)) this.shapes.check(fields - 1, chunk, base, fieldStart, end);
      this.records++;
      if (fields !== this.tally.unremarkable) this.tally.record(this.records, fields, this.recordLine);
    }
    this.recordStart = offset + 1;
    this.recordLine = this.line;
  }

  finish(): FileScan {
    const end = this.bytes;
    this.utf8.finish(this.line);
    const inQuotes = this.state === QUOTED || this.state === ESCAPED;
    // The last record may end at the end of the file rather than at a line break.
    if (end > this.recordStart) {
      const field = this.fields - 1;
      if (this.checksValueOf(field)) {
        if (inQuotes) this.shapes.markUnshaped(field);
        else this.shapes.check(field, new Uint8Array(0), end, this.fieldStart, 0);
      }
      this.records++;
      this.tally.record(this.records, this.fields, this.recordLine);
    }
    const lastLine = end - this.lineStart;
    const scan: FileScan = {
      records: Math.max(0, this.records - this.dataFrom),
      bytes: end,
      lines: this.lf + this.crlf + this.cr + (lastLine > 0 ? 1 : 0),
      lineEndings: { lf: this.lf, crlf: this.crlf, cr: this.cr },
      nulByte: this.nulLine ? { line: this.nulLine } : null,
      invalidUtf8: this.utf8.invalidLine ? { line: this.utf8.invalidLine } : null,
      ragged: this.tally.ragged,
      raggedCount: this.tally.raggedCount,
      maxLineBytes: Math.max(this.maxLineBytes, lastLine),
      unterminatedQuote: inQuotes ? { line: this.quoteLine } : null,
    };
    if (this.recordLines) scan.recordLines = this.recordLines;
    if (this.shapes.shapeOf.length > 0) scan.unshaped = this.shapes.failedFields();
    return scan;
  }
}
