import { sqlLiteral } from './literals';

/**
 * The prefix of every table an uploaded dataset owns: `<id>__…`. Dataset ids never contain `__` (see
 * DATASET_ID_PATTERN in src/data/datasets/datasetIds.ts), so one dataset's prefix never matches another's tables.
 */
export function datasetTablePrefix(datasetId: string): string {
  if (datasetId.length === 0) throw new Error('empty dataset id');
  return `${datasetId}__`;
}

/**
 * `name`: the tables of an uploaded dataset in the engine, to drop them when the dataset is deleted or changed in
 * another tab. `starts_with`, not LIKE: the `_` of an id is not a wildcard there. Each one is dropped with
 * buildDropTableStatement (src/sql/ingest.ts), the app's one DROP TABLE.
 */
export function buildDatasetTablesQuery(datasetId: string): string {
  return `SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, ${sqlLiteral(datasetTablePrefix(datasetId))}) ORDER BY name`;
}
