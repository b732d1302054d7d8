import { clickHouseString } from './literals';

/**
 * The table and column listing of a ClickHouse database, on 18.16 (Debian's) and on current releases. 18.16's
 * `system.columns` has no `position` column (added in 21.x), and neither release promises an order without
 * `ORDER BY`. So the columns query asks for `*` (whatever the release has) and {@link columnsInTableOrder} sorts by
 * `position` when the answer has it; without it, it keeps the order ClickHouse returned, which on 18.16 is the
 * table's (it walks each table's columns in definition order). Never `ORDER BY name`: a person expects the columns
 * in the order the table declares them.
 */

/** `SELECT name, engine FROM system.tables` of `database`, by name. */
export function buildTablesQuery(database: string): string {
  return `SELECT name, engine FROM system.tables WHERE database = ${clickHouseString(database)} ORDER BY name`;
}

/** Every column of `database`'s tables, all of `system.columns`' fields (read with FORMAT JSONCompact). */
export function buildColumnsQuery(database: string): string {
  return `SELECT * FROM system.columns WHERE database = ${clickHouseString(database)}`;
}

/** What FORMAT JSONCompact answers: the result's columns, then rows of values. */
export interface JsonCompactAnswer {
  meta: { name: string; type: string }[];
  data: unknown[][];
}

/**
 * The answer of {@link buildColumnsQuery} as `table → [{ name, type }]`, each table's columns in its declared order.
 * Throws when the answer lacks `table`, `name` or `type`.
 */
export function columnsInTableOrder(answer: JsonCompactAnswer): Map<string, { name: string; type: string }[]> {
  const index = (field: string) => answer.meta.findIndex((m) => m.name === field);
  const [table, name, type, position] = [index('table'), index('name'), index('type'), index('position')];
  if (table < 0 || name < 0 || type < 0) throw new Error(`system.columns answered without table, name or type (it has ${answer.meta.map((m) => m.name).join(', ')})`);
  const byTable = new Map<string, { name: string; type: string; order: number }[]>();
  answer.data.forEach((row, returned) => {
    const key = String(row[table]);
    const list = byTable.get(key) ?? [];
    list.push({ name: String(row[name]), type: String(row[type]), order: position < 0 ? returned : Number(row[position]) });
    byTable.set(key, list);
  });
  return new Map([...byTable].map(([key, list]) => [key, list.sort((a, b) => a.order - b.order).map(({ name: n, type: t }) => ({ name: n, type: t }))]));
}
