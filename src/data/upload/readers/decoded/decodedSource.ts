/**
 * The OpenedSource of a file decoded in JavaScript (Parquet, Excel): the decoded text table goes to the engine as
 * one Arrow table, and every read pass selects from it. Such a reader refuses no record, so its row accounting is
 * the table's row count and it has no rejects of its own; every value problem is left to the conversions, which
 * reject and report rows as they do for CSV. Shared by the Parquet and the Excel reader.
 */
import { t, type LocalText } from '../../../../i18n';
import { messages } from '../../messages';
import { buildDecodedTableRead, buildDropTableStatement } from '../../../../sql';
import { UploadError, quoteFileName } from '../../UploadError';
import type { OpenedSource, OpenRequest, RecordCount } from '../sourceReader';
import { textTableToArrowStream, type TextTable } from './textTable';

/** The engine table a load's decoded file is held in: starts with `__`, contains the load's id, a plain identifier. */
export function decodedTableName(loadId: string): string {
  return `__decoded_${loadId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Hands `table` to the engine for one load and returns the reads over it. */
export async function openDecodedSource(request: OpenRequest, table: TextTable, warnings: readonly LocalText[] = []): Promise<OpenedSource> {
  const fieldCount = planFieldCount(request, table);
  const engineTable = decodedTableName(request.loadId);
  await request.engine.createTableFromArrow(engineTable, textTableToArrowStream(table));
  const count: RecordCount = { records: table.recordCount, unshaped: [], warnings: [] };
  return {
    fieldCount,
    typesFields: false,
    warnings,
    read: () => buildDecodedTableRead(engineTable, fieldCount),
    async countRecords(options) {
      // Nothing to type and nothing to scan: the table is complete, the first read may start at once.
      options.onFirstChunk(new Set());
      return count;
    },
    readerRejectedRecords: async () => [],
    readerRejects: async () => [],
    async locateRecords(records) {
      return new Map(records.map((record) => [record, table.locate(record)]));
    },
    async close() {
      await request.engine.query(buildDropTableStatement(engineTable)).catch(() => {});
    },
  };
}

/** The columns the plan reads (its highest file column + 1); the file must still have them all. */
function planFieldCount(request: OpenRequest, table: TextTable): number {
  const fieldCount = Math.max(0, ...request.plan.columns.map((column) => column.index + 1));
  if (fieldCount > table.columns.length || fieldCount === 0) {
    throw new UploadError(
      request.fileName,
      'read-failed',
      t(messages.columnCountChanged, { file: quoteFileName(request.fileName), columns: String(table.columns.length), expected: String(fieldCount) }),
    );
  }
  return fieldCount;
}
