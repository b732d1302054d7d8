import { describe, expect, it } from 'vitest';
import { csvCell, fileNameOf, toCsv } from './csv';

describe('CSV export', () => {
  it('neutralises every OWASP trigger with a leading quote, and quotes the cell', () => {
    expect(['=HYPERLINK("http://x")', '+1+1', '-cmd', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      `"'+1+1"`,
      `"'-cmd"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      `"'\rx"`,
    ]);
  });

  // Each trigger after each kind of character a spreadsheet skips or trims before reading a formula.
  const triggers = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\uFE62', '\uFE63', '\uFE6B'];
  const leaders: [string, string][] = [
    ['nothing', ''],
    ['a space', ' '],
    ['three spaces', '   '],
    ['a tab', '\t'],
    ['a line feed', '\n'],
    ['a no-break space', '\u00A0'],
    ['an em space', '\u2003'],
    ['a narrow no-break space', '\u202F'],
    ['an ideographic space', '\u3000'],
    ['NUL', '\u0000'],
    ['a vertical tab', '\u000B'],
    ['an escape', '\u001B'],
    ['a zero-width space', '\u200B'],
    ['a byte-order mark', '\uFEFF'],
    ['a right-to-left override', '\u202E'],
    ['a mix', ' \u00A0\t\u0000 '],
  ];
  for (const [name, leader] of leaders) {
    it(`neutralises = + - @ and their fullwidth and small forms after ${name}`, () => {
      for (const trigger of triggers) {
        const text = `${leader}${trigger}cmd|' /C calc'!A0`;
        expect(csvCell(text), JSON.stringify(text)).toBe(`"'${text.replaceAll('"', '""')}"`);
      }
    });
  }

  it('leaves text without a trigger as it is, even with leading spaces or triggers further in', () => {
    expect(['plain', ' padded', 'a=b', 'x-1', 'e-mail@host', "'quoted", '\u00A0Spain', '1e6', '\uFF21BC'].map(csvCell)).toEqual([
      'plain',
      ' padded',
      'a=b',
      'x-1',
      'e-mail@host',
      "'quoted",
      '\u00A0Spain',
      '1e6',
      '\uFF21BC',
    ]);
  });

  it('keeps the numbers the app writes as numbers, but neutralises text from a file that looks like one', () => {
    expect([-12.5, -0.001, 1e21, 0, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true].map(csvCell)).toEqual([
      '-12.5',
      '-0.001',
      '1e+21',
      '0',
      '',
      '',
      '',
      '',
      'true',
    ]);
    // "-12.5" as text came from a file (a rejected value, a member name): the spreadsheet shows exactly that text.
    expect(['-12.5', '+3', ' -1'].map(csvCell)).toEqual([`"'-12.5"`, `"'+3"`, `"' -1"`]);
  });

  it('neutralises header cells and rows alike, as in the rejected-rows file', () => {
    const csv = toCsv(['=cmd', 'value', 'reason'], [[7, '\u00A0=1+1', 'is not a number'], [8, 'Atlantis', 'is not a country']]);
    expect(csv).toBe(`"'=cmd",value,reason\n7,"'\u00A0=1+1",is not a number\n8,Atlantis,is not a country\n`);
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
