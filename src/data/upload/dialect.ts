/**
 * How a text file is written (its dialect) and what sniffing its start found. Types only, in a module of their own:
 * the sniffer, the scanner, the transcoder and the plan all speak of them, and none of them must import another
 * just for a type (that made the import cycle sniff ↔ scanFile ↔ transcode).
 */

import type { LocalText } from '../../i18n';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface Dialect {
  encoding: Encoding;
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  compression: 'none' | 'gzip';
}

export interface SniffWarning {
  code: string;
  /** Said in the language active when it is shown (it follows a switch). */
  message: LocalText;
}

export interface SniffResult {
  dialect: Dialect;
  bom: boolean;
  lineEnding: LineEnding;
  /**
   * Header names made unique, non-empty and safe: trimmed; empty → 'column_3'; duplicates → 'name_2'; names like
   * '__proto__', 'constructor', names with quotes, SQL keywords are kept as text (they are quoted as SQL identifiers
   * later) but must never be used as plain-object keys — so columns is an array, never a record keyed by name.
   */
  columns: { index: number; name: string; originalName: string }[];
  /** The first rows as parsed (up to `maxRows`, default 200), each padded/truncated to columns.length; raw strings. */
  rows: string[][];
  /** Per row of `rows`: the number of fields actually found (to flag ragged rows in the preview). */
  fieldCounts: number[];
  warnings: SniffWarning[];
}
