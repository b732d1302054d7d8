/**
 * The streaming load groups dimension texts before converting them and lets DuckDB's reader type plain number and
 * ISO date columns itself (src/sql/ingest.ts, buildGroupedCubeStatement). It must change speed, never results: each
 * file here is loaded both ways — streaming, and row by row with the rows kept (every column read as text and
 * converted on each row) — and the reports and cubes must be identical. Each case also says which way the streaming
 * load had to go (typed, or read again as text), so that both branches are known to be exercised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import { ingestFile, type IngestReport } from '../../src/data/upload/ingest';
import type { PlannedColumn, UploadPlan } from '../../src/data/upload/plan';
import { prepareUpload } from '../../src/data/upload/prepare';
import { uploadedModel } from '../../src/data/upload/uploadedModel';
import { loadRowByRow } from './rowByRowLoad';
import { quoteIdentifier } from '../../src/sql';
import { gzipSync } from 'node:zlib';

let engine: Engine;
let loads = 0;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.terminate?.();
});

/** Enough plain rows to push what follows past the scan's first chunk (1 MiB). */
function plainRows(count: number, start = 0): string[] {
  const shops = ['Alpha', 'Beta', 'Gamma'];
  const countries = ['RU', 'MX', 'BR'];
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    const day = String((n % 28) + 1).padStart(2, '0');
    const month = String((n % 12) + 1).padStart(2, '0');
    return `2024-${month}-${day},${shops[n % 3]},${countries[n % 3]},${n % 97},${(n % 1000) / 8}`;
  });
}

const HEADER = 'date,shop,country,orders,revenue';

/** Loads `text` both ways and compares; returns the streaming report. */
async function loadBothWays(
  name: string,
  bytes: string | Uint8Array,
  edit: (plan: UploadPlan) => UploadPlan = (plan) => plan,
): Promise<IngestReport> {
  const file = new File([bytes as BlobPart], name);
  const prepared = await prepareUpload(file, name);
  const plan = edit(prepared.plan);
  const id = `grouped_${++loads}`;
  const rowByRow = await loadRowByRow(engine, prepared.file, name, id, plan);
  const streamed = await ingestFile(engine, prepared.file, name, `${id}_s`, plan);
  try {
    expect({ ...streamed.report, timings: null }, 'report').toEqual({ ...rowByRow.report, timings: null });
    const cubeOf = (datasetId: string) => engine.query(`SELECT * FROM ${quoteIdentifier(uploadedModel(datasetId, plan).cubeTable)} ORDER BY ALL`);
    const cube = await cubeOf(`${id}_s`);
    expect(cube, 'cube').toEqual(await cubeOf(id));
    expect(cube.length).toBeGreaterThan(0);
    return streamed.report;
  } finally {
    for (const table of [...rowByRow.tables, ...streamed.tables]) await engine.query(`DROP TABLE IF EXISTS ${quoteIdentifier(table)}`);
  }
}

type Mapping = Pick<PlannedColumn, 'role' | 'format'>;
const DATE: Mapping = { role: 'time', format: { kind: 'date', format: '%Y-%m-%d' } };
const COUNTRY: Mapping = { role: 'dimension', format: { kind: 'country', codes: 'name' } };

/** The plan with the named columns mapped as given (the tests say what they load instead of relying on guesses). */
const mapped =
  (mapping: Record<string, Mapping>) =>
  (plan: UploadPlan): UploadPlan => ({
    ...plan,
    columns: plan.columns.map((column) => (mapping[column.header] ? { ...column, ...mapping[column.header] } : column)),
  });

const roles = (plan: UploadPlan) => Object.fromEntries(plan.columns.map((column) => [column.header, [column.role, column.format.kind]]));

describe('grouped and reader-typed streaming load = row-by-row load', () => {
  it('a clean file: date and both measures are typed by the reader, one read', async () => {
    const report = await loadBothWays('clean.csv', [HEADER, ...plainRows(5000)].join('\n'), (plan) => {
      expect(roles(plan)).toEqual({
        date: ['time', 'date'],
        shop: ['dimension', 'text'],
        country: ['dimension', 'country'],
        orders: ['measure', 'number'],
        revenue: ['measure', 'number'],
      });
      return plan;
    });
    expect(report.rowsLoaded).toBe(5000);
    expect(report.timings).toMatchObject({ readerTyped: 3, reads: 1 });
  });

  it('dimension texts that differ only by spaces, case of codes, names, null tokens and unknown countries', async () => {
    const text = [
      HEADER,
      '2024-01-03,Alpha,RU,10,1.5',
      '2024-01-04, Alpha ,ru,11,2',
      '2024-01-05,"Alpha",Russia,12,3',
      '2024-01-06,(not set),MX,13,4',
      '2024-01-07,,Mexico,14,5',
      '2024-01-08,N/A,Atlantis,15,6', // an unknown country: the row is rejected, with its line
      '2024-02-01,Beta,NA,16,7', // Namibia, not empty
      '2024-02-02,Beta,MX,,8', // an empty measure is empty, not a rejection
    ].join('\n');
    const report = await loadBothWays('dims.csv', text, mapped({ country: COUNTRY }));
    expect(report.rowsRejected).toBe(1);
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([[7, 'country', 'Atlantis']]);
    expect(report.timings.readerTyped).toBe(3);
  });

  it('a value that is not plain after the first chunk: the file is read again as text, with the same result', async () => {
    const rows = plainRows(40_000);
    rows.push('2024-03-01,Alpha,RU,1e3,5', '2024-03-02,Beta,MX,"12",6', '2024-03-03,Beta,MX, 7 ,6');
    const text = [HEADER, ...rows].join('\n');
    expect(text.length).toBeGreaterThan(1 << 20);
    const report = await loadBothWays('late.csv', text);
    // "1e3" is not a whole number in the app's reading (DuckDB's reader would take it as 1000); " 7 " is 7.
    expect(report.rejects.map((reject) => [reject.column, reject.value])).toEqual([['orders', '1e3']]);
    expect(report.timings).toMatchObject({ readerTyped: 0 });
    expect(report.timings.reads).toBeGreaterThanOrEqual(2);
  });

  it('a plain-looking date that does not exist: the reader rejects it, the file is read again, the row is reported', async () => {
    const report = await loadBothWays('feb30.csv', [HEADER, ...plainRows(100), '2023-02-30,Alpha,RU,1,1'].join('\n'), mapped({ date: DATE }));
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([[102, 'date', '2023-02-30']]);
    expect(report.timings.readerTyped).toBe(0);
  });

  it('ragged rows and a bad quote with typed columns: read again as text, same accounting', async () => {
    const text = [HEADER, ...plainRows(50), '2024-05-01,Alpha,RU,3', '2024-05-02,Beta,MX,4,5,6', ...plainRows(50, 50)].join('\r\n');
    const report = await loadBothWays('ragged.csv', text);
    expect(report.rowsRejected).toBe(2);
    expect(report.rowsLoaded + report.rowsRejected).toBe(report.rowsInFile);
  });

  it('non-ISO dates are grouped as text and converted once per distinct date', async () => {
    const text = ['Day;Shop;Sales', '03.01.2024;Alpha;1.234,5', '04.01.2024;Alpha;99', '31.02.2024;Beta;5', '05.02.2024; Beta ;7,25'].join('\n');
    const report = await loadBothWays('dotted.csv', text, (plan) => {
      expect(roles(plan)).toMatchObject({ Sales: ['measure', 'number'] });
      return mapped({ Day: { role: 'time', format: { kind: 'date', format: '%d.%m.%Y' } } })(plan);
    });
    expect(report.rejects.map((reject) => [reject.column, reject.value])).toEqual([['Day', '31.02.2024']]);
  });

  it('timestamps, a null token of a plain shape, a sample, no time column, gzip', async () => {
    const stamps = ['when,shop,visits', '2024-01-03 10:56:00,Alpha,3', '2024-01-03 11:00:00,Alpha,-1', '2024-02-03 11:00:00,Beta,5'].join('\n');
    // "-1" marks a missing count in this file: the reader must not type the column, or -1 would be summed.
    const withToken = await loadBothWays('stamps.csv', stamps, (plan) => ({
      ...plan,
      columns: plan.columns.map((column) => (column.header === 'visits' ? { ...column, nullTokens: [...column.nullTokens, '-1'] } : column)),
    }));
    expect(withToken.timings.readerTyped).toBe(0);
    expect(withToken.rowsLoaded).toBe(3);

    const sampled = await loadBothWays('sample.csv', [HEADER, ...plainRows(1000)].join('\n'), (plan) => ({ ...plan, sampleRows: 300 }));
    expect([sampled.rowsLoaded, sampled.rowsSkipped]).toEqual([300, 700]);

    const timeless = await loadBothWays('timeless.csv', ['shop,country,orders', 'Alpha,RU,1', 'Beta,Mexico,2', 'Alpha, RU ,3'].join('\n'));
    expect(timeless.rowsLoaded).toBe(3);

    const gz = await loadBothWays('clean.csv.gz', gzipSync([HEADER, ...plainRows(2000)].join('\n')));
    expect(gz.timings).toMatchObject({ readerTyped: 3, reads: 1 });
  });
});
