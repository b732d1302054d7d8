import { quoteIdentifier } from './literals';
import { buildWhere, combineOverTime, type MeasureSpec, type SliceSpec } from './slice';

/** An inclusive range of first-of-month dates, `YYYY-MM-DD`. */
export interface MonthRange {
  from: string;
  to: string;
}

/** The columns a change is explained by: one (marketplace) or two (marketplace, country). */
export type ExplainDimensions = readonly [string] | readonly [string, string];

/**
 * Which grouping a row of an explanation belongs to: the whole selection (`total`), the first dimension alone, the
 * second alone, or both together. Each level's rows add up to the total row.
 */
export type ExplainLevel = 'total' | 'first' | 'second' | 'both';

/** Whether a segment has data in both periods, only in the current one (`new`) or only in the base one (`gone`). */
export type SegmentStatus = 'both' | 'new' | 'gone';

export interface ExplainSpec {
  /** The selection; its range is the current period (B). */
  slice: SliceSpec;
  /** The comparison period (A). It may overlap the current one. */
  baseRange: MonthRange;
  measure: MeasureSpec;
  dimensions: ExplainDimensions;
}

/** One row of {@link buildExplainQuery}. Keys are the dimension values (null where the level does not group). */
export interface ExplainRow {
  level: ExplainLevel;
  first_key: string | null;
  second_key: string | null;
  /** The segment's measure over the base period, combined over time; null when it has no data there. */
  base_value: number | null;
  current_value: number | null;
  /** current − base, a period without data counting as 0. Each level's contributions add up to the total's. */
  contribution: number;
  status: SegmentStatus;
  /** Months with data for the whole selection in each period (the same on every row). */
  base_months: number;
  current_months: number;
}

/**
 * The rows of both periods of a selection, each tagged with its `period` ('base' or 'current') and its `month`,
 * with the given expressions under their aliases, leaving out rows where any of `required` is NULL. Two filtered
 * scans joined by UNION ALL, so a month in both periods (overlapping ranges) is counted in each. Every WHERE clause
 * numbers the slice's filter parameters the same way: run the statement with `sliceParams(slice)`.
 */
export function twoPeriodRows(
  slice: SliceSpec,
  baseRange: MonthRange,
  columns: ReadonlyArray<readonly [expression: string, alias: string]>,
  required: readonly string[],
): string {
  const selected = [`${quoteIdentifier(slice.timeColumn)} AS month`, ...columns.map(([expression, alias]) => `${expression} AS ${alias}`)];
  const notNull = required.map((column) => ` AND ${column} IS NOT NULL`).join('');
  const scan = (period: 'base' | 'current', range: MonthRange) =>
    `SELECT '${period}' AS period, ${selected.join(', ')}
  FROM ${quoteIdentifier(slice.table)}
  WHERE ${buildWhere(slice, range)}${notNull}`;
  return `${scan('base', baseRange)}
  UNION ALL
  ${scan('current', slice.range)}`;
}

/** The months with data for the whole selection in each period, as one row (`base_months`, `current_months`). */
export function periodMonths(rows: string): string {
  return `SELECT COUNT(DISTINCT month) FILTER (WHERE period = 'base') AS base_months,
    COUNT(DISTINCT month) FILTER (WHERE period = 'current') AS current_months
  FROM ${rows}`;
}

/** A measure over one period's tagged rows, combined over time with that period's months (`months` CTE). */
export function periodValue(measure: MeasureSpec, period: 'base' | 'current', value = 'value'): string {
  return combineOverTime(measure.overTime, `CASE WHEN period = '${period}' THEN ${value} END`, `(SELECT ${period}_months FROM months)`);
}

/** GROUPING SETS over k1 (and k2), the level of each grouping, and the second key's expression. */
function grouping(dimensions: ExplainDimensions) {
  if (dimensions.length === 2 && dimensions[0] === dimensions[1]) {
    throw new Error(`the two dimensions of an explanation must differ, got ${JSON.stringify(dimensions[0])} twice`);
  }
  return dimensions.length === 1
    ? {
        sets: 'GROUPING SETS ((), (k1))',
        level: `CASE GROUPING(k1) WHEN 0 THEN 'first' ELSE 'total' END`,
        secondKey: 'CAST(NULL AS VARCHAR)',
      }
    : {
        sets: 'GROUPING SETS ((), (k1), (k2), (k1, k2))',
        level: `CASE GROUPING(k1, k2) WHEN 0 THEN 'both' WHEN 1 THEN 'first' WHEN 2 THEN 'second' ELSE 'total' END`,
        secondKey: 'k2',
      };
}

function dimensionColumns(dimensions: ExplainDimensions): Array<readonly [string, string]> {
  return dimensions.map((column, index) => [quoteIdentifier(column), `k${index + 1}`] as const);
}

/** Levels in reading order; within one, the largest contributions first. */
const ORDER_BY = `ORDER BY CASE level WHEN 'total' THEN 0 WHEN 'first' THEN 1 WHEN 'second' THEN 2 ELSE 3 END,
  ABS(contribution) DESC NULLS LAST, first_key, second_key`;

/**
 * Why a measure moved between two periods: in ONE statement (GROUPING SETS over the dimensions), every segment at
 * every level — the total, each member of the first dimension, of the second, and of both together — with its value
 * in the base period (A, `baseRange`) and in the current one (B, the slice's range), its `contribution` to the change
 * and its `status` ({@link ExplainRow}).
 *
 * Values are combined over time as {@link combineOverTime} says: summed, or for averaged measures the segment's sum
 * divided by the months in that period with data for the whole selection (not the segment's own months), so a
 * segment absent in some months counts as 0 there and every level's values add up to the total's. A segment absent
 * from a period has a null value there and counts as 0 in its contribution, so each level's contributions add up to
 * the total's change (to floating-point rounding; values are DOUBLE).
 *
 * The periods may overlap: each is its own filtered scan. Rows with a NULL measure or a NULL dimension are left out
 * (also from the months). No rows at all when neither period has data. Run with `sliceParams(slice)`.
 */
export function buildExplainQuery(spec: ExplainSpec): string {
  const { slice, measure } = spec;
  const group = grouping(spec.dimensions);
  const keys = dimensionColumns(spec.dimensions);
  const value = quoteIdentifier(measure.column);
  const rows = twoPeriodRows(slice, spec.baseRange, [...keys, [`CAST(${value} AS DOUBLE)`, 'value']], [value, ...keys.map(([column]) => column)]);
  return `WITH tagged AS (
  ${rows}
), months AS (
  ${periodMonths('tagged')}
), segments AS (
  SELECT ${group.level} AS level, k1 AS first_key, ${group.secondKey} AS second_key,
    ${periodValue(measure, 'base')} AS base_value,
    ${periodValue(measure, 'current')} AS current_value
  FROM tagged
  GROUP BY ${group.sets}
  HAVING COUNT(*) > 0
)
SELECT level, first_key, second_key, base_value, current_value,
  COALESCE(current_value, 0) - COALESCE(base_value, 0) AS contribution,
  CASE WHEN base_value IS NULL THEN 'new' WHEN current_value IS NULL THEN 'gone' ELSE 'both' END AS status,
  months.base_months, months.current_months
FROM segments CROSS JOIN months
${ORDER_BY}`;
}
