/**
 * A CSV file opened for one load: registered with the engine as a file handle (no copy into JS memory), read by
 * DuckDB's `read_csv` with every option explicit, its records counted by the app's own scan in parallel.
 */
import {
  buildDropTableStatement,
  buildReadCsv,
  buildReaderRejectedLinesQuery,
  buildReaderRejectsQuery,
  type ReaderType,
} from '../../../../sql';
import { blobChunks } from './blobChunks';
import { linesOfRecords, scanFile } from './scanFile';
import type { CountOptions, OpenedSource, OpenRequest, ReaderReject, ReadPass, RecordCount } from '../sourceReader';
import { countFields, headerOfField, readerReason } from './csvRejects';
import { checkFileProblems, readableSource, scanWarnings } from './readableText';

/** Each pass has its own rejects tables; the numbers keep the table names the load has always used. */
const PASS_NUMBER: Record<ReadPass, number> = { load: 1, problems: 2, text: 3 };

let registrations = 0;

export async function openCsvSource({ engine, file, fileName, plan, loadId }: OpenRequest): Promise<OpenedSource> {
  const { source, dialect, warnings } = await readableSource(file, plan.dialect, plan.lineEnding);
  // A fresh name per load: DuckDB-wasm read a name registered again after dropFile as an empty file (seen in the
  // benchmark); the row accounting would refuse that load, but it should not happen at all.
  const registered = engine.filePath(`upload_${loadId}_${++registrations}.csv${dialect.compression === 'gzip' ? '.gz' : ''}`);
  const fieldCount = Math.max(...plan.columns.map((column) => column.index)) + 1;
  const headerOffset = dialect.header ? 1 : 0;
  const rejectTables = (pass: ReadPass) => ({
    errors: `__rejects_${loadId}_${PASS_NUMBER[pass]}`,
    scans: `__rejects_scan_${loadId}_${PASS_NUMBER[pass]}`,
  });
  await engine.registerFile(registered, source);

  return {
    fieldCount,
    typesFields: true,
    warnings,
    read: (pass: ReadPass, types?: ReadonlyMap<number, ReaderType>) =>
      buildReadCsv(registered, dialect, fieldCount, rejectTables(pass), types),

    async countRecords(options: CountOptions): Promise<RecordCount> {
      const scan = await scanFile(blobChunks(source, dialect.compression), dialect, {
        expectedFields: fieldCount,
        onProgress: options.onProgress,
        shapes: options.shapes,
        onFirstChunk: options.onFirstChunk,
      });
      checkFileProblems(fileName, scan);
      return { records: scan.records, unshaped: scan.unshaped ?? [], warnings: scanWarnings(scan) };
    },

    async readerRejectedRecords(pass: ReadPass): Promise<number[]> {
      const rows = await engine.query<{ record_line: number }>(buildReaderRejectedLinesQuery(rejectTables(pass).errors));
      return rows.map((row) => row.record_line - headerOffset);
    },

    async readerRejects(pass: ReadPass, limit: number): Promise<ReaderReject[]> {
      const rows = await engine.query<{
        record_line: number;
        error_type: string;
        message: string;
        column_name: string | null;
        csv_line: string | null;
      }>(buildReaderRejectsQuery(rejectTables(pass).errors, limit));
      return rows.map((row) => ({
        record: row.record_line - headerOffset,
        column: headerOfField(row.column_name, plan.columns),
        value: row.csv_line,
        reason: readerReason(row.error_type, row.message, row.csv_line === null ? null : countFields(row.csv_line, dialect)),
      }));
    },

    async locateRecords(records: readonly number[]): Promise<Map<number, number>> {
      const lines = await linesOfRecords(blobChunks(source, dialect.compression), dialect, records);
      // A record the scan could not place (it should place them all) is shown at its count, header included.
      return new Map(records.map((record) => [record, lines.get(record) ?? record + headerOffset]));
    },

    async close(): Promise<void> {
      for (const pass of Object.keys(PASS_NUMBER) as ReadPass[]) {
        for (const table of Object.values(rejectTables(pass))) {
          await engine.query(buildDropTableStatement(table)).catch(() => {});
        }
      }
      await engine.dropFile(registered).catch(() => {});
    },
  };
}
