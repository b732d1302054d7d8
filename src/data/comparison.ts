import { formatMonth } from '../lib/format';
import { monthSpan, shiftMonth } from '../lib/months';
import { t } from '../i18n';
import { messages } from './messages';
import { comparisonOf, type MonthRange, type QuerySlice } from './querySlice';

/** "Jul 2014 – Dec 2014", or one month alone. */
export function rangeText({ from, to }: MonthRange): string {
  return from === to ? formatMonth(from) : t(messages.monthRange, { from: formatMonth(from), to: formatMonth(to) });
}

/** "H2 2014", "Q3 2014", "2014", else the months ("Jul 2014 – Nov 2014"): the names analysts give a period. */
export function periodName(range: MonthRange): string {
  const [fromYear, fromMonth] = range.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = range.to.split('-').map(Number) as [number, number];
  if (fromYear === toYear) {
    if (fromMonth === 1 && toMonth === 12) return String(fromYear);
    if (fromMonth === 1 && toMonth === 6) return t(messages.half, { half: 1, year: String(fromYear) });
    if (fromMonth === 7 && toMonth === 12) return t(messages.half, { half: 2, year: String(fromYear) });
    if (toMonth - fromMonth === 2 && fromMonth % 3 === 1) return t(messages.quarter, { quarter: (fromMonth + 2) / 3, year: String(fromYear) });
  }
  return rangeText(range);
}

/**
 * How the views name the period a view is compared with: `short` heads a key figure or a column ("vs a year
 * earlier"), `long` finishes a sentence ("the same months a year earlier (Jul 2013 – Dec 2013)").
 */
export function describeComparison(view: QuerySlice): { short: string; long: string; range: MonthRange } {
  const range = comparisonOf(view);
  const months = monthSpan(view.from, view.to);
  if (!view.compareTo) return { short: t(messages.vsYearEarlier), long: t(messages.sameMonthsYearEarlier, { range: rangeText(range) }), range };
  const previous = range.to === shiftMonth(view.from, -1) && monthSpan(range.from, range.to) === months;
  if (previous) {
    return { short: t(messages.vsPrevious, { months }), long: t(messages.previousLong, { months, range: rangeText(range) }), range };
  }
  return { short: t(messages.vsRange, { range: rangeText(range) }), long: rangeText(range), range };
}

/** A period the filter bar offers in one click. */
export interface PeriodPreset {
  id: string;
  label: string;
  /** Where the filter bar lists it. */
  group: 'Recent' | 'Half-years' | 'Quarters';
  from: string;
  to: string;
}

/**
 * Ready-made periods within the data, newest first: the last twelve months and the year to date, every whole
 * half-year of the data (H2 2014, to compare with H2 2013 as the source article does), and every whole quarter of
 * the last three years with data.
 */
export function periodPresets(firstMonth: string, lastMonth: string): PeriodPreset[] {
  const presets: PeriodPreset[] = [];
  const inData = (from: string, to: string) => from >= firstMonth && to <= lastMonth;
  const add = (group: PeriodPreset['group'], id: string, label: string, from: string, to: string) => {
    if (inData(from, to)) presets.push({ id, label, group, from, to });
  };
  add('Recent', 'last12', t(messages.last12), maxMonth(firstMonth, shiftMonth(lastMonth, -11)), lastMonth);
  const lastYear = Number(lastMonth.slice(0, 4));
  const firstYear = Number(firstMonth.slice(0, 4));
  add('Recent', 'ytd', t(messages.yearToDate, { year: String(lastYear) }), `${lastYear}-01`, lastMonth);
  for (let year = lastYear; year >= firstYear; year -= 1) {
    add('Half-years', `h2-${year}`, t(messages.half, { half: 2, year: String(year) }), `${year}-07`, `${year}-12`);
    add('Half-years', `h1-${year}`, t(messages.half, { half: 1, year: String(year) }), `${year}-01`, `${year}-06`);
  }
  for (let year = lastYear; year > lastYear - 3; year -= 1) {
    for (let quarter = 4; quarter >= 1; quarter -= 1) {
      const start = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}`;
      add('Quarters', `q${quarter}-${year}`, t(messages.quarter, { quarter, year: String(year) }), start, shiftMonth(start, 2));
    }
  }
  return presets;
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);
