import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN_SHAPE_PATTERNS } from '../../../../sql';
import { blobChunks } from './blobChunks';
import type { FileScan } from './csvScanner';
import { hasShape } from './fieldShapes';
import { linesOfRecords, scanFile } from './scanFile';
import { utf8SequenceAt } from '../../utf8';
import type { Dialect } from './sniff';
import { UploadError } from '../../UploadError';
import { blobOf, chunksOf, concat, dialect, gzip, utf8 } from '../../../../../test/fixtures/upload/fixtures';

const scan = (bytes: Uint8Array | string, d: Partial<Dialect> = {}, options?: Parameters<typeof scanFile>[2]) =>
  scanFile(chunksOf(typeof bytes === 'string' ? utf8(bytes) : bytes, 1 << 16), dialect(d), options);

describe('scanFile', () => {
  it('counts records, lines and line endings of a simple file', async () => {
    const result = await scan('id,name\n1,Ann\n22,Bob\n');
    expect(result).toEqual<FileScan>({
      records: 2,
      bytes: 21,
      lines: 3,
      lineEndings: { lf: 3, crlf: 0, cr: 0 },
      nulByte: null,
      invalidUtf8: null,
      ragged: [],
      raggedCount: 0,
      maxLineBytes: 7,
      unterminatedQuote: null,
    });
  });

  it('counts a last line without a line break', async () => {
    const result = await scan('a,b\r\n1,2\r\n3,4');
    expect(result).toMatchObject({ records: 2, lines: 3, lineEndings: { lf: 0, crlf: 2, cr: 0 } });
  });

  it('counts CR-only and mixed line endings', async () => {
    expect(await scan('a,b\r1,2\r3,4\r')).toMatchObject({ records: 2, lines: 3, lineEndings: { lf: 0, crlf: 0, cr: 3 } });
    expect(await scan('a,b\n1,2\r\n3,4\r5,6\n')).toMatchObject({
      records: 3,
      lines: 4,
      lineEndings: { lf: 2, crlf: 1, cr: 1 },
    });
  });

  it('does not count empty lines as records, but counts a line of spaces or delimiters', async () => {
    const result = await scan('a,b\n\n1,2\r\n\r\n  \n,\n\n');
    expect(result.records).toBe(3);
    expect(result.lines).toBe(7);
    expect(result.ragged).toEqual([{ record: 2, line: 5, fields: 1 }]);
  });

  it('counts records, not lines, when quoted values hold line breaks', async () => {
    const text = 'id,note\n1,"two\nlines"\n2,"a ""quoted"", word"\n3,"three\r\nlines\rhere"\n4,end\n';
    const result = await scan(text);
    expect(result.records).toBe(4);
    expect(result.lines).toBe(8);
    expect(result.raggedCount).toBe(0);
    expect(result.unterminatedQuote).toBeNull();
    const lines = await linesOfRecords(chunksOf(utf8(text), 5), dialect(), [1, 2, 3, 4, 9]);
    expect([...lines]).toEqual([
      [1, 2],
      [2, 4],
      [3, 5],
      [4, 8],
    ]);
    const withLines = await scan(text, {}, { recordLines: [3] });
    expect([...withLines.recordLines!]).toEqual([[3, 5]]);
  });

  it('numbers records from the first line when there is no header', async () => {
    const text = '1,2\n"x\ny",3\n4,5\n';
    expect((await scan(text, { header: false })).records).toBe(3);
    expect([...(await linesOfRecords(chunksOf(utf8(text), 64), dialect({ header: false }), [2, 3]))]).toEqual([
      [2, 2],
      [3, 4],
    ]);
  });

  it('treats a quote inside an unquoted value as a literal', async () => {
    const result = await scan('size,name\n5",screw\n6,"nut"\n');
    expect(result).toMatchObject({ records: 2, raggedCount: 0, unterminatedQuote: null });
  });

  it('lists ragged records both ways, with record number and line', async () => {
    const result = await scan('a,b,c\n1,2,3\n4,5\n"x\ny",7,8,9\n10,11,12\n');
    expect(result.records).toBe(4);
    expect(result.raggedCount).toBe(2);
    expect(result.ragged).toEqual([
      { record: 2, line: 3, fields: 2 },
      { record: 3, line: 4, fields: 4 },
    ]);
  });

  it('keeps the first 100 ragged records and counts them all', async () => {
    const text = 'a,b\n' + '1\n'.repeat(150);
    const result = await scan(text);
    expect(result.raggedCount).toBe(150);
    expect(result.ragged).toHaveLength(100);
    expect(result.ragged[99]).toEqual({ record: 100, line: 101, fields: 1 });
  });

  it('takes the expected field count from the options (trailing delimiters)', async () => {
    const text = 'a,b,\n1,2,\n3,4,\n';
    expect((await scan(text)).raggedCount).toBe(0);
    expect((await scan(text, {}, { expectedFields: 3 })).raggedCount).toBe(0);
    expect((await scan(text, {}, { expectedFields: 2 })).raggedCount).toBe(2);
  });

  it('reports the first NUL byte with its line', async () => {
    const result = await scan(concat('col1|col2\nval1|v', [0], 'l2\nx|', [0], '\n'), { delimiter: '|' });
    expect(result.nulByte).toEqual({ line: 2 });
  });

  it('reports the first invalid UTF-8 with its line, only for UTF-8', async () => {
    const bytes = concat('name,city\nJosé,Zürich\n"multi\nline",x\nBad,', [0xc3, 0x28], '\nAnn,', [0xff], '\n');
    expect((await scan(bytes)).invalidUtf8).toEqual({ line: 5 });
    expect((await scan(bytes, { encoding: 'windows-1252' })).invalidUtf8).toBeNull();
    // Overlong forms, surrogates and a sequence cut by the end of the file are invalid too.
    expect((await scan(concat('a\n', [0xc0, 0xaf]))).invalidUtf8).toEqual({ line: 2 });
    expect((await scan(concat('a\nb\n', [0xed, 0xa0, 0x80]))).invalidUtf8).toEqual({ line: 3 });
    expect((await scan(concat('a\n', [0xe2, 0x82]))).invalidUtf8).toEqual({ line: 2 });
    expect((await scan('a\n€ 𝄞 é\n')).invalidUtf8).toBeNull();
  });

  it('reports a quote that is never closed, with the line where it opened', async () => {
    const result = await scan('id,text\n1,ok\n2,"open\n3,more\n');
    expect(result.unterminatedQuote).toEqual({ line: 3 });
    expect(result.records).toBe(2);
  });

  it('handles a backslash escape', async () => {
    const result = await scan('id,text\n1,"say \\"hi,\n there\\" now"\n2,x\n', { escape: '\\' });
    expect(result).toMatchObject({ records: 2, raggedCount: 0, unterminatedQuote: null, lines: 4 });
  });

  it('measures the longest line, even a 1 MB one', async () => {
    const big = 'x'.repeat(1 << 20);
    const result = await scan(`id,text\n1,"${big}"\n2,short\n`);
    expect(result.maxLineBytes).toBe((1 << 20) + 4);
    expect(result.records).toBe(2);
  });

  it('reports progress in bytes', async () => {
    const seen: number[] = [];
    await scanFile(chunksOf(utf8('a,b\n1,2\n3,4\n'), 5), dialect(), { onProgress: (bytes) => seen.push(bytes) });
    expect(seen).toEqual([5, 10, 12]);
  });

  it('gives identical results whatever the chunk size', async () => {
    const file = concat(
      '\uFEFFid,name,note\r\n',
      '1,José,"multi\r\nline ""quoted"""\r\n',
      '2,東京 𝄞,plain\r',
      '3,short\n',
      '4,"a,b",', [0xe2, 0x82], '\n', // a cut sequence before a line break: invalid
      '5,', [0], ',x\r\n\r\n',
      '6,€,"open\n',
      'never closed',
    );
    const results: FileScan[] = [];
    for (const size of [1, 2, 3, 7, 64 * 1024]) {
      results.push(await scanFile(blobChunks(blobOf(file), 'none', size), dialect(), { recordLines: [1, 3, 6] }));
    }
    expect(results[0]).toMatchObject({
      records: 6,
      lines: 10,
      lineEndings: { lf: 3, crlf: 5, cr: 1 },
      nulByte: { line: 7 },
      invalidUtf8: { line: 6 },
      ragged: [{ record: 3, line: 5, fields: 2 }],
      unterminatedQuote: { line: 9 },
    });
    expect([...results[0]!.recordLines!]).toEqual([
      [1, 2],
      [3, 5],
      [6, 9],
    ]);
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);
  });

  it('scans a gzip file through blobChunks', async () => {
    const text = 'a,b\n' + Array.from({ length: 1000 }, (_, i) => `${i},"v\n${i}"\n`).join('');
    const result = await scanFile(blobChunks(blobOf(gzip(utf8(text))), 'gzip', 100), dialect());
    expect(result).toMatchObject({ records: 1000, bytes: utf8(text).length, lines: 2001 });
  });

  it('refuses damaged gzip data with an UploadError naming the file', async () => {
    const damaged = gzip(utf8('a,b\n1,2\n'.repeat(100))).slice(0, 20);
    const file = new File([damaged as Uint8Array<ArrayBuffer>], 'data.csv.gz');
    const failure = scanFile(blobChunks(file, 'gzip'), dialect());
    await expect(failure).rejects.toBeInstanceOf(UploadError);
    await expect(failure).rejects.toMatchObject({ code: 'decompression-failed', fileName: 'data.csv.gz' });
  });

  it('rejects delimiters the byte scanner cannot handle', async () => {
    await expect(scan('a', { delimiter: '€' })).rejects.toThrow(RangeError);
    await expect(scan('a', { delimiter: '"' })).rejects.toThrow(/must differ/);
  });
});

describe('linesOfRecords', () => {
  it('stops reading once every record asked for is found', async () => {
    let chunks = 0;
    async function* counted() {
      for await (const chunk of chunksOf(utf8('a\n1\n2\n3\n4\n5\n6\n7\n8\n'), 2)) {
        chunks++;
        yield chunk;
      }
    }
    const lines = await linesOfRecords(counted(), dialect(), [2]);
    expect([...lines]).toEqual([[2, 3]]);
    expect(chunks).toBeLessThan(5);
  });
});

describe('utf8SequenceAt', () => {
  it('agrees with a fatal TextDecoder on random bytes', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 16;
    };
    const valid = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length; i++) {
        const length = utf8SequenceAt(bytes, i);
        if (length <= 0) return false;
        i += length - 1;
      }
      return true;
    };
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // Mostly lead and continuation bytes near the range limits, so that valid and invalid sequences are both common.
    const edges = [0x41, 0x80, 0xbf, 0xc2, 0xe0, 0xed, 0xf0, 0xf4];
    const byte = () => edges[random() % edges.length]! + (random() % 4 === 0 ? random() % 16 : 0);
    for (let n = 0; n < 20000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (random() % 4) }, byte);
      let expected = true;
      try {
        decoder.decode(bytes);
      } catch {
        expected = false;
      }
      expect(valid(bytes), Array.from(bytes, (b) => b.toString(16)).join(' ')).toBe(expected);
    }
  });
});

describe('scanFile: plain value shapes', () => {
  const SHAPE_CODE = { integer: 1, decimal: 2, isoDate: 3 } as const;

  it('the byte check of each shape is its regex (PLAIN_SHAPE_PATTERNS), over generated texts', () => {
    const text = fc.stringMatching(/^[-0-9.e+ x]{0,22}$/);
    const digits = fc.stringMatching(/^-?[0-9]{0,20}(\.[0-9]{0,17})?$/);
    const dates = fc.stringMatching(/^[0-9]{3,5}-[0-9]{1,3}-[0-9]{1,3}$/);
    for (const shape of ['integer', 'decimal', 'isoDate'] as const) {
      const matcher = new RegExp(`^(?:${PLAIN_SHAPE_PATTERNS[shape]})?$`);
      fc.assert(
        fc.property(fc.oneof(text, digits, dates), (value) => {
          expect(hasShape(utf8(value), SHAPE_CODE[shape]), `${shape}: ${JSON.stringify(value)}`).toBe(matcher.test(value));
        }),
        { seed: 17, numRuns: 3000 },
      );
    }
  });

  it('finds the fields with a value that is not plain, wherever the chunks are cut', async () => {
    const shapes = new Map([
      [0, 'isoDate'],
      [2, 'integer'],
      [3, 'decimal'],
      [4, 'integer'],
    ] as const);
    const file = [
      'date,shop,count,price,stock', // the header is not checked
      '2024-01-03,Alpha,12,1.5,7',
      '2024-01-04,Beta,,2,-3', // empty values are plain (null)
      '',
      '2024-01-05,Gamma,123456789012345678,0.25,"8"', // a quoted value is not taken as plain
      '2024-01-06,Delta,7,1e5,9', // nor is an exponent
    ].join('\r\n');
    for (const chunkSize of [1, 2, 3, 5, 7, 11, 64, 1 << 16]) {
      const result = await scanFile(chunksOf(utf8(file), chunkSize), dialect(), { shapes });
      expect(result.unshaped, `chunks of ${chunkSize}`).toEqual([3, 4]);
      expect(result.records).toBe(4);
    }
    // The last field of a file without a final line break is checked too.
    expect((await scan('a,b\n1,2\n3,x', {}, { shapes: new Map([[1, 'integer']]) })).unshaped).toEqual([1]);
    expect((await scan('a,b\n1,2\n3,4', {}, { shapes: new Map([[1, 'integer']]) })).unshaped).toEqual([]);
    // Without a header, the first record is data.
    expect((await scan('x,1\n2,3\n', { header: false }, { shapes: new Map([[0, 'integer']]) })).unshaped).toEqual([0]);
    // A long value fails even when it runs over many chunks.
    const long = await scanFile(chunksOf(utf8(`n\n${'1'.repeat(60)}\n`), 4), dialect(), { shapes: new Map([[0, 'integer']]) });
    expect(long.unshaped).toEqual([0]);
  });

  it('reports the first chunk to onFirstChunk before reading on, and only asks when shapes are given', async () => {
    const seen: number[][] = [];
    const result = await scanFile(chunksOf(utf8('a,b\n1,x\n2,3\n4,y\n'), 8), dialect(), {
      shapes: new Map([
        [0, 'integer'],
        [1, 'integer'],
      ]),
      onFirstChunk: (unshaped) => seen.push([...unshaped]),
    });
    expect(seen).toEqual([[1]]);
    expect(result.unshaped).toEqual([1]);
    expect((await scan('a\n1\n')).unshaped).toBeUndefined();
    const empty: number[][] = [];
    await scanFile(chunksOf(new Uint8Array(0), 8), dialect(), { shapes: new Map([[0, 'integer']]), onFirstChunk: (u) => empty.push([...u]) });
    expect(empty).toEqual([[]]);
  });
});
