/** The eager half of the Parquet reader: recognised by its magic bytes; the decoder loads on demand. */
import type { SourceReaderEntry } from '../sourceReader';

/** Every Parquet file starts (and ends) with the four bytes 'PAR1'. */
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

export const PARQUET_ENTRY: SourceReaderEntry = {
  format: 'parquet',
  label: 'Parquet',
  extensions: ['.parquet'],
  recognises: (head) => PARQUET_MAGIC.every((byte, index) => head[index] === byte),
  load: async () => (await import('./parquetReader')).parquetReader,
};
