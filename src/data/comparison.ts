import { formatMonth } from '../lib/format';
import { monthSpan, shiftMonth } from '../lib/months';
import { comparisonOf, type MonthRange, type QuerySlice } from './querySlice';

/** "Jul 2014 – Dec 2014", or one month alone. */
export function rangeText({ from, to }: MonthRange): string {
  return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
}

/** "H2 2014", "Q3 2014", "2014", else the months ("Jul 2014 – Nov 2014"): the names analysts give a period. */
export function periodName(range: MonthRange): string {
  const [fromYear, fromMonth] = range.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = range.to.split('-').map(Number) as [number, number];
  if (fromYear === toYear) {
    if (fromMonth === 1 && toMonth === 12) return String(fromYear);
    if (fromMonth === 1 && toMonth === 6) return `H1 ${fromYear}`;
    if (fromMonth === 7 && toMonth === 12) return `H2 ${fromYear}`;
    if (toMonth - fromMonth === 2 && fromMonth % 3 === 1) return `Q${(fromMonth + 2) / 3} ${fromYear}`;
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
  if (!view.compareTo) return { short: 'vs a year earlier', long: `the same months a year earlier (${rangeText(range)})`, range };
  const previous = range.to === shiftMonth(view.from, -1) && monthSpan(range.from, range.to) === months;
  if (previous) {
    const what = months === 1 ? 'the previous month' : `the previous ${months} months`;
    return { short: `vs ${what}`, long: `${what} (${rangeText(range)})`, range };
  }
  return { short: `vs ${rangeText(range)}`, long: rangeText(range), range };
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
  add('Recent', 'last12', 'Last 12 months', maxMonth(firstMonth, shiftMonth(lastMonth, -11)), lastMonth);
  const lastYear = Number(lastMonth.slice(0, 4));
  const firstYear = Number(firstMonth.slice(0, 4));
  add('Recent', 'ytd', `Year to date (${lastYear})`, `${lastYear}-01`, lastMonth);
  for (let year = lastYear; year >= firstYear; year -= 1) {
    add('Half-years', `h2-${year}`, `H2 ${year}`, `${year}-07`, `${year}-12`);
    add('Half-years', `h1-${year}`, `H1 ${year}`, `${year}-01`, `${year}-06`);
  }
  for (let year = lastYear; year > lastYear - 3; year -= 1) {
    for (let quarter = 4; quarter >= 1; quarter -= 1) {
      const start = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}`;
      add('Quarters', `q${quarter}-${year}`, `Q${quarter} ${year}`, start, shiftMonth(start, 2));
    }
  }
  return presets;
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);
