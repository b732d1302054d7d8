import { quoteIdentifier } from './literals';
import { buildWhere, type MeasureSpec, type SliceSpec } from './slice';
import { measureSource, measureValue } from './perInternetUser';

/**
 * Headline figures for a slice, each combined over time as {@link combineOverTime} says: the measure over the period
 * (`current`) and over `previousRange` (`previous`), how
 * many months had data in each, and the leading member of `leaderColumn` with its value. Exactly one row.
 */
export function buildKpiQuery(
  slice: SliceSpec,
  measure: MeasureSpec,
  leaderColumn: string,
  previousRange: { from: string; to: string },
): string {
  const time = quoteIdentifier(slice.timeColumn);
  const leader = quoteIdentifier(leaderColumn);
  const value = measureValue(measure, slice);
  const table = measureSource(measure, slice);
  // One pass per range (they overlap when the span is longer than a year), one row per range with its total and
  // its months, and a single SELECT over those rows: far fewer scalar subqueries than one per figure.
  const combined = (period: string) =>
    measure.overTime === 'sum'
      ? `MAX(CASE WHEN period = '${period}' THEN total END)`
      : `MAX(CASE WHEN period = '${period}' THEN total END) / NULLIF(MAX(CASE WHEN period = '${period}' THEN months END), 0)`;
  return `WITH current_rows AS (
  SELECT ${time} AS month, ${leader} AS key, ${value} AS value
  FROM ${table} WHERE ${buildWhere(slice)} AND ${value} IS NOT NULL
), monthly AS (
  SELECT 'current' AS period, month, SUM(value) AS total FROM current_rows GROUP BY month
  UNION ALL
  SELECT 'previous' AS period, ${time} AS month, SUM(${value}) AS total
  FROM ${table} WHERE ${buildWhere(slice, previousRange)} AND ${value} IS NOT NULL GROUP BY ${time}
), periods AS (
  SELECT period, SUM(total) AS total, COUNT(*) AS months FROM monthly GROUP BY period
), leaders AS (
  SELECT key, SUM(value) AS total FROM current_rows GROUP BY key ORDER BY total DESC, key LIMIT 1
)
SELECT
  ${combined('current')} AS current,
  COALESCE(MAX(CASE WHEN period = 'current' THEN months END), 0) AS current_months,
  ${combined('previous')} AS previous,
  COALESCE(MAX(CASE WHEN period = 'previous' THEN months END), 0) AS previous_months,
  (SELECT key FROM leaders) AS leader,
  (SELECT total FROM leaders)${measure.overTime === 'sum' ? '' : " / NULLIF(MAX(CASE WHEN period = 'current' THEN months END), 0)"} AS leader_value
FROM periods`;
}
