import { quoteIdentifier } from './literals';
import { filterConditions, type MeasureSpec, type PerInternetUserSpec, type SliceSpec } from './slice';

/** The bundled reference table (datasets/internet-users.csv): country, year, population, internet users. */
export const INTERNET_USERS_TABLE = 'internet_users';

/**
 * The value one row of `slice.table` contributes to a measure, as an SQL expression over that row: the measure's
 * column itself, or, for a measure per internet user, the column × scale ÷ the internet users of the selected
 * countries in the row's month. The builders sum it within a month, so a group's monthly value is
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
export function measureValue(measure: MeasureSpec, slice: SliceSpec, groupColumns: readonly string[] = []): string {
  const spec = measure.perInternetUser;
  if (!spec) return quoteIdentifier(measure.column);
  const outer = (column: string) => `${quoteIdentifier(slice.table)}.${quoteIdentifier(column)}`;
  const year = `year(${outer(slice.timeColumn)})`;
  const reference = quoteIdentifier(spec.referenceTable);
  const hasReference = `EXISTS (SELECT 1 FROM ${reference} AS own WHERE own.country = ${outer(spec.countryColumn)} AND own.year = ${year} AND own.internet_users IS NOT NULL)`;
  const denominator = `(SELECT SUM(iu.internet_users) FROM ${reference} AS iu WHERE iu.year = ${year} AND iu.country IN (${selectedCountries(slice, spec, groupColumns)}))`;
  return `(CASE WHEN ${hasReference} THEN CAST(${outer(measure.column)} AS DOUBLE) * ${scaleLiteral(spec.scale)} / NULLIF(${denominator}, 0) END)`;
}

/**
 * Whether members of `column` have denominators of their own (a measure per internet user, grouped by a geographic
 * column): their values are ratios that do not add up, so no "Other" bucket may sum them; builders leave it out.
 */
export function membersHaveOwnDenominators(measure: MeasureSpec, column: string): boolean {
  return measure.perInternetUser?.geoColumns.includes(column) ?? false;
}

/** The countries with rows in the row's month, allowed by the slice's geographic filters, in the row's area. */
function selectedCountries(slice: SliceSpec, spec: PerInternetUserSpec, groupColumns: readonly string[]): string {
  const table = quoteIdentifier(slice.table);
  const time = quoteIdentifier(slice.timeColumn);
  const geographic = (column: string) => spec.geoColumns.includes(column);
  const conditions = [
    `sel.${time} = ${table}.${time}`,
    // Unqualified: inside this subquery they name sel's columns.
    ...filterConditions(slice, geographic),
    ...groupColumns.filter(geographic).map((column) => `sel.${quoteIdentifier(column)} = ${table}.${quoteIdentifier(column)}`),
  ];
  return `SELECT sel.${quoteIdentifier(spec.countryColumn)} FROM ${table} AS sel WHERE ${conditions.join(' AND ')}`;
}

/** The scale goes into the SQL as a number: only a positive finite one. */
function scaleLiteral(scale: number): string {
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`scale must be a positive number, got ${scale}`);
  return String(scale);
}
