import { describe, expect, it } from 'vitest';
import type { ValueFormat } from '../../data/uploads';
import { describeFormat, describeUnit, formatChoices, MEASURE_UNITS } from './columnChoices';

const number = (overrides: Partial<Extract<ValueFormat, { kind: 'number' }>> = {}): ValueFormat => ({
  kind: 'number',
  decimal: '.',
  thousands: ',',
  percent: false,
  currency: null,
  integer: false,
  ...overrides,
});

describe('describeFormat', () => {
  it.each<[ValueFormat, string]>([
    [{ kind: 'text' }, 'Text'],
    [number(), 'Number (1,234.5)'],
    [number({ decimal: ',', thousands: '.' }), 'Number (1.234,5)'],
    [number({ thousands: null, integer: true }), 'Number (1234)'],
    [number({ currency: '€', decimal: ',', thousands: ' ' }), 'Number (€1 234,5)'],
    [number({ percent: true }), 'Percentage (32.3%)'],
    [number({ percent: true, decimal: ',' }), 'Percentage (32,3%)'],
    [{ kind: 'duration' }, 'Duration (00:01:11)'],
    [{ kind: 'date', format: '%d/%m/%Y' }, 'Date (DD/MM/YYYY)'],
    [{ kind: 'date', format: '%m/%d/%y' }, 'Date (MM/DD/YY)'],
    [{ kind: 'timestamp', format: '%Y-%m-%d %H:%M:%S' }, 'Date and time (YYYY-MM-DD hh:mm:ss)'],
    [{ kind: 'month', format: '%b %Y' }, 'Month (Mon YYYY)'],
    [{ kind: 'year' }, 'Year'],
    [{ kind: 'boolean' }, 'Yes / no'],
    [{ kind: 'country', codes: 'iso2' }, 'Country (ISO-2 code)'],
    [{ kind: 'country', codes: 'iso3' }, 'Country (ISO-3 code)'],
    [{ kind: 'country', codes: 'name' }, 'Country (English name)'],
  ])('%j → %s', (format, text) => {
    expect(describeFormat(format)).toBe(text);
  });
});

describe('formatChoices', () => {
  it('puts the current format first, then the suggestions, then the rest, each once', () => {
    const current = number({ thousands: null, integer: true });
    const choices = formatChoices(current, [{ kind: 'year' }, undefined, current, { kind: 'text' }]);
    expect(choices.slice(0, 3)).toEqual([current, { kind: 'year' }, { kind: 'text' }]);
    const keys = choices.map((format) => JSON.stringify(format));
    expect(new Set(keys).size).toBe(keys.length);
    expect(choices).toContainEqual({ kind: 'country', codes: 'name' });
  });
});

describe('describeUnit', () => {
  it('names the plain units in words and currencies by their code', () => {
    expect(MEASURE_UNITS.slice(0, 4).map(describeUnit)).toEqual(['Count', 'Number', 'Percent', 'Seconds']);
    expect(describeUnit('eur')).toBe('EUR');
  });
});
