/**
 * Conformance of the upload pipeline (prepareUpload → ingestFile, real DuckDB-wasm) over the shared corpus of real
 * CSV files in ../shared/corpus (see its SOURCES.md). The corpus is never copied into the repository: without it
 * (CI) the suite is skipped with one notice. Every CSV/CSV.gz file found gets one test; what each must do is in
 * conformance.expected.ts, and a file without an entry there fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import { ingestFile, type IngestReport } from '../../src/data/upload/ingest';
import { planProblems, type PlannedColumn, type UploadPlan } from '../../src/data/upload/plan';
import { prepareUpload, type PreparedUpload } from '../../src/data/upload/prepare';
import { blobChunks } from '../../src/data/upload/readers/csv/blobChunks';
import { scanFile } from '../../src/data/upload/readers/csv/scanFile';
import { transcodeChunks } from '../../src/data/upload/readers/csv/transcode';
import { UploadError } from '../../src/data/upload/UploadError';
import { uploadedModel } from '../../src/data/upload/uploadedModel';
import { loadRowByRow } from './rowByRowLoad';
import { quoteIdentifier } from '../../src/sql';
import { t } from '../../src/i18n';
import { EXPECTED, type Expectation, type Loads, type PlanEditor, type Queries } from './conformance.expected';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const hasCorpus = fs.existsSync(CORPUS);
if (!hasCorpus) {
  console.log(`Corpus conformance suite skipped: no corpus at ${CORPUS} (it is not part of the repository).`);
}

/** Rows of the preview and of the format suggestions (PROFILE_ROWS in prepare.ts). */
const PREVIEW_ROWS = 2000;

/** Paths inside the corpus (with '/'), sorted. */
function corpusFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? corpusFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : /\.csv(\.gz)?$/i.test(entry.name)
          ? [`${prefix}${entry.name}`]
          : [],
    )
    .sort();
}

// One engine for the whole file, replaced after a failed load (a failure may leave it unusable).
let engine: Engine | null = null;
async function currentEngine(): Promise<Engine> {
  engine ??= await createNodeEngine();
  return engine;
}
async function discardEngine(): Promise<void> {
  await engine?.terminate().catch(() => undefined);
  engine = null;
}
afterAll(discardEngine);

let loads = 0;

/** See PlanEditor.standIn: the column is left out of the load. */
function standIn(column: PlannedColumn): PlannedColumn {
  return { ...column, role: 'ignore' };
}

function adjusted(plan: UploadPlan, adjust: ((editor: PlanEditor) => void) | undefined): UploadPlan {
  if (!adjust) return plan;
  let columns = plan.columns;
  const find = (header: string) => {
    const column = columns.find((c) => c.header === header);
    if (!column) throw new Error(`No column "${header}" in the plan`);
    return column;
  };
  const replace = (next: PlannedColumn) => {
    columns = columns.map((c) => (c.index === next.index ? next : c));
  };
  adjust({
    role: (header, role, format) => replace({ ...find(header), role, ...(format ? { format } : {}) }),
    standIn: (header) => replace(standIn(find(header))),
  });
  return { ...plan, columns };
}

/** Data records as the loader counts them: the same conversion (encoding, line ends) and the same scanner. */
async function countRecords(file: Blob, prepared: PreparedUpload): Promise<number> {
  const { dialect, lineEnding } = prepared.sniff;
  const convert = dialect.encoding !== 'utf-8' || lineEnding === 'cr' || lineEnding === 'mixed';
  const chunks = blobChunks(file, dialect.compression);
  const scan = await scanFile(
    convert ? transcodeChunks(chunks, dialect.encoding, { normaliseLineEndings: true, stripBom: true }) : chunks,
    convert ? { ...dialect, encoding: 'utf-8', compression: 'none' } : dialect,
    { expectedFields: prepared.plan.columns.length },
  );
  return scan.records;
}

function checkPrepared(prepared: PreparedUpload, expected: Expectation, rows: number | undefined): void {
  const { sniff, plan } = prepared;
  const dialect = expected.dialect ?? {};
  const actual = {
    encoding: sniff.dialect.encoding,
    delimiter: sniff.dialect.delimiter,
    header: sniff.dialect.header,
    compression: sniff.dialect.compression,
    bom: sniff.bom,
    lineEnding: sniff.lineEnding,
  };
  for (const key of Object.keys(dialect) as (keyof typeof dialect)[]) {
    expect(actual[key], `detected ${key}`).toBe(dialect[key]);
  }
  if (expected.warnings) {
    expect(sniff.warnings.map((warning) => warning.code).sort(), 'sniff warnings').toEqual([...expected.warnings].sort());
  }
  if (expected.columns !== undefined) expect(plan.columns.length, 'columns').toBe(expected.columns);
  if (expected.headers) {
    expect(plan.columns.slice(0, expected.headers.length).map((column) => column.header), 'headers').toEqual(expected.headers);
  }
  for (const [header, [role, kind, format]] of Object.entries(expected.kinds ?? {})) {
    const column = plan.columns.find((c) => c.header === header);
    expect(column, `column "${header}"`).toBeDefined();
    expect({ header, role: column!.role, kind: column!.format.kind }).toEqual({ header, role, kind });
    if (format) expect(column!.format, `format of "${header}"`).toMatchObject(format);
  }
  const problems = planProblems(plan);
  const expectedProblems = expected.planProblems ?? [];
  expect(problems, 'problems of the suggested plan').toHaveLength(expectedProblems.length);
  expectedProblems.forEach((pattern, index) => expect(problems[index]).toMatch(pattern));
  // The preview shows what will be loaded: as many records (up to its limit) when the sample is the whole file.
  if (rows !== undefined && prepared.complete) {
    expect(sniff.rows.length, 'records in the preview').toBe(Math.min(expected.previewRows ?? rows, PREVIEW_ROWS));
  }
  expected.checkPrepared?.(prepared);
}

function checkAccounting(report: IngestReport, expected: Loads): void {
  expect(
    { rowsInFile: report.rowsInFile, rowsLoaded: report.rowsLoaded, rowsRejected: report.rowsRejected, rowsSkipped: report.rowsSkipped },
    'report',
  ).toEqual({ rowsInFile: expected.rows, rowsLoaded: expected.loaded, rowsRejected: expected.rejected, rowsSkipped: 0 });
  expect(report.rowsLoaded + report.rowsRejected + report.rowsSkipped, 'rows add up').toBe(report.rowsInFile);
  // Every rejected row is listed (fewer than MAX_REPORTED_REJECTS here), with a line inside the file.
  expect(report.rejects, 'rejects listed').toHaveLength(report.rowsRejected);
  for (const reject of report.rejects) expect(reject.line).toBeGreaterThan(0);
  if (expected.rejects) {
    expect(report.rejects.map((reject) => [reject.line, reject.column]), 'rejected lines').toEqual(
      expected.rejects.map(([line, column]) => [line, column]),
    );
    expected.rejects.forEach(([, , reason], index) => expect(report.rejects[index]!.reason).toMatch(reason));
  }
  expect(report.warnings.map((warning) => t(warning)), 'report warnings').toEqual(expected.reportWarnings ?? []);
}

/** Loads, checks the report, runs `use` on the loaded table, then drops it. A failed load discards the engine. */
async function load<T>(
  file: File,
  fileName: string,
  plan: UploadPlan,
  use: (loaded: { report: IngestReport; table: string; db: Engine }) => Promise<T>,
): Promise<T> {
  const db = await currentEngine();
  const datasetId = `conformance_${++loads}`;
  let tables: string[];
  let report: IngestReport;
  try {
    // The rows are kept as a table (by the reference load) to check them value by value…
    ({ report, tables } = await loadRowByRow(db, file, fileName, datasetId, plan));
  } catch (error) {
    await discardEngine();
    throw error;
  }
  try {
    // …and the app's own streaming load (no rows table, a second pass only for rows that did not convert) must give
    // the same report and the same cube.
    const streamed = await ingestFile(db, file, fileName, `${datasetId}_streamed`, plan);
    try {
      expect({ ...streamed.report, timings: null }, 'streaming load report').toEqual({ ...report, timings: null });
      const cubeOf = (id: string) => db.query(`SELECT * FROM ${quoteIdentifier(uploadedModel(id, plan).cubeTable)} ORDER BY ALL`);
      expect(await cubeOf(`${datasetId}_streamed`), 'streaming load cube').toEqual(await cubeOf(datasetId));
      expect(streamed.tables, 'streaming load tables').toEqual([uploadedModel(`${datasetId}_streamed`, plan).cubeTable]);
    } finally {
      for (const table of streamed.tables) await db.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
    }
    return await use({ report, table: quoteIdentifier(uploadedModel(datasetId, plan).rowsTable), db });
  } finally {
    for (const table of tables) await db.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
  }
}

/**
 * Every value of the file as text, to compare with a csv-spectrum oracle: every column a text dimension (no null
 * tokens; an empty member reads as ''), loaded twice because one column must stand in as the measure each time.
 */
async function readBackAsText(file: File, fileName: string, prepared: PreparedUpload): Promise<Record<string, string>[]> {
  const result: Record<string, string>[] = [];
  for (const standInIndex of [0, 1]) {
    const plan: UploadPlan = {
      ...prepared.plan,
      columns: prepared.plan.columns.map((column) =>
        column.index === standInIndex ? standIn(column) : { ...column, role: 'dimension', format: { kind: 'text' }, nullTokens: [] },
      ),
    };
    await load(file, fileName, plan, async ({ table, db, report }) => {
      expect(report.rowsRejected, 'rejected when read as text').toBe(0);
      const rows = await db.query(`SELECT * FROM ${table} ORDER BY rowid`);
      rows.forEach((row, i) => {
        result[i] ??= {};
        for (const column of plan.columns) {
          if (column.index === standInIndex || (standInIndex === 1 && column.index !== 0)) continue;
          const value = row[`c${column.index}`];
          result[i]![column.header] = value === '(empty)' ? '' : String(value);
        }
      });
    });
  }
  return result;
}

/** Runs one file through the pipeline and checks it against its expectation. */
async function conforms(relative: string, expected: Expectation): Promise<void> {
  const fileName = path.basename(relative);
  const bytes = fs.readFileSync(path.join(CORPUS, relative));
  const file = new File([bytes], fileName);

  if (expected.outcome === 'refused' && expected.stage === 'prepare') {
    const error = await prepareUpload(file, fileName).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'refused by prepareUpload').toBeInstanceOf(UploadError);
    expect({ code: (error as UploadError).code, fileName: (error as UploadError).fileName }).toEqual({ code: expected.code, fileName });
    for (const pattern of expected.message) expect((error as UploadError).message).toMatch(pattern);
    return;
  }

  const prepared = await prepareUpload(file, fileName);
  checkPrepared(prepared, expected, expected.rows);
  if (expected.rows !== undefined) expect(await countRecords(file, prepared), 'records counted').toBe(expected.rows);
  if (expected.outcome === 'unloadable') return;

  const plan = adjusted(prepared.plan, expected.adjust);
  expect(planProblems(plan), 'problems of the adjusted plan').toEqual([]);

  if (expected.outcome === 'refused') {
    const error = await load(file, fileName, plan, async () => null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'refused by ingestFile').toBeInstanceOf(UploadError);
    expect({ code: (error as UploadError).code, fileName: (error as UploadError).fileName }).toEqual({ code: expected.code, fileName });
    for (const pattern of expected.message) expect((error as UploadError).message).toMatch(pattern);
    return;
  }

  await load(file, fileName, plan, async ({ report, table, db }) => {
    checkAccounting(report, expected);
    const queries: Queries = {
      plan,
      prepared,
      report,
      table,
      col: (header) => {
        const column = plan.columns.find((c) => c.header === header);
        if (!column || column.role === 'ignore') throw new Error(`"${header}" is not a loaded column`);
        return quoteIdentifier(`c${column.index}`);
      },
      query: <T extends Record<string, unknown>>(sql: string) => db.query<T>(sql),
    };
    await expected.check?.(queries);
  });

  if (expected.oracle) {
    const oracle = JSON.parse(fs.readFileSync(path.join(CORPUS, expected.oracle), 'utf8')) as Record<string, string>[];
    const text = await readBackAsText(file, fileName, prepared);
    expect(text, `values against ${expected.oracle}`).toEqual(oracle);
  }
}

describe.skipIf(!hasCorpus)('CSV corpus conformance', () => {
  const files = hasCorpus ? corpusFiles(CORPUS) : [];

  it('every expectation is for a file of the corpus', () => {
    expect(Object.keys(EXPECTED).filter((name) => !files.includes(name)), 'expectations without a file').toEqual([]);
  });

  for (const relative of files) {
    const expected = EXPECTED[relative];
    it(relative, async () => {
      if (!expected) {
        throw new Error(
          `No expectation for ${relative}: add an entry to test/upload/conformance.expected.ts (rows from ` +
            'SOURCES.md, what it should load or the error it should give).',
        );
      }
      await conforms(relative, expected);
    });
    if (expected?.outcome === 'loads') {
      for (const bug of expected.bugs ?? []) {
        it.fails(`${relative} — KNOWN BUG: ${bug.what}`, () => conforms(relative, { ...expected, adjust: bug.adjust }));
      }
    }
  }
});
