/** What the CSV reader does to a file before DuckDB reads it, and the file problems it refuses or warns about. */
import { localText, t, type LocalText } from '../../../../i18n';
import { messages } from '../../messages';
import type { Dialect, LineEnding } from '../../dialect';
import { blobChunks } from './blobChunks';
import type { FileScan } from './csvScanner';
import { transcodeChunks } from './transcode';
import { quoteFileName, UploadError } from '../../UploadError';

/**
 * DuckDB reads UTF-8 with LF or CRLF line ends. Anything else (UTF-16, Windows-1252, CR-only or mixed line ends) is
 * converted in the page first, streamed into a new Blob; the original file is never changed.
 */
export async function readableSource(
  file: Blob,
  dialect: Dialect,
  lineEnding: LineEnding,
): Promise<{ source: Blob; dialect: Dialect; warnings: LocalText[] }> {
  const needsLineEnds = lineEnding === 'cr' || lineEnding === 'mixed';
  if (dialect.encoding === 'utf-8' && !needsLineEnds) return { source: file, dialect, warnings: [] };
  const parts: Uint8Array[] = [];
  for await (const chunk of transcodeChunks(blobChunks(file, dialect.compression), dialect.encoding, {
    normaliseLineEndings: true,
    stripBom: true,
  })) {
    parts.push(chunk);
  }
  const warnings: LocalText[] = [];
  if (dialect.encoding !== 'utf-8') warnings.push(localText(messages.convertedFrom, { encoding: dialect.encoding.toUpperCase() }));
  if (needsLineEnds) warnings.push(localText(messages.lineEndsNormalised));
  return {
    source: new Blob(parts as BlobPart[], { type: 'text/csv' }),
    dialect: { ...dialect, encoding: 'utf-8', compression: 'none' },
    warnings,
  };
}

/** NUL bytes and invalid UTF-8 make DuckDB fail or mangle rows: refuse with the line to fix. */
export function checkFileProblems(fileName: string, scan: FileScan): void {
  if (scan.nulByte) {
    throw new UploadError(
      fileName,
      'nul-bytes',
      t(messages.nulBytesError, { file: quoteFileName(fileName), line: String(scan.nulByte.line) }),
      { line: scan.nulByte.line },
    );
  }
  if (scan.invalidUtf8) {
    throw new UploadError(
      fileName,
      'invalid-utf8',
      t(messages.invalidUtf8Error, { file: quoteFileName(fileName), line: String(scan.invalidUtf8.line) }),
      { line: scan.invalidUtf8.line },
    );
  }
}

export function scanWarnings(scan: FileScan): LocalText[] {
  const warnings: LocalText[] = [];
  if (scan.unterminatedQuote) {
    warnings.push(localText(messages.quoteNeverClosed, { line: String(scan.unterminatedQuote.line) }));
  }
  return warnings;
}
