import { quoteIdentifier, sqlDate } from './literals';
import { buildWhere, combineOverTime, periodStartExpression, type MeasureSpec, type SliceSpec } from './slice';
import { measureSource, measureValue } from './perInternetUser';

export interface LeaderboardSpec {
  slice: SliceSpec;
  measure: MeasureSpec;
  /** Ranks are computed within each member of this column (e.g. country)… */
  groupColumn: string;
  /** …among the members of this one (e.g. marketplace). */
  rankColumn: string;
  previousRange: { from: string; to: string };
  /** Grain of the sparkline values over the slice's range. */
  sparkGrain: 'month' | 'quarter' | 'year';
}

/**
 * Each (group, member) pair with its value over the period, its rank within the group (1 = largest), its share of
 * the group, its rank and value over `previousRange` (null when absent then), and `spark`: its values per period of
 * `sparkGrain` over the range, null where it has none. Rows: `group_key`, `member`, `value`, `share`, `rank`,
 * `previous_rank`, `previous_value`, `spark`.
 */
export function buildLeaderboardQuery(spec: LeaderboardSpec): string {
  const { slice, measure } = spec;
  const value = measureValue(measure, slice);
  const group = quoteIdentifier(spec.groupColumn);
  const member = quoteIdentifier(spec.rankColumn);
  const time = quoteIdentifier(slice.timeColumn);
  const rollUp = measure.overTime === 'sum' ? 'SUM' : 'AVG';
  const periodOf = (column: string) => periodStartExpression(spec.sparkGrain, column);
  const monthly = (range: { from: string; to: string }) => `SELECT ${time} AS month, ${group} AS g, ${member} AS m, SUM(${value}) AS value
  FROM ${measureSource(measure, slice, [spec.groupColumn, spec.rankColumn])}
  WHERE ${buildWhere(slice, range)} AND ${value} IS NOT NULL AND ${group} IS NOT NULL AND ${member} IS NOT NULL
  GROUP BY ALL`;
  const ranked = (source: string) => `SELECT g, m,
    ${combineOverTime(measure.overTime, 'value', `(SELECT COUNT(DISTINCT month) FROM ${source})`)} AS value
  FROM ${source} GROUP BY g, m`;
  return `WITH current_monthly AS (
  ${monthly(slice.range)}
), previous_monthly AS (
  ${monthly(spec.previousRange)}
), current_values AS (
  ${ranked('current_monthly')}
), previous_values AS (
  ${ranked('previous_monthly')}
), current_ranks AS (
  SELECT g, m, value, value / NULLIF(SUM(value) OVER (PARTITION BY g), 0) AS share,
    RANK() OVER (PARTITION BY g ORDER BY value DESC) AS rank
  FROM current_values
), previous_ranks AS (
  SELECT g, m, RANK() OVER (PARTITION BY g ORDER BY value DESC) AS rank FROM previous_values
), periods AS (
  SELECT DISTINCT ${periodOf('CAST(generate_series AS DATE)')} AS period
  FROM generate_series(${sqlDate(slice.range.from)}::TIMESTAMP, ${sqlDate(slice.range.to)}::TIMESTAMP, INTERVAL 1 MONTH)
), spark_values AS (
  SELECT g, m, ${periodOf('month')} AS period, ${rollUp}(value) AS value FROM current_monthly GROUP BY ALL
), sparks AS (
  -- DOUBLE elements: duckdb-wasm does not convert BIGINT list elements to JS numbers.
  SELECT c.g, c.m, list(CAST(s.value AS DOUBLE) ORDER BY p.period) AS spark
  FROM current_ranks c CROSS JOIN periods p
  LEFT JOIN spark_values s ON s.g = c.g AND s.m = c.m AND s.period = p.period
  GROUP BY c.g, c.m
)
SELECT c.g AS group_key, c.m AS member, c.value, c.share, c.rank, p.rank AS previous_rank, pv.value AS previous_value, s.spark
FROM current_ranks c
LEFT JOIN previous_ranks p ON p.g = c.g AND p.m = c.m
LEFT JOIN previous_values pv ON pv.g = c.g AND pv.m = c.m
LEFT JOIN sparks s ON s.g = c.g AND s.m = c.m
ORDER BY c.g, c.rank, c.m`;
}
