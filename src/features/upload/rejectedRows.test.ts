import { describe, expect, it } from 'vitest';
import { rejectsCsv, rejectsFileName, rejectsPlaceHeading } from './rejectedRows';

describe('rejected rows download', () => {
  it('writes line, column, value and reason, with formulas defused and empty cells empty', () => {
    const csv = rejectsCsv([
      { line: 3, column: 'visitors', value: '=HYPERLINK("x")', reason: 'not a number' },
      { line: 9, column: null, value: null, reason: 'too many fields' },
    ]);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('line,column,value,reason');
    expect(lines[1]).toBe(`3,visitors,"'=HYPERLINK(""x"")",not a number`);
    expect(lines[2]).toBe('9,,,too many fields');
  });

  it('names the download after the file, without its CSV suffixes', () => {
    expect(rejectsFileName('sales.csv')).toBe('sales-rejected-rows.csv');
    expect(rejectsFileName('Sales.TSV.gz')).toBe('Sales-rejected-rows.csv');
    expect(rejectsFileName('notes')).toBe('notes-rejected-rows.csv');
  });

  it('names the download of a workbook or a Parquet file as CSV, without the original suffix', () => {
    expect(rejectsFileName('sales.xlsx')).toBe('sales-rejected-rows.csv');
    expect(rejectsFileName('Q1.report.XLSX')).toBe('Q1.report-rejected-rows.csv');
    expect(rejectsFileName('events.parquet')).toBe('events-rejected-rows.csv');
    expect(rejectsFileName('sales.gz')).toBe('sales-rejected-rows.csv');
  });

  it('heads the place a line for CSV, a sheet row for Excel and a row for Parquet, in the table and the file', () => {
    expect(rejectsPlaceHeading('csv')).toBe('Line');
    expect(rejectsPlaceHeading('xlsx')).toBe('Sheet row');
    expect(rejectsPlaceHeading('parquet')).toBe('Row');
    const rows = [{ line: 7, column: 'visitors', value: 'n/a', reason: 'not a number' }];
    expect(rejectsCsv(rows, 'xlsx').split(/\r?\n/)[0]).toBe('sheet row,column,value,reason');
    expect(rejectsCsv(rows, 'parquet').split(/\r?\n/)[0]).toBe('row,column,value,reason');
    expect(rejectsCsv(rows, 'csv').split(/\r?\n/)[0]).toBe('line,column,value,reason');
  });
});
