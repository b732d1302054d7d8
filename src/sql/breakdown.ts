import { quoteIdentifier } from './literals';
import { assertPositiveInteger, buildWhere, combineOverTime, type MeasureSpec, type SliceSpec } from './slice';
import { measureSource, measureValue, membersHaveOwnDenominators } from './perInternetUser';

export interface BreakdownSpec {
  slice: SliceSpec;
  measure: MeasureSpec;
  rowColumn: string;
  columnColumn: string;
  /** Rows (and columns) beyond the largest `rowLimit` (`columnLimit`) are summed into an "Other" bucket (null key). */
  rowLimit: number;
  columnLimit: number;
}

/**
 * The measure over the slice by two dimensions, as cells: `row_key`, `column_key` (null = the "Other" bucket),
 * `value`. Each member's value is combined over time as {@link combineOverTime} says, so cells add up: the "Other"
 * bucket holds exactly what the kept members do not.
 */
export function buildBreakdownQuery(spec: BreakdownSpec): string {
  assertPositiveInteger(spec.rowLimit, 'rowLimit');
  assertPositiveInteger(spec.columnLimit, 'columnLimit');
  const { slice, measure } = spec;
  const value = measureValue(measure, slice);
  const row = quoteIdentifier(spec.rowColumn);
  const column = quoteIdentifier(spec.columnColumn);
  return `WITH monthly AS (
  SELECT ${quoteIdentifier(slice.timeColumn)} AS month, ${row} AS r, ${column} AS c, SUM(${value}) AS value
  FROM ${measureSource(measure, slice, [spec.rowColumn, spec.columnColumn])}
  WHERE ${buildWhere(slice)} AND ${value} IS NOT NULL AND ${row} IS NOT NULL AND ${column} IS NOT NULL
  GROUP BY ALL
), cells AS (
  SELECT r, c, ${combineOverTime(measure.overTime, 'value', '(SELECT COUNT(DISTINCT month) FROM monthly)')} AS value
  FROM monthly GROUP BY r, c
), kept_rows AS (
  SELECT r FROM cells GROUP BY r ORDER BY SUM(value) DESC, r LIMIT ${spec.rowLimit}
), kept_columns AS (
  SELECT c FROM cells GROUP BY c ORDER BY SUM(value) DESC, c LIMIT ${spec.columnLimit}
)
SELECT
  CASE WHEN r IN (SELECT r FROM kept_rows) THEN r END AS row_key,
  CASE WHEN c IN (SELECT c FROM kept_columns) THEN c END AS column_key,
  SUM(value) AS value,
  (SELECT COUNT(DISTINCT r) FROM cells) AS row_total,
  (SELECT COUNT(DISTINCT c) FROM cells) AS column_total
FROM cells
${withoutOtherOf(measure, [[spec.rowColumn, 'r'], [spec.columnColumn, 'c']])}
GROUP BY ALL
ORDER BY row_key NULLS LAST, column_key NULLS LAST`;
}

/** Ratios of members with their own denominators do not add up: such a dimension's "Other" bucket is left out. */
function withoutOtherOf(measure: MeasureSpec, keys: ReadonlyArray<readonly [column: string, key: 'r' | 'c']>): string {
  const kept = keys
    .filter(([column]) => membersHaveOwnDenominators(measure, column))
    .map(([, key]) => `${key} IN (SELECT ${key} FROM kept_${key === 'r' ? 'rows' : 'columns'})`);
  return kept.length ? `WHERE ${kept.join(' AND ')}` : '';
}
