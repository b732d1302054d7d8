import { blobChunks } from './scanFile';
import { detectCompression, sniffSample, type Dialect, type SniffResult } from './sniff';
import { suggestPlan, type ColumnSuggestion } from './suggest';
import type { UploadPlan } from './plan';

/** Bytes read from the start of a file for the preview and the suggestions. */
export const SAMPLE_BYTES = 1 << 20;
/** Rows of the sample used to suggest formats and roles (the preview shows the first few). */
const PROFILE_ROWS = 2000;

export interface PreparedUpload {
  file: Blob;
  fileName: string;
  sniff: SniffResult;
  plan: UploadPlan;
  suggestions: ColumnSuggestion[];
  /** Whether the sample is the whole file. */
  complete: boolean;
}

/**
 * Reads the start of a file (decompressed when it is gzip), detects its dialect and suggests a mapping. Only the
 * sample is read here; the whole file is read once, by the loader. Throws an UploadError for files it refuses.
 */
export async function prepareUpload(file: Blob, fileName: string, overrides?: Partial<Dialect>): Promise<PreparedUpload> {
  // sniffSample checks the delimiter and the quote; the escape is either the quote itself or a backslash.
  const escape = overrides?.escape;
  if (escape !== undefined && escape !== (overrides?.quote ?? '"') && escape !== '\\') {
    throw new RangeError(`The escape must be the quote itself or a backslash, got ${JSON.stringify(escape)}`);
  }
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const compression = detectCompression(head, fileName);
  const { bytes, complete } = await readSample(file, compression);
  const sniff = sniffSample(bytes, fileName, { overrides: { ...overrides, compression }, truncated: !complete, maxRows: PROFILE_ROWS });
  const { plan, suggestions } = suggestPlan(sniff, fileName);
  return { file, fileName, sniff, plan, suggestions, complete };
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
