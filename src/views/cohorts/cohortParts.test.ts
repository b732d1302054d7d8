import { describe, expect, it } from 'vitest';
import type { CohortSeries } from '../../data';
import { countryName } from '../../lib/countries';
import { cohortLines, cohortSummary, indexedAtEntry, measureWord, monthsShown, pairName, placeName } from './cohortParts';
import { decodePairs, encodePairs } from './declaration';

const naming = { first: (member: string) => member, second: (code: string) => ({ RU: 'Russia', US: 'the US', BR: 'Brazil' })[code] ?? code };
const series = (first: string, second: string, values: (number | null)[], unknownEntry = false, entryMonth = '2020-01'): CohortSeries => ({
  first,
  second,
  entryMonth,
  unknownEntry,
  periodValue: 1,
  values,
});

describe('pairs in a link', () => {
  it('round-trips names with separators and backslashes, and reports what is not a pair', () => {
    const pairs = [
      { first: 'A~B', second: 'Korea, Republic of' },
      { first: 'C\\D', second: 'RU' },
    ];
    const text = encodePairs(pairs);
    expect(text).toBe('A\\~B~Korea\\, Republic of,C\\\\D~RU');
    expect(decodePairs(text)).toEqual({ pairs, unreadable: [] });
    expect(decodePairs('Ozon,Temu~US,~RU')).toEqual({ pairs: [{ first: 'Temu', second: 'US' }], unreadable: ['Ozon', '~RU'] });
  });
});

describe('indexedAtEntry', () => {
  it('divides by the entry month, keeps gaps and zeros', () => {
    expect(indexedAtEntry([4, 6, null, 0, 10])).toEqual([100, 150, null, 0, 250]);
    expect(indexedAtEntry([null, 3])).toEqual([null, null]);
  });
});

describe('cohortLines and monthsShown', () => {
  const lines = [series('Temu', 'US', [2, 4, 8]), series('AliExpress', 'RU', [10, 11, 12, 13, 14], true, '2013-01')];
  it('cuts or pads every curve to the span, month 0 included', () => {
    expect(monthsShown('24', lines)).toBe(25);
    expect(monthsShown('all', lines)).toBe(5);
    const drawn = cohortLines(lines, 'measured', 4, naming);
    expect(drawn.map((line) => line.values)).toEqual([
      [2, 4, 8, null],
      [10, 11, 12, 13],
    ]);
    expect(drawn.map((line) => line.name)).toEqual(['Temu · the US', 'AliExpress · Russia (entry unknown, Jan 2013 or earlier)']);
    expect(cohortLines(lines, 'indexed', 3, naming)[0]!.values).toEqual([100, 200, 400]);
  });
  it('names a known pair plainly', () => {
    expect(pairName(series('Shopee', 'BR', []), naming)).toBe('Shopee · Brazil');
  });
});

describe('placeName', () => {
  it('puts “the” before the countries that take it, by the names the app shows', () => {
    const read = (code: string) => placeName(countryName(code));
    expect(['US', 'GB', 'NL', 'PH', 'AE', 'DO', 'BS', 'KY'].map(read)).toEqual([
      'the United States',
      'the United Kingdom',
      'the Netherlands',
      'the Philippines',
      'the United Arab Emirates',
      'the Dominican Republic',
      'the Bahamas',
      'the Cayman Islands',
    ]);
    expect(['BR', 'RU', 'CZ', 'KR', 'DE'].map(read)).toEqual(['Brazil', 'Russia', 'Czechia', 'South Korea', 'Germany']);
    expect(placeName('Czech Republic')).toBe('the Czech Republic');
    expect(placeName('the US')).toBe('the US');
    expect(placeName('App')).toBe('App');
  });

  it('reads in the summary: “Temu in the United States”', () => {
    const lines = cohortLines([series('Temu', 'US', [1, 4]), series('Shopee', 'NL', [1, 2])], 'measured', 2, { first: (m) => m, second: countryName });
    expect(cohortSummary(lines, { mode: 'measured', unit: 'count', measure: 'visitors', naming: { first: (m) => m, second: countryName } })).toBe(
      '1 month after entry, Temu in the United States had 4 visitors that month, 2.0× Shopee in the Netherlands at the same age.',
    );
  });
});

describe('cohortSummary', () => {
  const months = (count: number, value: (age: number) => number | null) => Array.from({ length: count }, (_, age) => value(age));
  const words = { mode: 'measured' as const, unit: 'count' as const, measure: 'visitors', naming };

  it('compares the two largest known entries a year after entry', () => {
    const lines = cohortLines(
      [
        series('Temu', 'US', months(13, (age) => 1e6 * (age + 1))), // 13M at month 12
        series('Shopee', 'BR', months(13, (age) => 2e5 * (age + 1))), // 2.6M at month 12
        series('AliExpress', 'RU', months(13, () => 9e7), true), // unknown: left out of the comparison
      ],
      'measured',
      13,
      naming,
    );
    expect(cohortSummary(lines, words)).toBe(
      '12 months after entry, Temu in the US had 13M visitors that month, 5.0× Shopee in Brazil at the same age. ' +
        'Entries before the data starts are unknown: those curves are at least as old as shown.',
    );
  });

  it('falls back to an age both curves reach, and reads indexed values', () => {
    const lines = cohortLines([series('Temu', 'US', [2, 3, 5, 9]), series('Shopee', 'BR', [4, 4, 6, 7])], 'indexed', 4, naming);
    // Month 3: Temu 450, Shopee 175.
    expect(cohortSummary(lines, { ...words, mode: 'indexed' })).toBe(
      '3 months after entry, Temu in the US stood at 450.0 (entry month = 100), against 175.0 for Shopee in Brazil.',
    );
  });

  it('says when nothing with a known entry is drawn', () => {
    const lines = cohortLines([series('AliExpress', 'RU', [1, 2], true)], 'measured', 2, naming);
    expect(cohortSummary(lines, words)).toMatch(/^No curve with a known entry is drawn\./);
    expect(measureWord('GMV')).toBe('GMV');
    expect(measureWord('Visitors')).toBe('visitors');
  });
});
