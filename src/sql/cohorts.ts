import { quoteIdentifier, sqlDate, sqlLiteral } from './literals';
import { measureSource, measureValue } from './perInternetUser';
import { assertPositiveInteger, buildWhere, type MeasureSpec, type SliceSpec } from './slice';

/**
 * Launch-aligned cohorts: each pair of a member of the first dimension and one of the second (a marketplace in a
 * country) is aligned on its entry, the first month its measure is above zero there, so that pairs which entered in
 * different years can be laid over one another by months since entry.
 */
export interface CohortSpec {
  /** The filters apply to every month; `slice.range` is only the period the pairs are ranked by. */
  slice: SliceSpec;
  measure: MeasureSpec;
  firstColumn: string;
  secondColumn: string;
}

export interface CohortPairsSpec extends CohortSpec {
  /** Pairs listed, largest in the period first. */
  limit: number;
}

export interface CohortCurvesSpec extends CohortSpec {
  /** The pairs drawn: members of the first and the second dimension, written as literals by sqlLiteral. */
  pairs: readonly { first: string; second: string }[];
}

/** One pair of buildCohortPairsQuery: its entry and its size in the period. */
export interface CohortPairRow extends Record<string, unknown> {
  first_key: string;
  second_key: string;
  /** `YYYY-MM-DD`: the first month with the measure above zero. */
  entry_month: string;
  /** Already above zero in the data's first month: the real entry is that month or earlier, unknown. */
  unknown_entry: boolean;
  /** The sum of its monthly values in the period ranked by; null without any. */
  period_value: number | null;
  /** `YYYY-MM-DD`: the first and last months with the measure anywhere in the table (no filter). */
  data_first_month: string;
  data_last_month: string;
  /** Pairs with an entry, before the limit. */
  pairs_total: number;
}

/** One month of one pair of buildCohortCurvesQuery. */
export interface CohortCurveRow extends Record<string, unknown> {
  first_key: string;
  second_key: string;
  /** Whole months since the pair's entry: 0 is the entry month. */
  age: number;
  /** The pair's total in that month (summed over every other dimension); null per internet user without reference data. */
  value: number | null;
}

/**
 * The shared part: each pair's monthly totals over every month that passes the filters, the table's months with
 * the measure (unfiltered: whether a pair was there from the start is a fact of the data, not of the filter), and
 * each pair's entry. A month whose total is zero does not make an entry; a pair never above zero has none. The
 * entry is read from the measure's own column: a measure per internet user has no value in a year without World
 * Bank data, which must not move an entry (the value is then a gap).
 */
function entriesCte({ slice, measure, firstColumn, secondColumn }: CohortSpec): string {
  const time = quoteIdentifier(slice.timeColumn);
  const value = quoteIdentifier(measure.column);
  // A measure per internet user divides by the pair's own country's internet users (the pair groups by it).
  const contribution = measureValue(measure, slice);
  const first = quoteIdentifier(firstColumn);
  const second = quoteIdentifier(secondColumn);
  // Every month: the time range of the slice limits only the ranking, never the curves.
  const everyMonth = buildWhere(slice, { from: '0001-01-01', to: '9999-12-01' });
  return `monthly AS (
  SELECT ${time} AS month, ${first} AS first_key, ${second} AS second_key, SUM(${value}) AS raw, SUM(${contribution}) AS value
  FROM ${measureSource(measure, slice, [firstColumn, secondColumn])}
  WHERE ${everyMonth} AND ${value} IS NOT NULL AND ${first} IS NOT NULL AND ${second} IS NOT NULL
  GROUP BY ALL
), extent AS (
  SELECT MIN(${time}) AS data_first_month, MAX(${time}) AS data_last_month
  FROM ${quoteIdentifier(slice.table)} WHERE ${value} IS NOT NULL
), entries AS (
  SELECT first_key, second_key, MIN(month) FILTER (WHERE raw > 0) AS entry_month
  FROM monthly GROUP BY ALL
  HAVING MIN(month) FILTER (WHERE raw > 0) IS NOT NULL
)`;
}

/**
 * Every pair with an entry: its entry month, whether that entry is unknown (already above zero in the data's first
 * month), and its sum over `slice.range`, largest first (then by name), at most `limit`. Bind {@link sliceParams}.
 */
export function buildCohortPairsQuery(spec: CohortPairsSpec): string {
  assertPositiveInteger(spec.limit, 'limit');
  const from = sqlDate(spec.slice.range.from);
  const to = sqlDate(spec.slice.range.to);
  return `WITH ${entriesCte(spec)}
SELECT e.first_key, e.second_key, e.entry_month, e.entry_month = x.data_first_month AS unknown_entry,
  (SELECT SUM(m.value) FROM monthly m
   WHERE m.first_key = e.first_key AND m.second_key = e.second_key AND m.month BETWEEN ${from} AND ${to}) AS period_value,
  x.data_first_month, x.data_last_month, COUNT(*) OVER () AS pairs_total
FROM entries e CROSS JOIN extent x
ORDER BY period_value DESC NULLS LAST, e.first_key, e.second_key
LIMIT ${spec.limit}`;
}

/**
 * The monthly totals of the chosen pairs from their entry on, by months since entry (age 0 = entry month). A month
 * without data is absent, never zero. Bind {@link sliceParams}.
 */
export function buildCohortCurvesQuery(spec: CohortCurvesSpec): string {
  if (spec.pairs.length === 0) throw new Error('the cohort curves need at least one pair');
  const chosen = spec.pairs.map((pair) => `(${sqlLiteral(pair.first)}, ${sqlLiteral(pair.second)})`).join(', ');
  return `WITH ${entriesCte(spec)}, chosen(first_key, second_key) AS (VALUES ${chosen})
SELECT m.first_key, m.second_key, CAST(date_diff('month', e.entry_month, m.month) AS INTEGER) AS age, m.value
FROM monthly m
JOIN entries e ON m.first_key = e.first_key AND m.second_key = e.second_key
JOIN chosen c ON CAST(m.first_key AS VARCHAR) = c.first_key AND CAST(m.second_key AS VARCHAR) = c.second_key
WHERE m.month >= e.entry_month
ORDER BY m.first_key, m.second_key, age`;
}
