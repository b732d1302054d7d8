/**
 * What the CSV sniffer tells people about a file, one SniffWarning each. `name` is the file's name as quoted in
 * messages (quoteFileName).
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
 * - `renamed-columns`     header names made unique and non-empty (written by ../columnNames.ts)
 * - `backslash-escape`    quotes inside values are escaped with a backslash
 * - `unterminated-quote`  a quoted value is never closed in the sample
 */
import type { SniffWarning } from '../../dialect';

export function convertedEncodingWarning(name: string): SniffWarning {
  return {
    code: 'converted-encoding',
    message:
      `${name} is not UTF-8; it was read as Windows-1252 (Western European, a superset of Latin-1) and converted. ` +
      'Check accented letters in the preview; if they look wrong, save the file as UTF-8 and upload it again.',
  };
}

export function invalidUtf8Warning(name: string, line: number): SniffWarning {
  return {
    code: 'invalid-utf8',
    message:
      `Line ${line} of ${name} contains bytes that are not valid UTF-8 (shown as �). Part of the file may have been ` +
      'saved in another encoding: fix that line in a text editor and save the file as UTF-8.',
  };
}

export function lineEndingsWarning(name: string, lineEnding: 'cr' | 'mixed'): SniffWarning {
  return {
    code: 'line-endings',
    message:
      lineEnding === 'cr'
        ? `${name} ends its lines with a lone carriage return (old Mac style); they will be converted to line feeds.`
        : `${name} mixes line endings (LF, CRLF or CR); they will be normalised to line feeds.`,
  };
}

export function nulBytesWarning(name: string, line: number): SniffWarning {
  return {
    code: 'nul-bytes',
    message:
      `${name} contains a NUL byte (an invisible zero character) on line ${line}. ` +
      'The file may be damaged, and it cannot be loaded until the character is removed (in a text editor) or the ' +
      'file is exported again.',
  };
}

export function backslashEscapeWarning(name: string, quote: string): SniffWarning {
  return {
    code: 'backslash-escape',
    message: `Quotes inside values of ${name} are escaped with a backslash (\\${quote}); the file will be read that way.`,
  };
}

export function unterminatedQuoteWarning(name: string, line: number, quote: string): SniffWarning {
  return {
    code: 'unterminated-quote',
    message:
      `A quoted value starting on line ${line} of ${name} is never closed, so the rest ` +
      `of the file reads as one value. Add the missing ${quote}, or remove the stray one.`,
  };
}

export function trailingDelimiterWarning(name: string, delimiter: string): SniffWarning {
  return {
    code: 'trailing-delimiter',
    message: `Every line of ${name} ends with "${printable(delimiter)}", which adds an empty last column; it was dropped.`,
  };
}

/** One column found, but the header (or first row) holds `other`, another delimiter. */
export function oneColumnWarning(name: string, header: boolean, other: string): SniffWarning {
  return {
    code: 'one-column',
    message:
      `Only one column was found in ${name}, but its ${header ? 'header' : 'first row'} contains ` +
      `"${printable(other)}". Choose the delimiter.`,
  };
}

export function noHeaderWarning(name: string): SniffWarning {
  return {
    code: 'no-header',
    message:
      `The first row of ${name} looks like data, not column names, so the columns are named column_1, ` +
      'column_2, … If the first row holds the names, say so.',
  };
}

export function headerOnlyWarning(name: string): SniffWarning {
  return {
    code: 'header-only',
    message: `${name} has a header row but no data rows.`,
  };
}

/** The first ragged row of the preview (on `line`, with `count` fields), and how many `others` there are. */
export function raggedWarning(
  name: string,
  ragged: { line: number; count: number; others: number },
  columnCount: number,
  header: boolean,
): SniffWarning {
  const { line, count, others } = ragged;
  return {
    code: 'ragged',
    message:
      `Line ${line} of ${name} has ${plural(count, 'field')}, but ` +
      `${header ? 'the header has' : 'most rows have'} ${columnCount}` +
      (others > 0 ? ` (${plural(others, 'other row')} in the preview ${others === 1 ? 'differs' : 'differ'} too)` : '') +
      '. Check the delimiter and quoting: rows with more or fewer fields than that are not loaded (the report ' +
      'lists them as rejected).',
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter;
}
