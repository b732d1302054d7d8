import type { Engine } from '../../engine';
import {
  buildConversion,
  buildConversionRejectsQuery,
  buildConvertedRowsQuery,
  buildCubeCleanupStatements,
  buildCubeCountsQuery,
  buildCubeStatement,
  buildProblemRowsStatement,
  buildGroupedCubeStatement,
  monthStart,
  readerTyping,
  POSITION_COLUMN,
  buildIngestCleanupStatements,
  buildIngestCountsQuery,
  buildIngestStatement,
  buildIsNullExpression,
  buildReadCsv,
  conversionNullTokens,
  buildReaderRejectedLinesQuery,
  buildReaderRejectsQuery,
  quoteIdentifier,
  type GroupedColumnSpec,
  type IngestColumnSpec,
  type LoadMode,
  type PlainShape,
  type ReaderType,
} from '../../sql';
import type { DatasetModel } from '../model';
import { ROW_COUNT_COLUMN, uploadedModel } from './uploadedModel';
import { countryLookup } from './formats';
import { parseUploadPlan } from './planSchema';
import { effectiveColumns, planProblems, type PlannedColumn, type UploadPlan } from './plan';
import { blobChunks, linesOfRecords, scanFile, type FileScan } from './scanFile';
import type { Dialect, LineEnding } from './sniff';
import { transcodeChunks } from './transcode';
import { quoteFileName, UploadError } from './UploadError';

/** One rejected row, for the report and the download: where it is, which column, what it held, and why. */
export interface RejectedRow {
  /** Physical line (1-based, as an editor shows it) where the record starts. */
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** Rows in the file = rows loaded + rows rejected (+ rows skipped by a sample), always. */
export interface IngestReport {
  fileName: string;
  bytes: number;
  /** Rows of the loaded table the file makes: its records, or with an unpivot, records × unpivoted columns. */
  rowsInFile: number;
  /** Data records in the file (the header excluded). */
  recordsInFile: number;
  /** 1, or with an unpivot the number of unpivoted columns: each record gives that many rows ("values"). */
  valuesPerRecord: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Rows left out on purpose, because only a sample was loaded. */
  rowsSkipped: number;
  /** The first rejected rows (all of them up to {@link MAX_REPORTED_REJECTS}), in file order. */
  rejects: RejectedRow[];
  warnings: string[];
  /** Milliseconds spent, by step, for the benchmark and the curious. */
  timings: {
    scanMs: number;
    loadMs: number;
    cubeMs: number;
    totalMs: number;
    /** Columns DuckDB's reader typed itself in the read that counted (0 when every column was read as text). */
    readerTyped: number;
    /** Reads of the whole file by DuckDB: 1, 2 when the typed read had to be redone as text, +1 to find bad rows. */
    reads: number;
  };
}

export interface IngestedDataset {
  model: DatasetModel;
  report: IngestReport;
  /** Tables holding the dataset, to drop when it is deleted or replaced. */
  tables: string[];
}

export interface IngestProgress {
  phase: 'preparing' | 'reading' | 'summarising' | 'done';
  /** Bytes checked so far by the app's own pass over the file, and the file's size. */
  bytesRead: number;
  totalBytes: number;
}

export const MAX_REPORTED_REJECTS = 10_000;

let registrations = 0;

/**
 * Loads a user's file as a new dataset. DuckDB reads the registered file handle (no copy into JS memory) while the
 * app counts the file's records itself in parallel; the load succeeds only if rows loaded + rows rejected equal the
 * records counted. Everything is built under temporary names and renamed at the end: a failure, a cancellation or
 * an engine error leaves every existing dataset as it was.
 */
export async function ingestFile(
  engine: Engine,
  file: Blob,
  fileName: string,
  datasetId: string,
  plan: UploadPlan,
  options: {
    onProgress?: (progress: IngestProgress) => void;
    signal?: AbortSignal;
    /** Keep the converted rows as a table (`<id>__rows`) besides the cube; the app does not need them. */
    keepRows?: boolean;
  } = {},
): Promise<IngestedDataset> {
  const started = performance.now();
  // Every load goes through here (a new upload, a shared link, a stored dataset, an edit): a plan that is not valid
  // data is refused before any of it reaches SQL.
  const checked = parseUploadPlan(plan);
  if ('error' in checked) throw new Error(`The plan for reading ${fileName} is not valid (${checked.error}); nothing was loaded.`);
  plan = checked.plan;
  const problems = planProblems(plan);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const report = (progress: Omit<IngestProgress, 'totalBytes'>) =>
    options.onProgress?.({ ...progress, totalBytes: file.size });
  const checkAborted = () => {
    if (options.signal?.aborted) throw new DOMException(`Loading ${fileName} was cancelled.`, 'AbortError');
  };

  report({ phase: 'preparing', bytesRead: 0 });
  const { source, dialect, warnings } = await readableSource(file, plan.dialect, plan.lineEnding);
  checkAborted();

  const staging = `__staging_${datasetId}`;
  const rejectsTable = `__rejects_${datasetId}`;
  const rejectsScan = `__rejects_scan_${datasetId}`;
  // A fresh name per load: DuckDB-wasm read a name registered again after dropFile as an empty file (seen in the
  // benchmark); the row accounting would refuse that load, but it should not happen at all.
  const registered = engine.filePath(`upload_${datasetId}_${++registrations}.csv${dialect.compression === 'gzip' ? '.gz' : ''}`);
  const used = effectiveColumns(plan).filter((column) => column.role !== 'ignore');
  // With an unpivot each row of the file becomes one row per unpivoted column: counts are then in values.
  const perRecord = plan.unpivot ? plan.unpivot.columns.length : 1;
  const lookup = used.some((column) => column.format.kind === 'country') ? countryLookup() : undefined;
  const specs = used.map((column) => ({ ...ingestSpec(column, lookup), sourceIndex: column.index }));
  const columnCount = Math.max(...plan.columns.map((column) => column.index)) + 1;

  const { model, rowsTable, cubeTable } = uploadedModel(datasetId, plan);
  const stagingCube = `__staging_cube_${datasetId}`;
  const problemRows = `__problems_${datasetId}`;
  const time = used.find((column) => column.role === 'time');
  const rowColumn = (column: PlannedColumn) => `c${column.index}`;
  const cube = {
    time: time ? monthStart(quoteIdentifier(rowColumn(time))) : `DATE '${TIMELESS_MONTH}-01'`,
    dimensions: used.filter((column) => column.role === 'dimension').map(rowColumn),
    measures: [
      ...used.filter((column) => column.role === 'measure').map((column) => ({ column: rowColumn(column), name: rowColumn(column) })),
      { column: null, name: ROW_COUNT_COLUMN },
    ],
  };
  const rowsOptions = {
    limit: plan.sampleRows,
    unpivot: plan.unpivot && {
      fields: plan.unpivot.columns,
      names: plan.unpivot.columns.map((index) => plan.columns.find((column) => column.index === index)?.header ?? ''),
      nameField: plan.unpivot.name.index,
      valueField: plan.unpivot.value.index,
    },
  };
  const readCsv = (pass: number, types?: ReadonlyMap<number, ReaderType>) =>
    buildReadCsv(registered, dialect, columnCount, { errors: `${rejectsTable}_${pass}`, scans: `${rejectsScan}_${pass}` }, types);
  // Streaming (the default): the file goes straight into the month cube, and no table of its rows is ever built,
  // so a 10M-row file costs the memory of its cube. With `keepRows` the converted rows are kept as a table too.
  const streaming = !options.keepRows;
  // A streaming load without an unpivot groups dimension texts before converting them, and lets the reader type
  // the plain number and ISO date columns itself, provided the scan finds every value of them plain.
  const grouped = streaming && !plan.unpivot;
  const typable = new Map<number, { shape: PlainShape; type: ReaderType }>();
  if (grouped) {
    for (const column of used) {
      if (column.role === 'dimension') continue;
      const typing = readerTyping(column.format, column.nullTokens);
      if (typing) typable.set(column.index, typing);
    }
  }
  const groupedStatement = (typed: ReadonlySet<number>, pass: number) =>
    buildGroupedCubeStatement(
      stagingCube,
      readCsv(pass, new Map([...typed].map((index) => [index, typable.get(index)!.type]))),
      used.map((column, position) => {
        const role = column.role as GroupedColumnSpec['role'];
        const timeGroups = role === 'time' && ['date', 'month', 'year'].includes(column.format.kind);
        const mode: LoadMode = typed.has(column.index) ? 'typed' : role === 'dimension' || timeGroups ? 'grouped' : 'row';
        return { ...specs[position]!, role, mode };
      }),
      model.timeColumn,
      ROW_COUNT_COLUMN,
      { limit: plan.sampleRows, timelessMonth: TIMELESS_MONTH },
    );

  await engine.registerFile(registered, source);
  const tables: string[] = [];
  try {
    report({ phase: 'reading', bytesRead: 0 });
    const loadStarted = performance.now();
    let scanMs = 0;
    // The app's own count runs on this thread while DuckDB reads in its worker: on two cores they overlap. DuckDB
    // starts once the scan has seen the first chunk, which tells which columns are worth typing.
    let firstChunk!: (unshaped: ReadonlySet<number>) => void;
    let scanFailed!: (cause: unknown) => void;
    const firstChunkSeen = new Promise<ReadonlySet<number>>((resolve, reject) => {
      firstChunk = resolve;
      scanFailed = reject;
    });
    const scanning = scanFile(blobChunks(source, dialect.compression), dialect, {
      expectedFields: columnCount,
      onProgress: (bytesRead) => report({ phase: 'reading', bytesRead }),
      shapes: new Map([...typable].map(([index, typing]) => [index, typing.shape])),
      onFirstChunk: firstChunk,
    }).then((scan) => {
      scanMs = performance.now() - loadStarted;
      return scan;
    });
    scanning.catch(scanFailed);
    let typed = new Set<number>();
    let readerPass = 1;
    let reads = 1;
    const loading = firstChunkSeen.then((unshaped) => {
      typed = new Set([...typable.keys()].filter((index) => !unshaped.has(index)));
      return engine.query(
        grouped
          ? groupedStatement(typed, readerPass)
          : streaming
            ? buildCubeStatement(
                stagingCube,
                { query: buildConvertedRowsQuery(readCsv(readerPass), specs, rowsOptions) },
                cube.time,
                cube.dimensions,
                cube.measures,
                model.timeColumn,
                { problemFlag: true },
              )
            : buildIngestStatement(staging, readCsv(readerPass), specs, rowsOptions),
      );
    });
    loading.catch(() => {});
    let scan: FileScan;
    try {
      scan = await scanning;
      checkFileProblems(fileName, scan);
      await loading;
    } catch (cause) {
      await loading.catch(() => {});
      throw readError(fileName, cause);
    }
    checkAborted();
    const rejectedLines = async () =>
      (await engine.query<{ record_line: number }>(buildReaderRejectedLinesQuery(`${rejectsTable}_${readerPass}`))).map((row) => row.record_line);
    let readerRejectedLines = await rejectedLines();
    if (typed.size > 0) {
      // The reader typed some columns on the word of the scan's first chunk. If a later value was not plain, or the
      // reader rejected a record (a typed value that does not cast, such as 2023-02-30, is one), read the file again
      // with every column as text: then the report is exactly that of the row-by-row conversion.
      const unshaped = new Set(scan.unshaped ?? []);
      if ([...typed].some((index) => unshaped.has(index)) || readerRejectedLines.length > 0) {
        typed = new Set();
        readerPass = 3;
        reads += 1;
        try {
          await engine.query(groupedStatement(typed, readerPass));
        } catch (cause) {
          throw readError(fileName, cause);
        }
        readerRejectedLines = await rejectedLines();
      }
    }
    const loadMs = performance.now() - loadStarted;
    checkAborted();

    const [counts] = await engine.query<{ loaded: number; rejected: number }>(
      streaming ? buildCubeCountsQuery(stagingCube, ROW_COUNT_COLUMN) : buildIngestCountsQuery(staging),
    );
    const rowsLoaded = counts?.loaded ?? 0;
    const convertRejected = counts?.rejected ?? 0;
    const valuesInFile = scan.records * perRecord;
    const rowsRejected = convertRejected + readerRejectedLines.length * perRecord;
    const rowsSkipped = plan.sampleRows !== undefined ? Math.max(0, valuesInFile - rowsLoaded - rowsRejected) : 0;
    if (rowsLoaded + rowsRejected + rowsSkipped !== valuesInFile || (rowsLoaded + convertRejected) % perRecord !== 0) {
      const unit = perRecord > 1 ? 'values' : 'rows';
      throw new UploadError(
        fileName,
        'row-accounting',
        `${quoteFileName(fileName)} has ${valuesInFile.toLocaleString('en-US')} ${unit}, but the engine read ` +
          `${(rowsLoaded + rowsRejected).toLocaleString('en-US')} (${rowsLoaded.toLocaleString('en-US')} loaded, ` +
          `${rowsRejected.toLocaleString('en-US')} rejected). Rather than lose ${unit} silently, nothing was loaded. ` +
          'This usually means a quote character is used inside fields: try another quote setting in the preview.',
      );
    }
    if (rowsLoaded === 0) {
      throw new UploadError(
        fileName,
        scan.records === 0 ? 'header-only' : 'nothing-loaded',
        scan.records === 0
          ? `${quoteFileName(fileName)} has a header but no data rows. Add rows, or check that the right file was chosen.`
          : `None of the ${scan.records.toLocaleString('en-US')} rows of ${quoteFileName(fileName)} could be loaded. ` +
            'Check the delimiter and the column formats in the preview (see the rejected rows for why).',
      );
    }

    // Which rows did not convert, and where: in a streaming load only now, by a second pass that keeps those rows
    // alone (a clean file never needs it).
    let conversionRejectsSource = { table: staging, positionColumn: undefined as string | undefined };
    if (streaming && convertRejected > 0) {
      report({ phase: 'reading', bytesRead: file.size });
      await engine.query(buildProblemRowsStatement(problemRows, readCsv(2), specs, rowsOptions));
      reads += 1;
      conversionRejectsSource = { table: problemRows, positionColumn: POSITION_COLUMN };
    }
    const rejects =
      rowsRejected > 0
        ? await collectRejects(engine, source, dialect, plan, used, conversionRejectsSource, `${rejectsTable}_${readerPass}`, readerRejectedLines, convertRejected > 0)
        : [];
    if (!streaming) for (const statement of buildIngestCleanupStatements(staging)) await engine.query(statement);
    checkAborted();

    report({ phase: 'summarising', bytesRead: file.size });
    const cubeStarted = performance.now();
    if (streaming) {
      for (const statement of buildCubeCleanupStatements(stagingCube)) await engine.query(statement);
    } else {
      await engine.query(buildCubeStatement(stagingCube, staging, cube.time, cube.dimensions, cube.measures, model.timeColumn));
    }
    const cubeMs = performance.now() - cubeStarted;
    checkAborted();
    // Only now, with everything built, do the new tables take their names.
    await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(rowsTable)}`);
    await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(cubeTable)}`);
    if (!streaming) {
      await engine.query(`ALTER TABLE ${quoteIdentifier(staging)} RENAME TO ${quoteIdentifier(rowsTable)}`);
      tables.push(rowsTable);
    }
    await engine.query(`ALTER TABLE ${quoteIdentifier(stagingCube)} RENAME TO ${quoteIdentifier(cubeTable)}`);
    tables.push(cubeTable);
    report({ phase: 'done', bytesRead: file.size });
    const timings = { scanMs, loadMs, cubeMs, totalMs: performance.now() - started, readerTyped: typed.size, reads };
    // For profiles and `npm run bench`: the whole load, with its steps in the entry's detail.
    performance.measure('upload:ingest', { start: started, end: performance.now(), detail: { ...timings, bytes: file.size } });
    return {
      model,
      tables,
      report: {
        fileName,
        bytes: file.size,
        rowsInFile: valuesInFile,
        recordsInFile: scan.records,
        valuesPerRecord: perRecord,
        rowsLoaded,
        rowsRejected,
        rowsSkipped,
        rejects,
        warnings: [...warnings, ...scanWarnings(scan)],
        timings,
      },
    };
  } finally {
    for (const table of [staging, stagingCube, problemRows, ...[1, 2, 3].flatMap((pass) => [`${rejectsTable}_${pass}`, `${rejectsScan}_${pass}`])]) {
      await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`).catch(() => {});
    }
    await engine.dropFile(registered).catch(() => {});
  }
}

/** The month used for every row of a file without a time column. */
export const TIMELESS_MONTH = '2000-01';

/** How one mapped column is converted while loading. */
function ingestSpec(column: PlannedColumn, lookup: ReadonlyMap<string, string> | undefined): IngestColumnSpec {
  return {
    name: `c${column.index}`,
    convert: (field) => buildConversion(field, column.format, column.nullTokens, lookup).expression,
    isNull: (field) => buildIsNullExpression(field, conversionNullTokens(column.format, column.nullTokens)),
    required: column.role === 'time',
    emptyAs: column.role === 'dimension' ? '(empty)' : undefined,
  };
}

/**
 * DuckDB reads UTF-8 with LF or CRLF line ends. Anything else (UTF-16, Windows-1252, CR-only or mixed line ends) is
 * converted in the page first, streamed into a new Blob; the original file is never changed.
 */
async function readableSource(
  file: Blob,
  dialect: Dialect,
  lineEnding: LineEnding,
): Promise<{ source: Blob; dialect: Dialect; warnings: string[] }> {
  const needsLineEnds = lineEnding === 'cr' || lineEnding === 'mixed';
  if (dialect.encoding === 'utf-8' && !needsLineEnds) return { source: file, dialect, warnings: [] };
  const parts: Uint8Array[] = [];
  for await (const chunk of transcodeChunks(blobChunks(file, dialect.compression), dialect.encoding, {
    normaliseLineEndings: true,
    stripBom: true,
  })) {
    parts.push(chunk);
  }
  const warnings = [];
  if (dialect.encoding !== 'utf-8') warnings.push(`Converted from ${dialect.encoding.toUpperCase()} to UTF-8.`);
  if (needsLineEnds) warnings.push('Line endings were normalised (the file had CR-only or mixed line endings).');
  return {
    source: new Blob(parts as BlobPart[], { type: 'text/csv' }),
    dialect: { ...dialect, encoding: 'utf-8', compression: 'none' },
    warnings,
  };
}

/** NUL bytes and invalid UTF-8 make DuckDB fail or mangle rows: refuse with the line to fix. */
function checkFileProblems(fileName: string, scan: FileScan): void {
  if (scan.nulByte) {
    throw new UploadError(
      fileName,
      'nul-bytes',
      `${quoteFileName(fileName)}, line ${scan.nulByte.line}: the file contains NUL bytes (\\0), which a text file ` +
        'should not. Re-export the file from its source, or remove the NUL bytes with a text editor.',
      { line: scan.nulByte.line },
    );
  }
  if (scan.invalidUtf8) {
    throw new UploadError(
      fileName,
      'invalid-utf8',
      `${quoteFileName(fileName)}, line ${scan.invalidUtf8.line}: bytes that are not valid UTF-8. Choose the ` +
        'encoding "Windows-1252 / Latin-1" in the preview, or re-save the file as UTF-8.',
      { line: scan.invalidUtf8.line },
    );
  }
}

function scanWarnings(scan: FileScan): string[] {
  const warnings: string[] = [];
  if (scan.unterminatedQuote) {
    warnings.push(`A quote opened on line ${scan.unterminatedQuote.line} is never closed: the rest of the file was read as one field.`);
  }
  return warnings;
}

function readError(fileName: string, cause: unknown): Error {
  if (cause instanceof UploadError || (cause instanceof DOMException && cause.name === 'AbortError')) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new UploadError(
    fileName,
    'read-failed',
    `${quoteFileName(fileName)} could not be read: ${detail.split('\n')[0]}. Check the delimiter, quote and encoding ` +
      'in the preview. Your other datasets are unchanged.',
    undefined,
    { cause },
  );
}

/**
 * The rejected rows with their physical lines. DuckDB's reader reports a record count ("line" 5 = the 4th data
 * record), and converted rows are numbered among the reader's accepted rows; one more pass over the file turns both
 * into the line numbers an editor shows.
 */
async function collectRejects(
  engine: Engine,
  source: Blob,
  dialect: Dialect,
  plan: UploadPlan,
  used: readonly PlannedColumn[],
  converted: { table: string; positionColumn?: string },
  rejectsTable: string,
  readerRejectedLines: readonly number[],
  anyConversionRejects: boolean,
): Promise<RejectedRow[]> {
  const headerOffset = dialect.header ? 1 : 0;
  const allColumns = plan.columns;
  const perRecord = plan.unpivot ? plan.unpivot.columns.length : 1;
  const unpivotedHeader = (position: number) =>
    plan.unpivot ? allColumns.find((column) => column.index === plan.unpivot!.columns[position % perRecord])?.header : undefined;
  const readerRejects = await engine.query<{
    record_line: number;
    error_type: string;
    message: string;
    column_name: string | null;
    csv_line: string | null;
  }>(buildReaderRejectsQuery(rejectsTable, MAX_REPORTED_REJECTS));
  const conversionRejects = anyConversionRejects
    ? await engine.query<{ position: number; column_index: number; value: string | null }>(
        buildConversionRejectsQuery(converted.table, MAX_REPORTED_REJECTS, { positionColumn: converted.positionColumn }),
      )
    : [];
  if (readerRejects.length === 0 && conversionRejects.length === 0) return [];

  // Accepted row `position` (0-based) is the position-th data record not rejected by the reader.
  const rejectedRecords = readerRejectedLines.map((line) => line - headerOffset);
  const recordOfPosition = (position: number) => {
    let record = position + 1;
    for (const rejected of rejectedRecords) {
      if (rejected <= record) record++;
      else break;
    }
    return record;
  };
  const entries = [
    ...readerRejects.map((row) => ({
      record: row.record_line - headerOffset,
      column: headerOfField(row.column_name, allColumns),
      value: row.csv_line,
      reason: readerReason(row.error_type, row.message, row.csv_line === null ? null : countFields(row.csv_line, dialect)),
    })),
    ...conversionRejects.map((row) => {
      const column = used[row.column_index];
      const unpivoted = plan.unpivot && (column === plan.unpivot.value || column === plan.unpivot.name);
      return {
        // With an unpivot, rows come perRecord to a record, in the order of the unpivoted columns.
        record: recordOfPosition(Math.floor(row.position / perRecord)),
        column: (unpivoted ? unpivotedHeader(row.position) : column?.header) ?? null,
        value: row.value,
        reason: column ? conversionReason(column, row.value) : 'could not be converted',
      };
    }),
  ]
    .sort((a, b) => a.record - b.record)
    // A bad value outside the unpivoted columns is reported once per record, not once per unpivoted column.
    .filter((entry, index, all) => index === 0 || !(entry.record === all[index - 1]!.record && entry.column === all[index - 1]!.column));
  const lines = await linesOfRecords(
    blobChunks(source, dialect.compression),
    dialect,
    entries.map((entry) => entry.record),
  );
  return entries.slice(0, MAX_REPORTED_REJECTS).map((entry) => ({
    line: lines.get(entry.record) ?? entry.record + headerOffset,
    column: entry.column,
    value: entry.value,
    reason: entry.reason,
  }));
}

/** The reader names columns by their placeholders (`f3`); people know them by their header. */
function headerOfField(name: string | null, columns: readonly PlannedColumn[]): string | null {
  const match = name ? /^f(\d+)$/.exec(name) : null;
  if (!match) return name;
  return columns.find((column) => column.index === Number(match[1]))?.header ?? name;
}

/** Fields in one record's text, quotes respected (DuckDB stops counting one past the expected number). */
function countFields(line: string, dialect: Dialect): number {
  let fields = 1;
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === dialect.quote) {
      if (quoted && line[index + 1] === dialect.quote) index++;
      else quoted = !quoted;
    } else if (!quoted && line.startsWith(dialect.delimiter, index)) {
      fields++;
      index += dialect.delimiter.length - 1;
    }
  }
  return fields;
}

function readerReason(errorType: string, message: string, fieldsInLine: number | null): string {
  const counts = /^Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  switch (errorType) {
    case 'MISSING COLUMNS':
      return counts ? `too few fields (${counts[2]} instead of ${counts[1]})` : 'too few fields';
    case 'TOO MANY COLUMNS': {
      if (!counts) return 'too many fields';
      const found = fieldsInLine !== null && fieldsInLine > Number(counts[1]) ? fieldsInLine : Number(counts[2]);
      return `too many fields (${found} instead of ${counts[1]})`;
    }
    case 'UNQUOTED VALUE':
      return 'a quote is opened and not closed properly';
    case 'INVALID UNICODE':
      return 'bytes that are not valid UTF-8';
    case 'LINE SIZE OVER MAXIMUM':
      return 'the line is longer than 64 MB';
    default:
      return message.split('\n')[0] ?? errorType;
  }
}

function conversionReason(column: PlannedColumn, value: string | null): string {
  if (value === null || value.trim() === '') return `"${column.header}" is empty, and the time column needs a value`;
  switch (column.format.kind) {
    case 'number':
      return `is not a number in the column's format${column.format.percent ? ' (a percentage)' : ''}`;
    case 'date':
    case 'timestamp':
    case 'month':
      return `is not a date in the form ${column.format.format}`;
    case 'year':
      return 'is not a year';
    case 'duration':
      return 'is not a duration such as 00:01:11';
    case 'country':
      return 'is not a country the app knows';
    case 'boolean':
      return 'is not true or false';
    case 'text':
      return 'could not be read';
  }
}

