/**
 * The CSV byte scanner's alphabet and states (see csvScanner.ts): the class of each byte under a dialect, the parser
 * states, and how a quote, an escape or text moves between them.
 */
import type { Dialect } from '../../dialect';

// Byte classes of the scanner's loop. ORDINARY must stay 0: most bytes are.
export const ORDINARY = 0;
export const DELIMITER = 1;
export const QUOTE = 2;
export const ESCAPE = 3;
export const LF = 4;
export const CR = 5;
export const NUL = 6;
export const HIGH = 7; // a non-ASCII byte of a UTF-8 file: validated

// Parser states. UNQUOTED and QUOTED come first: `state > QUOTED` is the one test most bytes need.
export const UNQUOTED = 0;
export const QUOTED = 1;
export const FIELD_START = 2;
/** Just after a quote inside a quoted field: closed, unless another quote follows (a doubled quote). */
export const AFTER_QUOTE = 3;
/** Just after the escape character inside a quoted field (when the escape is not the quote). */
export const ESCAPED = 4;

/** The state after a byte of text (ordinary, NUL, non-ASCII). */
export function afterText(state: number): number {
  // Text after a closing quote is malformed; read on as DuckDB's lenient mode does.
  return state > QUOTED ? (state === ESCAPED ? QUOTED : UNQUOTED) : state;
}

/** The state after a quote: it opens a value at a field's start, and closes or (doubled) escapes one in quotes. */
export function afterQuote(state: number): number {
  if (state === FIELD_START || state === AFTER_QUOTE || state === ESCAPED) return QUOTED;
  return state === QUOTED ? AFTER_QUOTE : state;
}

/** The state after the escape character (when it is not the quote): it escapes the next byte in quotes only. */
export function afterEscape(state: number): number {
  if (state === QUOTED) return ESCAPED;
  return state === ESCAPED ? QUOTED : UNQUOTED;
}

function singleByte(value: string, what: string): number {
  const code = value.charCodeAt(0);
  if (value.length !== 1 || code > 0x7f || code === 0x0a || code === 0x0d) {
    throw new RangeError(`The ${what} must be one ASCII character other than a line break, got ${JSON.stringify(value)}`);
  }
  return code;
}

/** The class of every byte value under `dialect`; throws a RangeError for a delimiter, quote or escape it cannot scan. */
export function byteClasses(dialect: Dialect): Uint8Array {
  const classes = new Uint8Array(256);
  const delimiter = singleByte(dialect.delimiter, 'delimiter');
  const quote = singleByte(dialect.quote, 'quote');
  const escape = dialect.escape === '' ? quote : singleByte(dialect.escape, 'escape character');
  if (delimiter === quote) throw new RangeError('The delimiter and the quote must differ');
  if (dialect.encoding !== 'windows-1252') classes.fill(HIGH, 0x80);
  classes[0x00] = NUL;
  classes[0x0a] = LF;
  classes[0x0d] = CR;
  if (escape !== quote) classes[escape] = ESCAPE;
  classes[quote] = QUOTE;
  classes[delimiter] = DELIMITER;
  return classes;
}
