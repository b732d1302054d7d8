import { describe, expect, it } from 'vitest';
import { repairWindows1252, transcodeChunks, type TranscodeOptions } from './transcode';
import { scanFile } from './scanFile';
import { sniffSample, type Encoding } from './sniff';
import { chunksOf, collect, concat, utf16, utf8, windows1252 } from '../../../../../test/fixtures/upload/fixtures';

const normalise: TranscodeOptions = { normaliseLineEndings: true, stripBom: true };

/** Transcodes `bytes` fed in chunks of `chunkSize`; the result as text, a BOM kept visible. */
async function transcode(bytes: Uint8Array, from: Encoding, chunkSize: number, options = normalise) {
  const out = await collect(transcodeChunks(chunksOf(bytes, chunkSize), from, options));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(out);
}

const SIZES = [1, 2, 3, 7, 64 * 1024];

describe('transcodeChunks', () => {
  it.each(SIZES)('converts Windows-1252 to UTF-8 (chunks of %i)', async (size) => {
    const bytes = windows1252('name,price\r\nCafé,€3\r\nNaïve,5\r\n');
    expect(await transcode(bytes, 'windows-1252', size)).toBe('name,price\nCafé,€3\nNaïve,5\n');
  });

  it('maps every Windows-1252 byte in 0x80–0x9F as browsers do', () => {
    expect(repairWindows1252('\u0080\u0085\u0093\u0094\u0096\u0099\u009f')).toBe('€…“”–™Ÿ');
    expect(repairWindows1252('plain é')).toBe('plain é');
  });

  it.each(SIZES)('converts UTF-16 LE and BE, BOM stripped, surrogate pairs intact (chunks of %i)', async (size) => {
    const text = 'name,city\r\nJosé,東京 𝄞\r\n';
    expect(await transcode(utf16(text, 'le', true), 'utf-16le', size)).toBe('name,city\nJosé,東京 𝄞\n');
    expect(await transcode(utf16(text, 'be', true), 'utf-16be', size)).toBe('name,city\nJosé,東京 𝄞\n');
    expect(await transcode(utf16(text, 'le', false), 'utf-16le', size)).toBe('name,city\nJosé,東京 𝄞\n');
  });

  it.each(SIZES)('normalises CR-only and mixed line endings, even a CRLF split by chunks (chunks of %i)', async (size) => {
    const bytes = utf8('a,b\r1,2\r\n3,"x\r\ny"\n5,6\r');
    expect(await transcode(bytes, 'utf-8', size)).toBe('a,b\n1,2\n3,"x\ny"\n5,6\n');
  });

  it('treats CR then CR as two line breaks', async () => {
    expect(await transcode(utf8('a\r\rb\r'), 'utf-8', 1)).toBe('a\n\nb\n');
  });

  it('keeps line endings and the BOM when asked to', async () => {
    const bytes = concat([0xef, 0xbb, 0xbf], 'a\r\nb\r');
    const kept = await transcode(bytes, 'utf-8', 2, { normaliseLineEndings: false, stripBom: false });
    expect(kept).toBe('\uFEFFa\r\nb\r');
    expect(await transcode(bytes, 'utf-8', 2)).toBe('a\nb\n');
    // A UTF-16 BOM that is kept becomes the UTF-8 BOM.
    const utf16Kept = await collect(
      transcodeChunks(chunksOf(utf16('a', 'le', true), 1), 'utf-16le', { normaliseLineEndings: false, stripBom: false }),
    );
    expect([...utf16Kept]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });

  it('replaces invalid bytes with U+FFFD', async () => {
    expect(await transcode(concat('a,', [0xff], '\n'), 'utf-8', 1)).toBe('a,\uFFFD\n');
  });

  it('yields nothing for an empty file', async () => {
    expect(await collect(transcodeChunks(chunksOf(new Uint8Array(0), 4), 'utf-16le', normalise))).toHaveLength(0);
  });

  it('feeds scanFile: a UTF-16 file with CR-only endings is counted after transcoding', async () => {
    const file = utf16('id,name\r1,"Zoë\r\nvan Dijk"\r2,東京\r', 'le', true);
    const sniffed = sniffSample(file, 'people.csv');
    expect(sniffed.dialect.encoding).toBe('utf-16le');
    expect(sniffed.lineEnding).toBe('mixed');
    const result = await scanFile(transcodeChunks(chunksOf(file, 3), 'utf-16le', normalise), sniffed.dialect);
    expect(result).toMatchObject({
      records: 2,
      lines: 4,
      lineEndings: { lf: 4, crlf: 0, cr: 0 },
      invalidUtf8: null,
      nulByte: null,
      raggedCount: 0,
    });
  });
});
