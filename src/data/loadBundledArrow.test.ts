import { beforeAll, describe, expect, it } from 'vitest';
import { bundledArrowData, type BundledArrowData } from '../../scripts/bundledDataPlugin';
import { createNodeEngine } from '../engine/nodeEngine';
import { DATASETS_DIR, readDatasetFile, readDatasetText } from '../../test/support/loadBundledIntoNode';
import { BUNDLED_FILES } from './bundledFiles';
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

  it('are made of every bundled CSV, in order, with the records counted in the CSV', async () => {
    expect(data.map((file) => [file.fileName, file.table])).toEqual(BUNDLED_FILES.map((file) => [file.fileName, file.table]));
    for (const file of data) {
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
    for (const table of [...BUNDLED_FILES.map((file) => file.table), 'market_monthly']) {
      const fingerprint = `SELECT COUNT(*) AS n, SUM(hash(t))::DOUBLE AS h FROM "${table}" t`;
      expect(await fromArrow.query(fingerprint), table).toEqual(await checked.query(fingerprint));
      // Row for row, in the file's order.
      const ordered = `SELECT list(hash(t))::VARCHAR AS rows FROM "${table}" t`;
      expect(await fromArrow.query(ordered), table).toEqual(await checked.query(ordered));
      const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`;
      expect(await fromArrow.query(types), table).toEqual(await checked.query(types));
    }
    const total = BUNDLED_FILES.length;
    expect(progress).toEqual([
      ...BUNDLED_FILES.map((file, index) => ({ loaded: index, total, current: file.fileName })),
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
});
