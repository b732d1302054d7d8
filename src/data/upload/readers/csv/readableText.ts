/** What the CSV reader does to a file before DuckDB reads it, and the file problems it refuses or warns about. */
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
): Promise<{ source: Blob; dialect: Dialect; warnings: string[] }> {
  const needsLineEnds = lineEnding === 'cr' || lineEnding === 'mixed';
  if (dialect.encoding === 'utf-8' && !needsLineEnds) return { source: file, dialect, warnings: [] };
  const parts: Uint8Array[] = [];
  for await (const chunk of transcodeChunks(blobChunks(file, dialect.compression), dialect.encoding, {
    normaliseLineEndings: true,
    stripBom: true,
  })) {
    parts.push(chunk);
  }
  const warnings = [];
  if (dialect.encoding !== 'utf-8') warnings.push(`Converted from ${dialect.encoding.toUpperCase()} to UTF-8.`);
  if (needsLineEnds) warnings.push('Line endings were normalised (the file had CR-only or mixed line endings).');
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
      `${quoteFileName(fileName)}, line ${scan.nulByte.line}: the file contains NUL bytes (\\0), which a text file ` +
        'should not. Re-export the file from its source, or remove the NUL bytes with a text editor.',
      { line: scan.nulByte.line },
    );
  }
  if (scan.invalidUtf8) {
    throw new UploadError(
      fileName,
      'invalid-utf8',
      `${quoteFileName(fileName)}, line ${scan.invalidUtf8.line}: bytes that are not valid UTF-8. Choose the ` +
        'encoding "Windows-1252 / Latin-1" in the preview, or re-save the file as UTF-8.',
      { line: scan.invalidUtf8.line },
    );
  }
}

export function scanWarnings(scan: FileScan): string[] {
  const warnings: string[] = [];
  if (scan.unterminatedQuote) {
    warnings.push(`A quote opened on line ${scan.unterminatedQuote.line} is never closed: the rest of the file was read as one field.`);
  }
  return warnings;
}
