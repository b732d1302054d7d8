import { utils, write, type WorkSheet } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { UploadError } from '../../UploadError';
import { decodeSheet, readWorkbook, sheetHasData, workbookSheetNames } from './excelDecode';

/** An .xlsx workbook written by SheetJS itself, as the bytes of an uploaded file. */
function workbookBytes(sheets: Record<string, WorkSheet>): Uint8Array {
  const book = utils.book_new();
  for (const [name, sheet] of Object.entries(sheets)) utils.book_append_sheet(book, sheet, name);
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function rowsOf(table: { values: (string | null)[][]; recordCount: number }): (string | null)[][] {
  return Array.from({ length: table.recordCount }, (_, record) => table.values.map((column) => column[record]!));
}

function salesSheet(): WorkSheet {
  const sheet = utils.aoa_to_sheet(
    [
      ['shop', 'day', 'visits', 'share', 'active', 'id'],
      ['Zalando', new Date(Date.UTC(2024, 0, 31)), 1234.5, 0.1 + 0.2, true, '9007199254740993'],
      [null, null, null, null, null, null],
      ['say "hi",\nthen go', new Date(Date.UTC(2024, 1, 29, 6, 30)), -3, 1e-7, false, ''],
      ['Otto', null, 1e21, null, null, null],
    ],
    { cellDates: true },
  );
  return sheet;
}

describe('Excel workbooks', () => {
  it('lists the sheets, and decodes one with every value as its canonical text', () => {
    const bytes = workbookBytes({ Sales: salesSheet(), Notes: utils.aoa_to_sheet([['note'], ['hello']]), Empty: utils.aoa_to_sheet([]) });
    expect(workbookSheetNames(bytes, 'book.xlsx')).toEqual(['Sales', 'Notes', 'Empty']);
    const workbook = readWorkbook(bytes, 'book.xlsx');
    expect(['Sales', 'Notes', 'Empty'].map((sheet) => sheetHasData(workbook, sheet))).toEqual([true, true, false]);
    const table = decodeSheet(workbook, 'Sales', 'book.xlsx');
    expect(table.columns.map((column) => column.name)).toEqual(['shop', 'day', 'visits', 'share', 'active', 'id']);
    expect(rowsOf(table)).toEqual([
      ['Zalando', '2024-01-31', '1234.5', '0.30000000000000004', 'true', '9007199254740993'],
      ['say "hi",\nthen go', '2024-02-29 06:30:00', '-3', '0.0000001', 'false', null],
      ['Otto', null, '1000000000000000000000', null, null, null],
    ]);
    // The blank row 3 is skipped; records keep the row numbers Excel shows.
    expect([1, 2, 3].map(table.locate)).toEqual([2, 4, 5]);
    expect(rowsOf(decodeSheet(workbook, 'Notes', 'book.xlsx'))).toEqual([['hello']]);
  });

  it('refuses an empty sheet and a sheet that is not there, saying what to do', () => {
    const workbook = readWorkbook(workbookBytes({ Sales: salesSheet(), Empty: utils.aoa_to_sheet([]) }), 'book.xlsx');
    expect(() => decodeSheet(workbook, 'Empty', 'book.xlsx')).toThrow('Sheet "Empty" of "book.xlsx" is empty: pick another sheet');
    expect(() => decodeSheet(workbook, 'Other', 'book.xlsx')).toThrow('"book.xlsx" has no sheet named "Other". Pick one of: Sales, Empty.');
  });

  it('refuses an error cell, naming the sheet, row, column, cell and value', () => {
    const sheet = salesSheet();
    sheet['C4'] = { t: 'e', v: 0x07 };
    const workbook = readWorkbook(workbookBytes({ Sales: sheet }), 'book.xlsx');
    const error = (() => {
      try {
        return decodeSheet(workbook, 'Sales', 'book.xlsx');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).message).toBe(
      'Sheet "Sales" of "book.xlsx", row 4, column "visits" (cell C4) holds the error #DIV/0! (#DIV/0!), which Marketscope ' +
        'cannot load. Fix or clear the cell in Excel (or replace the formula by its value), save the workbook and upload it again.',
    );
    expect((error as UploadError).location).toEqual({ line: 4, column: 'visits', value: '#DIV/0!' });
  });

  it('refuses a formula saved without its value', () => {
    const sheet = salesSheet();
    sheet['C2'] = { t: 'n', f: 'B2*2' };
    const workbook = readWorkbook(workbookBytes({ Sales: sheet }), 'book.xlsx');
    expect(() => decodeSheet(workbook, 'Sales', 'book.xlsx')).toThrow(/row 2, column "visits" \(cell C2\) holds a formula saved without its value \(=B2\*2\)/);
  });

  it('keeps a formula\'s saved value, reads only the first rows for a preview, and refuses a file that is not a workbook', () => {
    const sheet = salesSheet();
    sheet['C2'] = { t: 'n', v: 99, f: '33*3' };
    const bytes = workbookBytes({ Sales: sheet });
    expect(decodeSheet(readWorkbook(bytes, 'book.xlsx'), 'Sales', 'book.xlsx').values[2]![0]).toBe('99');
    const preview = decodeSheet(readWorkbook(bytes, 'book.xlsx', { rows: 2 }), 'Sales', 'book.xlsx');
    expect(preview.recordCount).toBe(1);
    expect(() => readWorkbook(Uint8Array.of(0x50, 0x4b, 3, 4, 0, 0, 0), 'broken.xlsx')).toThrow(/"broken\.xlsx" could not be read as an Excel workbook/);
  });
});
