import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { UploadError } from '../../UploadError';
import { t } from '../../../../i18n';
import { decodeParquet } from './parquetDecode';

type WriteOptions = Parameters<typeof parquetWriteBuffer>[0];

/** A Parquet file written by hyparquet-writer, as the Blob a file picker hands over. */
function parquetFile(options: WriteOptions): Blob {
  return new Blob([parquetWriteBuffer(options)]);
}

/** Row-major texts of a decoded table, for readable expectations. */
function rowsOf(table: { values: (string | null)[][]; recordCount: number }): (string | null)[][] {
  return Array.from({ length: table.recordCount }, (_, record) => table.values.map((column) => column[record]!));
}

const MIXED = {
  columnData: [
    { name: 'shop', data: ['Zalando', null, 'say "hi",\nthen go', ''] },
    { name: 'visits', data: [9007199254740993n, null, -1n, 0n] },
    { name: 'share', data: [0.125, null, 1e-7, 1.5e21] },
    { name: 'price', data: [123.45, null, -0.05, 0.07] },
    { name: 'day', data: [new Date('2024-01-31T00:00:00Z'), null, new Date('1999-12-31T00:00:00Z'), new Date('2000-02-29T00:00:00Z')] },
    { name: 'seen', data: [new Date('2024-01-31T10:30:00Z'), null, new Date('2024-01-31T10:30:00.250Z'), new Date('1970-01-01T00:00:00Z')] },
    { name: 'active', data: [true, null, false, true] },
  ],
  schema: [
    { name: 'root', num_children: 7 },
    { name: 'shop', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
    { name: 'visits', type: 'INT64', repetition_type: 'OPTIONAL' },
    { name: 'share', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
    { name: 'price', type: 'INT32', converted_type: 'DECIMAL', scale: 2, precision: 9, repetition_type: 'OPTIONAL' },
    { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
    { name: 'seen', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
    { name: 'active', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  ],
} as WriteOptions;

describe('decodeParquet', () => {
  it('writes every value as its canonical text and every empty value as null', async () => {
    const table = await decodeParquet(parquetFile(MIXED), 'mixed.parquet');
    expect(table.columns.map((column) => column.name)).toEqual(['shop', 'visits', 'share', 'price', 'day', 'seen', 'active']);
    expect(rowsOf(table)).toEqual([
      ['Zalando', '9007199254740993', '0.125', '123.45', '2024-01-31', '2024-01-31 10:30:00', 'true'],
      [null, null, null, null, null, null, null],
      ['say "hi",\nthen go', '-1', '0.0000001', '-0.05', '1999-12-31', '2024-01-31 10:30:00.250', 'false'],
      [null, '0', '1500000000000000000000', '0.07', '2000-02-29', '1970-01-01 00:00:00', 'true'],
    ]);
    expect(table.totalRecords).toBe(4);
    expect(table.locate(3)).toBe(4);
  });

  it('reads compressed files across row groups, and only the first records for a preview', async () => {
    const count = 2_500;
    const file = parquetFile({
      columnData: [
        { name: 'n', data: Int32Array.from({ length: count }, (_, index) => index), type: 'INT32' },
        { name: 'label', data: Array.from({ length: count }, (_, index) => `row ${index}`), type: 'STRING' },
      ],
      rowGroupSize: 1_000,
      codec: 'SNAPPY',
    });
    const whole = await decodeParquet(file, 'groups.parquet');
    expect(whole.recordCount).toBe(count);
    expect(whole.values[0]![count - 1]).toBe(String(count - 1));
    expect(whole.values[1]![1_500]).toBe('row 1500');
    const preview = await decodeParquet(file, 'groups.parquet', { maxRecords: 3 });
    expect(rowsOf(preview)).toEqual([['0', 'row 0'], ['1', 'row 1'], ['2', 'row 2']]);
    expect(preview.totalRecords).toBe(count);
  });

  it.each([
    ['GZIP', (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes))],
    ['BROTLI', (bytes: Uint8Array) => new Uint8Array(brotliCompressSync(bytes))],
  ] as const)('reads a %s-compressed file (hyparquet-compressors)', async (codec, compress) => {
    const file = parquetFile({
      columnData: [{ name: 'label', data: ['alpha', null, 'gamma'], type: 'STRING' }],
      codec,
      compressors: { [codec]: compress },
    } as WriteOptions);
    expect(rowsOf(await decodeParquet(file, `${codec}.parquet`))).toEqual([['alpha'], [null], ['gamma']]);
  });

  it('names repeated or blank column names the way CSV headers are named', async () => {
    const file = parquetFile({
      columnData: [
        { name: 'Price', data: [1], type: 'INT32' },
        { name: 'price', data: [2], type: 'INT32' },
        { name: ' ', data: [3], type: 'INT32' },
      ],
    });
    const table = await decodeParquet(file, 'names.parquet');
    expect(table.columns).toEqual([
      { index: 0, name: 'Price', originalName: 'Price' },
      { index: 1, name: 'price_2', originalName: 'price' },
      { index: 2, name: 'column_3', originalName: ' ' },
    ]);
    expect(table.warnings.map(({ code, message }) => ({ code, message: t(message) }))).toEqual([
      {
        code: 'renamed-columns',
        message: 'Some column names in "names.parquet" were empty, repeated or untidy, so they were renamed: column 2 "price" → price_2; column 3 (no name) → column_3.',
      },
    ]);
  });

  it('refuses a nested column, naming the file and the column and saying what to do', async () => {
    const file = parquetFile({
      columnData: [
        { name: 'shop', data: ['a', 'b'] },
        { name: 'tags', data: [['x', 'y'], []] },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'shop', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
        { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      ],
    } as WriteOptions);
    const error = await decodeParquet(file, 'nested.parquet').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).message).toBe(
      'Column "tags" of "nested.parquet" holds lists (nested values), which Marketscope cannot load: flatten it into plain ' +
        'columns (one value per cell) before exporting, or leave it out.',
    );
    expect((error as UploadError).location).toEqual({ column: 'tags' });
  });

  it('refuses binary data where it is: file, row, column and what the value is', async () => {
    const file = parquetFile({
      columnData: [{ name: 'blob', data: [new TextEncoder().encode('fine'), Uint8Array.of(0xff, 0xfe, 0x00)] }],
      schema: [
        { name: 'root', num_children: 1 },
        { name: 'blob', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
      ],
    } as WriteOptions);
    const error = await decodeParquet(file, 'binary.parquet').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).message).toMatch(/^Row 2 of "binary\.parquet", column "blob", holds 3 bytes that are not UTF-8 text/);
    expect((error as UploadError).location).toMatchObject({ line: 3, column: 'blob' });
  });

  it('refuses a time-of-day column and a file that is not Parquet', async () => {
    const times = parquetFile({
      columnData: [{ name: 'at', data: [1000, 2000] }],
      schema: [
        { name: 'root', num_children: 1 },
        { name: 'at', type: 'INT32', converted_type: 'TIME_MILLIS', repetition_type: 'OPTIONAL' },
      ],
    } as WriteOptions);
    await expect(decodeParquet(times, 'times.parquet')).rejects.toThrow(/Column "at" of "times\.parquet" holds times of day without a date/);
    await expect(decodeParquet(new Blob(['a,b\n1,2\n']), 'fake.parquet')).rejects.toThrow(/"fake\.parquet" could not be read as a Parquet file/);
  });
});

describe('decodeParquet limits', () => {
  it('refuses a file with more values than the page can hold, before decoding it', async () => {
    const { MAX_DECODED_VALUES } = await import('./parquetDecode');
    const rows = Math.floor(MAX_DECODED_VALUES / 2) + 1;
    // Two columns of one repeated value: a small file that would decode into more values than the limit.
    const file = parquetFile({
      columnData: [
        { name: 'a', data: new Int32Array(rows), type: 'INT32' },
        { name: 'b', data: new Int32Array(rows), type: 'INT32' },
      ],
      rowGroupSize: rows,
    });
    const error = await decodeParquet(file, 'huge.parquet').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).code).toBe('too-large');
    expect((error as UploadError).message).toMatch(/^"huge\.parquet" holds 10,000,001 rows × 2 columns \(20,000,002 values\)/);
    // A preview of the same file decodes only its first rows.
    expect((await decodeParquet(file, 'huge.parquet', { maxRecords: 2 })).recordCount).toBe(2);
  });
});
