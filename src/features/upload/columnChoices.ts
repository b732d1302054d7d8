import type { ColumnRole, ValueFormat } from '../../data/uploads';
import { t, type Message } from '../../i18n';
import { CURRENCY_UNITS, type Unit } from '../../lib/format';
import { messages } from './messages';

/** The roles a column can take, in the order the role menu offers them, with their names (`t(ROLE_LABELS[role])`). */
export const ROLE_LABELS: Record<ColumnRole, Message> = {
  time: messages.roleTime,
  dimension: messages.roleDimension,
  measure: messages.roleMeasure,
  ignore: messages.roleIgnore,
};

/** Formats offered for every column, after the column's own format and the ones suggested for its values. */
const FORMAT_CHOICES: ValueFormat[] = [
  { kind: 'text' },
  { kind: 'number', decimal: '.', thousands: ',', percent: false, currency: null, integer: false },
  { kind: 'number', decimal: ',', thousands: '.', percent: false, currency: null, integer: false },
  { kind: 'number', decimal: '.', thousands: ',', percent: true, currency: null, integer: false },
  { kind: 'duration' },
  { kind: 'date', format: '%Y-%m-%d' },
  { kind: 'date', format: '%d/%m/%Y' },
  { kind: 'date', format: '%m/%d/%Y' },
  { kind: 'month', format: '%Y-%m' },
  { kind: 'year' },
  { kind: 'country', codes: 'iso2' },
  { kind: 'country', codes: 'iso3' },
  { kind: 'country', codes: 'name' },
];

/** The format menu of one column: its current format first, then the suggestions, then the rest; no repeats. */
export function formatChoices(current: ValueFormat, suggested: readonly (ValueFormat | undefined)[]): ValueFormat[] {
  return uniqueFormats([current, ...suggested, ...FORMAT_CHOICES]);
}

function uniqueFormats(formats: readonly (ValueFormat | undefined)[]): ValueFormat[] {
  const seen = new Set<string>();
  const unique: ValueFormat[] = [];
  for (const format of formats) {
    if (!format) continue;
    const key = JSON.stringify(format);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(format);
  }
  return unique;
}

/** The units a measure can have, in the order the unit menu offers them. */
export const MEASURE_UNITS: Unit[] = ['count', 'number', 'percent', 'seconds', ...CURRENCY_UNITS];

const UNIT_WORDS: Partial<Record<Unit, Message>> = {
  count: messages.unitCount,
  number: messages.unitNumber,
  percent: messages.unitPercent,
  seconds: messages.unitSeconds,
};

/** A unit as the menu names it: a word, or the currency code in capitals. */
export function describeUnit(unit: Unit): string {
  const word = UNIT_WORDS[unit];
  return word ? t(word) : unit.toUpperCase();
}

/**
 * A format as the menu names it, in the active language, with an example of the values it reads: the example and the
 * pattern are the file's way of writing (`1,234.5`, `DD/MM/YYYY`), the same in every language.
 */
export function describeFormat(format: ValueFormat): string {
  switch (format.kind) {
    case 'text':
      return t(messages.formatText);
    case 'number':
      return describeNumber(format);
    case 'duration':
      return t(messages.formatDuration, { example: '00:01:11' });
    case 'date':
      return t(messages.formatDate, { pattern: dateFields(format.format).replace('%y', 'YY') });
    case 'timestamp':
      return t(messages.formatTimestamp, { pattern: dateFields(format.format).replace('%H', 'hh').replace('%M', 'mm').replace('%S', 'ss') });
    case 'month':
      return t(messages.formatMonth, { pattern: format.format.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%b', 'Mon') });
    case 'year':
      return t(messages.formatYear);
    case 'boolean':
      return t(messages.formatBoolean);
    case 'country':
      return t(format.codes === 'iso2' ? messages.formatCountryIso2 : format.codes === 'iso3' ? messages.formatCountryIso3 : messages.formatCountryName);
  }
}

function describeNumber(format: Extract<ValueFormat, { kind: 'number' }>): string {
  const sample = format.decimal === ',' ? `1${format.thousands ?? ''}234,5` : `1${format.thousands ?? ''}234.5`;
  if (format.percent) return t(messages.formatPercent, { example: `${format.decimal === ',' ? '32,3' : '32.3'}%` });
  return t(messages.formatNumber, { example: `${format.currency ? `${format.currency}` : ''}${format.integer ? sample.replace(/[.,]5$/, '') : sample}` });
}

function dateFields(pattern: string): string {
  return pattern.replace('%Y', 'YYYY').replace('%m', 'MM').replace('%d', 'DD');
}
