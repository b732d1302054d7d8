import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOrDateTimeFromMilliseconds, dateTimeFromMilliseconds, isoDateFromDays, plainNumberText } from './canonicalText';

describe('plainNumberText', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1234.5, '1234.5'],
    [-3, '-3'],
    [1e-7, '0.0000001'],
    [-1.25e-7, '-0.000000125'],
    [1.5e21, '1500000000000000000000'],
    [123456789012345680000, '123456789012345680000'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('%s → %s', (value, text) => {
    expect(plainNumberText(value)).toBe(text);
  });

  it('never writes an exponent, and reads back as the very same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainNumberText(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Object.is(value, -0) ? 0 : value);
      }),
    );
  });
});

describe('dates and date-times', () => {
  it('writes days and moments as ISO texts of four-digit years, or null outside them', () => {
    expect(isoDateFromDays(0)).toBe('1970-01-01');
    expect(isoDateFromDays(19_753)).toBe('2024-01-31');
    expect(isoDateFromDays(-719_162)).toBe('0001-01-01');
    expect(isoDateFromDays(-719_163)).toBeNull();
    expect(isoDateFromDays(3_000_000)).toBeNull();
    expect(isoDateFromDays(1.5)).toBeNull();
    expect(dateTimeFromMilliseconds(Date.UTC(2024, 0, 31, 10, 30))).toBe('2024-01-31 10:30:00');
    expect(dateTimeFromMilliseconds(Date.UTC(2024, 0, 31, 10, 30, 0, 250))).toBe('2024-01-31 10:30:00.250');
    expect(dateTimeFromMilliseconds(8.64e15 + 1)).toBeNull();
    expect(dateOrDateTimeFromMilliseconds(Date.UTC(2024, 1, 29))).toBe('2024-02-29');
    expect(dateOrDateTimeFromMilliseconds(Date.UTC(2024, 1, 29, 6))).toBe('2024-02-29 06:00:00');
  });
});
