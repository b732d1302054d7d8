import type { Table } from 'apache-arrow';

/** A value that can be bound to a `?` placeholder of a prepared statement. */
export type SqlParam = string | number | boolean | null;

/** How {@link Engine.queryArrow} runs a statement. */
export interface ArrowQueryOptions {
  /** Aborting stops the query between two slices of its execution (about 100 ms each). */
  signal?: AbortSignal;
  /** Rows to keep at most; the rest of the result is never fetched. */
  maxRows?: number;
}

/** A result kept as Arrow columns: a million rows are a few typed arrays, not a million objects. */
export interface ArrowQueryResult {
  table: Table;
  /** The statement returned more than `maxRows` rows; only the first are held. */
  truncated: boolean;
}

/** What DuckDB's tokenizer (the parser's scanner) makes of a statement: where each token starts and its kind. */
export interface StatementTokens {
  offsets: readonly number[];
  types: readonly number[];
}

/** How {@link Engine.query} runs a statement. */
export interface QueryOptions {
  /**
   * Aborting before the statement has started drops it (it rejects with a {@link QueryCancelledError}); the other
   * statements sent with it still run. A statement already running finishes.
   */
  signal?: AbortSignal;
  /**
   * A statement nobody waits for yet (a prefetch): it is sent only while no other statement is waiting or running,
   * and one not yet started when another arrives is taken back and sent again afterwards, so it never delays them.
   */
  background?: boolean;
}

/** One result row: column name → plain JS value (number, string, boolean or null). */
export type Row = Record<string, unknown>;

/**
 * The whole public surface of the database engine. Everything above `src/engine` talks to DuckDB through this
 * interface only, so a test can hand in a plain object instead of a real engine.
 */
export interface Engine {
  /**
   * Runs one SQL statement and returns its rows as plain objects: integers and decimals as JS numbers, DATE as
   * `YYYY-MM-DD`, TIMESTAMP as an ISO 8601 string, LIST as an array. Cast BIGINT list elements to DOUBLE in SQL:
   * duckdb-wasm does not convert them. With `params`, the statement is prepared and the values are bound
   * to its `?` placeholders in order. Fails with a {@link QueryError} that carries the SQL.
   *
   * Statements issued in the same task (the panels of one view starting their queries together) reach the instance
   * as one batch, one message to the browser's worker, run there in order and answered each as it finishes.
   */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T[]>;
  /**
   * Runs one statement on a connection of its own, in slices, and returns its result as Arrow columns (numbers as
   * with {@link Engine.query}: BIGINT and DECIMAL as doubles). Aborting `signal` stops it between two slices and
   * rejects with a {@link QueryCancelledError}; a slice that does not end within a few seconds of the abort (one
   * operator working without producing a row) is ended by stopping the instance, which is then replaced as after
   * a crash. Calls wait for each other: the connection runs one statement at a time.
   */
  queryArrow(sql: string, options?: ArrowQueryOptions): Promise<ArrowQueryResult>;
  /** DuckDB's own tokenization of `sql` (the parser's scanner): nothing is parsed further or run. */
  tokenize(sql: string): Promise<StatementTokens>;
  /** Makes `bytes` readable by SQL under the virtual file name `name` (e.g. in `read_csv('name')`). */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Makes a file the user picked readable by SQL under `name`, without copying it into memory: the engine reads the
   * slices it needs, when it needs them (in the browser, a `File` handle read by the worker).
   */
  registerFile(name: string, file: Blob): Promise<void>;
  /**
   * Creates the table `tableName` from an Arrow IPC stream (schema, record batches, end marker), for data read in
   * JavaScript (a Parquet or Excel upload). No SQL text is involved: DuckDB reads the batches directly. `tableName`
   * must be a plain identifier (letters, digits, `_`) and must not exist yet. The bytes' buffer may be handed over
   * to the engine's worker, so the caller must not use `ipcStream` afterwards.
   */
  createTableFromArrow(tableName: string, ipcStream: Uint8Array): Promise<void>;
  /** Forgets a file registered with {@link Engine.registerFileBuffer}; its bytes can then be garbage-collected. */
  dropFile(name: string): Promise<void>;
  /**
   * The name to register a file under and to read it by in SQL: the engine reads files from one directory only
   * (external access is off, the configuration locked), so `name` must be a plain file name.
   */
  filePath(name: string): string;
  /** Stops the instance for good (after a fatal error, before a restart). */
  terminate(): Promise<void>;
}

/** Where the engine's start-up has got to, for a progress display. */
export type EnginePhase =
  | { phase: 'idle' }
  | { phase: 'downloading'; loadedBytes: number; totalBytes: number | null }
  | { phase: 'starting' }
  | { phase: 'ready'; bundle: string; version: string }
  | { phase: 'failed'; message: string };

/** The engine died and was replaced: what the user is told, and how many times it has happened. */
export interface EngineIncident {
  message: string;
  /** Restarts so far in this page. */
  restarts: number;
  /** 'restarting' until the new instance is up, then 'restarted' (or 'failed' if it would not start). */
  state: 'restarting' | 'restarted' | 'failed';
}
