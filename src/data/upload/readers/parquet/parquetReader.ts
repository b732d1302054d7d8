/**
 * Parquet, as a SourceReader: the preview decodes only the first records, the load decodes the whole file into one
 * engine table (see ../decoded/decodedSource.ts). Loaded on demand (readers/index.ts), so hyparquet never reaches the
 * entry.
 */
import type { SourceReader, SourceSample } from '../sourceReader';
import { openDecodedSource } from '../decoded/decodedSource';
import { textSample } from '../decoded/textTable';
import { decodeParquet } from './parquetDecode';

export const parquetReader: SourceReader = {
  format: 'parquet',
  async sniff(file, fileName, request): Promise<SourceSample> {
    const table = await decodeParquet(file, fileName, { maxRecords: request.maxRows });
    return { sniff: textSample(table, request.maxRows), source: { format: 'parquet' }, complete: table.recordCount === table.totalRecords };
  },
  async open(request) {
    return openDecodedSource(request, await decodeParquet(request.file, request.fileName));
  },
};
