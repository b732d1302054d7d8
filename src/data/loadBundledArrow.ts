import type { Engine } from '../engine';
import { errorMessage } from '../lib/errors';
import { quoteIdentifier } from '../sql';
import { DERIVED_TABLES } from './bundledFiles';
import { DatasetLoadError, type DatasetLoadProgress, type FileLoadReport } from './loadBundledDatasets';

/**
 * One bundled CSV as the build ships it: its table written as an Arrow IPC stream (scripts/bundledDataPlugin.ts),
 * with the number of data records the build counted in the CSV itself. A table the build derived from those
 * (`DERIVED_TABLES`, such as `market_monthly`) is shipped the same way, after them.
 */
export interface BundledArrowFile {
  /** The CSV in `datasets/` it was made from, or a derived table's name (the name progress and errors show). */
  fileName: string;
  table: string;
  /**
   * Data records in the CSV (header and blank lines not counted), counted by the build in the CSV's bytes; for a
   * derived table, the rows the build's statement made.
   */
  rowsInFile: number;
}

/**
 * Loads the bundled tables from the Arrow streams the build made of the CSVs, then the derived tables: from their
 * streams when the build shipped them (the page then runs no join), else by their statements. The
 * build loaded each CSV with the checking loader (header, every field against its column's rules, row count) and
 * wrote the tables with their exact column types, so DuckDB only reads columns here: no CSV parsing, no casts.
 * Every table's row count must still equal the records in its CSV, or the load fails naming the file.
 * `readFile` is called for all files at once so downloads overlap with each other and with loading.
 */
export async function loadBundledArrow(
  engine: Engine,
  files: readonly BundledArrowFile[],
  readFile: (file: BundledArrowFile) => Promise<Uint8Array>,
  onProgress: (progress: DatasetLoadProgress) => void = () => {},
): Promise<FileLoadReport[]> {
  const pending = files.map((file) => readFile(file));
  // Unhandled rejections of later files would otherwise surface before the loop reaches them.
  for (const promise of pending) promise.catch(() => {});
  for (const [index, file] of files.entries()) {
    onProgress({ loaded: index, total: files.length, current: file.fileName });
    const bytes = await pending[index]!;
    try {
      await engine.createTableFromArrow(file.table, bytes);
    } catch (cause) {
      throw new DatasetLoadError(file.fileName, `could not be read (${errorMessage(cause)}). ${REPAIR_ADVICE}`, { cause });
    }
  }
  // Every count in one statement: one round trip to the worker instead of one per table.
  const counts = files.length === 0 ? {} : await countRows(engine, files);
  const reports = files.map((file, index): FileLoadReport => {
    const rowsLoaded = Number(counts?.[`n${index}`] ?? 0);
    if (rowsLoaded !== file.rowsInFile) {
      throw new DatasetLoadError(
        file.fileName,
        `has ${file.rowsInFile} rows but ${rowsLoaded} were loaded; the file may be damaged. ${REPAIR_ADVICE}`,
      );
    }
    return { fileName: file.fileName, table: file.table, rowsInFile: file.rowsInFile, rowsLoaded };
  });
  for (const derived of DERIVED_TABLES) {
    if (!files.some((file) => file.table === derived.table)) await engine.query(derived.statement);
  }
  onProgress({ loaded: files.length, total: files.length, current: null });
  return reports;
}

/**
 * The tables' row counts as `n0`, `n1`, …; a stream that ended early may have created no table at all (DuckDB reads
 * no batch and says nothing), which fails here, naming its file.
 */
async function countRows(engine: Engine, files: readonly BundledArrowFile[]): Promise<Record<string, number>> {
  try {
    const [counts] = await engine.query<Record<string, number>>(buildRowCountsQuery(files));
    return counts ?? {};
  } catch (cause) {
    const existing = new Set(
      (await engine.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables()')).map((row) => row.name),
    );
    const missing = files.find((file) => !existing.has(file.table));
    if (missing) throw new DatasetLoadError(missing.fileName, `could not be read (no table was made of it). ${REPAIR_ADVICE}`, { cause });
    throw cause;
  }
}

const REPAIR_ADVICE = 'Rebuild the app (`npm run build`) or reload the page.';

/** One row: `n0`, `n1`, … the row counts of the tables, in order. */
function buildRowCountsQuery(files: readonly BundledArrowFile[]): string {
  return `SELECT ${files.map((file, index) => `(SELECT COUNT(*) FROM ${quoteIdentifier(file.table)}) AS n${index}`).join(', ')}`;
}
