import { quoteIdentifier, sqlDate } from './literals';
import { assertPositiveInteger, buildWhere, periodStartExpression, type MeasureSpec, type SliceSpec } from './slice';
import { measureSource, measureValue, membersHaveOwnDenominators } from './perInternetUser';

/** Calendar periods a monthly series can be rolled up to. */
export type SeriesGrain = 'month' | 'quarter' | 'year';
/** How each value is shown: as it is, indexed to a base period, against a year earlier, as a share, smoothed. */
export type SeriesMode = 'absolute' | 'index' | 'yoy' | 'share' | 'avg3' | 'avg12';

export interface SeriesQuerySpec {
  slice: SliceSpec;
  measure: MeasureSpec;
  seriesColumn: string;
  /** The largest series over the visible range are kept; the rest go to "Other" when `includeOther`, else away. */
  seriesLimit: number;
  includeOther: boolean;
  grain: SeriesGrain;
  mode: SeriesMode;
  /** `YYYY-MM-DD` inside the range; the index mode's base is the period that holds it. */
  baseDate?: string;
}

const ROLLING_MONTHS: Partial<Record<SeriesMode, number>> = { avg3: 3, avg12: 12 };

/** Months of data before the visible range that a mode needs: a year for YoY, the window for rolling averages. */
export function lookbackMonths(mode: SeriesMode): number {
  if (mode === 'yoy') return 12;
  const window = ROLLING_MONTHS[mode];
  return window ? window - 1 : 0;
}

/**
 * One row per period and series: `period` (first day), `series` (null for the "Other" bucket), `is_other`, `value`
 * (after the mode), `raw` (the measure before the mode), `months` (months with data in the period) and
 * `series_total` (series before the limit).
 *
 * Monthly totals are summed across members first, then rolled up to the grain: summed for additive measures,
 * averaged for averaged ones (monthly visitors). A missing period is absent, never zero. Modes:
 * - index: value / value at the base period × 100; a series with no value at the base period has none;
 * - yoy: (value − value a year earlier) / value a year earlier, over the months that have both (like for like);
 *   empty without any year-earlier value;
 * - share: the series' total over the period / the total of all series (including "Other"), 0–1, so a series
 *   present in only some months of a quarter counts for what it had in them;
 * - avg3, avg12: the mean of the last 3 or 12 monthly values, only where all of them exist (month grain only).
 *
 * `slice.range` is the visible range; the query reads further back by {@link lookbackMonths} itself.
 */
export function buildSeriesQuery(spec: SeriesQuerySpec): string {
  const { slice, measure, seriesLimit, grain, mode } = spec;
  assertPositiveInteger(seriesLimit, 'seriesLimit');
  if (ROLLING_MONTHS[mode] && grain !== 'month') throw new Error(`${mode} needs the month grain, not ${grain}`);
  if (mode === 'index' && !spec.baseDate) throw new Error('the index mode needs a base date');

  const time = quoteIdentifier(slice.timeColumn);
  const member = quoteIdentifier(spec.seriesColumn);
  const value = measureValue(measure, slice);
  const from = sqlDate(slice.range.from);
  const to = sqlDate(slice.range.to);
  const readFrom = shiftDate(slice.range.from, -lookbackMonths(mode));
  const rollUp = measure.overTime === 'sum' ? 'SUM' : 'AVG';
  const periodOf = (column: string) => periodStartExpression(grain, column);
  const firstPeriod = periodStartExpression(grain, from);

  return `WITH monthly AS (
  SELECT ${time} AS month, ${member} AS member, SUM(${value}) AS value
  FROM ${measureSource(measure, slice, [spec.seriesColumn])}
  WHERE ${buildWhere(slice, { from: readFrom, to: slice.range.to })} AND ${value} IS NOT NULL AND ${member} IS NOT NULL
  GROUP BY ALL
), ranked AS (
  SELECT member FROM monthly WHERE month BETWEEN ${from} AND ${to}
  GROUP BY member ORDER BY SUM(value) DESC, member LIMIT ${seriesLimit}
), labelled AS (
  SELECT month, CASE WHEN kept THEN member END AS series, NOT kept AS is_other, SUM(value) AS value
  FROM (SELECT *, member IN (SELECT member FROM ranked) AS kept FROM monthly)
  ${spec.includeOther && !membersHaveOwnDenominators(measure, spec.seriesColumn) ? '' : 'WHERE kept'}
  GROUP BY ALL
), periods AS (
${periodsSelect(mode, periodOf, rollUp, from)}
), moded AS (
${modeSelect(mode, grain, spec.baseDate)}
)
SELECT period, series, is_other, value, raw, months,
  (SELECT COUNT(DISTINCT member) FROM monthly WHERE month BETWEEN ${from} AND ${to}) AS series_total
FROM moded
WHERE period BETWEEN ${firstPeriod} AND ${to}
ORDER BY period, is_other, series`;
}

/**
 * Rolls months up to periods. Only visible months count towards a period, except for the rolling averages, whose
 * windows reach back (they run at month grain, and the final filter drops the look-back months). For YoY, each month
 * is paired with the same month a year earlier, and the change is computed over the months that have both: a period
 * is compared like for like even when a series starts or pauses.
 */
function periodsSelect(mode: SeriesMode, periodOf: (column: string) => string, rollUp: string, from: string): string {
  if (ROLLING_MONTHS[mode]) {
    return `  SELECT month AS period, series, is_other, value, value AS total, 1 AS months FROM labelled`;
  }
  if (mode === 'yoy') {
    return `  SELECT ${periodOf('cur.month')} AS period, cur.series, cur.is_other, ${rollUp}(cur.value) AS value,
    SUM(cur.value) AS total, COUNT(*) AS months,
    SUM(cur.value) FILTER (WHERE prev.value IS NOT NULL) AS paired_value, SUM(prev.value) AS paired_previous
  FROM labelled cur LEFT JOIN labelled prev
    ON cur.series IS NOT DISTINCT FROM prev.series AND cur.is_other = prev.is_other
    AND prev.month = CAST(cur.month - INTERVAL 1 YEAR AS DATE)
  WHERE cur.month >= ${from}
  GROUP BY ALL`;
  }
  return `  SELECT ${periodOf('month')} AS period, series, is_other, ${rollUp}(value) AS value, SUM(value) AS total,
    COUNT(*) AS months
  FROM labelled WHERE month >= ${from} GROUP BY ALL`;
}

function modeSelect(mode: SeriesMode, grain: SeriesGrain, baseDate: string | undefined): string {
  const same = (a: string, b: string) => `${a}.series IS NOT DISTINCT FROM ${b}.series AND ${a}.is_other = ${b}.is_other`;
  switch (mode) {
    case 'absolute':
      return '  SELECT period, series, is_other, value, value AS raw, months FROM periods';
    case 'index': {
      const basePeriod = periodStartExpression(grain, sqlDate(baseDate!));
      return `  SELECT p.period, p.series, p.is_other, p.value / NULLIF(b.value, 0) * 100 AS value, p.value AS raw, p.months
  FROM periods p LEFT JOIN (SELECT * FROM periods WHERE period = ${basePeriod}) b ON ${same('p', 'b')}`;
    }
    case 'yoy':
      return `  SELECT period, series, is_other, (paired_value - paired_previous) / NULLIF(paired_previous, 0) AS value,
    value AS raw, months
  FROM periods`;
    case 'share':
      // A ratio of sums: a series missing some months of a period weighs what it has, not its average month.
      return `  SELECT period, series, is_other, total / NULLIF(SUM(total) OVER (PARTITION BY period), 0) AS value,
    value AS raw, months
  FROM periods`;
    case 'avg3':
    case 'avg12': {
      const window = ROLLING_MONTHS[mode]!;
      return `  SELECT period, series, is_other,
    CASE WHEN COUNT(value) OVER w = ${window} THEN AVG(value) OVER w END AS value, value AS raw, months
  FROM periods
  WINDOW w AS (PARTITION BY series, is_other ORDER BY period RANGE BETWEEN INTERVAL ${window - 1} MONTH PRECEDING AND CURRENT ROW)`;
    }
  }
}

/** `2014-07-01` shifted by whole months. */
function shiftDate(isoDate: string, months: number): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}-01`;
}
