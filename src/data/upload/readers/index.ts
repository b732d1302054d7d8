/**
 * The registry of file formats: picks the reader for a file, and loads it on demand. Only the entries (a few bytes
 * each) are in the upload chunk; a format's parser is a dynamic import, in a chunk of its own. CSV is the fallback:
 * a file no other entry recognises is read as text.
 *
 * To add a format: write `readers/<format>/` with its SourceReader, and add its entry to FORMATS (before CSV).
 */
import { PARQUET_ENTRY } from './parquet/parquetEntry';
import type { SourceFormat, SourceReader, SourceReaderEntry } from './sourceReader';
import { EXCEL_ENTRY } from './xlsx/excelEntry';

/** Bytes of a file's start that `recognises` sees. */
export const HEAD_BYTES = 8;

const CSV_ENTRY: SourceReaderEntry = {
  format: 'csv',
  label: 'CSV',
  extensions: ['.csv', '.tsv', '.txt', '.csv.gz', '.tsv.gz', '.gz'],
  recognises: () => true,
  load: async () => (await import('./csv/csvReader')).csvReader,
};

/** Every format, the most specific first; CSV last, as it takes any file. */
const FORMATS: readonly SourceReaderEntry[] = [PARQUET_ENTRY, EXCEL_ENTRY, CSV_ENTRY];

/** The entry for a format a plan names. */
export function readerEntry(format: SourceFormat): SourceReaderEntry {
  const entry = FORMATS.find((candidate) => candidate.format === format);
  if (!entry) throw new Error(`no reader for the format ${JSON.stringify(format)}`);
  return entry;
}

/** The entry for a file, from its first bytes and its name. */
export async function recogniseFile(file: Blob, fileName: string): Promise<SourceReaderEntry> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return FORMATS.find((entry) => entry.recognises(head, fileName)) ?? CSV_ENTRY;
}

/** The reader for a format, loaded. */
export function loadReader(format: SourceFormat): Promise<SourceReader> {
  return readerEntry(format).load();
}

/** File name endings of every format, for a file picker's `accept`. */
export function acceptedExtensions(): string[] {
  return FORMATS.flatMap((entry) => entry.extensions);
}
