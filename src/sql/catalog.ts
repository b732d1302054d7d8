import { quoteIdentifier } from './literals';

/** Distinct members of a dimension with their total weight (largest first), for filter pickers. */
export function buildDimensionMembersQuery(table: string, column: string, weightColumn: string): string {
  const member = quoteIdentifier(column);
  return `SELECT ${member} AS value, SUM(${quoteIdentifier(weightColumn)}) AS weight
FROM ${quoteIdentifier(table)}
WHERE ${member} IS NOT NULL
GROUP BY 1
ORDER BY weight DESC NULLS LAST, value`;
}

/** First and last month and the row count of a table. */
export function buildTimeExtentQuery(table: string, timeColumn: string): string {
  const time = quoteIdentifier(timeColumn);
  return `SELECT MIN(${time}) AS first_month, MAX(${time}) AS last_month, COUNT(*) AS row_count FROM ${quoteIdentifier(table)}`;
}
