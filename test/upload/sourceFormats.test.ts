/**
 * Parquet and Excel uploads through the real load on Node DuckDB: the same roles, formats, rejects, row accounting,
 * persistence and share link as a CSV. The files are written by the libraries themselves (hyparquet-writer, SheetJS).
 */
import { utils, write, type WorkSheet } from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { addUpload, configureUploads, databaseFor, datasetRegistry, restoreUploadList } from '../../src/data/datasets';
import { prepareUpload } from '../../src/data/upload/prepare';
import type { UploadPlan } from '../../src/data/upload/plan';
import { memoryUploadStore, type UploadStore } from '../../src/data/upload/storage';
import { UploadError } from '../../src/data/upload/UploadError';

let engine: Engine;
let store: UploadStore;
beforeEach(async () => {
  engine = await createNodeEngine();
  store = memoryUploadStore();
  configureUploads({ engine: async () => engine, store: async () => store });
});

type ParquetOptions = Parameters<typeof parquetWriteBuffer>[0];

function parquetFile(name: string, options: ParquetOptions): File {
  return new File([parquetWriteBuffer(options)], name);
}

function workbookFile(name: string, sheets: Record<string, WorkSheet>): File {
  const book = utils.book_new();
  for (const [sheet, content] of Object.entries(sheets)) utils.book_append_sheet(book, content, sheet);
  return new File([write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer], name);
}

/** Roles and format kinds of the suggested plan, by header. */
function rolesOf(plan: UploadPlan): Record<string, string> {
  return Object.fromEntries(plan.columns.map((column) => [column.header, `${column.role}:${column.format.kind}`]));
}

/** The loaded rows of a dataset's table, ordered, with the named columns. */
async function loadedRows(datasetId: string, columns: Record<string, string>): Promise<Record<string, unknown>[]> {
  const entry = datasetRegistry.get().find((dataset) => dataset.id === datasetId)!;
  const db = await databaseFor(datasetId);
  const model = 'model' in entry ? entry.model : null;
  const select = Object.entries(columns).map(([alias, label]) => {
    const measure = model?.measures.find((candidate) => candidate.label === label);
    const dimension = model?.dimensions.find((candidate) => candidate.label === label);
    return `${measure?.column ?? dimension?.column} AS ${alias}`;
  });
  return db.query(`SELECT ${select.join(', ')} FROM ${model!.table} ORDER BY 1, 2`);
}

const SALES_PARQUET: ParquetOptions = {
  columnData: [
    { name: 'day', data: [new Date('2024-01-31T00:00:00Z'), new Date('2024-02-10T00:00:00Z'), null, new Date('2024-02-11T00:00:00Z'), new Date('2024-03-01T00:00:00Z')] },
    { name: 'shop', data: ['Zalando', 'Otto "the big"\nshop', 'Zalando', 'n/a', 'Otto "the big"\nshop'] },
    { name: 'orders', data: [9007199254740993n, 2n, 3n, null, 5n] },
    { name: 'revenue', data: [123.45, -0.05, 10, 7, 1.5] },
  ],
  schema: [
    { name: 'root', num_children: 4 },
    { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    { name: 'shop', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'orders', type: 'INT64', repetition_type: 'OPTIONAL' },
    { name: 'revenue', type: 'INT64', converted_type: 'DECIMAL', scale: 2, precision: 12, repetition_type: 'OPTIONAL' },
  ],
} as ParquetOptions;

describe('a Parquet upload', () => {
  it('suggests roles and formats, loads every row or rejects it, and the rows add up', async () => {
    const file = parquetFile('sales.parquet', SALES_PARQUET);
    const prepared = await prepareUpload(file, 'sales.parquet');
    expect(prepared.plan.source).toEqual({ format: 'parquet' });
    expect(prepared.sniff.columns.map((column) => column.name)).toEqual(['day', 'shop', 'orders', 'revenue']);
    expect(prepared.sniff.rows[1]).toEqual(['2024-02-10', 'Otto "the big"\nshop', '2', '-0.05']);
    expect(rolesOf(prepared.plan)).toMatchObject({ day: 'time:date', shop: 'dimension:text', revenue: 'measure:number' });
    // The user says orders are whole numbers to add up, and that 'n/a' stands for a missing shop in this file: value
    // formats and null tokens apply to Parquet values as to CSV ones.
    const plan = {
      ...prepared.plan,
      columns: prepared.plan.columns.map((column) => {
        if (column.header === 'shop') return { ...column, nullTokens: [...column.nullTokens, 'n/a'] };
        if (column.header !== 'orders') return column;
        return { ...column, role: 'measure' as const, format: { kind: 'number' as const, decimal: '.' as const, thousands: null, percent: false, currency: null, integer: true } };
      }),
    };
    const { entry, report } = await addUpload(prepared.file, 'sales.parquet', plan);
    // The record without a day cannot be placed in time: it is rejected and shown, like a CSV row.
    expect(report.recordsInFile).toBe(5);
    expect(report.rowsLoaded).toBe(4);
    expect(report.rowsRejected).toBe(1);
    expect(report.rowsLoaded + report.rowsRejected).toBe(report.rowsInFile);
    expect(report.rejects.map((reject) => [reject.line, reject.column])).toEqual([[4, 'day']]);
    const rows = await loadedRows(entry.id, { shop: 'shop', orders: 'orders', revenue: 'revenue' });
    // The 'n/a' shop became an empty value, which the app shows as its '(empty)' member, as for a CSV.
    expect(rows).toEqual([
      { shop: '(empty)', orders: null, revenue: 7 },
      { shop: 'Otto "the big"\nshop', orders: 2, revenue: -0.05 },
      { shop: 'Otto "the big"\nshop', orders: 5, revenue: 1.5 },
      { shop: 'Zalando', orders: 9007199254740992, revenue: 123.45 },
    ]);
    const leftovers = await engine.query<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'");
    expect(leftovers).toEqual([]);
  });

  it('is kept with its plan, and loads again in a fresh engine from the stored file', async () => {
    const prepared = await prepareUpload(parquetFile('kept.parquet', SALES_PARQUET), 'kept.parquet');
    const { entry } = await addUpload(prepared.file, 'kept.parquet', prepared.plan);
    expect(entry.manifest?.fingerprint).toEqual({ bytes: prepared.file.size, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [manifest] = await store.list();
    expect(manifest?.plan.source).toEqual({ format: 'parquet' });
    engine = await createNodeEngine();
    configureUploads({ engine: async () => engine, store: async () => store });
    await restoreUploadList();
    const db = await databaseFor(entry.id);
    const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${entry.model.table}`);
    expect(row?.n).toBe(4);
  });

  it('refuses a file with a nested column before loading anything, naming the column', async () => {
    const file = parquetFile('nested.parquet', {
      columnData: [
        { name: 'month', data: ['2024-01', '2024-02'] },
        { name: 'tags', data: [{ a: 1 }, { a: 2 }] },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'month', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'tags', repetition_type: 'OPTIONAL', num_children: 1 },
        { name: 'a', type: 'INT32', repetition_type: 'OPTIONAL' },
      ],
    } as ParquetOptions);
    const error = await prepareUpload(file, 'nested.parquet').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).message).toMatch(/^Column "tags" of "nested\.parquet" holds structs \(nested fields\)/);
  });
});

function salesSheet(): WorkSheet {
  return utils.aoa_to_sheet(
    [
      ['Month', 'Country', 'Visits'],
      [new Date(Date.UTC(2024, 0, 1)), 'DE', 1200],
      [new Date(Date.UTC(2024, 1, 1)), 'FR', 'about 900'],
      [],
      [new Date(Date.UTC(2024, 2, 1)), 'DE', 1500.5],
    ],
    { cellDates: true },
  );
}

describe('an Excel upload', () => {
  it('previews the first sheet with data, lists every sheet, and loads the one picked', async () => {
    const file = workbookFile('book.xlsx', { Cover: utils.aoa_to_sheet([]), Sales: salesSheet(), Other: utils.aoa_to_sheet([['Shop', 'Orders'], ['A', 1]]) });
    const prepared = await prepareUpload(file, 'book.xlsx');
    expect(prepared.sheets).toEqual(['Cover', 'Sales', 'Other']);
    expect(prepared.plan.source).toEqual({ format: 'xlsx', sheet: 'Sales' });
    expect(prepared.sniff.rows).toEqual([
      ['2024-01-01', 'DE', '1200'],
      ['2024-02-01', 'FR', 'about 900'],
      ['2024-03-01', 'DE', '1500.5'],
    ]);
    const plan = {
      ...prepared.plan,
      columns: prepared.plan.columns.map((column) =>
        column.header === 'Visits' ? { ...column, role: 'measure' as const, format: { kind: 'number' as const, decimal: '.' as const, thousands: null, percent: false, currency: null, integer: false } } : column,
      ),
    };
    const { entry, report } = await addUpload(prepared.file, 'book.xlsx', plan);
    expect(report.recordsInFile).toBe(3);
    expect(report.rowsLoaded).toBe(2);
    expect(report.rowsRejected).toBe(1);
    // The reject is shown at the row Excel shows it on, with its value.
    expect(report.rejects.map((reject) => [reject.line, reject.column, reject.value])).toEqual([[3, 'Visits', 'about 900']]);
    expect(await loadedRows(entry.id, { country: 'Country', visits: 'Visits' })).toEqual([
      { country: 'DE', visits: 1200 },
      { country: 'DE', visits: 1500.5 },
    ]);

    const other = await prepareUpload(file, 'book.xlsx', undefined, { sheet: 'Other' });
    expect(other.plan.source).toEqual({ format: 'xlsx', sheet: 'Other' });
    const loaded = await addUpload(other.file, 'book.xlsx', other.plan);
    expect(loaded.report.rowsLoaded).toBe(1);
    const [manifest] = (await store.list()).filter((kept) => kept.id === loaded.entry.id);
    expect(manifest?.plan.source).toEqual({ format: 'xlsx', sheet: 'Other' });
  });

  it('travels in a share link with its sheet, and loads from the fingerprinted file in another browser', async () => {
    const file = workbookFile('book.xlsx', { Sales: salesSheet(), Other: utils.aoa_to_sheet([['Month', 'Shop', 'Orders', 'Returns'], ['2024-01', 'A', 1, 0]]) });
    const other = await prepareUpload(file, 'book.xlsx', undefined, { sheet: 'Other' });
    const { entry } = await addUpload(other.file, 'book.xlsx', other.plan);
    const { neededDatasetParam, readNeededDataset, loadNeededDataset } = await import('../../src/data/neededDataset');
    const needed = await readNeededDataset((await neededDatasetParam(entry.id, `v=1&dataset=${entry.id}`))!);
    expect(needed?.plan.source).toEqual({ format: 'xlsx', sheet: 'Other' });
    // Another browser: a fresh engine and an empty store; the recipient picks the same file.
    engine = await createNodeEngine();
    store = memoryUploadStore();
    configureUploads({ engine: async () => engine, store: async () => store });
    const { datasetId } = await loadNeededDataset(file, 'book.xlsx', needed!);
    const db = await databaseFor(datasetId);
    const loaded = datasetRegistry.get().find((dataset) => dataset.id === datasetId)!;
    const [row] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${'model' in loaded ? loaded.model.table : ''}`);
    expect(row?.n).toBe(1);
  });

  it('refuses an error cell with the sheet, row, column and value, and loads nothing', async () => {
    const sheet = salesSheet();
    sheet['C5'] = { t: 'e', v: 0x2a };
    const file = workbookFile('broken.xlsx', { Sales: sheet });
    const prepared = await prepareUpload(file, 'broken.xlsx').catch((caught: unknown) => caught);
    expect(prepared).toBeInstanceOf(UploadError);
    expect((prepared as UploadError).message).toMatch(/^Sheet "Sales" of "broken\.xlsx", row 5, column "Visits" \(cell C5\) holds the error #N\/A/);
    expect(datasetRegistry.get().map((dataset) => dataset.id)).toEqual(['market']);
  });
});
