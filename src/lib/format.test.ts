import { describe, expect, it } from 'vitest';
import { formatBytes, formatChange, formatDay, formatMoment, formatCompact, formatIndex, formatMonth, formatPeriod, formatShare, formatWhole, parseHumanNumber } from './format';
import { countryFlag, countryLabel, countryName } from './countries';
import { isMonth, monthSpan, periodStart, shiftMonth } from './months';

describe('format', () => {
  it('formats the published figures the way the articles print them', () => {
    expect(formatCompact(15_600_000)).toBe('15.6M');
    expect(formatCompact(3_700_000)).toBe('3.7M');
    expect(formatCompact(1_400_000)).toBe('1.4M');
    expect(formatCompact(1.2e9, 'usd')).toBe('$1.2B');
    expect(formatCompact(1e12, 'usd')).toBe('$1T');
  });
  it('formats changes with a sign and shares without', () => {
    expect(formatChange(0.124)).toBe('+12.4%');
    expect(formatChange(-0.05)).toBe('-5.0%');
    expect(formatShare(0.634)).toBe('63.4%');
  });
  it('shows a dash for missing values, never NaN or Infinity', () => {
    for (const value of [null, undefined, Number.NaN, Infinity]) {
      expect(formatCompact(value)).toBe('–');
      expect(formatChange(value)).toBe('–');
      expect(formatWhole(value)).toBe('–');
    }
  });
  it('formats months and bytes', () => {
    expect(formatMonth('2014-07')).toBe('Jul 2014');
    expect(formatMonth('2014-12-01')).toBe('Dec 2014');
    expect(formatBytes(7_600_000)).toBe('7.6 MB');
    expect(formatWhole(15_600_000)).toBe('15,600,000');
  });
  it('formats days day first, in the reader\'s time zone (UTC in tests), and says when a date is unknown', () => {
    expect(formatDay(new Date('2026-11-21T23:30:00Z'))).toBe('21 Nov 2026');
    expect(formatDay(new Date('2026-01-02T00:00:00Z'))).toBe('2 Jan 2026');
    expect(formatMoment(new Date('2026-11-21T09:05:00Z'))).toBe('21 Nov 2026, 09:05');
    expect(formatDay(new Date('nonsense'))).toBe('an unknown date');
  });
});

describe('months', () => {
  it('shifts across year boundaries', () => {
    expect(shiftMonth('2014-07', -12)).toBe('2013-07');
    expect(shiftMonth('2014-01', -1)).toBe('2013-12');
    expect(shiftMonth('2014-12', 1)).toBe('2015-01');
    expect(monthSpan('2014-07', '2014-12')).toBe(6);
    expect(isMonth('2014-13')).toBe(false);
    expect(() => shiftMonth('2014-7', 1)).toThrow(/YYYY-MM/);
  });
});

describe('countries', () => {
  it('names and flags ISO codes, and leaves anything else alone', () => {
    expect(countryName('RU')).toBe('Russia');
    expect(countryName('MX')).toBe('Mexico');
    expect(countryFlag('RU')).toBe('🇷🇺');
    expect(countryLabel('MX')).toBe('🇲🇽 Mexico');
    expect(countryName('<b>')).toBe('<b>');
    expect(countryFlag('ru')).toBe('');
  });
});

describe('periods and typed numbers', () => {
  it('labels periods by grain', () => {
    expect(formatPeriod('2014-07', 'month')).toBe('Jul 2014');
    expect(formatPeriod('2014-07', 'quarter')).toBe('Q3 2014');
    expect(formatPeriod('2014-10', 'quarter')).toBe('Q4 2014');
    expect(formatPeriod('2014-01', 'year')).toBe('2014');
    expect(formatIndex(123.456)).toBe('123.5');
  });
  it('reads numbers as people type them, and nothing else', () => {
    expect(parseHumanNumber('1.5B')).toBe(1.5e9);
    expect(parseHumanNumber('$2,000,000')).toBe(2e6);
    expect(parseHumanNumber('250k')).toBe(250_000);
    expect(parseHumanNumber(' -3.2 ')).toBe(-3.2);
    for (const bad of ['', 'abc', '1,2', '1.5.2', '1e999', '12x', '--1']) expect(parseHumanNumber(bad)).toBeNull();
  });
});

describe('periodStart', () => {
  it('finds the first month of the period', () => {
    expect(periodStart('2014-08', 'quarter')).toBe('2014-07');
    expect(periodStart('2014-12', 'quarter')).toBe('2014-10');
    expect(periodStart('2014-08', 'year')).toBe('2014-01');
    expect(periodStart('2014-08', 'month')).toBe('2014-08');
  });
});
