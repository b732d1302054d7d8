import type { Engine } from '../engine';
import { errorMessage } from '../lib/errors';
import {
  buildCsvHeaderQuery,
  buildCsvStageStatement,
  buildCsvTypedReadStatement,
  buildCsvTypedTableStatement,
  buildCsvValidationQuery,
  buildDropTableStatement,
  buildRowCountQuery,
} from '../sql';
import { BUNDLED_FILES, DERIVED_TABLES, type BundledFile } from './bundledFiles';
import { scanCsvRecords, type CsvRecordScan } from './countCsvRecords';

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
  options: { checkFields?: boolean } = {},
): Promise<FileLoadReport[]> {
  const pending = files.map((file) => readFile(file.fileName));
  // Unhandled rejections of later files would otherwise surface before the loop reaches them.
  for (const promise of pending) promise.catch(() => {});
  const reports: FileLoadReport[] = [];
  for (const [index, file] of files.entries()) {
    onProgress({ loaded: index, total: files.length, current: file.fileName });
    const bytes = await pending[index]!;
    reports.push(await loadOneFile(engine, file, bytes, options.checkFields ?? true));
  }
  for (const derived of DERIVED_TABLES) await engine.query(derived.statement);
  onProgress({ loaded: files.length, total: files.length, current: null });
  return reports;
}

/** Loads one bundled file's bytes into its table with every check of {@link loadBundledDatasets}; nothing derived. */
export function loadBundledFile(engine: Engine, file: BundledFile, bytes: Uint8Array): Promise<FileLoadReport> {
  return loadOneFile(engine, file, bytes, true);
}

async function loadOneFile(engine: Engine, file: BundledFile, bytes: Uint8Array, checkFields: boolean): Promise<FileLoadReport> {
  const scan = scanCsvRecords(bytes);
  const stage = `stage_${file.table}`;
  const path = engine.filePath(file.fileName);
  await engine.registerFileBuffer(path, bytes);
  try {
    await checkHeader(engine, file);
    if (!checkFields) {
      await engine.query(buildCsvTypedReadStatement(file.table, path, file.columns, { dateFormat: file.dateFormat }));
    } else {
      await stageAndCheck(engine, file, stage, scan);
    }
  } catch (cause) {
    if (cause instanceof DatasetLoadError) throw cause;
    throw new DatasetLoadError(
      file.fileName,
      `could not be read (${errorMessage(cause)}). ${REPAIR_ADVICE}`,
      { cause },
    );
  } finally {
    await engine.query(buildDropTableStatement(stage)).catch(() => {});
    await engine.dropFile(path);
  }
  const [count] = await engine.query<{ n: number }>(buildRowCountQuery(file.table));
  const rowsLoaded = count?.n ?? 0;
  if (rowsLoaded !== scan.records) {
    throw new DatasetLoadError(
      file.fileName,
      `has ${scan.records} rows but ${rowsLoaded} were loaded; the file may be damaged. ${REPAIR_ADVICE}`,
    );
  }
  return { fileName: file.fileName, table: file.table, rowsInFile: scan.records, rowsLoaded };
}

/** Stages every field as text, reports the first field that breaks its column's rules, then casts. */
async function stageAndCheck(engine: Engine, file: BundledFile, stage: string, scan: CsvRecordScan): Promise<void> {
  await engine.query(buildCsvStageStatement(stage, engine.filePath(file.fileName), file.columns));
  const [problem] = await engine.query<{
    record: number;
    column_name: string;
    value: string | null;
    problem: string;
    problem_count: number;
  }>(buildCsvValidationQuery(stage, file.columns, { dateFormat: file.dateFormat }));
  if (problem) {
    const others = problem.problem_count > 1 ? ` (and ${problem.problem_count - 1} more problems)` : '';
    throw new DatasetLoadError(
      file.fileName,
      `line ${scan.lineOfRecord(problem.record)}, column "${problem.column_name}": ` +
        `${problem.value === null ? 'the field' : JSON.stringify(problem.value.slice(0, 80))} ${problem.problem}${others}. ` +
        REPAIR_ADVICE,
    );
  }
  await engine.query(buildCsvTypedTableStatement(file.table, stage, file.columns, { dateFormat: file.dateFormat }));
}

const REPAIR_ADVICE = 'Regenerate the bundled data with `npm run datasets` or restore the file from git.';

/** The header must name exactly the declared columns, in order: a swapped pair would otherwise load silently. */
async function checkHeader(engine: Engine, file: BundledFile): Promise<void> {
  const [header] = await engine.query<Record<string, string | null>>(
    buildCsvHeaderQuery(engine.filePath(file.fileName), file.columns.length),
  );
  const found = file.columns.map((_, index) => (header?.[`c${index}`] ?? '').replace(/^\uFEFF/, ''));
  const expected = file.columns.map((column) => column.name);
  const mismatch = expected.findIndex((name, index) => found[index] !== name);
  if (mismatch >= 0) {
    throw new DatasetLoadError(
      file.fileName,
      `line 1, column ${mismatch + 1}: the header says ${JSON.stringify(found[mismatch])} where ` +
        `${JSON.stringify(expected[mismatch])} was expected (expected header: ${expected.join(',')}). ${REPAIR_ADVICE}`,
    );
  }
}
