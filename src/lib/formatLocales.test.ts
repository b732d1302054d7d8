import { afterEach, describe, expect, it } from 'vitest';
import {
  FORMAT_LOCALES,
  formatChange,
  formatCompact,
  formatBytes,
  formatDuration,
  formatPeriod,
  formatPoints,
  formatDay,
  formatIndex,
  formatMonth,
  formatShare,
  formatSignedCompact,
  formatWhole,
  setFormatLocale,
  type FormatLocale,
} from './format';

afterEach(() => setFormatLocale('en-US'));

/** No-break spaces (U+00A0, U+202F) as plain spaces, so the expectations below stay readable. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting in each locale', () => {
  const expected: Record<FormatLocale, Record<string, string>> = {
    'en-US': {
      aliexpress: '15.6M', ebay: '3.7M', amazon: '1.4M', gmv: '$1.2B', rise: '+12.4%', fall: '-5.2%', share: '63.4%',
      month: 'Jul 2014', day: '21 Nov 2026', whole: '15,600,000', index: '123.4', drop: '−2.1M',
    },
    'ru-RU': {
      aliexpress: '15,6 млн', ebay: '3,7 млн', amazon: '1,4 млн', gmv: '1,2 млрд $', rise: '+12,4 %', fall: '-5,2 %', share: '63,4 %',
      month: 'июль 2014 г.', day: '21 нояб. 2026', whole: '15 600 000', index: '123,4', drop: '−2,1 млн',
    },
    'es-MX': {
      aliexpress: '15.6 millones', ebay: '3.7 millones', amazon: '1.4 millones', gmv: 'USD 1200 M', rise: '+12.4%', fall: '-5.2%',
      share: '63.4%', month: 'jul 2014', day: '21 nov 2026', whole: '15,600,000', index: '123.4', drop: '−2.1 millones',
    },
  };
  for (const locale of FORMAT_LOCALES) {
    it(`${locale}: the seed figures, changes both ways, months and days`, () => {
      setFormatLocale(locale);
      const want = expected[locale];
      expect(plain(formatCompact(15_600_000))).toBe(want.aliexpress);
      expect(plain(formatCompact(3_700_000))).toBe(want.ebay);
      expect(plain(formatCompact(1_400_000))).toBe(want.amazon);
      expect(plain(formatCompact(1_200_000_000, 'usd'))).toBe(want.gmv);
      expect(plain(formatChange(0.124))).toBe(want.rise);
      expect(plain(formatChange(-0.052))).toBe(want.fall);
      expect(plain(formatShare(0.634))).toBe(want.share);
      expect(plain(formatMonth('2014-07'))).toBe(want.month);
      expect(plain(formatWhole(15_600_000))).toBe(want.whole);
      expect(plain(formatIndex(123.4))).toBe(want.index);
      expect(plain(formatSignedCompact(-2_100_000))).toBe(want.drop);
      expect(plain(formatDay(new Date(Date.UTC(2026, 10, 21, 12))))).toBe(want.day);
    });
  }
});

describe('unit words in each locale', () => {
  afterEach(() => setFormatLocale('en-US'));
  it.each([
    ['en-US', '1m 11s', '7.6 MB', '+4.2 pp', 'Q3 2014', 'an unknown date'],
    ['ru-RU', '1\u00a0мин 11\u00a0с', '7,6 МБ', '+4,2 п.\u00a0п.', '3 кв. 2014', 'неизвестная дата'],
    ['es-MX', '1\u00a0min 11\u00a0s', '7.6 MB', '+4.2 pp', 'T3 2014', 'una fecha desconocida'],
  ] as const)('%s', (locale, duration, bytes, points, quarter, unknown) => {
    setFormatLocale(locale);
    expect(formatDuration(71)).toBe(duration);
    expect(formatBytes(7_600_000)).toBe(bytes);
    expect(formatPoints(4.23)).toBe(points);
    expect(formatPoints(-4.23)).toBe(points.replace('+', '−'));
    expect(formatPeriod('2014-07', 'quarter')).toBe(quarter);
    expect(formatDay(new Date(Number.NaN))).toBe(unknown);
  });
});
