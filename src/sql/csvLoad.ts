import { quoteIdentifier, sqlBoolean, sqlInteger, sqlLiteral } from './literals';

/** A column of a CSV file with the DuckDB type it is loaded as, and the rules its text must follow. */
export interface CsvColumn {
  name: string;
  type: 'VARCHAR' | 'DATE' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';
  /** May the field be empty (loaded as NULL)? Default: no. */
  nullable?: boolean;
  /** For numbers: may they be negative? Default: no. */
  signed?: boolean;
}

const CSV_TYPES: readonly string[] = ['VARCHAR', 'DATE', 'BIGINT', 'DOUBLE', 'BOOLEAN'];

/** A column's type, checked against the list: a type is written into SQL as a keyword, so it must be one of these. */
function checkedType(type: CsvColumn['type']): CsvColumn['type'] {
  if (!CSV_TYPES.includes(type)) throw new Error(`unknown column type ${JSON.stringify(type)}`);
  return type;
}

/** The name of the column, added to staged rows, that numbers the file's data records from 1. */
export const RECORD_COLUMN = '__record';

function readCsv(
  fileName: string,
  columns: readonly { name: string; type?: CsvColumn['type'] }[],
  header: boolean,
  options: { typed?: boolean; dateFormat?: string } = {},
): string {
  const columnMap = columns
    .map((column) => `${sqlLiteral(column.name)}: ${sqlLiteral(options.typed && column.type ? column.type : 'VARCHAR')}`)
    .join(', ');
  // The sniffer is off and every column is text: nothing is guessed, nothing is silently converted.
  return `read_csv(${[
    sqlLiteral(fileName),
    `header = ${sqlBoolean(header)}`,
    'auto_detect = false',
    "delim = ','",
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${columnMap}}`,
    ...(options.typed && options.dateFormat ? [`dateformat = ${sqlLiteral(options.dateFormat)}`] : []),
  ].join(', ')})`;
}

/**
 * Loads a CSV file straight into typed columns, with the sniffer off: for files already checked field by field
 * (the bundled datasets are, at build time and in the data tests), this skips the staging copy. DuckDB still fails
 * on a value its cast rejects, but it would round `10.5` into an integer column: use the staged path for anything
 * not checked before.
 */
export function buildCsvTypedReadStatement(
  table: string,
  fileName: string,
  columns: readonly CsvColumn[],
  options: { dateFormat?: string } = {},
): string {
  if (columns.length === 0) throw new Error('a CSV load needs at least one column');
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${readCsv(fileName, columns, true, { typed: true, dateFormat: options.dateFormat })}`;
}

/** The header record of a CSV file as one row of text columns `c0`, `c1`, … (one per expected column). */
export function buildCsvHeaderQuery(fileName: string, columnCount: number): string {
  const placeholders = Array.from({ length: columnCount }, (_, index) => ({ name: `c${index}` }));
  return `SELECT * FROM ${readCsv(fileName, placeholders, false)} LIMIT 1`;
}

/** Loads a CSV file into a staging table: every field as text, plus the record number. */
export function buildCsvStageStatement(stageTable: string, fileName: string, columns: readonly CsvColumn[]): string {
  if (columns.length === 0) throw new Error('a CSV load needs at least one column');
  return `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(stageTable)} AS
SELECT row_number() OVER () AS ${quoteIdentifier(RECORD_COLUMN)}, * FROM ${readCsv(fileName, columns, true)}`;
}

/**
 * Finds fields in a staging table that break their column's rules. Rows: `record`, `column_name`, `value`,
 * `problem` (the first `limit` problems in file order) and `problem_count` (all of them).
 */
export function buildCsvValidationQuery(
  stageTable: string,
  columns: readonly CsvColumn[],
  options: { dateFormat?: string; limit?: number } = {},
): string {
  const checks = columns.map((column) => {
    const field = quoteIdentifier(column.name);
    const broken = problemCondition(field, column, options.dateFormat);
    const empty = column.nullable ? 'NULL' : `'is empty'`;
    return `SELECT ${quoteIdentifier(RECORD_COLUMN)} AS record, ${sqlLiteral(column.name)} AS column_name, ${field} AS value,
  CASE WHEN ${field} IS NULL THEN ${empty} ${broken ? `WHEN ${broken.condition} THEN ${sqlLiteral(broken.problem)}` : ''} END AS problem
FROM ${quoteIdentifier(stageTable)}`;
  });
  return `WITH problems AS (
${checks.join('\nUNION ALL\n')}
)
SELECT record, column_name, value, problem, COUNT(*) OVER () AS problem_count
FROM problems WHERE problem IS NOT NULL
ORDER BY record, column_name
LIMIT ${sqlInteger(options.limit ?? 1, { min: 1 })}`;
}

function problemCondition(
  field: string,
  column: CsvColumn,
  dateFormat: string | undefined,
): { condition: string; problem: string } | null {
  const sign = column.signed ? '-?' : '';
  switch (column.type) {
    case 'BIGINT':
      return {
        condition: `NOT regexp_full_match(${field}, ${sqlLiteral(`${sign}[0-9]{1,18}`)})`,
        problem: column.signed ? 'is not a whole number' : 'is not a whole number ≥ 0',
      };
    case 'DOUBLE':
      return {
        condition: `NOT regexp_full_match(${field}, ${sqlLiteral(`${sign}[0-9]+(\\.[0-9]+)?`)})`,
        problem: column.signed ? 'is not a plain decimal number' : 'is not a plain decimal number ≥ 0',
      };
    case 'DATE':
      return dateFormat
        ? {
            condition: `try_strptime(${field}, ${sqlLiteral(dateFormat)}) IS NULL`,
            problem: `is not a date in the form ${dateFormat}`,
          }
        : { condition: `TRY_CAST(${field} AS DATE) IS NULL`, problem: 'is not a date in the form YYYY-MM-DD' };
    case 'BOOLEAN':
      return { condition: `lower(${field}) NOT IN ('true', 'false')`, problem: 'is not true or false' };
    case 'VARCHAR':
      return null;
  }
}

/** Creates the final table from a validated staging table, each column cast to its type, in file order. */
export function buildCsvTypedTableStatement(
  table: string,
  stageTable: string,
  columns: readonly CsvColumn[],
  options: { dateFormat?: string } = {},
): string {
  const projections = columns.map((column) => {
    const field = quoteIdentifier(column.name);
    const value =
      column.type === 'VARCHAR'
        ? field
        : column.type === 'DATE' && options.dateFormat
          ? `CAST(strptime(${field}, ${sqlLiteral(options.dateFormat)}) AS DATE)`
          : `CAST(${field} AS ${checkedType(column.type)})`;
    return `${value} AS ${field}`;
  });
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS
SELECT ${projections.join(', ')} FROM ${quoteIdentifier(stageTable)} ORDER BY ${quoteIdentifier(RECORD_COLUMN)}`;
}
