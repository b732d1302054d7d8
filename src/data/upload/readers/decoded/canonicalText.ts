/**
 * The texts decoded values are written as, so that a Parquet or Excel value reaches the upload's conversions exactly
 * like the same value typed into a CSV: numbers as plain decimals with a '.', dates `YYYY-MM-DD`, date-times
 * `YYYY-MM-DD HH:MM:SS` (with `.fff` only when there are milliseconds), booleans `true` / `false`. Shared by the
 * Parquet and the Excel reader.
 */

const MS_PER_DAY = 86_400_000;

/**
 * A number as a plain decimal: `1234.5`, `-3`, `0.000001`, never `1e-7` or `1e+21`. The digits are JavaScript's
 * shortest round-trip ones, so the text converts back to the very same double. NaN and the infinities are written as
 * `NaN`, `Infinity`, `-Infinity`: no number format accepts them, so a row holding one is rejected and shown.
 */
export function plainNumberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const exponentAt = text.indexOf('e');
  return exponentAt < 0 ? text : expandExponent(text.slice(0, exponentAt), Number(text.slice(exponentAt + 1)));
}

/** `mantissa` × 10^`exponent` written out: ('-1.25', -7) → '-0.000000125'. */
function expandExponent(mantissa: string, exponent: number): string {
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? mantissa.slice(1) : mantissa).split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  let text: string;
  if (point <= 0) text = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length);
  else text = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${text}` : text;
}

/** The years a date text may have: four digits, as every date format of the upload expects. */
function isFourDigitYear(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** `YYYY-MM-DD` of a day counted from 1970-01-01, or null when it is not a day of years 1–9999. */
export function isoDateFromDays(days: number): string | null {
  const date = new Date(days * MS_PER_DAY);
  if (!Number.isFinite(days) || !Number.isInteger(days) || Number.isNaN(date.getTime()) || !isFourDigitYear(date)) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * `YYYY-MM-DD HH:MM:SS` of milliseconds since 1970-01-01 UTC (`.fff` added when there are milliseconds), or null when
 * it is not a moment of years 1–9999.
 */
export function dateTimeFromMilliseconds(milliseconds: number): string | null {
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime()) || !isFourDigitYear(date)) return null;
  const iso = date.toISOString();
  const seconds = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return iso.slice(20, 23) === '000' ? seconds : `${seconds}.${iso.slice(20, 23)}`;
}

/** A date-time whose time is midnight as a plain date, else as a date-time (an Excel cell formatted as a date). */
export function dateOrDateTimeFromMilliseconds(milliseconds: number): string | null {
  if (milliseconds % MS_PER_DAY === 0) return isoDateFromDays(milliseconds / MS_PER_DAY);
  return dateTimeFromMilliseconds(milliseconds);
}
