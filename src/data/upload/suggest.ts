import type { Unit } from '../../lib/format';
import type { ValueFormat } from '../../sql';
import { DEFAULT_NULL_TOKENS, profileColumn, type ColumnProfile } from './formats';
import type { ColumnRole, PlannedColumn, UploadPlan } from './plan';
import type { SniffResult } from './sniff';

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
  return {
    suggestions,
    plan: {
      datasetLabel: labelFromFileName(fileName),
      dialect: sniff.dialect,
      lineEnding: sniff.lineEnding,
      columns: suggestions.map((suggestion) => suggestion.column),
    },
  };
}

function suggestRole(header: string, profile: ColumnProfile, timeTaken: boolean): { role: ColumnRole; why: string } {
  const format = profile.format;
  const timeLike = format.kind === 'date' || format.kind === 'timestamp' || format.kind === 'month' || format.kind === 'year';
  if (timeLike && !timeTaken) return { role: 'time', why: `holds ${format.kind === 'year' ? 'years' : 'dates'}` };
  if (timeLike) return { role: 'ignore', why: 'a second time column' };
  if (profile.nullCount === profile.sampleSize) return { role: 'ignore', why: 'empty in the rows read' };
  switch (format.kind) {
    case 'country':
      return { role: 'dimension', why: 'holds countries' };
    case 'number':
      if (format.percent) return { role: 'ignore', why: 'a percentage: rates cannot be added up across rows' };
      if (TIME_HEADER.test(header) && format.integer) return { role: 'ignore', why: 'a number named like a date' };
      return { role: 'measure', why: 'holds numbers' };
    case 'duration':
      return { role: 'ignore', why: 'a duration: averages per row cannot be added up across rows' };
    case 'boolean':
      return { role: 'dimension', why: 'yes/no values' };
    case 'text':
      if (profile.distinctCount > MAX_SUGGESTED_MEMBERS) {
        return { role: 'ignore', why: `${profile.distinctCount}+ different values: too many to compare` };
      }
      return { role: 'dimension', why: profile.keptAsText ? `identifiers (${profile.keptAsText})` : 'text with few values' };
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
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : 'Uploaded data';
}
