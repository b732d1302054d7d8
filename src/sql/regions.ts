import { quoteIdentifier, sqlLiteral } from './literals';

/**
 * Countries roll up to UN M49 regions and sub-regions (datasets/regions.csv: code, m49, region, subregion; one row
 * per ISO alpha-2 code). Both the bundled table and every upload with a country column get them as real columns,
 * through a LEFT JOIN on the code: the code is unique in the file, so no row is lost or doubled, and a country the
 * file does not know gets these members instead of a null.
 */
export const UNKNOWN_REGION = 'Unknown region';
export const UNKNOWN_SUBREGION = 'Unknown sub-region';
/** A marketplace that marketplaces.csv does not list (the bundled data has none). */
export const UNKNOWN_GROUP = 'Unknown group';

/** The region and sub-region columns a country column gets. */
export interface RegionColumns {
  /** The country column (ISO alpha-2 codes). */
  country: string;
  region: string;
  subregion: string;
}

/**
 * `source` with every column as it is, plus the region and sub-region of each listed country column, as a new table
 * `table` (an upload's cube at commit time). Rows: exactly those of `source` (LEFT JOINs on a unique code).
 */
export function buildWithRegionsStatement(spec: {
  table: string;
  source: string;
  regionsTable: string;
  columns: readonly RegionColumns[];
}): string {
  if (spec.columns.length === 0) throw new Error('no country column to add regions to');
  const joins = spec.columns.map(
    (columns, index) =>
      `LEFT JOIN ${quoteIdentifier(spec.regionsTable)} AS r${index} ON r${index}.code = s.${quoteIdentifier(columns.country)}`,
  );
  const added = spec.columns.flatMap((columns, index) => [
    `COALESCE(r${index}.region, ${sqlLiteral(UNKNOWN_REGION)}) AS ${quoteIdentifier(columns.region)}`,
    `COALESCE(r${index}.subregion, ${sqlLiteral(UNKNOWN_SUBREGION)}) AS ${quoteIdentifier(columns.subregion)}`,
  ]);
  return `CREATE TABLE ${quoteIdentifier(spec.table)} AS
SELECT s.*, ${added.join(', ')}
FROM ${quoteIdentifier(spec.source)} AS s
${joins.join('\n')}`;
}

/** `n`, `distinct_codes`: rows of the regions table and its distinct codes, equal when every code is unique. */
export function buildRegionCodesCheckQuery(regionsTable: string): string {
  return `SELECT COUNT(*) AS n, COUNT(DISTINCT code) AS distinct_codes FROM ${quoteIdentifier(regionsTable)}`;
}
