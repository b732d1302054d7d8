import { describe, expect, it } from 'vitest';
import { csvCell, fileNameOf, toCsv } from './csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, but keeps numbers', () => {
    expect(['=HYPERLINK("http://x")', '+1+1', '-cmd', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      "'+1+1",
      "'-cmd",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
    expect([-12.5, '-12.5', '+3', '1e6', 0, null, undefined, Number.NaN].map(csvCell)).toEqual(['-12.5', '-12.5', '+3', '1e6', '0', '', '', '']);
  });

  it('quotes commas, quotes and line breaks, and writes whole rows', () => {
    expect(toCsv(['name', 'value'], [['Bahamas, The', 1.5], ['say "hi"\nthere', null]])).toBe(
      'name,value\n"Bahamas, The",1.5\n"say ""hi""\nthere",\n',
    );
  });

  it('names files after titles', () => {
    expect(fileNameOf('Visitors over time')).toBe('visitors-over-time');
    expect(fileNameOf('Top países: <script>')).toBe('top-paises-script');
    expect(fileNameOf('***')).toBe('chart');
  });
});
