import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHumanNumber } from './format';
import { profileColumn } from '../data/upload/formats';
import { slug } from '../data/upload/plan';
import { sniffSample } from '../data/upload/readers/csv/sniff';
import { looksNumeric, suggestPlan, suggestUnpivot, labelFromFileName } from '../data/upload/suggest';
import { repairWindows1252, transcodeChunks } from '../data/upload/readers/csv/transcode';
import { countCsvRecords } from '../data/countCsvRecords';
import { marketplaceColumnIds } from '../views/countries/CountriesView';
import { decodeViewState } from '../views';
import { expandSearch } from '../state/shareLink';

/**
 * Every regular expression the app applies to file contents, headers, link text or typed input must finish on a
 * megabyte of hostile text. These tests check answers, not timings: a pattern that backtracks quadratically never
 * returns from a megabyte (the suggester's old number pattern took over a minute on 300,000 digits and a letter; the
 * target parser's old pattern, cubic, 23 s on 4,000 blanks and a letter), so the test hangs until its timeout.
 */
const MB = 1_000_000;
const TIMEOUT = 60_000;

/** Shapes that make backtracking patterns explode: long runs of one class ended by a character that fails. */
const HOSTILE: Record<string, string> = {
  'digits': '1'.repeat(MB),
  'digits and a letter': `${'1'.repeat(MB)}x`,
  'digits and a percent sign and a letter': `${'1'.repeat(MB)}%x`,
  'grouped thousands and a letter': `1${',234'.repeat(MB / 4)}x`,
  'space-grouped thousands and a letter': `1${' 234'.repeat(MB / 4)}x`,
  '"1," repeated': '1,'.repeat(MB / 2),
  '"1." repeated and a letter': `${'1.'.repeat(MB / 2)}x`,
  'blanks and a letter': `${' '.repeat(MB)}x`,
  'a digit, blanks and a letter': `1${' '.repeat(MB)}x`,
  'a sign, blanks and a letter': `-${' '.repeat(MB)}x`,
  'a dollar, blanks and a letter': `$${' '.repeat(MB)}x`,
  'dashes': '-'.repeat(MB),
  'underscores and a letter': `${'_'.repeat(MB)}a`,
  'no-break spaces and a digit': `${'\u00A0'.repeat(MB)}1x`,
  'a time and a long fraction': `2024-01-01 10:00:00.${'1'.repeat(MB)}x`,
  'a duration with long hours': `${'1'.repeat(MB)}:3`,
  'letters and dots': 'a.'.repeat(MB / 2),
};
const CASES = Object.entries(HOSTILE);

describe('patterns over a megabyte of hostile text return', () => {
  it.each(CASES)('the target-line number parser: %s', (_, text) => {
    expect(parseHumanNumber(text)).toBeNull();
  }, TIMEOUT);

  it('the target-line number parser still reads what people type, around a megabyte of blanks', () => {
    const blanks = ' '.repeat(MB);
    expect(parseHumanNumber(`${blanks}-${blanks}$${blanks}1,500${blanks}k${blanks}`)).toBe(-1_500_000);
    expect(parseHumanNumber(`${'9'.repeat(300)}`)).toBe(Number('9'.repeat(300)));
  }, TIMEOUT);

  it('the target-line number parser reads short texts as the cubic pattern it replaces did', () => {
    const cubic = /^\s*(-)?\s*\$?\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*([kmbt])?\s*$/i;
    const alphabet = [' ', '\t', '-', '$', '1', '0', ',', '.', 'k', 'M', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 10 }), (characters) => {
        const text = characters.join('');
        const match = cubic.exec(text);
        const [, minus, digits, suffix] = match ?? [];
        const grouped = !digits?.includes(',') || /^[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$/.test(digits);
        const scale = suffix ? { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[suffix.toLowerCase() as 'k']! : 1;
        const value = match && grouped ? Number(digits!.replaceAll(',', '')) * scale : null;
        expect(parseHumanNumber(text)).toBe(value === null ? null : minus ? -value : value);
      }),
      { seed: 7, numRuns: 20_000 },
    );
  });

  it.each(CASES)('the wide-file cell test: %s', (name, text) => {
    const numeric = looksNumeric(text);
    if (name === 'digits' || name === '"1," repeated') expect(numeric).toBe(true);
    if (name.endsWith('a letter') || name === 'dashes') expect(numeric).toBe(false);
  }, TIMEOUT);

  it('the wide-file cell test answers as the quadratic pattern it replaces, on short cells', () => {
    const quadratic = /^[-+\u2212]?[\d.,\s\u00A0]*\d[\d.,\s\u00A0]*%?$/;
    const alphabet = ['1', '0', '.', ',', ' ', '\t', '\u00A0', '-', '+', '\u2212', '%', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 10 }), (characters) => {
        const cell = characters.join('');
        expect(looksNumeric(cell)).toBe(quadratic.test(cell));
      }),
      { seed: 12, numRuns: 20_000 },
    );
  });

  it.each(CASES)('the column profile (numbers, dates, durations, countries): %s', (_, text) => {
    for (const header of ['Value', 'Country', 'Date', 'Year']) {
      const profile = profileColumn(header, [text, '1', '2'], { delimiter: ';' });
      expect(profile.sampleSize).toBe(3);
    }
    expect(profileColumn('Value', [`${text}%`, '1%', '2%']).sampleSize).toBe(3);
    expect(profileColumn('Value', [`$${text}`, '$1', '$2']).sampleSize).toBe(3);
  }, TIMEOUT);

  it.each(CASES)('the header slug (column ids) and the marketplace sort ids: %s', (_, text) => {
    expect(slug(text).length).toBeLessThanOrEqual(40);
    expect(marketplaceColumnIds([text, null])).toHaveLength(2);
  }, TIMEOUT);

  it.each(CASES)('the dataset name from a file name: %s', (_, text) => {
    expect(labelFromFileName(`${text}.csv`).length).toBeGreaterThan(0);
  }, TIMEOUT);

  it.each(CASES)('a view link: %s', async (_, text) => {
    const value = encodeURIComponent(text);
    const decoded = decodeViewState(`?from=${value}&measure=${value}&country=${value}&sort.countries=${value}&xf.map.${value}=1`);
    expect(decoded.notices.length).toBeGreaterThan(0);
    expect(await expandSearch(`?z=${value}`)).not.toBeNull();
  }, TIMEOUT);
});

describe('reading a hostile file returns', () => {
  /** A CSV of a header and three rows whose second field is `text`, as the sniffer and the suggester see it. */
  const csvWith = (text: string) => `name,1990,1991,1992\nRU,1,2,3\nUS,"${text.replaceAll('"', '""')}",5,6\nDE,7,8,9\n`;

  it.each(CASES)('the sniffer and the suggester (a wide file with one huge cell): %s', (_, text) => {
    const bytes = new TextEncoder().encode(csvWith(text));
    const sniffed = sniffSample(bytes, 'wide.csv', { maxRows: 10 });
    expect(sniffed.columns.map((column) => column.name)).toEqual(['name', '1990', '1991', '1992']);
    const { plan } = suggestPlan(sniffed, 'wide.csv');
    expect(plan.columns).toHaveLength(4);
    expect(suggestUnpivot(sniffed, plan.columns)?.columns ?? []).toHaveLength(3);
  }, TIMEOUT);

  it.each(CASES)('the sniffer over a huge header and a huge first cell: %s', (_, text) => {
    const bytes = new TextEncoder().encode(`"${text.replaceAll('"', '""')}",b\n"${text.replaceAll('"', '""')}",2\nx,3\n`);
    expect(sniffSample(bytes, 'huge.csv', { maxRows: 10 }).columns).toHaveLength(2);
  }, TIMEOUT);

  it('the Windows-1252 repair, the line-ending normalisation and the record count', async () => {
    expect(repairWindows1252('\u0080'.repeat(MB))).toBe('€'.repeat(MB));
    const lines = new TextEncoder().encode('\r'.repeat(MB) + 'a\r\n'.repeat(MB / 4));
    const chunks: Uint8Array[] = [];
    for await (const chunk of transcodeChunks((async function* () { yield lines; })(), 'utf-8', { normaliseLineEndings: true, stripBom: true })) {
      chunks.push(chunk);
    }
    expect(chunks.reduce((sum, chunk) => sum + chunk.length, 0)).toBe(MB + (MB / 4) * 2);
    // A header of a megabyte of escaped quotes in one quoted field, then half a million one-field records.
    expect(countCsvRecords(new TextEncoder().encode(`"${'""'.repeat(MB / 2)}"\n${'a\n'.repeat(MB / 2)}`))).toBe(MB / 2);
  }, TIMEOUT);
});
