import type { Engine } from '../../engine';
import { buildPushdownQuery, type PushdownAggregate, type PushdownFilter } from '../../sql/clickhouse/pushdown';
import { quoteIdentifier, sqlLiteral } from '../../sql/literals';
import { ClickHouseError, type ClickHouseClient } from './clickHouseClient';

/**
 * A ClickHouse table as a dataset's cube: ClickHouse runs the heavy `GROUP BY` (month × the mapped dimensions, filters
 * pushed down), the small result comes back as CSV through the same-origin proxy and DuckDB-wasm reads it with
 * `read_csv` into a table shaped like a bundled dataset (the time column as a DATE, the first of each month, dimensions as text, measures as
 * doubles), so the existing view SQL runs on it unchanged. No value from ClickHouse is pasted into SQL text.
 */

/** Past this many cube rows the load stops with an error that says to map fewer dimensions or filter. */
export const CLICKHOUSE_CUBE_ROW_CAP = 500_000;

export interface ClickHouseCubeSpec {
  connection: string;
  table: string;
  database?: string;
  /** The Date/DateTime column; it becomes the cube's DATE column (first of the month) of the same name. */
  time: string;
  dimensions: readonly string[];
  measures: readonly { column: string; aggregate?: PushdownAggregate }[];
  months?: { from?: string; to?: string };
  filters?: readonly PushdownFilter[];
}

export interface ClickHouseCubeResult {
  rows: number;
  /** The ClickHouse SQL that produced the cube (for Show SQL and error reports). */
  sql: string;
}

let loads = 0;

/**
 * Loads the cube of `spec` into `engine` as the new table `tableName` (a plain identifier that does not exist yet).
 * Rejects with a {@link ClickHouseError} naming the connection; aborting `signal` cancels the ClickHouse query.
 */
export async function loadClickHouseCube(
  engine: Engine,
  client: ClickHouseClient,
  spec: ClickHouseCubeSpec,
  tableName: string,
  options: { signal?: AbortSignal; rowCap?: number } = {},
): Promise<ClickHouseCubeResult> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tableName)) throw new Error(`not a plain table name: ${JSON.stringify(tableName)}`);
  const rowCap = options.rowCap ?? CLICKHOUSE_CUBE_ROW_CAP;
  const { sql, columns } = buildPushdownQuery({
    table: spec.table,
    database: spec.database,
    time: spec.time,
    dimensions: spec.dimensions,
    measures: spec.measures,
    months: spec.months,
    filters: spec.filters,
  });
  const limited = `${sql}\nLIMIT ${rowCap + 1}`;
  const csv = await client.query(spec.connection, limited, { format: 'CSVWithNames', signal: options.signal });
  const bytes = new TextEncoder().encode(csv);
  loads += 1;
  const file = engine.filePath(`clickhouse-cube-${loads}-${tableName}.csv`);
  await engine.registerFileBuffer(file, bytes);
  try {
    const types: [string, string][] = [
      [columns.month, 'DATE'],
      ...columns.dimensions.map((d): [string, string] => [d.alias, 'VARCHAR']),
      ...columns.measures.map((m): [string, string] => [m.alias, 'DOUBLE']),
    ];
    const columnSpec = `{${types.map(([name, type]) => `${sqlLiteral(name)}: ${sqlLiteral(type)}`).join(', ')}}`;
    const select = [
      // A DATE (the first of the month), as in every table the views read: they compare it with DATE literals.
      `${quoteIdentifier(columns.month)} AS ${quoteIdentifier(spec.time)}`,
      ...columns.dimensions.map((d) => `${quoteIdentifier(d.alias)} AS ${quoteIdentifier(d.column)}`),
      ...columns.measures.map((m) => `${quoteIdentifier(m.alias)} AS ${quoteIdentifier(m.column)}`),
    ];
    const source = `read_csv(${sqlLiteral(file)}, header = true, delim = ',', quote = '"', escape = '"', nullstr = ${sqlLiteral('\\N')}, allow_quoted_nulls = false, columns = ${columnSpec})`;
    const [{ n }] = (await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${source}`)) as [{ n: number }];
    if (n > rowCap) {
      throw new ClickHouseError(
        `ClickHouse connection "${spec.connection}": the cube of ${spec.table} has more than ${rowCap.toLocaleString('en-US')} rows (months × members of ${spec.dimensions.join(', ') || 'no dimension'}).`,
        { connection: spec.connection, hint: 'Map fewer or coarser dimensions, or point the dataset at a pre-aggregated table.', status: 413 },
      );
    }
    await engine.query(`CREATE TABLE ${tableName} AS SELECT ${select.join(', ')} FROM ${source}`);
    return { rows: n, sql };
  } finally {
    await engine.dropFile(file);
  }
}
