import { describe, expect, it } from 'vitest';
import { detectCompression } from './knownFormats';
import { expectedFieldCount, sniffSample, type SniffResult } from './sniff';
import { blobChunks } from './blobChunks';
import { UploadError } from '../../UploadError';
import { t } from '../../../../i18n';
import {
  PNG_HEADER,
  SHIFT_JIS_TESUTO,
  ZIP_HEADER,
  blobOf,
  collect,
  concat,
  gzip,
  utf16,
  utf8,
  windows1252,
} from '../../../../../test/fixtures/upload/fixtures';

const sniff = (text: string | Uint8Array, name = 'data.csv', options?: Parameters<typeof sniffSample>[2]) =>
  sniffSample(typeof text === 'string' ? utf8(text) : text, name, options);

const names = (result: SniffResult) => result.columns.map((c) => c.name);
const codes = (result: SniffResult) => result.warnings.map((w) => w.code);
const warning = (result: SniffResult, code: string) => {
  const found = result.warnings.find((w) => w.code === code);
  return found && t(found.message);
};

function refusal(run: () => unknown): UploadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UploadError);
    return error as UploadError;
  }
  throw new Error('expected an UploadError');
}

describe('sniffSample: encodings', () => {
  it('reads plain UTF-8 with a comma delimiter and a header', () => {
    const result = sniff('id,name,price\n1,Café,2.50\n2,Thé,3\n');
    expect(result.dialect).toEqual({
      encoding: 'utf-8',
      delimiter: ',',
      quote: '"',
      escape: '"',
      header: true,
      compression: 'none',
    });
    expect(result.bom).toBe(false);
    expect(result.lineEnding).toBe('lf');
    expect(result.columns).toEqual([
      { index: 0, name: 'id', originalName: 'id' },
      { index: 1, name: 'name', originalName: 'name' },
      { index: 2, name: 'price', originalName: 'price' },
    ]);
    expect(result.rows).toEqual([
      ['1', 'Café', '2.50'],
      ['2', 'Thé', '3'],
    ]);
    expect(result.fieldCounts).toEqual([3, 3]);
    expect(result.warnings).toEqual([]);
  });

  it('strips a UTF-8 BOM so that it does not leak into the first header', () => {
    const result = sniff(concat([0xef, 0xbb, 0xbf], 'id,name\r\n1,a\r\n'));
    expect(result.bom).toBe(true);
    expect(result.dialect.encoding).toBe('utf-8');
    expect(result.lineEnding).toBe('crlf');
    expect(names(result)).toEqual(['id', 'name']);
    expect(result.rows).toEqual([['1', 'a']]);
  });

  it('detects Windows-1252 (Café as 0xE9, € as 0x80), converts it and says so', () => {
    const result = sniff(windows1252('name,price\nCafé,€3\nNaïve,5\n'));
    expect(result.dialect.encoding).toBe('windows-1252');
    expect(result.rows).toEqual([
      ['Café', '€3'],
      ['Naïve', '5'],
    ]);
    expect(warning(result, 'converted-encoding')).toMatch(/"data\.csv" is not UTF-8.*Windows-1252.*converted/);
  });

  it.each([
    ['le', true],
    ['be', true],
    ['le', false],
    ['be', false],
  ] as const)('reads UTF-16 %s (BOM: %s)', (endian, bom) => {
    const result = sniff(utf16('name,city\r\nJosé,Zürich\r\nAnn,東京\r\n', endian, bom));
    expect(result.dialect.encoding).toBe(endian === 'le' ? 'utf-16le' : 'utf-16be');
    expect(result.bom).toBe(bom);
    expect(names(result)).toEqual(['name', 'city']);
    expect(result.rows).toEqual([
      ['José', 'Zürich'],
      ['Ann', '東京'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('refuses Shift-JIS and says to re-save as UTF-8', () => {
    const sample = concat('id,name\n1,', SHIFT_JIS_TESUTO, '\n2,', SHIFT_JIS_TESUTO, '\n');
    const error = refusal(() => sniff(sample, 'jp.csv'));
    expect(error.code).toBe('unsupported-encoding');
    expect(error.fileName).toBe('jp.csv');
    expect(error.message).toMatch(/"jp\.csv" looks like Shift-JIS.*save it as UTF-8/);
  });

  it('refuses UTF-32', () => {
    expect(refusal(() => sniff(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).code).toBe('unsupported-encoding');
  });

  it('keeps UTF-8 with a damaged line as UTF-8 and names the line', () => {
    const sample = concat('name,city\nJosé,Zürich\n', 'Bad,', [0xff, 0xfe], '\nAnn,Oslo\n');
    const result = sniff(sample);
    expect(result.dialect.encoding).toBe('utf-8');
    expect(warning(result, 'invalid-utf8')).toMatch(/^Line 3 of "data\.csv" contains bytes that are not valid UTF-8/);
    expect(result.rows[1]).toEqual(['Bad', '\uFFFD\uFFFD']);
  });

  it('does not mistake a character cut by the end of a truncated sample for invalid UTF-8', () => {
    const whole = utf8('name,city\nJosé,Zürich\nAnn,Genève\n');
    const cut = whole.indexOf(0xa8); // the second byte of 'è'
    const result = sniff(whole.subarray(0, cut), 'data.csv', { truncated: true });
    expect(result.dialect.encoding).toBe('utf-8');
    expect(result.warnings).toEqual([]);
    expect(result.rows).toEqual([['José', 'Zürich']]); // the cut record is dropped
  });

  it('warns about a NUL byte with its line', () => {
    const result = sniff(concat('col1|col2|col3\nval1|val', [0], '2|val3\n'));
    expect(result.dialect.delimiter).toBe('|');
    expect(warning(result, 'nul-bytes')).toMatch(/NUL byte .* on line 2/);
    // The loader always refuses NUL bytes (ingest.ts): the preview says so rather than "if loading fails".
    expect(warning(result, 'nul-bytes')).toMatch(/cannot be loaded until the character is removed/);
  });
});

describe('sniffSample: refusals', () => {
  it('refuses an empty file', () => {
    const error = refusal(() => sniff(new Uint8Array(0), 'empty.csv'));
    expect(error.code).toBe('empty');
    expect(error.message).toBe('"empty.csv" is empty (0 bytes). Choose the CSV file that holds your data.');
  });

  it.each([
    ['blank space', ' \n\r\n\t\n'],
    ['a BOM alone', '\uFEFF'],
  ])('refuses a file of %s as empty', (_, text) => {
    const error = refusal(() => sniff(text));
    expect(error.code).toBe('empty');
    expect(error.message).toMatch(/only blank space/);
  });

  it('refuses a PNG image', () => {
    const error = refusal(() => sniff(concat(PNG_HEADER, 'rest'), 'chart.png'));
    expect(error.code).toBe('not-csv');
    expect(error.message).toMatch(/^"chart\.png" is a PNG image, not a CSV file/);
  });

  it('refuses a ZIP archive and mentions Excel', () => {
    const error = refusal(() => sniff(concat(ZIP_HEADER, '[Content_Types].xml'), 'sales.xlsx'));
    expect(error.code).toBe('not-csv');
    expect(error.message).toMatch(/is a ZIP archive \(or an Excel \.xlsx file\).*save it as CSV/);
  });

  it('refuses PDF and old Excel files', () => {
    expect(refusal(() => sniff('%PDF-1.7\n...')).message).toMatch(/PDF document/);
    expect(refusal(() => sniff(concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'x'))).message).toMatch(/\.xls/);
  });

  it('refuses binary data', () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 32);
    const error = refusal(() => sniff(bytes, 'blob.bin'));
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/"blob\.bin" is not a text file/);
  });

  it('refuses gzip data passed without decompressing it', () => {
    const error = refusal(() => sniff(gzip(utf8('a,b\n1,2\n'))));
    expect(error.code).toBe('not-csv');
    expect(error.message).toMatch(/gzip/);
  });
});

describe('sniffSample: structure', () => {
  it('warns about a header without data rows', () => {
    const result = sniff('id,name,price\n');
    expect(names(result)).toEqual(['id', 'name', 'price']);
    expect(result.rows).toEqual([]);
    expect(warning(result, 'header-only')).toBe('"data.csv" has a header row but no data rows.');
  });

  it('reads CR-only line endings and warns that they will be normalised', () => {
    const result = sniff('a,b\r1,2\r3,4\r');
    expect(result.lineEnding).toBe('cr');
    expect(result.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(codes(result)).toEqual(['line-endings']);
  });

  it('reads mixed line endings', () => {
    const result = sniff('a,b\n1,2\r\n3,4\r5,6\n');
    expect(result.lineEnding).toBe('mixed');
    expect(result.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(warning(result, 'line-endings')).toMatch(/mixes line endings/);
  });

  it('keeps line breaks inside quoted values and counts lines past them', () => {
    const result = sniff('id,note\n1,"two\nlines"\n2,"a ""quoted"" word"\n3,x,extra\n');
    expect(result.rows).toEqual([
      ['1', 'two\nlines'],
      ['2', 'a "quoted" word'],
      ['3', 'x'],
    ]);
    expect(result.fieldCounts).toEqual([2, 2, 3]);
    expect(warning(result, 'ragged')).toMatch(/^Line 5 of "data\.csv" has 3 fields, but the header has 2\./);
  });

  it('flags ragged rows both ways and pads or truncates them', () => {
    const result = sniff('a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    expect(result.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', ''],
      ['6', '7', '8'],
    ]);
    expect(result.fieldCounts).toEqual([3, 2, 4]);
    expect(warning(result, 'ragged')).toBe(
      'Line 3 of "data.csv" has 2 fields, but the header has 3 (1 other row in the preview differs too). ' +
        'Check the delimiter and quoting: rows with more or fewer fields than that are not loaded (the report lists ' +
        'them as rejected).',
    );
  });

  it('drops the empty column made by a delimiter at the end of every line', () => {
    const result = sniff('a,b,\n1,2,\n3,4,\n');
    expect(names(result)).toEqual(['a', 'b']);
    expect(result.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(result.fieldCounts).toEqual([2, 2]);
    expect(codes(result)).toEqual(['trailing-delimiter']);
    expect(expectedFieldCount(result)).toBe(3);
  });

  it('keeps an empty last column that has a name', () => {
    const result = sniff('a,b,notes\n1,2,\n3,4,\n');
    expect(names(result)).toEqual(['a', 'b', 'notes']);
    expect(expectedFieldCount(result)).toBe(3);
  });

  it('makes header names unique and non-empty, keeping hostile names as text', () => {
    const result = sniff('__proto__,"a""b",select,, Price ,price,constructor,price_2\n1,2,3,4,5,6,7,8\n');
    expect(result.columns.map((c) => [c.name, c.originalName])).toEqual([
      ['__proto__', '__proto__'],
      ['a"b', 'a"b'],
      ['select', 'select'],
      ['column_4', ''],
      ['Price', ' Price '],
      ['price_3', 'price'], // price_2 is a name of its own further right
      ['constructor', 'constructor'],
      ['price_2', 'price_2'],
    ]);
    expect(warning(result, 'renamed-columns')).toMatch(/column 4 \(no name\) → column_4.*column 6 "price" → price_3/);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('detects ";" with comma decimals', () => {
    const result = sniff('product;price;qty\nTea;1,50;3\nCoffee;2,75;10\n"A; B";3,00;1\n');
    expect(result.dialect.delimiter).toBe(';');
    expect(result.rows).toEqual([
      ['Tea', '1,50', '3'],
      ['Coffee', '2,75', '10'],
      ['A; B', '3,00', '1'],
    ]);
  });

  it('detects tabs, and prefers them for .tsv files when the content is ambiguous', () => {
    expect(sniff('a\tb\n1\t2\n').dialect.delimiter).toBe('\t');
    const ambiguous = 'a,b\tc\n1,2\t3\n';
    expect(sniff(ambiguous, 'x.csv').dialect.delimiter).toBe(',');
    expect(sniff(ambiguous, 'x.tsv').dialect.delimiter).toBe('\t');
  });

  it('ignores delimiters inside quotes when choosing one', () => {
    const result = sniff('name;comment\n"Smith, J";"yes, fine"\n"Doe, A";"no, thanks"\n');
    expect(result.dialect.delimiter).toBe(';');
    expect(result.rows[0]).toEqual(['Smith, J', 'yes, fine']);
  });

  it('warns when one column is found but its header holds a likely delimiter', () => {
    const result = sniff('name;price\nTea\nCoffee\nMilk\n');
    expect(result.columns).toHaveLength(1);
    expect(warning(result, 'one-column')).toBe(
      'Only one column was found in "data.csv", but its header contains ";". Choose the delimiter.',
    );
  });

  it('detects a headerless file and names its columns', () => {
    const result = sniff('1,2,3\n4,5,6\n7,8,9\n');
    expect(result.dialect.header).toBe(false);
    expect(names(result)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(result.columns.map((c) => c.originalName)).toEqual(['', '', '']);
    expect(result.rows).toHaveLength(3);
    expect(codes(result)).toEqual(['no-header']);
  });

  it('treats text repeated below as data, and year names as a header', () => {
    expect(sniff('123;TEST9;text1\n345;TEST9;text2\n567;TEST9;text3\n').dialect.header).toBe(false);
    expect(sniff('country,1960,1961\nAruba,12.5,13\nChad,7,8.25\n').dialect.header).toBe(true);
    expect(sniff('city,country\nOslo,Norway\nLima,Peru\n').dialect.header).toBe(true);
  });

  it('applies overrides without detecting', () => {
    const result = sniff('1;2\n3;4\n', 'data.csv', { overrides: { delimiter: ';', header: true, compression: 'gzip' } });
    expect(result.dialect).toMatchObject({ delimiter: ';', header: true, compression: 'gzip' });
    expect(names(result)).toEqual(['1', '2']);
    expect(result.rows).toEqual([['3', '4']]);
    expect(codes(result)).not.toContain('no-header');
  });

  it('detects backslash-escaped quotes only when clearly present', () => {
    const result = sniff('id,text\n1,"say \\"hi\\" now"\n2,"a \\"b\\" c"\n');
    expect(result.dialect.escape).toBe('\\');
    expect(result.rows[0]).toEqual(['1', 'say "hi" now']);
    expect(codes(result)).toContain('backslash-escape');
    expect(sniff('id,path\n1,"C:\\dir\\"\n2,"x ""y"""\n').dialect.escape).toBe('"');
  });

  it('warns about a quote that is never closed', () => {
    const result = sniff('id,text\n1,ok\n2,"open\n3,more\n');
    expect(warning(result, 'unterminated-quote')).toMatch(/starting on line 3 of "data\.csv" is never closed/);
  });

  it('does not call a CRLF sample cut between CR and LF mixed', () => {
    expect(sniff('a,b\r\n1,2\r\n3,4\r', 'data.csv', { truncated: true }).lineEnding).toBe('crlf');
    expect(sniff('a,b\r\n1,2\r\n3,4\r').lineEnding).toBe('mixed');
  });

  it('turns line breaks in a header name into spaces', () => {
    expect(names(sniff('"unit\nprice",qty\n1,2\n'))).toEqual(['unit price', 'qty']);
  });

  it('rejects delimiter and quote overrides the byte scanner cannot use', () => {
    expect(() => sniff('a;b\n', 'data.csv', { overrides: { delimiter: '::' } })).toThrow(RangeError);
    expect(() => sniff('a;b\n', 'data.csv', { overrides: { delimiter: '"' } })).toThrow(/must differ/);
  });

  it('stops at maxRows', () => {
    const text = 'n\n' + Array.from({ length: 500 }, (_, i) => `${i}\n`).join('');
    expect(sniff(text).rows).toHaveLength(200);
    expect(sniff(text, 'data.csv', { maxRows: 10 }).rows).toHaveLength(10);
  });

  it('handles a 1 MB field, whole or cut by the sample', () => {
    const big = 'x'.repeat(1 << 20);
    const file = utf8(`id,text\n1,"${big}"\n2,short\n`);
    const whole = sniff(file);
    expect(whole.rows.map((r) => r[1]!.length)).toEqual([1 << 20, 5]);
    const start = sniff(file.subarray(0, 64 * 1024), 'data.csv', { truncated: true });
    expect(names(start)).toEqual(['id', 'text']);
    expect(start.rows).toEqual([]);
    expect(codes(start)).toEqual([]); // neither header-only nor an unterminated quote: the sample was cut
  });
});

describe('compression', () => {
  it('detects gzip by magic bytes and sniffs the decompressed content via blobChunks', async () => {
    const compressed = gzip(utf8('id;name\n1;Ann\n2;Bob\n'));
    expect(detectCompression(compressed.subarray(0, 4), 'data.csv.gz')).toBe('gzip');
    const sample = await collect(blobChunks(blobOf(compressed), 'gzip'));
    const result = sniffSample(sample, 'data.csv.gz', { overrides: { compression: 'gzip' } });
    expect(result.dialect).toMatchObject({ compression: 'gzip', delimiter: ';' });
    expect(result.rows).toEqual([
      ['1', 'Ann'],
      ['2', 'Bob'],
    ]);
  });

  it('does not trust the file name', () => {
    expect(detectCompression(utf8('a,b\n'), 'data.csv.gz')).toBe('none');
    expect(detectCompression(new Uint8Array(0), 'empty.gz')).toBe('none');
  });

  it('refuses other compressions, naming the file', () => {
    const error = refusal(() => detectCompression(utf8('BZh91AY&SY'), 'data.csv.bz2'));
    expect(error.code).toBe('not-csv');
    expect(error.message).toMatch(/^"data\.csv\.bz2" is compressed with bzip2: only gzip/);
  });
});
