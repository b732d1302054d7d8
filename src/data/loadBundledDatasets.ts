import type { Engine } from '../engine';
import { buildCsvLoadStatement, quoteIdentifier } from '../sql';
import { BUNDLED_FILES, DERIVED_TABLES, type BundledFile } from './bundledFiles';
import { countCsvRecords } from './countCsvRecords';

/** What happened to one file: rows in the file and rows in its table must be equal, or the load fails. */
export interface FileLoadReport {
  fileName: string;
  table: string;
  rowsInFile: number;
  rowsLoaded: number;
}

export interface DatasetLoadProgress {
  loaded: number;
  total: number;
  current: string | null;
}

/** A load that did not add up, or a file that did not parse; names the file and what to do. */
export class DatasetLoadError extends Error {
  override readonly name = 'DatasetLoadError';
  constructor(
    readonly fileName: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${fileName}: ${message}`, options);
  }
}

/**
 * Loads every bundled CSV into its own table with explicit column types, checks that every row arrived, then builds
 * the derived tables. `readFile` is called for all files at once so downloads overlap with each other and with loading.
 */
export async function loadBundledDatasets(
  engine: Engine,
  readFile: (fileName: string) => Promise<Uint8Array>,
  onProgress: (progress: DatasetLoadProgress) => void = () => {},
  files: readonly BundledFile[] = BUNDLED_FILES,
): Promise<FileLoadReport[]> {
  const pending = files.map((file) => readFile(file.fileName));
  // Unhandled rejections of later files would otherwise surface before the loop reaches them.
  for (const promise of pending) promise.catch(() => {});
  const reports: FileLoadReport[] = [];
  for (const [index, file] of files.entries()) {
    onProgress({ loaded: index, total: files.length, current: file.fileName });
    const bytes = await pending[index]!;
    reports.push(await loadOneFile(engine, file, bytes));
  }
  for (const statement of DERIVED_TABLES) await engine.query(statement);
  onProgress({ loaded: files.length, total: files.length, current: null });
  return reports;
}

async function loadOneFile(engine: Engine, file: BundledFile, bytes: Uint8Array): Promise<FileLoadReport> {
  const rowsInFile = countCsvRecords(bytes);
  await engine.registerFileBuffer(file.fileName, bytes);
  try {
    await engine.query(buildCsvLoadStatement(file.table, file.fileName, file.columns, { dateFormat: file.dateFormat }));
  } catch (cause) {
    throw new DatasetLoadError(
      file.fileName,
      `could not be loaded (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Regenerate the bundled data with `npm run datasets` or restore the file from git.',
      { cause },
    );
  } finally {
    await engine.dropFile(file.fileName);
  }
  const [count] = await engine.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quoteIdentifier(file.table)}`);
  const rowsLoaded = count?.n ?? 0;
  if (rowsLoaded !== rowsInFile) {
    throw new DatasetLoadError(
      file.fileName,
      `has ${rowsInFile} rows but ${rowsLoaded} were loaded; the file may be damaged. Restore it from git.`,
    );
  }
  return { fileName: file.fileName, table: file.table, rowsInFile, rowsLoaded };
}
