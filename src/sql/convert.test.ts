import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { buildConversion, buildIsNullExpression, numberPattern, readerTyping, type NumberFormat, type ValueFormat } from './convert';
import { quoteIdentifier, sqlLiteral } from './literals';

const NULLS = ['', 'NA', 'N/A', 'null', '(not set)'];
const number = (overrides: Partial<NumberFormat> = {}): NumberFormat => ({
  kind: 'number',
  decimal: '.',
  thousands: null,
  percent: false,
  currency: null,
  integer: false,
  ...overrides,
});
/** A hand-made lookup: src/sql knows no country data, the app passes it in. */
const LOOKUP = new Map([
  ['DE', 'DE'],
  ['NA', 'NA'],
  ['GB', 'GB'],
  ['RU', 'RU'],
  ['UK', 'GB'],
  ['DEU', 'DE'],
  ['RUS', 'RU'],
  ['NAM', 'NA'],
  ['RUSSIA', 'RU'],
  ['RUSSIAN FEDERATION', 'RU'],
  ['GERMANY', 'DE'],
]);

type Row = { x: unknown; type: string; isNull: boolean };

describe('buildConversion (run in DuckDB)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  /** Converts each value (through a column with an awkward name) and returns the results in order. */
  async function convert(values: readonly (string | null)[], format: ValueFormat, nullTokens = NULLS): Promise<Row[]> {
    const field = quoteIdentifier('raw "value"');
    const conversion = buildConversion(field, format, nullTokens, LOOKUP);
    const rows = values.map((value, index) => `(${index}, ${sqlLiteral(value)})`).join(', ');
    const result = await engine.query<Row & { i: number }>(
      `SELECT i, ${conversion.expression} AS x, typeof(${conversion.expression}) AS type, ${buildIsNullExpression(field, nullTokens)} AS "isNull"
       FROM (VALUES ${rows}) t(i, ${field}) ORDER BY i`,
    );
    for (const row of result) expect(row.type).toBe(conversion.type);
    return result.map(({ x, type, isNull }) => ({ x, type, isNull }));
  }
  const values = async (input: readonly (string | null)[], format: ValueFormat, nullTokens = NULLS) =>
    (await convert(input, format, nullTokens)).map((row) => row.x);

  it('null tokens: trimmed, case-insensitive, blanks always; other junk is a reject, not an error', async () => {
    const rows = await convert([null, '', '   ', ' na ', 'N/A', 'NULL', '(not set)', 'oops', '12'], number());
    expect(rows.map((row) => row.isNull)).toEqual([true, true, true, true, true, true, true, false, false]);
    expect(rows.map((row) => row.x)).toEqual([null, null, null, null, null, null, null, null, 12]);
    // With no tokens given, only SQL NULL and blanks are null.
    const bare = await convert(['NA', ' '], { kind: 'text' }, []);
    expect(bare.map((row) => [row.x, row.isNull])).toEqual([
      ['NA', false],
      [null, true],
    ]);
  });

  it('text is trimmed', async () => {
    expect(await values(['  Mexico ', '\u00A0São Paulo\t', "it's"], { kind: 'text' })).toEqual([
      'Mexico',
      'São Paulo',
      "it's",
    ]);
  });

  it('numbers with thousands commas and point decimals; TRY_CAST quirks are gated out', async () => {
    const format = number({ thousands: ',' });
    expect(await values(['1,701', '1,701.00', '2.5', '-3', '+4', '1234', '.5'], format)).toEqual([1701, 1701, 2.5, -3, 4, 1234, 0.5]);
    // DuckDB's TRY_CAST would take all of these: the regex gate refuses them.
    expect(await values(['1e5', '1_000', '0x10', '1,70', '12,3456', 'inf', '1.2.3', '--5'], format)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('integers load as BIGINT and refuse fractions (TRY_CAST would round 1.5 to 2)', async () => {
    const rows = await convert(['42', '-7', '1.5', '9007199254740991'], number({ integer: true }));
    expect(rows[0]!.type).toBe('BIGINT');
    expect(rows.map((row) => row.x)).toEqual([42, -7, null, 9007199254740991]);
  });

  it('European numbers: €1.234,56, 1 234,5 €, decimal comma', async () => {
    expect(await values(['€1.234,56', '1.234,56 €', '-€5', '€ 0,5', '12'], number({ decimal: ',', thousands: '.', currency: '€' }))).toEqual([
      1234.56, 1234.56, -5, 0.5, 12,
    ]);
    expect(await values(['1 234,5', '1\u00A0234,5', '1\u202F234', '12,25', '1 234,5 €'], number({ decimal: ',', thousands: ' ' }))).toEqual([
      1234.5, 1234.5, 1234, 12.25, null,
    ]);
  });

  it('currencies before or after, signs on either side, accounting negatives', async () => {
    const format = number({ thousands: ',', currency: '$' });
    expect(await values(['$1,701.00', '-$5', '$-5', '5 $', '(1,234)', '($12.50)', '€5', '$$5'], format)).toEqual([
      1701, -5, -5, 5, -1234, -12.5, null, null,
    ]);
    expect(await values(['R$ 10,50', 'R$1.000,00'], number({ decimal: ',', thousands: '.', currency: 'R$' }))).toEqual([10.5, 1000]);
    expect(await values(['USD 1,000', '1,000 USD'], number({ thousands: ',', currency: 'USD', integer: true }))).toEqual([1000, 1000]);
  });

  it('percentages keep their scale: 32.30% is 32.3, not 0.323', async () => {
    expect(await values(['32.30%', '-1.5 %', '100%', '5'], number({ percent: true }))).toEqual([32.3, -1.5, 100, null]);
  });

  it('the shortcut for plain values agrees with the full conversion, and yields to null tokens of the same shape', async () => {
    // Plain shapes take the shortcut; the same values padded with whitespace take the full path. Both must agree.
    const cases: [ValueFormat, string[]][] = [
      [number({ integer: true, thousands: ',' }), ['42', '-7', '007', '123456789012345678']],
      [number({ decimal: ',', thousands: '.' }), ['-3,25', '12', '0,5']],
      [number({ percent: true }), ['32.30%', '-1.5%', '100%']],
      [number({ currency: '$', thousands: ',' }), ['12', '-4.5']],
      [{ kind: 'date', format: '%Y-%m-%d' }, ['2024-01-31', '2024-02-30', '1999-12-01']],
      [{ kind: 'country', codes: 'iso2' }, ['RU', 'NA', 'XX', 'GB']],
    ];
    for (const [format, plain] of cases) {
      const padded = plain.map((value) => ` ${value}\u00A0`);
      expect(await values(padded, format), JSON.stringify(format)).toEqual(await values(plain, format));
    }
    // A null token that looks like a number is still a null token, shortcut or not.
    expect(await values(['-1', '5', ' -1 '], number({ integer: true }), ['-1'])).toEqual([null, 5, null]);
    expect(await values(['DE', 'de', 'RU'], { kind: 'country', codes: 'iso2' }, ['DE'])).toEqual([null, null, 'RU']);
  });

  it('numberPattern refuses currencies that would collide with the number', () => {
    expect(() => numberPattern(number({ currency: 'Rs.' }))).toThrow(/currency/);
    expect(() => numberPattern(number({ currency: '' }))).toThrow(/currency/);
  });

  it('durations become seconds', async () => {
    expect(await values(['00:01:11', '1:02:03', '12:34', '100:00:00.5', '0:00:07.25', '1:60', '12', 'a:bc'], { kind: 'duration' })).toEqual([
      71, 3723, 754, 360000.5, 7.25, null, null, null,
    ]);
  });

  it('ISO dates, and strptime leniency gated ("2017-1-2" ok, but no extra text)', async () => {
    expect(await values(['2017-01-02', '2017-1-2', ' 2020-02-29 ', '2019-02-29', '2017-01-02 10:00', '17-01-02'], { kind: 'date', format: '%Y-%m-%d' })).toEqual([
      '2017-01-02',
      '2017-01-02',
      '2020-02-29',
      null,
      null,
      null,
    ]);
  });

  it('day-first and month-first slashes; a two-digit year never passes as a four-digit one', async () => {
    expect(await values(['13/02/2017', '2/3/2017', '1/2/17'], { kind: 'date', format: '%d/%m/%Y' })).toEqual(['2017-02-13', '2017-03-02', null]);
    expect(await values(['02/13/2017', '2/3/2017'], { kind: 'date', format: '%m/%d/%Y' })).toEqual(['2017-02-13', '2017-02-03']);
    expect(await values(['1/2/17', '1/2/69', '1/2/2017'], { kind: 'date', format: '%d/%m/%y' })).toEqual(['2017-02-01', '1969-02-01', null]);
    expect(await values(['24.12.2019', '20191224'], { kind: 'date', format: '%d.%m.%Y' })).toEqual(['2019-12-24', null]);
    expect(await values(['20191224', '2019122'], { kind: 'date', format: '%Y%m%d' })).toEqual(['2019-12-24', null]);
  });

  it('timestamps: Excel-style 10/2/2017 10:56, ISO with T and Z, 12-hour clocks', async () => {
    expect(await values(['10/2/2017 10:56', '10/2/2017 9:05', '10/2/2017'], { kind: 'timestamp', format: '%m/%d/%Y %H:%M' })).toEqual([
      '2017-10-02T10:56:00.000Z',
      '2017-10-02T09:05:00.000Z',
      null,
    ]);
    expect(await values(['2017-01-02T10:11:12Z'], { kind: 'timestamp', format: '%Y-%m-%dT%H:%M:%SZ' })).toEqual(['2017-01-02T10:11:12.000Z']);
    expect(await values(['1/2/2017 1:05 PM'], { kind: 'timestamp', format: '%m/%d/%Y %I:%M %p' })).toEqual(['2017-01-02T13:05:00.000Z']);
  });

  it('months become the first day of the month', async () => {
    expect(await values(['2014-07', '2014-7', '2014-07-01', '2014-13'], { kind: 'month', format: '%Y-%m' })).toEqual(['2014-07-01', '2014-07-01', null, null]);
    expect(await values(['Jul 2014', 'dec 2015', 'July 2014'], { kind: 'month', format: '%b %Y' })).toEqual(['2014-07-01', '2015-12-01', null]);
    expect(await values(['2014M07', '2014M12'], { kind: 'month', format: '%YM%m' })).toEqual(['2014-07-01', '2014-12-01']);
  });

  it('years become January 1st', async () => {
    const rows = await convert(['1960', '2014', ' 2100 ', '0999', '20145', '2014.5'], { kind: 'year' });
    expect(rows[0]!.type).toBe('DATE');
    expect(rows.map((row) => row.x)).toEqual(['1960-01-01', '2014-01-01', '2100-01-01', null, null, null]);
  });

  it('booleans: true/false and yes/no only', async () => {
    expect(await values(['TRUE', 'false', 'Yes', 'no', '1', '0', 'y'], { kind: 'boolean' })).toEqual([true, false, true, false, null, null, null]);
  });

  it('countries: NA is Namibia, never a null token; unknown codes are rejects', async () => {
    const rows = await convert(['de', ' NA ', 'UK', 'XX', 'DEU', 'N/A', ''], { kind: 'country', codes: 'iso2' });
    expect(rows.map((row) => row.x)).toEqual(['DE', 'NA', 'GB', null, null, null, null]);
    expect(rows.map((row) => row.isNull)).toEqual([false, true, false, false, false, true, true]); // the plain null test still says NA…
    // …which is why the conversion drops it: the country expression is what decides.
    expect(await values(['DEU', 'nam', 'DE', 'USA'], { kind: 'country', codes: 'iso3' })).toEqual(['DE', 'NA', null, null]);
    expect(await values(['Russia', 'russian federation', 'Germany', 'DE', 'Atlantis'], { kind: 'country', codes: 'name' })).toEqual([
      'RU',
      'RU',
      'DE',
      'DE',
      null,
    ]);
  });

  it('a country format without a lookup is a programming error', () => {
    expect(() => buildConversion('v', { kind: 'country', codes: 'iso2' }, [])).toThrow(/lookup/);
  });

  it('unsupported strptime specifiers are refused before they reach SQL', () => {
    expect(() => buildConversion('v', { kind: 'date', format: '%Y-%m-%d%z' }, [])).toThrow(/unsupported date format/);
  });
});

describe('readerTyping', () => {
  it('types plain numbers and ISO dates as the conversion does, nothing else', () => {
    expect(readerTyping(number({ integer: true }), ['NA'])).toEqual({ shape: 'integer', type: 'BIGINT' });
    expect(readerTyping(number(), [])).toEqual({ shape: 'decimal', type: 'DOUBLE' });
    expect(readerTyping({ kind: 'date', format: '%Y-%m-%d' }, [])).toEqual({ shape: 'isoDate', type: 'DATE' });
    for (const format of [number({ decimal: ',', thousands: '.' }), number({ percent: true }), number({ currency: '$' })]) {
      expect(readerTyping(format, [])).toBeNull();
    }
    for (const format of [{ kind: 'date', format: '%d/%m/%Y' }, { kind: 'text' }, { kind: 'duration' }, { kind: 'year' }] as ValueFormat[]) {
      expect(readerTyping(format, [])).toBeNull();
    }
    for (const format of [number({ thousands: ',' }), number({ integer: true }), { kind: 'date', format: '%Y-%m-%d' } as ValueFormat]) {
      const typing = readerTyping(format, []);
      expect(typing?.type).toBe(buildConversion('"x"', format, []).type);
    }
  });

  it('never types a column with a null token of the plain shape', () => {
    expect(readerTyping(number({ integer: true }), ['-1'])).toBeNull();
    expect(readerTyping(number(), [' 0 '])).toBeNull();
    expect(readerTyping({ kind: 'date', format: '%Y-%m-%d' }, ['1900-01-01'])).toBeNull();
    expect(readerTyping(number(), ['-', 'n/a'])).not.toBeNull();
  });
});
