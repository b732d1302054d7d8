/**
 * Whole-file scan of an uploaded CSV, streamed in chunks and independent of DuckDB: counts records (quote-aware,
 * RFC 4180), finds the first NUL byte, invalid UTF-8 and unterminated quote with their lines, lists ragged records,
 * checks plain value shapes, and maps record numbers to lines for error messages. The byte scanner itself, and what
 * input it takes, is in csvScanner.ts; the chunks come from blobChunks.ts.
 */
import type { Dialect } from '../../dialect';
import { CsvByteScanner, type FileScan } from './csvScanner';
import type { FieldShape } from './fieldShapes';

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
      options.onFirstChunk?.(scanner.shapes.unshaped);
    }
    options.onProgress?.(scanner.bytes);
  }
  if (first) options.onFirstChunk?.(scanner.shapes.unshaped);
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
