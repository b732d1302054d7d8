/**
 * Month arithmetic on plain integers (year * 12 + monthIndex) so the model
 * never touches Date objects or time zones.
 */

export const FIRST_MONTH = '2013-01';
export const LAST_MONTH = '2025-12';

/**
 * @param {string} label "YYYY-MM"
 * @returns {number} absolute month index
 */
export function monthIndex(label) {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) throw new Error(`Bad month label: ${label}`);
  const month = Number(match[2]);
  if (month < 1 || month > 12) throw new Error(`Bad month label: ${label}`);
  return Number(match[1]) * 12 + (month - 1);
}

/**
 * @param {number} index absolute month index
 * @returns {string} "YYYY-MM"
 */
export function monthLabel(index) {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Decimal year at the middle of the month, e.g. 2014-07 -> 2014.54.
 * Used as the continuous time axis for S-curves and drifts.
 * @param {number} index absolute month index
 */
export function decimalYear(index) {
  return (index + 0.5) / 12;
}

/** Month of year, 1..12. @param {number} index */
export function monthOfYear(index) {
  return (index % 12) + 1;
}

export const FIRST_INDEX = monthIndex(FIRST_MONTH);
export const LAST_INDEX = monthIndex(LAST_MONTH);

/**
 * Piecewise-linear interpolation over [label, value] knots; holds the first
 * value before the first knot and the last value after the last knot.
 * @param {Array<[string, number]>} knots sorted by month
 * @param {number} index absolute month index
 */
export function interpolateKnots(knots, index) {
  const points = knots.map(([label, value]) => [monthIndex(label), value]);
  if (index <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i += 1) {
    const [x1, y1] = points[i];
    if (index <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (index - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}
