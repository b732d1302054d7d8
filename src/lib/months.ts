/** Calendar months as `YYYY-MM` strings: no time zones, no Date objects. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** `2014-07` shifted by `delta` months: shiftMonth('2014-07', -12) → '2013-07'. */
export function shiftMonth(month: string, delta: number): string {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month in YYYY-MM form: ${JSON.stringify(month)}`);
  const index = Number(match[1]) * 12 + (Number(match[2]) - 1) + delta;
  const year = Math.floor(index / 12);
  const monthOfYear = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(monthOfYear).padStart(2, '0')}`;
}

/** `2014-07` → `2014-07-01` (the DATE a month is stored as). */
export function monthToDate(month: string): string {
  return `${month}-01`;
}

/** `2014-07-01` → `2014-07`. */
export function dateToMonth(date: string): string {
  return date.slice(0, 7);
}

/** Number of months from `from` to `to`, both included. */
export function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The first month of the period of a grain that holds `month`: ('2014-08', 'quarter') → '2014-07'. */
export function periodStart(month: string, grain: 'month' | 'quarter' | 'year'): string {
  if (grain === 'month') return month;
  const [year, monthOfYear] = month.split('-').map(Number) as [number, number];
  const length = grain === 'quarter' ? 3 : 12;
  return `${year}-${String(Math.floor((monthOfYear - 1) / length) * length + 1).padStart(2, '0')}`;
}
