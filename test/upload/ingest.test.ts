import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { addUpload, configureUploads, databaseFor, datasetRegistry, removeUpload, restoreUploadList } from '../../src/data/datasets';
import { prepareUpload } from '../../src/data/upload/prepare';
import { planProblems, type UploadPlan } from '../../src/data/upload/plan';
import { memoryUploadStore, type UploadStore } from '../../src/data/upload/storage';
import { fetchCatalog } from '../../src/data/queries/fetchCatalog';
import { fetchKpis } from '../../src/data/queries/fetchKpis';
import { fetchRanking } from '../../src/data/queries/fetchRanking';
import { modelForQuery } from '../../src/data/cubes';
import { loadRowByRow } from './rowByRowLoad';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const hasCorpus = fs.existsSync(CORPUS);

function fileOf(name: string, text: string | Uint8Array): File {
  return new File([text as BlobPart], name);
}

/** A number format for whole numbers, as the user chooses it for a column detection left as text. */
const WHOLE_NUMBERS = { kind: 'number' as const, decimal: '.' as const, thousands: null, percent: false, currency: null, integer: true };

/** The plan with its `orders` column a measure of whole numbers (its "abc"s then fail to convert). */
function ordersAsWholeNumbers(plan: UploadPlan): UploadPlan {
  return {
    ...plan,
    columns: plan.columns.map((column) => (column.header === 'orders' ? { ...column, role: 'measure' as const, format: WHOLE_NUMBERS } : column)),
  };
}

let engine: Engine;
let store: UploadStore;
beforeEach(async () => {
  engine = await createNodeEngine();
  store = memoryUploadStore();
  configureUploads({ engine: async () => engine, store: async () => store });
});

describe('uploading a CSV', () => {
  it('loads typed columns, reports rejected rows with their lines, and the rows add up', async () => {
    const csv = [
      'date,shop,country,orders,revenue',
      '2024-01-03,Alpha,RU,10,"1,200.50"',
      '2024-01-20,Beta,MX,5,300',
      '2024-02-02,Alpha,NA,7,"2,000"',
      '2024-02-10,"Multi\nline",MX,abc,10', // a quoted newline, then an order count that is not a number
      '2024-03-01,Beta,RU,3', // too few fields
      '2024-03-05,Alpha,MX,4,50',
    ].join('\n');
    const prepared = await prepareUpload(fileOf('shops.csv', csv), 'shops.csv');
    const roles = Object.fromEntries(prepared.plan.columns.map((column) => [column.header, column.role]));
    // "abc" among the orders makes the column text: detection is strict. The user says it holds whole numbers.
    expect(roles).toEqual({ date: 'time', shop: 'dimension', country: 'dimension', orders: 'dimension', revenue: 'measure' });
    const plan = ordersAsWholeNumbers(prepared.plan);
    const { report, entry } = await addUpload(prepared.file, 'shops.csv', plan);
    expect(report.rowsInFile).toBe(6);
    expect(report.rowsLoaded).toBe(4);
    expect(report.rowsRejected).toBe(2);
    expect(report.rowsLoaded + report.rowsRejected).toBe(report.rowsInFile);
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([
      [5, 'orders', 'abc'],
      [7, 'revenue', '2024-03-01,Beta,RU,3'],
    ]);
    expect(report.rejects[1]!.reason).toMatch(/too few fields/);

    const db = await databaseFor(entry.id);
    const catalog = await fetchCatalog(db, entry.model);
    expect(catalog.firstMonth).toBe('2024-01');
    expect(catalog.lastMonth).toBe('2024-03');
    expect([...(catalog.members.country ?? [])].sort()).toEqual(['MX', 'NA', 'RU']);
    const revenue = entry.model.measures.find((measure) => measure.label === 'revenue')!;
    const view = { datasetId: entry.id, measureId: revenue.id, from: '2024-01', to: '2024-03', filters: {} };
    const ranking = await fetchRanking(db, await modelForQuery(db, entry.model, ['shop']), view, 'shop', 10);
    expect(ranking.rows.map((row) => [row.key, row.value])).toEqual([
      ['Alpha', 3250.5],
      ['Beta', 300],
    ]);
    const kpis = await fetchKpis(db, entry.model, view);
    expect(kpis.current).toBe(3550.5);
  });

  it('keeps the dataset in the store and loads it again in a fresh engine', async () => {
    const prepared = await prepareUpload(fileOf('a.csv', 'month,team,points\n2020-01,x,1\n2020-02,y,2\n'), 'a.csv');
    const { entry } = await addUpload(prepared.file, 'a.csv', prepared.plan);
    expect((await store.list()).map((manifest) => manifest.id)).toEqual([entry.id]);
    // A new page: a fresh engine and an empty registry, with the same storage.
    engine = await createNodeEngine();
    configureUploads({ engine: async () => engine, store: async () => store });
    await restoreUploadList();
    expect(datasetRegistry.get().map((dataset) => dataset.id)).toContain(entry.id);
    const db = await databaseFor(entry.id);
    const [row] = await db.query<{ n: number }>(`SELECT SUM(${entry.model.measures[0]!.column}) AS n FROM ${entry.model.table}`);
    expect(row?.n).toBe(3);
    await removeUpload(entry.id);
    expect(await store.list()).toEqual([]);
    expect(datasetRegistry.get().some((dataset) => dataset.id === entry.id)).toBe(false);
  });

  it('a failed upload leaves the other datasets intact', async () => {
    const good = await prepareUpload(fileOf('good.csv', 'month,team,points\n2020-01,x,1\n'), 'good.csv');
    const { entry } = await addUpload(good.file, 'good.csv', good.plan);
    const bad = await prepareUpload(fileOf('bad.csv', 'month,team,points\n2020-01,x,1\n2020-02,y,2\n'), 'bad.csv');
    // Every row's time fails to convert: nothing can load.
    const plan = { ...bad.plan, columns: bad.plan.columns.map((column) => (column.role === 'time' ? { ...column, format: { kind: 'date' as const, format: '%d.%m.%Y' } } : column)) };
    await expect(addUpload(bad.file, 'bad.csv', plan)).rejects.toThrow(/None of the 2 rows/);
    expect(datasetRegistry.get().map((dataset) => dataset.id)).toEqual(['market', entry.id]);
    const tables = await engine.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() ORDER BY 1');
    expect(tables.map((table) => table.name).filter((name) => name.startsWith('__'))).toEqual([]);
  });
});

describe('a shared view over an upload', () => {
  it("carries the file's name, size, rows, columns, fingerprint and mapping, and nothing of its data", async () => {
    const csv = 'shop,orders\nAlpha,1\nBeta,2\n';
    const prepared = await prepareUpload(fileOf('kept.csv', csv), 'kept.csv');
    const { entry } = await addUpload(prepared.file, 'kept.csv', prepared.plan);
    expect(entry.manifest?.fingerprint).toEqual({ bytes: csv.length, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const { neededDatasetParam, readNeededDataset } = await import('../../src/data/neededDataset');
    const param = await neededDatasetParam(entry.id, `v=1&dataset=${entry.id}`);
    const needed = await readNeededDataset(param!);
    expect(needed).toMatchObject({ id: entry.id, fileName: 'kept.csv', bytes: csv.length, rows: 2, columns: ['shop', 'orders'], view: `v=1&dataset=${entry.id}` });
    expect(needed!.plan).toEqual(prepared.plan);
    expect(JSON.stringify(needed)).not.toContain('Alpha');
    expect(await neededDatasetParam('market', 'v=1')).toBeNull();
    for (const bad of ['', '!!!', param!.slice(0, 20), 'A'.repeat(70_000)]) expect(await readNeededDataset(bad)).toBeNull();
  });
});

describe('a full storage', () => {
  it('keeps the new upload for the visit with a clear message, and leaves what was kept before untouched', async () => {
    const kept = await prepareUpload(fileOf('kept.csv', 'shop,orders\nAlpha,1\nBeta,2\n'), 'kept.csv');
    const { entry: first } = await addUpload(kept.file, 'kept.csv', kept.plan);
    const before = await store.list();
    // From now on the browser refuses every write, as when the quota is exhausted.
    const { StorageFullError } = await import('../../src/data/upload/storage');
    const full: UploadStore = { ...store, save: async () => Promise.reject(new StorageFullError('quota exceeded')) };
    configureUploads({ engine: async () => engine, store: async () => full });
    await restoreUploadList();
    const next = await prepareUpload(fileOf('next.csv', 'shop,orders\nGamma,3\n'), 'next.csv');
    const { entry, report } = await addUpload(next.file, 'next.csv', next.plan);
    expect(report.rowsLoaded).toBe(1);
    expect(entry.notKept).toMatch(/no room left to keep this file: it is loaded for this visit only/);
    expect(await store.list()).toEqual(before);
    expect(datasetRegistry.get().map((item) => item.id)).toEqual(expect.arrayContaining([first.id, entry.id]));
    expect((await store.read(first.id)).size).toBe(kept.file.size);
  });
});

describe('streaming load (the app) and load with a rows table (tests) agree', () => {
  it('on a messy file: same counts, same rejects with their lines, same cube', async () => {
    const csv = [
      'date,shop,country,orders,revenue',
      '2024-01-03,Alpha,RU,10,"1,200.50"',
      '2024-01-20,Beta,MX,5,300',
      '2024-02-02,Alpha,NA,7,"2,000"',
      '2024-02-10,"Multi\nline",MX,abc,10',
      '2024-03-01,Beta,RU,3',
      'not a date,Beta,RU,3,4',
      '2024-03-05,Alpha,XX,4,50',
      '2024-03-06, Alpha ,mx,4,"3,000"',
    ].join('\n');
    const prepared = await prepareUpload(fileOf('shops.csv', csv), 'shops.csv');
    const plan = {
      ...prepared.plan,
      columns: prepared.plan.columns.map((column) =>
        column.header === 'orders'
          ? { ...column, role: 'measure' as const, format: WHOLE_NUMBERS }
          : column.header === 'date'
            ? { ...column, role: 'time' as const, format: { kind: 'date' as const, format: '%Y-%m-%d' } }
            : column.header === 'country'
              ? { ...column, role: 'dimension' as const, format: { kind: 'country' as const, codes: 'iso2' as const } }
              : column,
      ),
    };
    const results = [];
    for (const rowByRow of [false, true]) {
      const db = await createNodeEngine();
      const { ingestFile } = await import('../../src/data/upload/ingest');
      const load = rowByRow ? loadRowByRow : ingestFile;
      const { report, model } = await load(db, prepared.file, 'shops.csv', 'shops', plan);
      const cube = await db.query(`SELECT * FROM "${model.table}" ORDER BY ALL`);
      const tables = await db.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() ORDER BY 1');
      results.push({ report: { ...report, timings: null }, cube, tables: tables.map((table) => table.name) });
    }
    const [streamed, kept] = results;
    expect(streamed!.report).toEqual(kept!.report);
    expect(streamed!.cube).toEqual(kept!.cube);
    expect(streamed!.report.rejects.map((reject) => [reject.line, reject.column])).toEqual([
      [5, 'orders'],
      [7, 'revenue'],
      [8, 'date'],
      [9, 'country'],
    ]);
    // The streaming load leaves only the cube (beside the M49 regions its country column is joined with and the World
    // Bank internet users its measures per internet user divide by, each loaded once per engine); the reference load
    // keeps the rows too. No staging table is left behind.
    expect(streamed!.tables).toEqual(['m49_regions', 'shops__cube', 'wb_internet_users']);
    expect(kept!.tables).toEqual(['m49_regions', 'shops__cube', 'shops__rows', 'wb_internet_users']);
  });
});

describe('dimensions that are not text', () => {
  it('yes/no, number and date columns can be dimensions, with empty values kept as an "(empty)" member', async () => {
    const csv = ['flag,size,day,n', 'yes,10,2024-01-02,1', ',,,2', 'no,20,2024-01-03,3'].join('\n');
    configureUploads({ engine: async () => engine, store: async () => store });
    const prepared = await prepareUpload(fileOf('flags.csv', csv), 'flags.csv');
    const plan = {
      ...prepared.plan,
      columns: prepared.plan.columns.map((column) => (column.header === 'n' ? column : { ...column, role: 'dimension' as const })),
    };
    expect(plan.columns.map((column) => column.format.kind)).toEqual(['boolean', 'number', 'date', 'number']);
    const { report, entry } = await addUpload(prepared.file, 'flags.csv', plan);
    expect([report.rowsLoaded, report.rowsRejected]).toEqual([3, 0]);
    // The converted rows, as the reference load keeps them (the app keeps only the cube).
    await loadRowByRow(engine, prepared.file, 'flags.csv', entry.id, plan);
    const rows = await engine.query(`SELECT c0, c1, c2 FROM "${entry.id}__rows" ORDER BY c3`);
    expect(rows).toEqual([
      { c0: 'true', c1: '10', c2: '2024-01-02' },
      { c0: '(empty)', c1: '(empty)', c2: '(empty)' },
      { c0: 'false', c1: '20', c2: '2024-01-03' },
    ]);
  });
});

describe('ragged rows', () => {
  it('a row with too many fields says how many it has, counting quoted delimiters as text', async () => {
    const csv = ['shop,orders', 'Alpha,1', 'Beta,2,x,"y,z",w', 'Gamma,3'].join('\n');
    const prepared = await prepareUpload(fileOf('ragged.csv', csv), 'ragged.csv');
    const { report } = await addUpload(prepared.file, 'ragged.csv', prepared.plan);
    expect([report.rowsLoaded, report.rowsRejected]).toEqual([2, 1]);
    expect(report.rejects.map((reject) => [reject.line, reject.reason])).toEqual([[3, 'too many fields (5 instead of 2)']]);
  });
});

describe('files without a number column', () => {
  it('load as suggested and are measured by counting their rows', async () => {
    const csv = [
      'order_id,status,purchased',
      'a1,delivered,2017-10-02 10:56:33',
      'a2,delivered,2017-10-20 08:00:00',
      'a3,canceled,2017-11-01 12:00:00',
      'a4,delivered,2017-11-03 09:30:00',
    ].join('\n');
    const prepared = await prepareUpload(fileOf('orders.csv', csv), 'orders.csv');
    expect(planProblems(prepared.plan)).toEqual([]);
    const { entry } = await addUpload(prepared.file, 'orders.csv', prepared.plan);
    expect(entry.model.measures.map((measure) => measure.id)).toEqual(['row_count']);
    const engineWith = await databaseFor(entry.id);
    const view = { datasetId: entry.id, measureId: 'row_count', from: '2017-10', to: '2017-11', filters: {} };
    const ranking = await fetchRanking(engineWith, await modelForQuery(engineWith, entry.model, ['status']), view, 'status', 10);
    expect(ranking.rows.map((row) => [row.key, row.value])).toEqual([
      ['delivered', 3],
      ['canceled', 1],
    ]);
  });
});

describe('wide files (one column per year)', () => {
  const WIDE = [
    'Country Name,Country Code,Indicator Name,Indicator Code,2019,2020,2021,2022',
    'Mexico,MEX,GDP (current US$),NY.GDP.MKTP.CD,1270000000000,x,1270000000000.5,1460000000000',
    '"Russian Federation",RUS,GDP (current US$),NY.GDP.MKTP.CD,1693114764183.6,1493075894362.2,,2266029240645.2',
    'World,WLD,GDP (current US$),NY.GDP.MKTP.CD,87.6,85.4,97.5,100.9',
  ].join('\n');

  it('are offered an unpivot to long form; values add up and a bad cell is reported by its year and line', async () => {
    configureUploads({ engine: async () => engine, store: async () => store });
    const prepared = await prepareUpload(fileOf('gdp_wide.csv', WIDE), 'gdp_wide.csv');
    const unpivot = prepared.plan.unpivot!;
    expect(unpivot.columns).toEqual([4, 5, 6, 7]);
    expect([unpivot.name.header, unpivot.name.role, unpivot.name.format.kind]).toEqual(['Year', 'time', 'year']);
    expect([unpivot.value.role, unpivot.value.format.kind, unpivot.value.overTime]).toEqual(['measure', 'number', 'mean']);
    const plan = {
      ...prepared.plan,
      columns: prepared.plan.columns.map((column) => ({
        ...column,
        role: column.index === 0 || column.index === 2 ? ('dimension' as const) : ('ignore' as const),
        format: column.index <= 3 ? { kind: 'text' as const } : column.format,
      })),
    };
    const { report, entry } = await addUpload(prepared.file, 'gdp_wide.csv', plan);
    // 3 rows × 4 year columns = 12 values: 11 loaded (an empty cell is an empty value), "x" rejected.
    expect([report.recordsInFile, report.valuesPerRecord, report.rowsInFile]).toEqual([3, 4, 12]);
    expect([report.rowsLoaded, report.rowsRejected, report.rowsSkipped]).toEqual([11, 1, 0]);
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([[2, '2020', 'x']]);
    // The converted rows, as the reference load keeps them (the app keeps only the cube).
    await loadRowByRow(engine, prepared.file, 'gdp_wide.csv', entry.id, plan);
    const rows = await engine.query<{ country: string; year: string; value: number | null }>(
      `SELECT c0 AS country, CAST(c8 AS VARCHAR) AS year, c9 AS value FROM "${entry.id}__rows" ORDER BY 1, 2`,
    );
    expect(rows.filter((row) => row.country === 'Russian Federation').map((row) => [row.year, row.value])).toEqual([
      ['2019-01-01', 1693114764183.6],
      ['2020-01-01', 1493075894362.2],
      ['2021-01-01', null],
      ['2022-01-01', 2266029240645.2],
    ]);
    expect(entry.model.measures.map((measure) => [measure.label, measure.overTime])).toEqual([
      ['Value', 'mean'],
      ['Values (count)', 'sum'],
    ]);
    expect(entry.model.dimensions.map((dimension) => dimension.label)).toEqual(['Country Name', 'Indicator Name']);
    // The views work on it: the years are the cube's months.
    const catalog = await fetchCatalog(await databaseFor(entry.id), entry.model);
    expect([catalog.firstMonth, catalog.lastMonth]).toEqual(['2019-01', '2022-01']);
    expect([...catalog.members.country_name!].sort()).toEqual(['Mexico', 'Russian Federation', 'World']);
  });

  it('with a sample, counts stay in values and still add up', async () => {
    const prepared = await prepareUpload(fileOf('gdp_wide.csv', WIDE), 'gdp_wide.csv');
    const plan = {
      ...prepared.plan,
      sampleRows: 2,
      columns: prepared.plan.columns.map((column) => ({ ...column, role: column.index === 0 ? ('dimension' as const) : ('ignore' as const), format: column.index <= 3 ? { kind: 'text' as const } : column.format })),
    };
    const { report } = await addUpload(prepared.file, 'gdp_wide.csv', plan);
    expect([report.rowsLoaded, report.rowsRejected, report.rowsSkipped, report.rowsInFile]).toEqual([7, 1, 4, 12]);
  });
});

describe.skipIf(!hasCorpus)('corpus uploads', () => {
  it('blog_analytics.csv: thousands separators, countries by name, no time column', async () => {
    const bytes = fs.readFileSync(path.join(CORPUS, 'ga-blog-analytics/blog_analytics.csv'));
    const prepared = await prepareUpload(fileOf('blog_analytics.csv', bytes), 'blog_analytics.csv');
    const byHeader = new Map(prepared.plan.columns.map((column) => [column.header, column]));
    expect(byHeader.get('Country')?.format).toEqual({ kind: 'country', codes: 'name' });
    expect(byHeader.get('Page Views')?.role).toBe('measure');
    const { report, entry } = await addUpload(prepared.file, 'blog_analytics.csv', prepared.plan);
    expect(report.rowsInFile).toBe(17243);
    expect(report.rowsLoaded + report.rowsRejected).toBe(17243);
    // Every country name Google Analytics writes is known ("Bosnia & Herzegovina", "Myanmar (Burma)"…), "(not set)"
    // is empty, and "2,080" deep in the file reads as 2080.
    expect(report.rejects).toEqual([]);
    expect(entry.model.timeless).toBe(true);
    const db = await databaseFor(entry.id);
    const views = entry.model.measures.find((measure) => measure.label === 'Page Views')!;
    const [direct] = await db.query<{ total: number }>(`SELECT SUM(${views.column}) AS total FROM ${entry.model.table}`);
    // Independent check: sum the column in JS, reading "1,701" as 1701.
    const text = bytes.toString('utf8');
    const Papa = (await import('papaparse')).default;
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    const index = parsed.data[0]!.indexOf('Page Views');
    const expected = parsed.data.slice(1).reduce((sum, row) => sum + Number(row[index]!.replaceAll(',', '')), 0);
    expect(direct?.total).toBe(expected);
  });
});

describe('the list of rows that did not convert', () => {
  const csv = ['date,shop,orders', '2024-01-03,Alpha,10', '2024-01-20,Beta,abc', '2024-02-02,Alpha,7', '2024-02-10,Beta,x'].join('\n');
  async function planOf() {
    const prepared = await prepareUpload(fileOf('orders.csv', csv), 'orders.csv');
    const plan = ordersAsWholeNumbers(prepared.plan);
    return { prepared, plan };
  }
  /** The real engine, except that its first `empty` listings of the rows that did not convert find none, as seen in Chromium. */
  function emptyListings(inner: Engine, empty: number): Engine & { listings: () => number } {
    let listings = 0;
    return Object.assign(Object.create(inner) as Engine, {
      listings: () => listings,
      query: ((sql: string, ...rest: unknown[]) => {
        if (/^CREATE OR REPLACE TABLE "__problems_/.test(sql)) {
          listings++;
          if (listings <= empty) sql = `${sql} AND false`;
        }
        return (inner.query as (...args: unknown[]) => unknown)(sql, ...rest);
      }) as Engine['query'],
    });
  }

  it('is made again when a read finds fewer rows than the load counted, and then lists them all', async () => {
    const { prepared, plan } = await planOf();
    const { ingestFile } = await import('../../src/data/upload/ingest');
    const flaky = emptyListings(await createNodeEngine(), 2);
    const { report } = await ingestFile(flaky, prepared.file, 'orders.csv', 'orders_retry', plan);
    expect(flaky.listings()).toBe(3);
    expect(report.rowsRejected).toBe(2);
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([
      [3, 'orders', 'abc'],
      [5, 'orders', 'x'],
    ]);
  });

  it('refuses the load, naming the file and both counts, when every read finds too few', async () => {
    const { prepared, plan } = await planOf();
    const { ingestFile, PROBLEM_ROWS_ATTEMPTS } = await import('../../src/data/upload/ingest');
    const inner = await createNodeEngine();
    const flaky = emptyListings(inner, Infinity);
    const failure = await ingestFile(flaky, prepared.file, 'orders.csv', 'orders_refused', plan).catch((error: unknown) => error);
    expect(flaky.listings()).toBe(PROBLEM_ROWS_ATTEMPTS);
    expect(failure).toMatchObject({ name: 'UploadError', code: 'row-accounting', fileName: 'orders.csv' });
    expect((failure as Error).message).toBe(
      '"orders.csv": 2 rows did not convert, but reading the file again to list them found 0. Rather than show an incomplete list, nothing was loaded. Load the file again; if this repeats, reload the page.',
    );
    // Nothing of it is left behind.
    const tables = await inner.query<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE '%orders_refused%'");
    expect(tables).toEqual([]);
  });
});
