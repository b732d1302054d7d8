import { quoteIdentifier } from './literals';
import { buildWhere, combineOverTime, type MeasureSpec, type SliceSpec } from './slice';

/** `month`, `<alias>`, `value`: the measure summed per month and member of `column`, over the slice. */
function monthlyByMember(slice: SliceSpec, measure: MeasureSpec, column: string, alias: 'key'): string {
  const value = quoteIdentifier(measure.column);
  return `SELECT ${quoteIdentifier(slice.timeColumn)} AS month, ${quoteIdentifier(column)} AS ${alias}, SUM(${value}) AS value
  FROM ${quoteIdentifier(slice.table)}
  WHERE ${buildWhere(slice)} AND ${value} IS NOT NULL
  GROUP BY ALL`;
}

/**
 * Ranks the members of `groupColumn` by the measure over the slice (monthly totals combined over time as
 * {@link combineOverTime} says). Rows: `key`,
 * `value`, `share` (of the total over all members, 0–1), `group_total` (members before the limit).
 */
export function buildRankingQuery(slice: SliceSpec, measure: MeasureSpec, groupColumn: string, limit: number): string {
  assertPositiveInteger(limit, 'limit');
  return `WITH monthly AS (
  ${monthlyByMember(slice, measure, groupColumn, 'key')}
), combined AS (
  SELECT key, ${combineOverTime(measure.overTime, 'value', '(SELECT COUNT(DISTINCT month) FROM monthly)')} AS value
  FROM monthly GROUP BY key
)
SELECT key, value, value / NULLIF(SUM(value) OVER (), 0) AS share, COUNT(*) OVER () AS group_total
FROM combined
ORDER BY value DESC, key
LIMIT ${limit}`;
}

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
  const value = quoteIdentifier(measure.column);
  const table = quoteIdentifier(slice.table);
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

/** Distinct members of a dimension with their total weight (largest first), for filter pickers. */
export function buildDimensionMembersQuery(table: string, column: string, weightColumn: string): string {
  const member = quoteIdentifier(column);
  return `SELECT ${member} AS value, SUM(${quoteIdentifier(weightColumn)}) AS weight
FROM ${quoteIdentifier(table)}
WHERE ${member} IS NOT NULL
GROUP BY 1
ORDER BY weight DESC NULLS LAST, value`;
}

/** First and last month and the row count of a table. */
export function buildTimeExtentQuery(table: string, timeColumn: string): string {
  const time = quoteIdentifier(timeColumn);
  return `SELECT MIN(${time}) AS first_month, MAX(${time}) AS last_month, COUNT(*) AS row_count FROM ${quoteIdentifier(table)}`;
}

function assertPositiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
}
