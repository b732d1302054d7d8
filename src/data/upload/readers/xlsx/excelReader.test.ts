import { utils, write } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { UploadError } from '../../UploadError';
import { excelReader, MAX_WORKBOOK_BYTES } from './excelReader';

function workbook(): Blob {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([]), 'Cover');
  utils.book_append_sheet(book, utils.aoa_to_sheet([['month', 'visits'], ['2024-01', 1], ['2024-02', 2], ['2024-03', 3]]), 'Data');
  return new Blob([write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer]);
}

describe('excelReader.sniff', () => {
  it('previews the first sheet with data, lists the sheets, and says whether it saw the whole sheet', async () => {
    const whole = await excelReader.sniff(workbook(), 'book.xlsx', { maxRows: 10 });
    expect(whole.sheets).toEqual(['Cover', 'Data']);
    expect(whole.source).toEqual({ format: 'xlsx', sheet: 'Data' });
    expect(whole.sniff.rows).toEqual([['2024-01', '1'], ['2024-02', '2'], ['2024-03', '3']]);
    expect(whole.complete).toBe(true);
    const start = await excelReader.sniff(workbook(), 'book.xlsx', { maxRows: 2 });
    expect(start.sniff.rows).toHaveLength(2);
    expect(start.complete).toBe(false);
  });

  it('refuses a sheet that is not there and a workbook too large to read in the page', async () => {
    await expect(excelReader.sniff(workbook(), 'book.xlsx', { maxRows: 10, sheet: 'Nope' })).rejects.toThrow('"book.xlsx" has no sheet named "Nope". Pick one of: Cover, Data.');
    // Only the size is looked at before reading: a stand-in Blob of that size, without its bytes.
    const huge = { size: MAX_WORKBOOK_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const error = await excelReader.sniff(huge, 'huge.xlsx', { maxRows: 10 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).code).toBe('too-large');
  });
});
