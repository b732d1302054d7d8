import path from 'node:path';
import { createRequire } from 'node:module';
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { createConnectionEngine, LOCKDOWN_STATEMENTS, type ConnectionDriver } from './connectionEngine';
import { QueryCancelledError } from './pendingQuery';
import { refusedStatementError, statementRefusal } from './statementGuard';
import type { Engine } from './types';

export interface NodeEngineOptions {
  /**
   * DuckDB's `memory_limit` (e.g. `64MB`), set before the configuration is locked: for tests of what a statement
   * that needs more memory than the engine has does. Default: DuckDB's own, as in the browser.
   */
  memoryLimit?: string;
  /**
   * Results with BIGINT as doubles, as in the browser (default true). The build turns this off to write the bundled
   * tables as Arrow with their exact column types (scripts/bundledData.ts).
   */
  castBigIntToDouble?: boolean;
}

/**
 * The same DuckDB-wasm engine, built for Node (the blocking build), for unit tests and scripts. Each call makes a
 * fresh, independent instance configured exactly like the browser one (apart from `options`).
 */
export async function createNodeEngine(options: NodeEngineOptions = {}): Promise<Engine> {
  return createConnectionEngine(await createNodeDriver(options));
}

/** A wait between two statements of a batch, as the browser's worker yields to read a cancellation. */
const betweenStatements = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The driver behind {@link createNodeEngine}: for tests that watch what the engine asks of the instance. */
export async function createNodeDriver(options: NodeEngineOptions = {}): Promise<ConnectionDriver> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: options.castBigIntToDouble ?? true, castDecimalToDouble: true } });
  const connection = db.connect();
  if (options.memoryLimit !== undefined) {
    if (!/^\d+(?:\.\d+)?\s*[KMGT]i?B$/i.test(options.memoryLimit)) throw new Error(`not a memory size: ${options.memoryLimit}`);
    connection.query(`SET memory_limit = '${options.memoryLimit}'`);
  }
  for (const statement of LOCKDOWN_STATEMENTS) connection.query(statement);
  const runPrepared = (sql: string, params: readonly unknown[]): Table => {
    const statement = connection.prepare(sql);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  };
  let batchQueue: Promise<unknown> = Promise.resolve();
  return {
    run: async (sql) => connection.query(sql),
    runPrepared: async (sql, params) => runPrepared(sql, params),
    // As the browser's worker runs a batch (batchWorker.ts): in order, checked, skipping what was cancelled meanwhile.
    runBatch(statements) {
      return statements.map((statement) => {
        const result = batchQueue.then(async () => {
          await betweenStatements();
          if (statement.signal.aborted) throw new QueryCancelledError();
          if (statement.check) {
            const refusal = statementRefusal(statement.sql, db.tokenize(statement.sql));
            if (refusal !== null) throw refusedStatementError(refusal);
          }
          return statement.params.length > 0 ? runPrepared(statement.sql, statement.params) : connection.query(statement.sql);
        });
        batchQueue = result.catch(() => {});
        return result;
      });
    },
    registerFileBuffer: async (name, bytes) => db.registerFileBuffer(name, bytes),
    // The Node build has no browser file reader; tests hand in small Blobs, copied once.
    registerFile: async (name, file) => db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer())),
    dropFile: async (name) => db.dropFile(name),
    insertArrowStream: async (name, ipcStream) => connection.insertArrowFromIPCStream(ipcStream, { name, create: true }),
    tokenize: async (sql) => db.tokenize(sql),
    async openPending() {
      const own = db.connect();
      const id = own.useUnsafe((_, connectionId) => connectionId);
      return {
        start: async (sql) => db.startPendingQuery(id, sql, true),
        poll: async () => db.pollPendingQuery(id),
        cancel: async () => db.cancelPendingQuery(id),
        fetch: async () => db.fetchQueryResults(id),
        reset: async () => void own.query('SELECT 1'),
        // The slices run in this thread: a timer (an abort, a test's clock) gets its turn between two of them.
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      };
    },
    // The blocking build runs in this thread: there is no worker to stop. Resetting frees the instance's memory.
    async terminate() {
      db.reset();
    },
  };
}
