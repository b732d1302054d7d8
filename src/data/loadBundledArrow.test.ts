import { beforeAll, describe, expect, it } from 'vitest';
import { bundledArrowData, type BundledArrowData } from '../../scripts/bundledDataPlugin';
import { createNodeEngine } from '../engine/nodeEngine';
import { DATASETS_DIR, readDatasetFile, readDatasetText } from '../../test/support/loadBundledIntoNode';
import { BUNDLED_FILES, DERIVED_TABLES } from './bundledFiles';
import { loadBundledArrow } from './loadBundledArrow';
import { DatasetLoadError, loadBundledDatasets, type DatasetLoadProgress } from './loadBundledDatasets';

const countLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length - 1;
const readFrom = (data: readonly BundledArrowData[]) => async (file: { table: string }) =>
  data.find((candidate) => candidate.table === file.table)!.ipc.slice();

// The browser loads the Arrow streams the build makes of the CSVs; the tables must be those of the checked CSV
// loader, value for value and type for type, and every row must be accounted for.
describe('the bundled datasets as the build ships them (Arrow streams)', () => {
  let data: BundledArrowData[];
  beforeAll(async () => {
    data = await bundledArrowData(DATASETS_DIR);
  });

  it('are made of every bundled CSV, in order, with the records counted in the CSV, then the derived tables', async () => {
    expect(data.map((file) => [file.fileName, file.table])).toEqual([
      ...BUNDLED_FILES.map((file) => [file.fileName, file.table]),
      ...DERIVED_TABLES.map((derived) => [derived.table, derived.table]),
    ]);
    for (const file of data.slice(0, BUNDLED_FILES.length)) {
      const lines = countLines(await readDatasetText(file.fileName));
      expect(lines, file.fileName).toBeGreaterThan(0);
      expect(file.rowsInFile, file.fileName).toBe(lines);
    }
  });

  it('load into the same tables as the checked CSV path, and report rowsInFile = rowsLoaded', async () => {
    const checked = await createNodeEngine();
    const fromArrow = await createNodeEngine();
    await loadBundledDatasets(checked, readDatasetFile);
    const progress: DatasetLoadProgress[] = [];
    const reports = await loadBundledArrow(fromArrow, data, readFrom(data), (step) => progress.push(step));
    for (const [index, file] of BUNDLED_FILES.entries()) {
      expect(reports[index]).toEqual({ fileName: file.fileName, table: file.table, rowsInFile: data[index]!.rowsInFile, rowsLoaded: data[index]!.rowsInFile });
    }
    // A derived table's stream holds the rows its statement makes from the checked tables.
    const [monthly] = await checked.query<{ n: number }>('SELECT COUNT(*)::INTEGER AS n FROM market_monthly');
    expect(reports.at(-1)).toEqual({ fileName: 'market_monthly', table: 'market_monthly', rowsInFile: monthly!.n, rowsLoaded: monthly!.n });
    for (const table of [...BUNDLED_FILES.map((file) => file.table), 'market_monthly']) {
      const fingerprint = `SELECT COUNT(*) AS n, SUM(hash(t))::DOUBLE AS h FROM "${table}" t`;
      expect(await fromArrow.query(fingerprint), table).toEqual(await checked.query(fingerprint));
      // Row for row, in the file's order.
      const ordered = `SELECT list(hash(t))::VARCHAR AS rows FROM "${table}" t`;
      expect(await fromArrow.query(ordered), table).toEqual(await checked.query(ordered));
      const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`;
      expect(await fromArrow.query(types), table).toEqual(await checked.query(types));
    }
    const total = data.length;
    expect(progress).toEqual([
      ...data.map((file, index) => ({ loaded: index, total, current: file.fileName })),
      { loaded: total, total, current: null },
    ]);
  });

  it('fails, naming the CSV, when a table has fewer rows than its CSV has records', async () => {
    const engine = await createNodeEngine();
    const short = data.map((file) => (file.table === 'sales' ? { ...file, rowsInFile: file.rowsInFile + 1 } : file));
    const failure = loadBundledArrow(engine, short, readFrom(data));
    await expect(failure).rejects.toBeInstanceOf(DatasetLoadError);
    await expect(failure).rejects.toThrow(/^marketplace-sales\.csv: has \d+ rows but \d+ were loaded/);
  });

  it('fails, naming the CSV, when a stream is damaged', async () => {
    const engine = await createNodeEngine();
    const read = async (file: { table: string }) => {
      const bytes = await readFrom(data)(file);
      return file.table === 'traffic' ? bytes.slice(0, bytes.length >> 1) : bytes;
    };
    const failure = loadBundledArrow(engine, data, read);
    await expect(failure).rejects.toBeInstanceOf(DatasetLoadError);
    await expect(failure).rejects.toThrow(/^marketplace-traffic\.csv: could not be read/);
  });

  it('loads a derived table from its stream without running its join, and runs the join when no stream came', async () => {
    const watched = async (files: readonly BundledArrowData[]) => {
      const engine = await createNodeEngine();
      const statements: string[] = [];
      const query = engine.query.bind(engine);
      engine.query = ((sql: string, ...rest: unknown[]) => {
        statements.push(sql);
        return (query as (...args: unknown[]) => unknown)(sql, ...rest);
      }) as typeof engine.query;
      await loadBundledArrow(engine, files, readFrom(data));
      return { engine, statements };
    };
    const fingerprint = 'SELECT COUNT(*) AS n, SUM(hash(t))::DOUBLE AS h, list(hash(t))::VARCHAR AS rows FROM market_monthly t';
    const shipped = await watched(data);
    expect(shipped.statements.filter((sql) => sql.includes('CREATE OR REPLACE TABLE market_monthly'))).toEqual([]);
    const joined = await watched(data.filter((file) => !DERIVED_TABLES.some((derived) => derived.table === file.table)));
    expect(joined.statements.filter((sql) => sql.includes('CREATE OR REPLACE TABLE market_monthly'))).toHaveLength(1);
    expect(await shipped.engine.query(fingerprint)).toEqual(await joined.engine.query(fingerprint));
  });
});
