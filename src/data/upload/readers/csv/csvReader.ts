/**
 * CSV (and gzip-compressed CSV), the first SourceReader. The preview sniffs the first megabyte with the app's own
 * sniffer (DuckDB's is not trusted with messy files); the load has DuckDB read the registered file with every
 * option explicit, while the app counts the records itself.
 */
import { blobChunks } from './blobChunks';
import { detectCompression } from './knownFormats';
import { sniffSample } from './sniff';
import type { SniffRequest, SourceReader, SourceSample } from '../sourceReader';
import { CSV_SOURCE } from '../sourceFormat';
import { openCsvSource } from './csvSource';

/** Bytes read from the start of a file for the preview and the suggestions. */
export const SAMPLE_BYTES = 1 << 20;

export const csvReader: SourceReader = {
  format: 'csv',
  sniff: sniffCsv,
  open: openCsvSource,
};

async function sniffCsv(file: Blob, fileName: string, request: SniffRequest): Promise<SourceSample> {
  const { overrides } = request;
  // sniffSample checks the delimiter and the quote; the escape is either the quote itself or a backslash.
  const escape = overrides?.escape;
  if (escape !== undefined && escape !== (overrides?.quote ?? '"') && escape !== '\\') {
    throw new RangeError(`The escape must be the quote itself or a backslash, got ${JSON.stringify(escape)}`);
  }
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const compression = detectCompression(head, fileName);
  const { bytes, complete } = await readSample(file, compression);
  const sniff = sniffSample(bytes, fileName, { overrides: { ...overrides, compression }, truncated: !complete, maxRows: request.maxRows });
  return { sniff, source: CSV_SOURCE, complete };
}

async function readSample(file: Blob, compression: 'none' | 'gzip'): Promise<{ bytes: Uint8Array; complete: boolean }> {
  if (compression === 'none') {
    return { bytes: new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer()), complete: file.size <= SAMPLE_BYTES };
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  for await (const chunk of blobChunks(file, 'gzip')) {
    parts.push(chunk);
    size += chunk.byteLength;
    if (size >= SAMPLE_BYTES) {
      complete = false;
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(size, SAMPLE_BYTES));
  let offset = 0;
  for (const part of parts) {
    const take = Math.min(part.byteLength, bytes.byteLength - offset);
    bytes.set(part.subarray(0, take), offset);
    offset += take;
  }
  return { bytes, complete };
}
