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
import { localText, type LocalValue } from '../../../../i18n';
import type { SniffWarning } from '../../dialect';
import { messages } from '../../messages';

export function convertedEncodingWarning(name: string): SniffWarning {
  return { code: 'converted-encoding', message: localText(messages.convertedEncoding, { file: name }) };
}

export function invalidUtf8Warning(name: string, line: number): SniffWarning {
  return { code: 'invalid-utf8', message: localText(messages.invalidUtf8, { file: name, line: String(line) }) };
}

export function lineEndingsWarning(name: string, lineEnding: 'cr' | 'mixed'): SniffWarning {
  return { code: 'line-endings', message: localText(lineEnding === 'cr' ? messages.lineEndingsCr : messages.lineEndingsMixed, { file: name }) };
}

export function nulBytesWarning(name: string, line: number): SniffWarning {
  return { code: 'nul-bytes', message: localText(messages.nulBytes, { file: name, line: String(line) }) };
}

export function backslashEscapeWarning(name: string, quote: string): SniffWarning {
  return { code: 'backslash-escape', message: localText(messages.backslashEscape, { file: name, escaped: `\\${quote}` }) };
}

export function unterminatedQuoteWarning(name: string, line: number, quote: string): SniffWarning {
  return { code: 'unterminated-quote', message: localText(messages.unterminatedQuote, { file: name, line: String(line), quote }) };
}

export function trailingDelimiterWarning(name: string, delimiter: string): SniffWarning {
  return { code: 'trailing-delimiter', message: localText(messages.trailingDelimiter, { file: name, delimiter: printable(delimiter) }) };
}

/** One column found, but the header (or first row) holds `other`, another delimiter. */
export function oneColumnWarning(name: string, header: boolean, other: string): SniffWarning {
  return {
    code: 'one-column',
    message: localText(messages.oneColumn, { file: name, where: header ? 'header' : 'row', delimiter: printable(other) }),
  };
}

export function noHeaderWarning(name: string): SniffWarning {
  return { code: 'no-header', message: localText(messages.noHeader, { file: name }) };
}

export function headerOnlyWarning(name: string): SniffWarning {
  return { code: 'header-only', message: localText(messages.headerOnlyWarning, { file: name }) };
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
    message: localText(messages.ragged, { file: name, line: String(line), count, where: header ? 'header' : 'rows', columns: String(columnCount), others }),
  };
}

/** The delimiter as a message shows it: a tab by its name in the language it is shown in. */
function printable(delimiter: string): LocalValue {
  return delimiter === '\t' ? localText(messages.tabName) : delimiter;
}
