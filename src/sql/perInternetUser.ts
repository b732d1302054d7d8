import { quoteIdentifier } from './literals';
import { buildWhere, filterConditions, type MeasureSpec, type SliceSpec } from './slice';

/** The bundled reference table (datasets/internet-users.csv): country, year, population, internet users. */
export const INTERNET_USERS_TABLE = 'internet_users';

/** The column {@link measureSource} adds: what one unit of the measure's column is worth per internet user. */
const WEIGHT_COLUMN = '__per_internet_user';

/**
 * The value one row of `slice.table` contributes to a measure, as an SQL expression over that row: the measure's
 * column itself, or, for a measure per internet user, the column × the row's weight from {@link measureSource} (the
 * builder must then read from it). The builders sum it within a month, so a group's monthly value is
 *
 *   Σ column over the group's rows whose country has reference data for that year
 *   ─────────────────────────────────────────────────────────────────────────────── × scale
 *   Σ internet users (that year) of the selected countries that have reference data
 *
 * where the selected countries are those with rows in the table that month allowed by the slice's filters on the
 * geographic columns (a marketplace filter does not shrink them: AliExpress's reach in Europe is its visitors over
 * Europe's internet users), narrowed to the group's own area when the query groups by a geographic column (a country's
 * reach is over its own internet users). The denominator is the same for every row of one month and area, so sums
 * over marketplaces add up (the marketplaces' reaches add up to the selection's). A country-year without reference
 * data is left out of both sides; a month in which no selected country has any gives no value (a gap, never 0), so
 * an averaged measure divides by the months that have one.
 */
export function measureValue(measure: MeasureSpec, slice: SliceSpec): string {
  if (!measure.perInternetUser) return quoteIdentifier(measure.column);
  const outer = (column: string) => `${quoteIdentifier(slice.table)}.${quoteIdentifier(column)}`;
  return `(CAST(${outer(measure.column)} AS DOUBLE) * ${outer(WEIGHT_COLUMN)})`;
}

/**
 * What a builder reads its rows from, in place of `slice.table`: the table itself, or, for a measure per internet
 * user, the table with one more column, each row's weight (scale ÷ the internet users of its month and area, or
 * NULL when its country-year has no reference data), under the table's own name so that the builder's column
 * references stay as they are. `groupColumns` are the columns the query groups by: a geographic one narrows the
 * area (see {@link measureValue}).
 *
 * The denominators are computed once per month and area and joined to the rows, not looked up per row: a lookup per
 * row made reach queries 10–40× slower than the measure itself.
 */
export function measureSource(measure: MeasureSpec, slice: SliceSpec, groupColumns: readonly string[] = []): string {
  const table = quoteIdentifier(slice.table);
  const spec = measure.perInternetUser;
  if (!spec) return table;
  const time = quoteIdentifier(slice.timeColumn);
  const country = quoteIdentifier(spec.countryColumn);
  const reference = quoteIdentifier(spec.referenceTable);
  const areaColumns = [...new Set(groupColumns.filter((column) => spec.geoColumns.includes(column)))].map(quoteIdentifier);
  // Unqualified: inside `sel` they name the table's columns. A condition left out keeps its parameter numbers.
  const geographicFilters = filterConditions(slice, (column) => spec.geoColumns.includes(column));
  const selected = `SELECT DISTINCT ${[time, country, ...areaColumns].join(', ')} FROM ${table}${
    geographicFilters.length > 0 ? ` WHERE ${geographicFilters.join(' AND ')}` : ''
  }`;
  const denominators = `SELECT ${['sel.' + time, ...areaColumns.map((column) => `sel.${column}`)].join(', ')}, SUM(iu.internet_users) AS internet_users
    FROM (${selected}) AS sel JOIN ${reference} AS iu ON iu.country = sel.${country} AND iu.year = year(sel.${time})
    GROUP BY ALL`;
  const sameArea = [time, ...areaColumns].map((column) => `den.${column} = row_.${column}`).join(' AND ');
  return `(SELECT row_.*, CASE WHEN own.internet_users IS NOT NULL THEN ${scaleLiteral(spec.scale)} / NULLIF(den.internet_users, 0) END AS ${quoteIdentifier(WEIGHT_COLUMN)}
  FROM ${table} AS row_
  LEFT JOIN ${reference} AS own ON own.country = row_.${country} AND own.year = year(row_.${time})
  LEFT JOIN (${denominators}) AS den ON ${sameArea}) AS ${table}`;
}

/**
 * Whether members of `column` have denominators of their own (a measure per internet user, grouped by a geographic
 * column): their values are ratios that do not add up, so no "Other" bucket may sum them; builders leave it out.
 */
export function membersHaveOwnDenominators(measure: MeasureSpec, column: string): boolean {
  return measure.perInternetUser?.geoColumns.includes(column) ?? false;
}

/** The scale goes into the SQL as a number: only a positive finite one. */
function scaleLiteral(scale: number): string {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  return String(scale);
}

/** One row of {@link buildReachCoverageQuery}. */
export type ReachCoverageRow = {
  country: string;
  year: number;
  /** Whether the reference table has internet users for that country and year. */
  covered: boolean;
  /** Months of that year in the slice with rows for the country. */
  months: number;
  /** The measure's column summed over those rows: how much of the numerator the country-year holds. */
  amount: number | null;
};

/**
 * Which countries and years of a slice a measure per internet user can use: one row per country and year with rows in
 * the slice (every filter applied, as the measure's numerator sees them), saying whether the reference table has
 * internet users for it. The rows of a country-year that is not covered are left out of the measure (see
 * {@link measureValue}), so the app can say whose figures a reach leaves out. Run with `sliceParams(slice)`.
 */
export function buildReachCoverageQuery(measure: MeasureSpec, slice: SliceSpec): string {
  const spec = measure.perInternetUser;
  if (!spec) throw new Error(`the measure ${measure.column} is not per internet user`);
  const time = quoteIdentifier(slice.timeColumn);
  const country = quoteIdentifier(spec.countryColumn);
  return `SELECT row_.${country} AS country, CAST(year(row_.${time}) AS INTEGER) AS year,
  bool_or(own.internet_users IS NOT NULL) AS covered, CAST(COUNT(DISTINCT row_.${time}) AS INTEGER) AS months,
  SUM(CAST(row_.amount AS DOUBLE)) AS amount
FROM (SELECT ${time}, ${country}, ${quoteIdentifier(measure.column)} AS amount FROM ${quoteIdentifier(slice.table)} WHERE ${buildWhere(slice)} AND ${quoteIdentifier(measure.column)} IS NOT NULL) AS row_
LEFT JOIN ${quoteIdentifier(spec.referenceTable)} AS own ON own.country = row_.${country} AND own.year = year(row_.${time})
WHERE row_.${country} IS NOT NULL
GROUP BY ALL
ORDER BY country, year`;
}
