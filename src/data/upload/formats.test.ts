import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { buildIsNullExpression, quoteIdentifier, sqlLiteral } from '../../sql';
import { conversionFor, countryLookup, parseDate, parseNumber, profileColumn, type ColumnProfile, type ValueFormat } from './formats';

const num = (overrides: Partial<Extract<ValueFormat, { kind: 'number' }>> = {}): ValueFormat => ({
  kind: 'number',
  decimal: '.',
  thousands: null,
  percent: false,
  currency: null,
  integer: false,
  ...overrides,
});

describe('profileColumn: numbers', () => {
  it('plain integers and decimals', () => {
    expect(profileColumn('visitors', ['12', '0', '2014', '-3']).format).toEqual(num({ integer: true }));
    expect(profileColumn('rate', ['0.5', '12', '3.25']).format).toEqual(num());
  });

  it('"1,701" with point decimals elsewhere: comma is the thousands separator', () => {
    const profile = profileColumn('revenue', ['1,701', '2.5', '12,345,678.90']);
    expect(profile.format).toEqual(num({ thousands: ',' }));
    expect(profile.alternatives).toEqual([]);
  });

  it('"1,234" alone reads as thousands, with the decimal-comma reading offered; a ";" file prefers the decimal comma', () => {
    const profile = profileColumn('revenue', ['1,234', '5,678']);
    expect(profile.format).toEqual(num({ thousands: ',', integer: true }));
    expect(profile.alternatives[0]).toEqual(num({ decimal: ',' }));
    expect(profileColumn('revenue', ['1,234', '5,678'], { delimiter: ';' }).format).toEqual(num({ decimal: ',' }));
  });

  it('"12,5" makes the comma a decimal mark', () => {
    expect(profileColumn('price', ['1,234', '12,5']).format).toEqual(num({ decimal: ',' }));
  });

  it('European money and spaced thousands', () => {
    expect(profileColumn('price', ['€1.234,56', '€12,00', '€ 3']).format).toEqual(num({ decimal: ',', thousands: '.', currency: '€' }));
    expect(profileColumn('amount', ['1 234,5', '12,75', '1\u00A0000']).format).toEqual(num({ decimal: ',', thousands: ' ' }));
  });

  it('dollars with accounting negatives', () => {
    expect(profileColumn('profit', ['$1,701.00', '-$5', '(1,234)', '$12']).format).toEqual(num({ thousands: ',', currency: '$' }));
    expect(profileColumn('profit', ['(1,234)', '5']).format).toEqual(num({ thousands: ',', integer: true }));
  });

  it('two currencies in one column are not one number format', () => {
    expect(profileColumn('price', ['$5', '€5']).format).toEqual({ kind: 'text' });
  });

  it('percentages: every value has %, kept as 32.3 (not 0.323)', () => {
    const profile = profileColumn('bounce rate', ['32.30%', '5%', '100.0%']);
    expect(profile.format).toEqual(num({ percent: true }));
    expect(parseNumber('32.30%', profile.format as Extract<ValueFormat, { kind: 'number' }>)).toBe(32.3);
    expect(profileColumn('bounce rate', ['32.30%', '5']).format).toEqual({ kind: 'text' });
  });

  it('leading zeros stay text (zip codes, ids), but 0, 0.5 and 0,5 are numbers', () => {
    const zip = profileColumn('zip', ['01310', '20040', '00123']);
    expect(zip.format).toEqual({ kind: 'text' });
    expect(zip.keptAsText).toBe('leading zeros');
    expect(profileColumn('share', ['0', '0.5', '10']).format).toEqual(num());
    expect(profileColumn('share', ['0,5', '1,25'], { delimiter: ';' }).format).toEqual(num({ decimal: ',' }));
  });

  it('integers beyond 2^53 stay text', () => {
    const ids = profileColumn('order id', ['9007199254740993', '12']);
    expect(ids.format).toEqual({ kind: 'text' });
    expect(ids.keptAsText).toBe('beyond 2^53');
    expect(profileColumn('order id', ['12345678901234567890']).keptAsText).toBe('beyond 2^53');
    expect(profileColumn('order id', ['9007199254740992', '1']).format).toEqual(num({ integer: true }));
  });

  it('mixed junk is text', () => {
    const profile = profileColumn('notes', ['12', 'abc', '3.5']);
    expect(profile.format).toEqual({ kind: 'text' });
    expect(profile.keptAsText).toBeNull();
    expect(profileColumn('notes', ['1e5', '2e3']).format).toEqual({ kind: 'text' });
  });
});

describe('profileColumn: null tokens and counts', () => {
  it('reports the tokens seen, counts nulls and distinct values', () => {
    const profile = profileColumn('sessions', ['12', 'NA', ' ', 'N/A', '(not set)', '12', 'null', '', '7']);
    expect(profile.format).toEqual(num({ integer: true }));
    expect(profile.nullTokens).toEqual(['NA', '', 'N/A', '(not set)', 'null']);
    expect(profile).toMatchObject({ nullCount: 6, distinctCount: 2, sampleSize: 9, ambiguous: false });
  });

  it('an all-null column is text', () => {
    expect(profileColumn('x', ['', 'NA', 'n/a']).format).toEqual({ kind: 'text' });
  });

  it('"(none)" is a value, not a null (Google Analytics direct traffic)', () => {
    const profile = profileColumn('medium', ['(none)', 'organic', '(not set)']);
    expect(profile.nullTokens).toEqual(['(not set)']);
    expect(profile.distinctCount).toBe(2);
  });
});

describe('profileColumn: durations, dates, months, years', () => {
  it('durations', () => {
    expect(profileColumn('avg. session duration', ['00:01:11', '1:02:03', '12:34']).format).toEqual({ kind: 'duration' });
    expect(profileColumn('t', ['00:01:11', '00:61:00']).format).toEqual({ kind: 'text' });
  });

  it('ISO dates, unambiguous', () => {
    const profile = profileColumn('date', ['2017-01-02', '2017-12-31']);
    expect(profile).toMatchObject({ format: { kind: 'date', format: '%Y-%m-%d' }, ambiguous: false, alternatives: [] });
    expect(profileColumn('date', ['2017-01-02', '2017-02-30']).format).toEqual({ kind: 'text' });
  });

  it('01/02/2017 alone is ambiguous: month-first chosen, day-first offered', () => {
    const profile = profileColumn('day', ['01/02/2017', '03/04/2017']);
    expect(profile.format).toEqual({ kind: 'date', format: '%m/%d/%Y' });
    expect(profile.alternatives).toEqual([{ kind: 'date', format: '%d/%m/%Y' }]);
    expect(profile.ambiguous).toBe(true);
    expect(profileColumn('day', ['01/02/2017'], { delimiter: ';' }).format).toEqual({ kind: 'date', format: '%d/%m/%Y' });
  });

  it('13/02/2017 resolves to day-first, 02/13/2017 to month-first', () => {
    const dayFirst = profileColumn('day', ['01/02/2017', '13/02/2017']);
    expect(dayFirst).toMatchObject({ format: { kind: 'date', format: '%d/%m/%Y' }, ambiguous: false, alternatives: [] });
    expect(profileColumn('day', ['01/02/2017', '02/13/2017']).format).toEqual({ kind: 'date', format: '%m/%d/%Y' });
    expect(profileColumn('day', ['1/2/17', '31/12/17']).format).toEqual({ kind: 'date', format: '%d/%m/%y' });
    expect(profileColumn('day', ['24.12.2019', '01.02.2020']).format).toEqual({ kind: 'date', format: '%d.%m.%Y' });
  });

  it('Excel-style 10/2/2017 10:56 is a timestamp', () => {
    const profile = profileColumn('created', ['10/2/2017 10:56', '10/3/2017 9:05']);
    expect(profile.format).toEqual({ kind: 'timestamp', format: '%m/%d/%Y %H:%M' });
    expect(profile.ambiguous).toBe(true);
    expect(profileColumn('created', ['10/2/2017 10:56', '10/13/2017 9:05'])).toMatchObject({
      format: { kind: 'timestamp', format: '%m/%d/%Y %H:%M' },
      ambiguous: false,
    });
    expect(profileColumn('ts', ['2017-01-02T10:11:12Z']).format).toEqual({ kind: 'timestamp', format: '%Y-%m-%dT%H:%M:%SZ' });
  });

  it('months: 2014-07, Jul 2014, 2014M07', () => {
    expect(profileColumn('month', ['2014-07', '2014-08']).format).toEqual({ kind: 'month', format: '%Y-%m' });
    expect(profileColumn('period', ['Jul 2014', 'Aug 2014']).format).toEqual({ kind: 'month', format: '%b %Y' });
    expect(profileColumn('time', ['2014M07']).format).toEqual({ kind: 'month', format: '%YM%m' });
  });

  it('bare digits are dates only when the header speaks of time', () => {
    expect(profileColumn('date', ['20140705', '20141231']).format).toEqual({ kind: 'date', format: '%Y%m%d' });
    expect(profileColumn('order', ['20140705', '20141231']).format).toEqual(num({ integer: true }));
    expect(profileColumn('month', ['201407', '201412']).format).toEqual({ kind: 'month', format: '%Y%m' });
  });

  it('years need a year header; a 4-digit visitors column stays numbers', () => {
    expect(profileColumn('Year', ['1960', '2014', '2100']).format).toEqual({ kind: 'year' });
    expect(profileColumn('fiscal_year', ['2019', '2020']).format).toEqual({ kind: 'year' });
    expect(profileColumn('visitors', ['1960', '2014', '2100']).format).toEqual(num({ integer: true }));
    expect(profileColumn('yearly_total', ['1960', '2014']).format).toEqual(num({ integer: true }));
  });

  it('parseDate mirrors strptime range checks', () => {
    expect(parseDate('29/02/2020', '%d/%m/%Y')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseDate('29/02/2019', '%d/%m/%Y')).toBeNull();
    expect(parseDate('1/2/17', '%d/%m/%Y')).toBeNull();
    expect(parseDate('10/2/2017 24:00', '%m/%d/%Y %H:%M')).toBeNull();
    expect(parseDate('1/1/69', '%d/%m/%y')).toEqual({ year: 1969, month: 1, day: 1 });
  });
});

describe('profileColumn: booleans and countries', () => {
  it('booleans: true/false, yes/no; 0/1 are numbers', () => {
    expect(profileColumn('returning', ['TRUE', 'false', 'True']).format).toEqual({ kind: 'boolean' });
    expect(profileColumn('returning', ['yes', 'No', 'NA']).format).toEqual({ kind: 'boolean' });
    expect(profileColumn('returning', ['0', '1']).format).toEqual(num({ integer: true }));
    expect(profileColumn('country', ['NO', 'SE', 'no']).format).toEqual({ kind: 'country', codes: 'iso2' });
  });

  it('iso2 codes with NA (Namibia): NA is a value, not a null token', () => {
    const profile = profileColumn('country', ['DE', 'NA', 'US', '', 'N/A']);
    expect(profile.format).toEqual({ kind: 'country', codes: 'iso2' });
    expect(profile.nullTokens).toEqual(['', 'N/A']);
    expect(profile).toMatchObject({ nullCount: 2, distinctCount: 3 });
    // Without a country header, all values must be known codes.
    expect(profileColumn('cc', ['DE', 'NA', 'FR']).format).toEqual({ kind: 'country', codes: 'iso2' });
    expect(profileColumn('state', ['CA', 'NY', 'TX']).format).toEqual({ kind: 'text' });
  });

  it('a country header tolerates up to 10% unknown values', () => {
    const known = ['DE', 'FR', 'IT', 'ES', 'PL', 'NL', 'BE', 'AT', 'CH'];
    expect(profileColumn('Country', [...known, 'XX']).format).toEqual({ kind: 'country', codes: 'iso2' });
    expect(profileColumn('Country', [...known.slice(0, 5), 'XX']).format).toEqual({ kind: 'text' });
  });

  it('iso3 codes and English names', () => {
    expect(profileColumn('iso', ['DEU', 'RUS', 'NAM']).format).toEqual({ kind: 'country', codes: 'iso3' });
    expect(profileColumn('market', ['Russia', 'Russian Federation', 'United States', 'Mexico']).format).toEqual({ kind: 'country', codes: 'name' });
    expect(profileColumn('brand', ['Nike', 'Adidas']).format).toEqual({ kind: 'text' });
  });

  it('countryLookup knows aliases and leaves shared names out', () => {
    const lookup = countryLookup();
    expect(lookup.get('RUSSIA')).toBe('RU');
    expect(lookup.get('USA')).toBe('US');
    expect(lookup.get('UK')).toBe('GB');
    expect(lookup.get('TÜRKIYE')).toBe('TR');
    expect(lookup.get('KOREA')).toBe('KR');
    expect(lookup.get('NA')).toBe('NA');
    expect(lookup.get('CONGO')).toBeUndefined();
  });
});

/** Detect, convert in the real engine, and compare: detection and conversion must agree on every sample value. */
describe('round trips through DuckDB', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  async function roundTrip(header: string, values: readonly string[], hints = {}): Promise<{ profile: ColumnProfile; out: unknown[]; rejects: number }> {
    const profile = profileColumn(header, values, hints);
    const field = quoteIdentifier('v');
    const conversion = conversionFor(field, profile.format, profile.nullTokens);
    const isNull =
      profile.format.kind === 'country'
        ? buildIsNullExpression(field, profile.nullTokens.filter((token) => token.toUpperCase() !== 'NA'))
        : buildIsNullExpression(field, profile.nullTokens);
    const rows = values.map((value, index) => `(${index}, ${sqlLiteral(value)})`).join(', ');
    const result = await engine.query<{ x: unknown; reject: boolean }>(
      `SELECT ${conversion.expression} AS x, (NOT ${isNull} AND ${conversion.expression} IS NULL) AS reject
       FROM (VALUES ${rows}) t(i, v) ORDER BY i`,
    );
    return { profile, out: result.map((row) => row.x), rejects: result.filter((row) => row.reject).length };
  }

  const cases: [string, string[], unknown[]][] = [
    ['revenue', ['1,701', '2.5', 'NA', '12,345,678.90'], [1701, 2.5, null, 12345678.9]],
    ['bounce rate', ['32.30%', '5%', ''], [32.3, 5, null]],
    ['duration', ['00:01:11', '1:02:03', '12:34'], [71, 3723, 754]],
    ['price', ['€1.234,56', '€12,00', '(not set)'], [1234.56, 12, null]],
    ['amount', ['1 234,5', '12,75'], [1234.5, 12.75]],
    ['profit', ['(1,234)', '$1,701.00', '-$5'], [-1234, 1701, -5]],
    ['date', ['2017-01-02', 'N/A', '2017-12-31'], ['2017-01-02', null, '2017-12-31']],
    ['created', ['10/2/2017 10:56', '10/13/2017 9:05'], ['2017-10-02T10:56:00.000Z', '2017-10-13T09:05:00.000Z']],
    ['day', ['13/02/2017', '01/02/2017'], ['2017-02-13', '2017-02-01']],
    ['month', ['2014-07', '2014-12'], ['2014-07-01', '2014-12-01']],
    ['period', ['Jul 2014', 'Dec 2015'], ['2014-07-01', '2015-12-01']],
    ['year', ['1960', '2014', 'NA'], ['1960-01-01', '2014-01-01', null]],
    ['country', ['DE', 'NA', 'us', 'N/A'], ['DE', 'NA', 'US', null]],
    ['iso3', ['DEU', 'NAM', 'USA'], ['DE', 'NA', 'US']],
    ['market', ['Russia', 'Russian Federation', 'United States', 'Mexico', 'Türkiye'], ['RU', 'RU', 'US', 'MX', 'TR']],
    ['returning', ['Yes', 'no', 'TRUE'], [true, false, true]],
    ['zip', ['01310', '00123', 'NA'], ['01310', '00123', null]],
    ['order id', ['9007199254740993', '12'], ['9007199254740993', '12']],
    ['notes', ['12', ' abc ', '3.5'], ['12', 'abc', '3.5']],
  ];

  it.each(cases)('%s: %j', async (header, values, expected) => {
    const { out, rejects } = await roundTrip(header, values);
    expect(out).toEqual(expected);
    expect(rejects).toBe(0);
  });

  it('the ambiguous day/month choice converts with the chosen reading, and the alternative with the other', async () => {
    const { profile, out } = await roundTrip('day', ['01/02/2017', '03/04/2017']);
    expect(profile.ambiguous).toBe(true);
    expect(out).toEqual(['2017-01-02', '2017-03-04']);
    const alternative = profile.alternatives[0]!;
    const [row] = await engine.query<{ x: string }>(`SELECT ${conversionFor(sqlLiteral('01/02/2017'), alternative, []).expression} AS x`);
    expect(row?.x).toBe('2017-02-01');
  });

  it('values outside the sample that do not fit the detected format are counted as rejects', async () => {
    const profile = profileColumn('revenue', ['1,701', '2.5']);
    const field = quoteIdentifier('v');
    const conversion = conversionFor(field, profile.format, profile.nullTokens);
    const isNull = buildIsNullExpression(field, profile.nullTokens);
    const [row] = await engine.query<{ rejects: number }>(
      `SELECT count(*) FILTER (WHERE NOT ${isNull} AND ${conversion.expression} IS NULL) AS rejects
       FROM (VALUES ('1,70'), ('1e5'), ('3'), (NULL)) t(v)`,
    );
    expect(row?.rejects).toBe(2);
  });
});
