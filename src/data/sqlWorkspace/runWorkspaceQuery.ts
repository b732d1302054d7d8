import { DataType, type Table } from 'apache-arrow';
import { QueryCancelledError, QueryError, isFatalEngineError, type Engine } from '../../engine';
import { quoteIdentifier } from '../../sql/literals';
import { buildWorkspaceExplain, duckdbErrorPosition, EXPLAIN_PREFIX, workspacePlanRefusal, workspaceTokenRefusal } from '../../sql/workspaceGuard';
import { t } from '../../i18n';
import { messages } from './messages';

/** A column of a workspace result: its DuckDB type, and what kind of value it holds for display and charts. */
export type WorkspaceColumnKind = 'number' | 'date' | 'timestamp' | 'text' | 'boolean' | 'other';
export interface WorkspaceColumn {
  name: string;
  /** DuckDB's type, e.g. BIGINT, DATE, VARCHAR. */
  type: string;
  kind: WorkspaceColumnKind;
}

/** The result of a workspace statement, kept as Arrow columns: cells are read when shown, not copied into objects. */
export interface WorkspaceResult {
  columns: WorkspaceColumn[];
  /** Rows held (at most {@link WORKSPACE_MAX_ROWS}). */
  rowCount: number;
  /** The statement returned more than {@link WORKSPACE_MAX_ROWS} rows; only the first are held. */
  truncated: boolean;
  /**
   * Dates as `YYYY-MM-DD`, timestamps as ISO 8601, numbers as numbers, lists and structs as JSON text. A number a
   * double cannot hold (a BIGINT or HUGEINT beyond ±2^53, a DECIMAL of more than 15 digits) is its exact digits as
   * text, e.g. "9007199254740993" (see {@link EXACT_NUMBER_TEXT}).
   */
  cell(row: number, column: number): number | string | boolean | null;
  elapsedMs: number;
  /** The statement run. */
  sql: string;
}

/** What an exact number given as text looks like: digits, a sign, a decimal point; never a formula or a word. */
export const EXACT_NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;

/** The most rows a workspace result holds: the rest of a larger result is never fetched. */
export const WORKSPACE_MAX_ROWS = 1_000_000;

export type WorkspaceErrorKind = 'refused' | 'syntax' | 'binder' | 'memory' | 'cancelled' | 'failed';

/** Why a workspace statement gave no result, in DuckDB's words, with where in the statement when DuckDB says. */
export class WorkspaceQueryError extends Error {
  override readonly name = 'WorkspaceQueryError';
  readonly kind: WorkspaceErrorKind;
  /** 0-based character offset into the statement, when DuckDB gives one. */
  readonly position: number | null;
  readonly sql: string;
  constructor(kind: WorkspaceErrorKind, message: string, sql: string, position: number | null = null, cause?: unknown) {
    super(message, { cause });
    this.kind = kind;
    this.position = position;
    this.sql = sql;
  }
}

/**
 * Runs one read-only statement of the workspace on `engine`. Refused before anything runs unless DuckDB's tokenizer
 * sees one reading statement and the plan of its `EXPLAIN` neither writes nor reads a file (src/sql/workspaceGuard.ts);
 * then run on the engine's own workspace connection, in slices, abortable through `signal`.
 */
export async function runWorkspaceQueryOn(engine: Engine, sql: string, options: { signal?: AbortSignal; maxRows?: number } = {}): Promise<WorkspaceResult> {
  const started = performance.now();
  const statement = sql.replace(/[\s;]+$/, '');
  try {
    const refusedByTokens = workspaceTokenRefusal(statement, await engine.tokenize(statement));
    if (refusedByTokens !== null) throw new WorkspaceQueryError('refused', t(messages.refused, { reason: refusedByTokens }), sql);
    const plan = await engine.query<{ explain_value: string }>(buildWorkspaceExplain(explainTarget(statement)));
    const refusedByPlan = workspacePlanRefusal(plan.map((row) => String(row.explain_value)).join('\n'));
    if (refusedByPlan !== null) throw new WorkspaceQueryError('refused', t(messages.refused, { reason: refusedByPlan }), sql);
    const types = await columnTypes(engine, statement);
    const arrowOptions = { signal: options.signal, maxRows: options.maxRows ?? WORKSPACE_MAX_ROWS };
    const exact = exactStatement(statement, types);
    if (exact) {
      try {
        const { table, truncated } = await engine.queryArrow(exact.sql, arrowOptions);
        return resultOf(table, truncated, types, sql, performance.now() - started, exact.columns);
      } catch (error) {
        // A statement that cannot stand in FROM (…) runs as it is; any other failure is the statement's own.
        const failure = workspaceError(error, sql, exact.prefix);
        if (failure.kind !== 'syntax' && failure.kind !== 'binder') throw failure;
      }
    }
    const { table, truncated } = await engine.queryArrow(statement, arrowOptions);
    return resultOf(table, truncated, types, sql, performance.now() - started, []);
  } catch (error) {
    throw workspaceError(error, sql);
  }
}

/**
 * DuckDB types a double cannot always hold exactly: the engine hands BIGINT, HUGEINT and wide DECIMAL values to
 * JavaScript as doubles (castBigIntToDouble), so 9007199254740993 would show as …992.
 */
export function needsExactText(type: string): boolean {
  const upper = type.toUpperCase();
  if (/^(?:BIGINT|HUGEINT|UBIGINT|UHUGEINT|INT64|INT128|UINT64|UINT128|LONG)$/.test(upper)) return true;
  const decimal = /^(?:DECIMAL|NUMERIC)\((\d+)\s*,\s*\d+\)$/.exec(upper);
  return decimal !== null && Number(decimal[1]) > 15;
}

/**
 * A column's exact text: a whole number's only where a double cannot hold it (elsewhere NULL, which costs nothing,
 * so a million small BIGINTs add no million strings), a wide decimal's always.
 */
function exactText(column: ColumnType): string {
  const name = quoteIdentifier(column.name);
  if (/^(?:DECIMAL|NUMERIC)/i.test(column.type)) return `CAST(${name} AS VARCHAR)`;
  return `CASE WHEN ${name} NOT BETWEEN -${Number.MAX_SAFE_INTEGER} AND ${Number.MAX_SAFE_INTEGER} THEN CAST(${name} AS VARCHAR) END`;
}

/**
 * The statement with the exact text of its wide number columns added after its own columns (`SELECT *, CAST(c AS
 * VARCHAR) FROM (statement)`: a projection, which keeps the statement's order), or null when it has none or its
 * column names are not distinct (the outer `*` could not name them).
 */
function exactStatement(statement: string, types: readonly ColumnType[] | null): { sql: string; prefix: string; columns: number[] } | null {
  if (!types) return null;
  const columns = types.flatMap((column, index) => (needsExactText(column.type) ? [index] : []));
  if (columns.length === 0) return null;
  if (new Set(types.map((column) => column.name.toLowerCase())).size !== types.length) return null;
  const prefix = `SELECT *, ${columns.map((index) => exactText(types[index]!)).join(', ')} FROM (\n`;
  // The line break before ")" ends a trailing line comment of the statement.
  return { sql: `${prefix}${statement}\n)`, prefix, columns };
}

/** What the plan check explains: a statement the user began with EXPLAIN is checked by what it explains. */
function explainTarget(statement: string): string {
  const match = /^\s*explain\s+/i.exec(statement);
  return match ? statement.slice(match[0].length) : statement;
}

interface ColumnType {
  name: string;
  type: string;
}

/** DuckDB's types of the statement's columns, in order (`DESCRIBE` of a query binds it, runs nothing); null when not a query. */
async function columnTypes(engine: Engine, statement: string): Promise<ColumnType[] | null> {
  try {
    const rows = await engine.query<{ column_name: string; column_type: string }>(`DESCRIBE ${statement}`);
    return rows.map((row) => ({ name: row.column_name, type: row.column_type }));
  } catch {
    return null;
  }
}

/** Significant digits of a number written in decimal (`-0012.3400` has 4). */
function significantDigits(text: string): number {
  return text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}

/**
 * The result's cells. `exact` lists the columns whose exact text follows the statement's own columns (in that
 * order): a whole number beyond ±2^53, or a decimal of more than 15 significant digits, is given as that text.
 */
function resultOf(table: Table, truncated: boolean, types: readonly ColumnType[] | null, sql: string, elapsedMs: number, exact: readonly number[]): WorkspaceResult {
  const fields = table.schema.fields.slice(0, table.schema.fields.length - exact.length);
  const columns: WorkspaceColumn[] = fields.map((field, index) => {
    const type = (types?.[index]?.name === field.name ? types[index]!.type : undefined) ?? arrowTypeName(field.type);
    return { name: field.name, type, kind: kindOf(type) };
  });
  const vectors = fields.map((_, index) => table.getChildAt(index)!);
  const converters: ((value: unknown, row: number) => Cell)[] = fields.map((field) => converterFor(field.type));
  exact.forEach((column, position) => {
    const text = table.getChildAt(fields.length + position)!;
    const plain = converters[column]!;
    const decimal = /^(?:DECIMAL|NUMERIC)/i.test(columns[column]!.type);
    converters[column] = (value, row) => {
      const number = plain(value, row);
      if (typeof number !== 'number' || (!decimal && Number.isSafeInteger(number))) return number;
      const digits: unknown = text.get(row);
      if (typeof digits !== 'string') return number;
      return decimal && significantDigits(digits) <= 15 ? number : digits;
    };
  });
  return {
    columns,
    rowCount: table.numRows,
    truncated,
    elapsedMs,
    sql,
    cell(row, column) {
      const raw: unknown = vectors[column]?.get(row);
      return raw === null || raw === undefined ? null : converters[column]!(raw, row);
    },
  };
}

type Cell = number | string | boolean | null;

function converterFor(type: DataType): (value: unknown) => Cell {
  if (DataType.isDate(type)) return (value) => new Date(Number(value)).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return (value) => new Date(Number(value)).toISOString();
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) {
    return (value) => {
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
      const number = Number(String(value));
      return Number.isFinite(number) ? number : String(value);
    };
  }
  if (DataType.isBool(type)) return (value) => Boolean(value);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return (value) => String(value);
  return (value) => {
    if (value instanceof Uint8Array) return Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('');
    if (typeof value === 'object' && value !== null) {
      const plain = 'toJSON' in value && typeof value.toJSON === 'function' ? (value.toJSON as () => unknown)() : value;
      return JSON.stringify(plain, (_, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
    }
    return String(value);
  };
}

function arrowTypeName(type: DataType): string {
  if (DataType.isDate(type)) return 'DATE';
  if (DataType.isTimestamp(type)) return 'TIMESTAMP';
  if (DataType.isInt(type)) return type.bitWidth === 64 ? 'BIGINT' : 'INTEGER';
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'DOUBLE';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'VARCHAR';
  return String(type).toUpperCase();
}

/** The kind of a DuckDB type, for formatting and chart suggestions. */
export function kindOf(type: string): WorkspaceColumnKind {
  const upper = type.toUpperCase();
  if (/^(?:TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(?:\(.*\))?|NUMERIC(?:\(.*\))?)$/.test(upper)) return 'number';
  if (upper === 'DATE') return 'date';
  if (upper.startsWith('TIMESTAMP')) return 'timestamp';
  if (upper === 'VARCHAR' || upper === 'UUID' || upper.startsWith('ENUM')) return 'text';
  if (upper === 'BOOLEAN') return 'boolean';
  return 'other';
}

interface DuckDbJsonError {
  exception_type?: string;
  exception_message?: string;
}

/** DuckDB's message for a person: a JSON error's type and text, or the text error as it is. */
function duckdbMessage(error: unknown): string {
  let current: unknown = error;
  // A QueryError repeats the cause's first line behind a prefix: the cause has the whole message (LINE and caret).
  while (current instanceof QueryError && current.cause instanceof Error) current = current.cause;
  const text = current instanceof Error ? current.message : String(current);
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as DuckDbJsonError;
      if (parsed.exception_message) return `${parsed.exception_type ?? 'Query'} Error: ${parsed.exception_message}`;
    } catch {
      // not JSON after all
    }
  }
  return text;
}

/** What a person reads when a statement ran out of memory: what to do, before DuckDB's own words (in English). */
export const MEMORY_ADVICE = messages.memory.defaultMessage;

/** Any failure of a workspace statement as a {@link WorkspaceQueryError}: its kind, DuckDB's message, the position. */
export function workspaceError(error: unknown, sql: string, prefix = ''): WorkspaceQueryError {
  if (error instanceof WorkspaceQueryError) return error;
  if (error instanceof QueryCancelledError || (error instanceof Error && error.name === 'AbortError')) {
    return new WorkspaceQueryError('cancelled', t(messages.cancelled, { reason: error.message }), sql, null, error);
  }
  const raw = rawMessage(error);
  const message = duckdbMessage(error);
  // The plan check ran `EXPLAIN <statement>`: a position in that text is shifted by the prefix.
  const explained = error instanceof QueryError && error.sql.startsWith(EXPLAIN_PREFIX);
  const position = duckdbErrorPosition(sql, raw, explained ? EXPLAIN_PREFIX : prefix);
  const type = /^\{[^}]*"exception_type"\s*:\s*"(\w+)"/.exec(raw)?.[1] ?? /^(\w[\w ]*?) Error: /.exec(message)?.[1] ?? '';
  let kind: WorkspaceErrorKind = 'failed';
  if (/^Parser$/i.test(type)) kind = 'syntax';
  else if (/^(?:Binder|Catalog)$/i.test(type)) kind = 'binder';
  else if (/^Out of Memory$/i.test(type) || /out of memory|Aborted\(OOM\)|WebAssembly\.Memory|Cannot enlarge memory/i.test(message)) kind = 'memory';
  else if (/^Permission$/i.test(type)) kind = 'refused';
  const readable =
    kind === 'memory'
      ? t(messages.duckdb, { advice: t(isFatalEngineError(error) ? messages.memoryRestarted : messages.memory), message: firstLine(message) })
      : message;
  return new WorkspaceQueryError(kind, readable, sql, position, error);
}

function rawMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof QueryError && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
