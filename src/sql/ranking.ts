import { quoteIdentifier } from './literals';
import { assertPositiveInteger, buildWhere, combineOverTime, type MeasureSpec, type SliceSpec } from './slice';
import { measureSource, measureValue } from './perInternetUser';

/** `month`, `<alias>`, `value`: the measure summed per month and member of `column`, over the slice. */
function monthlyByMember(slice: SliceSpec, measure: MeasureSpec, column: string, alias: 'key'): string {
  const value = measureValue(measure, slice);
  return `SELECT ${quoteIdentifier(slice.timeColumn)} AS month, ${quoteIdentifier(column)} AS ${alias}, SUM(${value}) AS value
  FROM ${measureSource(measure, slice, [column])}
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
