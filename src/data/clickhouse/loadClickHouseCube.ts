import type { Engine } from '../../engine';
import { buildPushdownQuery, type PushdownAggregate, type PushdownFilter, type PushdownQuery, type PushdownSpec } from '../../sql/clickhouse/pushdown';
import { quoteIdentifier, sqlLiteral } from '../../sql/literals';
import { ClickHouseError, queryParametersInUrl, type ClickHouseClient } from './clickHouseClient';
import { localList, localText, type LocalValue, type ShownText } from '../../i18n';
import { messages } from './messages';
import { createCountedTable } from '../countedTable';

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

/**
 * What one view shows: the members it filters on (e.g. its countries and marketplaces) and its months. When the
 * whole table's cube is above the row cap, these are pushed into the ClickHouse WHERE as well, so that the cube holds
 * exactly what the view needs (and must be loaded again when they change).
 */
export interface ClickHouseViewScope {
  filters?: readonly PushdownFilter[];
  months?: { from?: string; to?: string };
}

export interface ClickHouseCubeResult {
  rows: number;
  /** The ClickHouse SQL that produced the cube (for Show SQL and error reports). */
  sql: string;
  /** The values of its `{pN:Type}` placeholders when the server took query parameters; empty otherwise. */
  params: Record<string, string>;
  /**
   * `table`: the cube covers every member and month of the dataset (after `spec.filters`). `view`: it was cut to
   * the view's scope because the whole cube is above the cap; load it again when the view's filters change, with
   * `scope: 'view'` to skip the whole-table attempt.
   */
  scope: 'table' | 'view';
}

export interface ClickHouseCubeOptions {
  signal?: AbortSignal;
  rowCap?: number;
  /** The view's members and months, pushed down when the whole cube is too big (see {@link ClickHouseViewScope}). */
  view?: ClickHouseViewScope;
  /**
   * `auto` (the default): the whole cube first, the view's scope only when the whole cube is above the cap (one
   * query when it fits; when it does not, ClickHouse aggregates twice). `view`: the view's scope straight away, for a
   * dataset already known to be too big.
   */
  scope?: 'auto' | 'view';
}

/** A cube above the row cap: `scope` says whether it was the whole table's or a view's (then narrow the view). */
export class ClickHouseCubeOverCapError extends ClickHouseError {
  readonly scope: 'table' | 'view';
  constructor(message: ShownText, options: { connection: string; hint: ShownText; scope: 'table' | 'view' }) {
    super(message, { connection: options.connection, hint: options.hint, status: 413 });
    this.name = 'ClickHouseCubeOverCapError';
    this.scope = options.scope;
  }
}

let loads = 0;

/**
 * Loads the cube of `spec` into `engine` as the new table `tableName` (a plain identifier that does not exist yet).
 * Rejects with a {@link ClickHouseError} naming the connection (status 413 when the cube is above the row cap, and
 * saying what to do); aborting `signal` cancels the ClickHouse query.
 */
export async function loadClickHouseCube(
  engine: Engine,
  client: ClickHouseClient,
  spec: ClickHouseCubeSpec,
  tableName: string,
  options: ClickHouseCubeOptions = {},
): Promise<ClickHouseCubeResult> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tableName)) throw new Error(`not a plain table name: ${JSON.stringify(tableName)}`);
  const rowCap = options.rowCap ?? CLICKHOUSE_CUBE_ROW_CAP;
  const { view } = options;
  // Said when shown (a number formatted, words translated, in the language of that moment): see ClickHouseError.
  const cap = rowCap;
  const dimensions: LocalValue = spec.dimensions.join(', ') || localText(messages.noDimension);
  if (options.scope === 'view' && view === undefined) throw new Error("scope 'view' needs the view's filters (options.view)");
  if (view === undefined || options.scope !== 'view') {
    const whole = await loadCube(engine, client, spec, tableName, rowCap, options.signal);
    if (whole.rows !== null) return { rows: whole.rows, sql: whole.sql, params: whole.params, scope: 'table' };
    if (view === undefined) {
      throw new ClickHouseCubeOverCapError(localText(messages.cubeTooLarge, { connection: spec.connection, table: spec.table, cap, dimensions }), {
        connection: spec.connection,
        hint: localText(messages.cubeTooLargeHint),
        scope: 'table',
      });
    }
  }
  const scoped: ClickHouseCubeSpec = { ...spec, filters: [...(spec.filters ?? []), ...(view.filters ?? [])], months: intersectMonths(spec.months, view.months) };
  const cut = await loadCube(engine, client, scoped, tableName, rowCap, options.signal);
  if (cut.rows !== null) return { rows: cut.rows, sql: cut.sql, params: cut.params, scope: 'view' };
  const filtered = (view.filters ?? []).map((f) => f.column);
  const hasMonths = view.months?.from !== undefined || view.months?.to !== undefined;
  const selection = [
    ...(view.filters ?? []).map((f) => localText(messages.filterSelected, { column: f.column, count: f.values.length })),
    ...(hasMonths ? [localText(messages.months, { from: view.months!.from ?? localText(messages.firstMonth), to: view.months!.to ?? localText(messages.lastMonth) })] : []),
  ];
  const unfiltered = spec.dimensions.filter((d) => !filtered.includes(d));
  const or = (columns: string[]) => localList(columns, 'disjunction');
  // What to narrow: the members already filtered on (fewer of them), the dimensions not filtered yet, the months
  // when the view's months are pushed down too.
  const narrow = [
    ...(filtered.length > 0 ? [localText(messages.narrowFewer, { columns: or(filtered) })] : []),
    ...(unfiltered.length > 0 ? [localText(messages.narrowFilterOn, { columns: or(unfiltered) })] : []),
    ...(hasMonths ? [localText(messages.narrowMonths)] : []),
  ];
  throw new ClickHouseCubeOverCapError(
    localText(messages.viewTooLarge, {
      connection: spec.connection,
      table: spec.table,
      selection: selection.length > 0 ? localList(selection, '; ') : localText(messages.noFilter),
      cap,
      dimensions,
    }),
    {
      connection: spec.connection,
      hint: localText(messages.viewTooLargeHint, { narrow: narrow.length > 0 ? localList(narrow, ', ') : localText(messages.narrowFewerMembers) }),
      scope: 'view',
    },
  );
}

/** The months both ranges allow (the later start, the earlier end). */
function intersectMonths(a?: { from?: string; to?: string }, b?: { from?: string; to?: string }): { from?: string; to?: string } | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const pick = (x: string | undefined, y: string | undefined, later: boolean) => (x === undefined ? y : y === undefined ? x : (x > y) === later ? x : y);
  return { from: pick(a.from, b.from, true), to: pick(a.to, b.to, false) };
}

/** How many times a cube is read into its table before a short read is an error (see createCounted). */
export const CUBE_READ_ATTEMPTS = 3;

/**
 * Creates `tableName` from `select` and checks it holds the `rows` the count read found (see createCountedTable): an
 * empty cube would show a table without data as if it had none.
 */
async function createCounted(engine: Engine, tableName: string, select: string, rows: number, connection: string): Promise<void> {
  const { rows: made } = await createCountedTable(engine, `CREATE OR REPLACE TABLE ${tableName} AS ${select}`, tableName, rows, CUBE_READ_ATTEMPTS);
  if (made === rows) return;
  await engine.query(`DROP TABLE IF EXISTS ${tableName}`);
  throw new ClickHouseError(localText(messages.cubeShort, { connection, rows, made }), {
    connection,
    hint: localText(messages.cubeShortHint),
  });
}

/**
 * Past this many characters of `param_…=…` in the URL, values go as literals in the body instead: the request line
 * must stay within what web servers take (Node's 16 KiB of headers, nginx's 8 KiB buffers by default).
 */
export const MAX_PARAMS_URL_LENGTH = 6_000;

/**
 * The pushdown of `spec` for `connection`: values as query parameters when its server binds them (the proxy's
 * /features, asked once per connection) and they fit in a URL, as escaped literals otherwise (18.16).
 */
export async function pushdownFor(client: ClickHouseClient, connection: string, spec: PushdownSpec, signal?: AbortSignal): Promise<PushdownQuery> {
  const features = client.features ? await client.features(connection, signal) : null;
  if (features?.queryParameters) {
    const withParams = buildPushdownQuery(spec, { values: 'params' });
    if (queryParametersInUrl(withParams.params).length <= MAX_PARAMS_URL_LENGTH) return withParams;
  }
  return buildPushdownQuery(spec, { values: 'literals' });
}

/** Runs the pushdown and creates `tableName`; `rows` is null (and no table is created) above the cap. */
async function loadCube(
  engine: Engine,
  client: ClickHouseClient,
  spec: ClickHouseCubeSpec,
  tableName: string,
  rowCap: number,
  signal: AbortSignal | undefined,
): Promise<{ rows: number | null; sql: string; params: Record<string, string> }> {
  const { sql, columns, params } = await pushdownFor(
    client,
    spec.connection,
    {
      table: spec.table,
      database: spec.database,
      time: spec.time,
      dimensions: spec.dimensions,
      measures: spec.measures,
      months: spec.months,
      filters: spec.filters,
    },
    signal,
  );
  const limited = `${sql}\nLIMIT ${rowCap + 1}`;
  const csv = await client.query(spec.connection, limited, { format: 'CSVWithNames', signal, ...(Object.keys(params).length > 0 ? { params } : {}) });
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
    if (n > rowCap) return { rows: null, sql, params };
    await createCounted(engine, tableName, `SELECT ${select.join(', ')} FROM ${source}`, n, spec.connection);
    return { rows: n, sql, params };
  } finally {
    await engine.dropFile(file);
  }
}
