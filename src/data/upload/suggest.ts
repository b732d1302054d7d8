import { t } from '../../i18n';
import { messages } from './messages';
import type { Unit } from '../../lib/format';
import type { ValueFormat } from '../../sql';
import { DEFAULT_NULL_TOKENS, profileColumn, type ColumnProfile } from './formats';
import type { ColumnRole, PlannedColumn, UnpivotPlan, UploadPlan } from './plan';
import type { SniffResult } from './dialect';

const TIME_HEADER = /\b(date|day|month|year|time|period|week|fecha|datum)\b/i;
/** Measures that are levels (a month's users, a year's population): over several months, the average month. */
const LEVEL_HEADER = /(users|visitors|population|sellers|customers|subscribers|stock|inventory|gdp|value|price)/i;
/** Text columns with more distinct values than this (in the sample) are not offered as dimensions by default. */
const MAX_SUGGESTED_MEMBERS = 300;

export interface ColumnSuggestion {
  column: PlannedColumn;
  profile: ColumnProfile;
  /** Why the role was suggested, shown next to it. */
  why: string;
}

/**
 * A first mapping of columns to roles, from the sample: the first date-like column is time, countries and
 * low-cardinality text are dimensions, numbers are measures. The user checks and edits it before loading.
 */
export function suggestPlan(sniff: SniffResult, fileName: string): { plan: UploadPlan; suggestions: ColumnSuggestion[] } {
  const suggestions: ColumnSuggestion[] = [];
  let timeTaken = false;
  for (const column of sniff.columns) {
    const values = sniff.rows.map((row) => row[column.index] ?? '');
    const profile = profileColumn(column.name, values, { delimiter: sniff.dialect.delimiter });
    const { role, why } = suggestRole(column.name, profile, timeTaken);
    if (role === 'time') timeTaken = true;
    suggestions.push({
      profile,
      why,
      column: {
        index: column.index,
        header: column.name,
        role,
        format: tolerantFormat(profile.format),
        // Every usual token, not only those in the sample: '(not set)' may first appear on line 9,000.
        nullTokens: [...new Set([...DEFAULT_NULL_TOKENS, ...profile.nullTokens])],
        unit: unitOf(profile.format, column.name),
        overTime: LEVEL_HEADER.test(column.name) ? 'mean' : 'sum',
      },
    });
  }
  const columns = suggestions.map((suggestion) => suggestion.column);
  return {
    suggestions,
    plan: {
      datasetLabel: labelFromFileName(fileName),
      dialect: sniff.dialect,
      lineEnding: sniff.lineEnding,
      columns,
      unpivot: suggestUnpivot(sniff, columns) ?? undefined,
    },
  };
}

/** Headers that are years ("1960") or months ("2014-07"): a wide file has at least this many of them. */
const MIN_WIDE_COLUMNS = 3;
const YEAR_HEADER = /^(1[89]\d\d|2[01]\d\d)$/;
const MONTH_HEADER = /^(1[89]\d\d|2[01]\d\d)-(0[1-9]|1[0-2])$/;

/**
 * A wide file — one column per year (World Bank exports) or per month — is suggested to be unpivoted: those columns
 * become a time column and a value column. The other columns keep their roles; the user can turn it off.
 */
export function suggestUnpivot(sniff: SniffResult, columns: readonly PlannedColumn[]): UnpivotPlan | null {
  const kinds = [
    { pattern: YEAR_HEADER, header: 'Year', format: { kind: 'year' } as ValueFormat },
    { pattern: MONTH_HEADER, header: 'Month', format: { kind: 'month', format: '%Y-%m' } as ValueFormat },
  ];
  for (const kind of kinds) {
    const wide = columns.filter((column) => kind.pattern.test(column.header.trim()));
    if (wide.length < MIN_WIDE_COLUMNS) continue;
    const values = wide.flatMap((column) => sniff.rows.map((row) => row[column.index] ?? ''));
    const profile = profileColumn('Value', values, { delimiter: sniff.dialect.delimiter });
    // A stray "x" or footnote mark must not hide a wide file: most cells looking numeric is enough (the others are
    // then reported as rejected values, with their line and year).
    const present = values.map((value) => value.trim()).filter((value) => value !== '');
    const numeric = present.filter(looksNumeric).length;
    if (profile.format.kind !== 'number' && numeric < present.length / 2) continue;
    const format: ValueFormat =
      profile.format.kind === 'number' ? tolerantFormat(profile.format) : { kind: 'number', decimal: '.', thousands: ',', percent: false, currency: null, integer: false };
    const next = Math.max(...columns.map((column) => column.index)) + 1;
    const hasTime = columns.some((column) => column.role === 'time' && !wide.includes(column));
    return {
      columns: wide.map((column) => column.index),
      name: {
        index: next,
        header: kind.header,
        role: hasTime ? 'dimension' : 'time',
        format: kind.format,
        nullTokens: [...DEFAULT_NULL_TOKENS],
        unit: 'count',
        overTime: 'sum',
      },
      value: {
        index: next + 1,
        header: 'Value',
        role: 'measure',
        format,
        nullTokens: [...new Set([...DEFAULT_NULL_TOKENS, ...profile.nullTokens])],
        unit: unitOf(format, 'Value'),
        // Yearly indicators are levels (GDP, population): over several years, the average year.
        overTime: 'mean',
      },
    };
  }
  return null;
}

/** Digits, separators and blanks, with a sign before and '%' after, and at least one digit. */
const NUMERIC_SHAPE = /^[-+\u2212]?[\d.,\s\u00A0]+%?$/;

/**
 * A cell that looks like a number written some way or other. Two linear tests: one pattern as `[…]*\d[…]*` took
 * quadratic time to fail (the digit could be any of the run's), and a wide file with one 300,000-digit cell ending
 * in a letter held its preview for over a minute.
 */
export function looksNumeric(value: string): boolean {
  return NUMERIC_SHAPE.test(value) && /\d/.test(value);
}

function suggestRole(header: string, profile: ColumnProfile, timeTaken: boolean): { role: ColumnRole; why: string } {
  const format = profile.format;
  const timeLike = format.kind === 'date' || format.kind === 'timestamp' || format.kind === 'month' || format.kind === 'year';
  if (timeLike && !timeTaken) return { role: 'time', why: t(format.kind === 'year' ? messages.whyYears : messages.whyDates) };
  if (timeLike) return { role: 'ignore', why: t(messages.whySecondTime) };
  if (profile.nullCount === profile.sampleSize) return { role: 'ignore', why: t(messages.whyEmpty) };
  switch (format.kind) {
    case 'country':
      return { role: 'dimension', why: t(messages.whyCountries) };
    case 'number':
      if (format.percent) return { role: 'ignore', why: t(messages.whyPercentage) };
      if (TIME_HEADER.test(header) && format.integer) return { role: 'ignore', why: t(messages.whyNumberLikeDate) };
      return { role: 'measure', why: t(messages.whyNumbers) };
    case 'duration':
      return { role: 'ignore', why: t(messages.whyDuration) };
    case 'boolean':
      return { role: 'dimension', why: t(messages.whyBoolean) };
    case 'text':
      if (profile.distinctCount > MAX_SUGGESTED_MEMBERS) {
        return { role: 'ignore', why: t(messages.whyTooMany, { count: String(profile.distinctCount) }) };
      }
      return {
        role: 'dimension',
        why: profile.keptAsText
          ? t(messages.whyIdentifiers, { reason: profile.keptAsText === 'leading zeros' ? 'zeros' : 'big' })
          : t(messages.whyFewValues),
      };
    default:
      return { role: 'ignore', why: '' };
  }
}

/**
 * The sample may hold only small numbers: "2,080" can first appear on line 9,000. A plain-number format also accepts
 * grouped thousands (the other separator than the decimal mark), which a plain number can never be confused with.
 */
function tolerantFormat(format: ValueFormat): ValueFormat {
  if (format.kind !== 'number' || format.thousands !== null) return format;
  return { ...format, thousands: format.decimal === '.' ? ',' : '.' };
}

function unitOf(format: ValueFormat, header: string): Unit {
  if (format.kind === 'duration') return 'seconds';
  if (format.kind !== 'number') return 'count';
  if (format.percent) return 'percent';
  const currency = (format.currency ?? '').toUpperCase();
  if (currency === '$' || currency === 'USD' || /\busd\b|\$/i.test(header)) return 'usd';
  if (currency === '€' || currency === 'EUR' || /\beur\b|€/i.test(header)) return 'eur';
  if (currency === '£' || currency === 'GBP') return 'gbp';
  if (currency === 'R$' || currency === 'BRL') return 'brl';
  if (currency === '₽' || currency === 'RUB') return 'rub';
  return format.integer ? 'count' : 'number';
}

/** "blog_analytics.csv" → "Blog analytics". */
export function labelFromFileName(fileName: string): string {
  const base = fileName.replace(/\.(csv|tsv|txt)(\.gz)?$/i, '').replace(/[_-]+/g, ' ').trim();
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : t(messages.defaultLabel);
}
