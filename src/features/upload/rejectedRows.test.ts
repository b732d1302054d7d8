import { describe, expect, it } from 'vitest';
import { rejectsCsv, rejectsFileName } from './rejectedRows';

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
});
