/**
 * Why an uploaded file was refused. The codes are stable (UI and tests match on them); the messages are for people.
 *
 * - `empty`                 the file is 0 bytes, or holds only blank space
 * - `header-only`           a header row and no data rows (the sniffer only warns; the loader refuses with this code)
 * - `not-csv`               a known non-CSV format: image, PDF, ZIP/.xlsx, old .xls, Parquet, SQLite, or an archive
 *                           compressed with something other than gzip
 * - `binary`                not text at all: NUL and control bytes throughout the start of the file
 * - `unsupported-encoding`  text in an encoding we cannot convert reliably (Shift-JIS, UTF-32)
 * - `invalid-utf8`          a UTF-8 file with bytes that are not UTF-8 (location.line says where)
 * - `invalid-utf16`         a UTF-16 file with broken surrogate pairs
 * - `nul-bytes`             NUL bytes inside the text (location.line says where)
 * - `unterminated-quote`    a quoted field opened and never closed before the end of the file
 * - `ragged`                rows whose field count differs from the header's
 * - `decompression-failed`  a .gz file whose compressed data is damaged or incomplete
 * - `too-large`             over the size the app can load in the browser
 * - `read-failed`           the engine could not read the file with the chosen options
 * - `nothing-loaded`        data rows were found, but none could be loaded
 * - `row-accounting`        rows loaded + rejected differ from the rows counted: nothing is loaded rather than lose rows
 */
export type UploadErrorCode =
  | 'empty'
  | 'header-only'
  | 'not-csv'
  | 'binary'
  | 'unsupported-encoding'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'nul-bytes'
  | 'unterminated-quote'
  | 'ragged'
  | 'decompression-failed'
  | 'too-large'
  | 'read-failed'
  | 'nothing-loaded'
  | 'row-accounting';

/** Where in the file the problem is, when known. `line` is 1-based, as an editor shows it. */
export interface UploadErrorLocation {
  line?: number;
  column?: string | number;
  value?: string;
}

export class UploadError extends Error {
  constructor(
    readonly fileName: string,
    readonly code: UploadErrorCode,
    message: string,
    readonly location?: UploadErrorLocation,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UploadError';
  }
}

/** File names are quoted in messages so that odd names (spaces, trailing dots) stay readable. */
export function quoteFileName(fileName: string): string {
  return `"${fileName}"`;
}
