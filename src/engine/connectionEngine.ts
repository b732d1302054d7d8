import type { Table } from 'apache-arrow';
import { arrowTableToRows } from './arrowRows';
import { QueryCancelledError, runPendingQuery, type PendingQueryDriver } from './pendingQuery';
import { QueryError } from './QueryError';
import { createStatementBatcher, type RunBatch } from './statementBatcher';
import { refusedStatementError, statementRefusal, type StatementTokens } from './statementGuard';
import type { ArrowQueryOptions, ArrowQueryResult, Engine, QueryOptions, Row, SqlParam } from './types';
import { EngineDiedError, isFatalEngineError } from './engineErrors';

/** What an engine needs from a DuckDB binding; both the browser worker and the Node build provide it. */
export interface ConnectionDriver {
  run(sql: string): Promise<Table>;
  runPrepared(sql: string, params: readonly SqlParam[]): Promise<Table>;
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  registerFile(name: string, file: Blob): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Creates table `name` from a complete Arrow IPC stream (duckdb-wasm's `insertArrowFromIPCStream`, `create: true`). */
  insertArrowStream(name: string, ipcStream: Uint8Array): Promise<void>;
  /** DuckDB's own tokenization of a statement (the parser's scanner), for the statement check. */
  tokenize(sql: string): Promise<StatementTokens>;
  /**
   * Opens a second connection for {@link Engine.queryArrow}: its pending query runs in slices between which the
   * other connection's queries run too, and a query on the same connection would drop it. Called once, when first
   * needed. The instance's settings (the lockdown) are global: the new connection has them.
   */
  openPending(): Promise<PendingQueryDriver>;
  /**
   * Runs several statements in one trip (see statementBatcher.ts); with it, {@link Engine.query} batches the
   * statements issued in one task. Without it, each runs by itself through `run` or `runPrepared`.
   */
  runBatch?: RunBatch;
  /**
   * Settles with the reason when the instance behind the driver dies (its worker raised an uncaught error). The
   * duckdb-wasm client forgets its pending requests then without settling them; the engine rejects them instead.
   */
  died?: Promise<Error>;
  /** Stops the instance (terminates the worker); the engine is unusable afterwards. */
  terminate?(): Promise<void>;
}

/** The only place SQL may read files from: every file the app registers is named inside it. */
export const ENGINE_FILE_DIRECTORY = 'marketscope/';

/** The name under which a file is registered and read: inside {@link ENGINE_FILE_DIRECTORY}. */
export function engineFilePath(name: string): string {
  if (name.includes('/') || name.includes('\\') || name.startsWith('.')) throw new Error(`not a plain file name: ${JSON.stringify(name)}`);
  return `${ENGINE_FILE_DIRECTORY}${name}`;
}

/**
 * What {@link Engine.createTableFromArrow} accepts as a table name: a plain identifier, no quoting needed. The Arrow
 * insert bypasses the SQL text (and so the statement check), so the name is held to the narrowest form: no schema
 * prefix, nothing a catalog lookup could read as another object.
 */
const PLAIN_TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Refuses a table name that is not a plain identifier (see {@link PLAIN_TABLE_NAME}). */
export function checkPlainTableName(name: string): void {
  if (!PLAIN_TABLE_NAME.test(name)) throw new Error(`not a plain table name: ${JSON.stringify(name)}`);
}

/** The Arrow IPC stream's continuation marker (0xFFFFFFFF), with which every message of a stream starts. */
function startsLikeArrowStream(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff;
}

/**
 * Statements run on every new instance before anything else. Extensions are never fetched: DuckDB would otherwise
 * try to download parquet/json/httpfs from the internet when a query mentions them.
 */
export const LOCKDOWN_STATEMENTS: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET allow_community_extensions = false',
  // DuckDB 1.3+ keeps the byte ranges it reads in a cache of its own, checked against a file's modification time.
  // Every file here is a Blob or buffer already in the browser's memory, so the cache could only hold a second copy,
  // and browser files report no modification time. With it on, an upload made before the engine had gone live was
  // opened and never read: its table came out empty (`upload.spec.ts`, gdp.csv: README, Performance, round 5).
  'SET enable_external_file_cache = false',
  // No file, URL or extension outside the app's own registered files: SQL from anywhere (a link, a file, a
  // console) cannot read a local path or the network, nor write one. Then nothing can be changed back.
  `SET allowed_directories = ['${ENGINE_FILE_DIRECTORY}']`,
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];


/** How long a cancelled query may take to stop before the instance is stopped (and replaced) to end it. */
export const HARD_STOP_MS = 5000;

/**
 * Wraps a driver into the {@link Engine} surface: plain rows out, {@link QueryError} on failure. When the instance
 * dies — its worker fails, or a query reports a fatal error — `onFatal` is called once, and every operation after
 * that (and every one still waiting) fails with an {@link EngineDiedError} instead of hanging.
 */
export function createConnectionEngine(driver: ConnectionDriver, options: { onFatal?: (error: Error) => void } = {}): Engine {
  let death: Error | null = null;
  const dead = new Promise<never>((_, reject) => {
    driver.died?.then((reason) => {
      markDead(reason);
      reject(new EngineDiedError(reason));
    });
  });
  dead.catch(() => {});
  function markDead(reason: Error): void {
    if (death) return;
    death = reason;
    options.onFatal?.(reason);
  }
  /** Runs one operation, failing fast once the instance is known to be dead. */
  async function guarded<T>(operation: () => Promise<T>): Promise<T> {
    if (death) throw new EngineDiedError(death);
    return Promise.race([operation(), dead]);
  }
  /** Statements already checked, so that a query run again costs no second round trip to the tokenizer. */
  const approved = new Set<string>();
  /** Refuses any statement the app does not send itself (see statementGuard.ts). */
  async function checkStatement(sql: string): Promise<void> {
    if (approved.has(sql)) return;
    const refusal = statementRefusal(sql, await driver.tokenize(sql));
    if (refusal !== null) throw refusedStatementError(refusal);
    approve(sql);
  }
  function approve(sql: string): void {
    if (approved.size >= 1000) approved.clear();
    approved.add(sql);
  }
  const batcher = driver.runBatch ? createStatementBatcher(driver.runBatch) : null;
  /** One statement through the batcher (checked in the same trip unless approved before), or by itself. */
  async function runStatement(sql: string, params: readonly SqlParam[] | undefined, options: QueryOptions): Promise<Table> {
    if (batcher) {
      const check = !approved.has(sql);
      const table = await batcher.submit(sql, params ?? [], check, options);
      if (check) approve(sql);
      return table;
    }
    if (options.signal?.aborted) throw new QueryCancelledError();
    await checkStatement(sql);
    return params && params.length > 0 ? driver.runPrepared(sql, params) : driver.run(sql);
  }
  /** The connection of {@link Engine.queryArrow}, opened once; its queries run one after another. */
  let pending: Promise<PendingQueryDriver> | null = null;
  let pendingQueue: Promise<unknown> = Promise.resolve();
  /**
   * Settles like `running`, or — when `signal` aborts and the query has not stopped HARD_STOP_MS later (one slice of
   * DuckDB's work that never ends: a join that finds no row to produce) — fails, and stops the instance: a wasm
   * module cannot be interrupted inside a slice, and a restart (the same path as after a crash) is the only way out.
   */
  function withHardStop<T>(running: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    if (!signal) return running;
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        timer = setTimeout(() => {
          markDead(new Error('a cancelled query did not stop, so the query engine was restarted'));
          void driver.terminate?.().catch(() => {});
          reject(new QueryCancelledError('the query did not stop when cancelled, so the query engine was restarted'));
        }, HARD_STOP_MS);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      running.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      });
    });
  }
  return {
    queryArrow(sql: string, options: ArrowQueryOptions = {}): Promise<ArrowQueryResult> {
      const run = async (): Promise<ArrowQueryResult> => {
        const started = performance.now();
        try {
          const result = await guarded(async () => {
            await checkStatement(sql);
            pending ??= driver.openPending();
            pending.catch(() => (pending = null));
            return withHardStop(runPendingQuery(await pending, sql, options), options.signal);
          });
          performance.measure('duckdb:query', { start: started, end: performance.now(), detail: { sql: sql.slice(0, 160), rows: result.table.numRows } });
          return result;
        } catch (cause) {
          if (cause instanceof EngineDiedError || cause instanceof QueryCancelledError) throw cause;
          const error = new QueryError(sql, cause);
          if (isFatalEngineError(cause)) markDead(error);
          throw error;
        }
      };
      const result = pendingQueue.then(run, run);
      pendingQueue = result.catch(() => {});
      return result;
    },
    tokenize: (sql) => guarded(() => driver.tokenize(sql)),
    async query<T extends Row = Row>(sql: string, params?: readonly SqlParam[], options: QueryOptions = {}): Promise<T[]> {
      const started = performance.now();
      let table: Table;
      try {
        table = await guarded(() => runStatement(sql, params, options));
      } catch (cause) {
        if (cause instanceof EngineDiedError || cause instanceof QueryCancelledError) throw cause;
        const error = new QueryError(sql, cause);
        if (isFatalEngineError(cause)) markDead(error);
        throw error;
      }
      const rows = arrowTableToRows<T>(table);
      // A User Timing entry per query, so a profile or the benchmark can tell time in DuckDB from time drawing.
      performance.measure('duckdb:query', { start: started, end: performance.now(), detail: { sql: sql.slice(0, 160), rows: rows.length } });
      return rows;
    },
    registerFileBuffer: (name, bytes) => guarded(() => driver.registerFileBuffer(name, bytes)),
    registerFile: (name, file) => guarded(() => driver.registerFile(name, file)),
    dropFile: (name) => guarded(() => driver.dropFile(name)),
    async createTableFromArrow(tableName, ipcStream) {
      checkPlainTableName(tableName);
      if (!startsLikeArrowStream(ipcStream)) throw new Error(`not an Arrow IPC stream for table ${tableName}`);
      try {
        await guarded(() => driver.insertArrowStream(tableName, ipcStream));
      } catch (cause) {
        if (cause instanceof EngineDiedError) throw cause;
        const error = new Error(`Could not create table ${tableName} from Arrow data: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        if (isFatalEngineError(cause)) markDead(error);
        throw error;
      }
    },
    filePath: engineFilePath,
    async terminate() {
      markDead(death ?? new Error('the engine was stopped'));
      await driver.terminate?.();
    },
  };
}
