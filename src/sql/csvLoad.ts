import { quoteIdentifier, sqlLiteral } from './literals';

/** A column of a CSV file with the DuckDB type it is loaded as. */
export interface CsvColumn {
  name: string;
  type: 'VARCHAR' | 'DATE' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN';
}

/**
 * `CREATE OR REPLACE TABLE … AS SELECT * FROM read_csv(…)` with every column typed explicitly and the sniffer off:
 * a file that does not match its declared shape fails loudly instead of being guessed at or silently trimmed.
 */
export function buildCsvLoadStatement(
  table: string,
  fileName: string,
  columns: readonly CsvColumn[],
  options: { dateFormat?: string } = {},
): string {
  if (columns.length === 0) throw new Error('a CSV load needs at least one column');
  const columnMap = columns.map((column) => `${sqlLiteral(column.name)}: ${sqlLiteral(column.type)}`).join(', ');
  const settings = [
    sqlLiteral(fileName),
    'header = true',
    'auto_detect = false',
    "delim = ','",
    `quote = '"'`,
    `escape = '"'`,
    `columns = {${columnMap}}`,
  ];
  if (options.dateFormat) settings.push(`dateformat = ${sqlLiteral(options.dateFormat)}`);
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(table)} AS SELECT * FROM read_csv(${settings.join(', ')})`;
}
