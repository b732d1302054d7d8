import { quoteIdentifier, sqlLiteral } from './literals';
import { buildWhere, combineOverTime, type MeasureSpec, type SliceSpec } from './slice';
import { measureSource, measureValue } from './perInternetUser';

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

/**
 * One row of {@link buildExplainQuery}. Keys are the dimension values (null where the level does not group). The row
 * types are type aliases, not interfaces, so that `engine.query<ExplainRow>(…)` accepts them as rows.
 */
export type ExplainRow = {
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
};

export interface RatioExplainSpec {
  slice: SliceSpec;
  baseRange: MonthRange;
  numerator: string;
  denominator: string;
  /** 1000 for orders per 1,000 visitors, 1 otherwise. A positive finite number. */
  scale: number;
  dimensions: ExplainDimensions;
}

/** One row of {@link buildRatioExplainQuery}. */
export type RatioExplainRow = {
  level: ExplainLevel;
  first_key: string | null;
  second_key: string | null;
  /** The segment's share of the period's denominator (1 on the total row); null when the period's denominator is not positive. */
  base_weight: number | null;
  current_weight: number | null;
  /** scale × numerator / denominator of the segment (the overall ratio on the total row); null when its denominator is not positive. */
  base_rate: number | null;
  current_rate: number | null;
  /** Change of the segment's own ratio, weighted; null when either period's overall ratio is undefined. */
  rate_effect: number | null;
  /** Change of the segment's weight, valued at its ratio; null when either period's overall ratio is undefined. */
  mix_effect: number | null;
  /** rate_effect + mix_effect: the segment's part of the change of the overall ratio. */
  contribution: number | null;
  status: SegmentStatus;
  /** The segment's sums over the rows where both columns are known (0 when it has none in that period). */
  base_numerator: number;
  base_denominator: number;
  current_numerator: number;
  current_denominator: number;
};

/**
 * The rows of both periods of a selection, each tagged with its `period` ('base' or 'current') and its `month`,
 * with the given expressions under their aliases, leaving out rows where any of `required` is NULL. Two filtered
 * scans joined by UNION ALL, so a month in both periods (overlapping ranges) is counted in each. Every WHERE clause
 * numbers the slice's filter parameters the same way: run the statement with `sliceParams(slice)`.
 * `source` is what the rows are read from: the table, or a measure's {@link measureSource}.
 */
export function twoPeriodRows(
  slice: SliceSpec,
  baseRange: MonthRange,
  columns: ReadonlyArray<readonly [expression: string, alias: string]>,
  required: readonly string[],
  source = quoteIdentifier(slice.table),
): string {
  const selected = [`${quoteIdentifier(slice.timeColumn)} AS month`, ...columns.map(([expression, alias]) => `${expression} AS ${alias}`)];
  const notNull = required.map((column) => ` AND ${column} IS NOT NULL`).join('');
  const scan = (period: 'base' | 'current', range: MonthRange) =>
    `SELECT '${period}' AS period, ${selected.join(', ')}
  FROM ${source}
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
  const value = measureValue(measure, slice);
  const rows = twoPeriodRows(
    slice,
    spec.baseRange,
    [...keys, [`CAST(${value} AS DOUBLE)`, 'value']],
    [value, ...keys.map(([column]) => column)],
    measureSource(measure, slice),
  );
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

/**
 * How the change of a ratio measure (scale × Σ numerator / Σ denominator, over the rows where both are known, as
 * the conversion view computes it) splits between segments, at every level, in ONE statement: each segment's
 * contribution is split into a **rate effect** (its own ratio changed) and a **mix effect** (its share of the
 * denominator changed), by the symmetric (midpoint) shift-share decomposition
 *
 *     w1·r1 − w0·r0 = ((w0 + w1) / 2)·(r1 − r0) + ((r0 + r1) / 2)·(w1 − w0)
 *
 * with w a segment's share of the period's denominator and r its ratio. A segment whose ratio is undefined in a
 * period (new, gone, or a denominator that is not positive) has a rate effect of 0 and its whole contribution as mix
 * effect (w1·r1 for a new one, −w0·r0 for a gone one).
 *
 * Why the terms add up exactly: a segment's contribution is scale·N1ₛ/D1 − scale·N0ₛ/D0 (its numerator over the
 * period's whole denominator), which is w1·r1 − w0·r0 whenever both ratios are defined, and the numerators of a
 * level add up to the total's. So over each level, Σ (rate_effect + mix_effect) = Σ contribution = current overall
 * ratio − base overall ratio (to floating-point rounding). On the total row the weights are 1, the rates are the
 * two overall ratios, the rate effect is the whole change and the mix effect 0.
 *
 * When a period's total denominator is not positive (or it has no data) its overall ratio is undefined: the total
 * row's rate and weight for that period are null, and so are every row's effects and contributions; the
 * numerator and denominator sums say why. Run with `sliceParams(slice)`.
 */
export function buildRatioExplainQuery(spec: RatioExplainSpec): string {
  if (typeof spec.scale !== 'number' || !Number.isFinite(spec.scale) || spec.scale <= 0) {
    throw new Error(`scale must be a positive finite number, got ${String(spec.scale)}`);
  }
  const { slice } = spec;
  const group = grouping(spec.dimensions);
  const keys = dimensionColumns(spec.dimensions);
  const numerator = quoteIdentifier(spec.numerator);
  const denominator = quoteIdentifier(spec.denominator);
  const scale = sqlLiteral(spec.scale);
  const rows = twoPeriodRows(
    slice,
    spec.baseRange,
    [...keys, [`CAST(${numerator} AS DOUBLE)`, 'n'], [`CAST(${denominator} AS DOUBLE)`, 'd']],
    [numerator, denominator, ...keys.map(([column]) => column)],
  );
  const sum = (column: 'n' | 'd', period: 'base' | 'current') => `COALESCE(SUM(${column}) FILTER (WHERE period = '${period}'), 0)`;
  const present = (period: 'base' | 'current') => `COUNT(*) FILTER (WHERE period = '${period}') > 0`;
  return `WITH tagged AS (
  ${rows}
), segments AS (
  SELECT ${group.level} AS level, k1 AS first_key, ${group.secondKey} AS second_key,
    ${sum('n', 'base')} AS n0, ${sum('d', 'base')} AS d0, ${sum('n', 'current')} AS n1, ${sum('d', 'current')} AS d1,
    ${present('base')} AS in_base, ${present('current')} AS in_current
  FROM tagged
  GROUP BY ${group.sets}
  HAVING COUNT(*) > 0
), totals AS (
  SELECT CASE WHEN d0 > 0 THEN d0 END AS total_d0, CASE WHEN d1 > 0 THEN d1 END AS total_d1 FROM segments WHERE level = 'total'
), terms AS (
  SELECT segments.*,
    d0 / total_d0 AS w0, d1 / total_d1 AS w1,
    CASE WHEN d0 > 0 THEN ${scale} * n0 / d0 END AS r0, CASE WHEN d1 > 0 THEN ${scale} * n1 / d1 END AS r1,
    ${scale} * n1 / total_d1 - ${scale} * n0 / total_d0 AS own_change
  FROM segments CROSS JOIN totals
), effects AS (
  SELECT level, first_key, second_key, w0 AS base_weight, w1 AS current_weight, r0 AS base_rate, r1 AS current_rate,
    CASE WHEN own_change IS NULL THEN NULL WHEN r0 IS NULL OR r1 IS NULL THEN 0 ELSE (w0 + w1) / 2 * (r1 - r0) END AS rate_effect,
    CASE WHEN own_change IS NULL THEN NULL WHEN r0 IS NULL OR r1 IS NULL THEN own_change ELSE (r0 + r1) / 2 * (w1 - w0) END AS mix_effect,
    CASE WHEN NOT in_base THEN 'new' WHEN NOT in_current THEN 'gone' ELSE 'both' END AS status,
    n0 AS base_numerator, d0 AS base_denominator, n1 AS current_numerator, d1 AS current_denominator
  FROM terms
)
SELECT level, first_key, second_key, base_weight, current_weight, base_rate, current_rate, rate_effect, mix_effect,
  rate_effect + mix_effect AS contribution, status, base_numerator, base_denominator, current_numerator, current_denominator
FROM effects
${ORDER_BY}`;
}
