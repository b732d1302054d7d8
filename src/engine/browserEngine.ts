import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, selectBundle, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { BatchItem, BatchReply, BatchRequest } from './batchWorker';
import { createConnectionEngine, LOCKDOWN_STATEMENTS } from './connectionEngine';
import { QueryCancelledError } from './pendingQuery';
import type { RunBatch } from './statementBatcher';
import { BUNDLES, EH_WASM_URL, takeEngineWorker } from './engineWorker';
import type { ExternalStore } from './externalStore';
import type { Engine, EnginePhase } from './types';

/** The worker of the newest instance, for the crash test hook. */
let currentWorker: Worker | null = null;

/**
 * Makes the current engine's worker fail with an uncaught error, as a wasm trap or an out-of-memory abort would: the
 * crash test drives the real detection and restart path with it. Only the page's own code can call it.
 */
export function crashEngineWorker(): void {
  currentWorker?.postMessage({ type: 'marketscope:crash' });
}

/**
 * Starts DuckDB-wasm in a dedicated worker and returns the engine once it is configured and locked down. `onFatal`
 * is called once if the instance dies later (its worker fails, or a query reports a fatal error).
 */
export async function startBrowserEngine(phase: ExternalStore<EnginePhase>, onFatal?: (error: Error) => void): Promise<Engine> {
  performance.mark('engine:start');
  const bundle = await selectBundle(BUNDLES);
  // The worker the entry started before the first render, when there is one (engineWorker.ts): it has been
  // downloading and compiling the wasm meanwhile.
  const { worker, died, compiled } = takeEngineWorker({ mainModule: bundle.mainModule, mainWorker: bundle.mainWorker! }, phase);
  currentWorker = worker;
  try {
    await compiled;
  } catch (error) {
    worker.terminate();
    throw error;
  }
  performance.mark('engine:compiled');
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  performance.mark('engine:instantiated');
  phase.set({ phase: 'starting' });
  // Configure exactly once, before the first connection: re-opening after connections exist breaks the instance.
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection: AsyncDuckDBConnection = await db.connect();
  for (const statement of LOCKDOWN_STATEMENTS) await connection.query(statement);
  const version = await db.getVersion();
  const runBatch = openBatchPort(worker, connection.useUnsafe((_, connectionId) => connectionId));
  performance.mark('engine:ready');
  phase.set({ phase: 'ready', bundle: bundle.mainModule === EH_WASM_URL ? 'eh' : 'mvp', version });

  return createConnectionEngine(
    {
      died,
      async terminate() {
        await db.terminate().catch(() => worker.terminate());
      },
      run: (sql) => connection.query(sql),
      runBatch,
      async runPrepared(sql, params) {
        const statement = await connection.prepare(sql);
        try {
          return await statement.query(...params);
        } finally {
          await statement.close();
        }
      },
      registerFileBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
      // The worker reads the File with FileReaderSync, slice by slice: a 1 GB upload never sits in JS memory.
      registerFile: (name, file) => db.registerFileHandle(name, file, DuckDBDataProtocol.BROWSER_FILEREADER, true),
      async dropFile(name) {
        await db.dropFile(name);
      },
      // The stream's buffer is transferred to the worker, not copied.
      insertArrowStream: (name, ipcStream) => connection.insertArrowFromIPCStream(ipcStream, { name, create: true }),
      tokenize: (sql) => db.tokenize(sql),
      async openPending() {
        const own = await db.connect();
        const id = own.useUnsafe((_, connectionId) => connectionId);
        return {
          start: (sql) => db.startPendingQuery(id, sql, true),
          poll: () => db.pollPendingQuery(id),
          cancel: () => db.cancelPendingQuery(id),
          fetch: () => db.fetchQueryResults(id),
          // Any statement drops the connection's unread result.
          reset: async () => void (await own.query('SELECT 1')),
        };
      },
    },
    { onFatal },
  );
}

/**
 * The page's end of statement batches (batchWorker.ts holds the worker's): a port of their own, so DuckDB's client
 * never sees these messages. Each batch is one message, marked `engine:batch` in the User Timing entries (the
 * interaction tests count them); each statement is answered as it finishes.
 */
function openBatchPort(worker: Worker, connection: number): RunBatch {
  const channel = new MessageChannel();
  worker.postMessage({ type: 'marketscope:batch-port', port: channel.port2 }, [channel.port2]);
  const port = channel.port1;
  const replies = new Map<number, { resolve: (table: Table) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  port.onmessage = (event: MessageEvent<BatchReply>) => {
    const reply = event.data;
    const waiting = replies.get(reply.id);
    if (!waiting) return;
    replies.delete(reply.id);
    if ('buffer' in reply) waiting.resolve(tableFromIPC(reply.buffer));
    else if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    else waiting.reject(new QueryCancelledError());
  };
  return (statements) => {
    const items: BatchItem[] = statements.map((statement) => ({
      id: nextId++,
      sql: statement.sql,
      params: statement.params.length > 0 ? [...statement.params] : null,
      check: statement.check,
    }));
    const results = items.map(
      (item, index) =>
        new Promise<Table>((resolve, reject) => {
          replies.set(item.id, { resolve, reject });
          statements[index]!.signal.addEventListener(
            'abort',
            () => {
              if (replies.has(item.id)) port.postMessage({ type: 'cancel', ids: [item.id] } satisfies BatchRequest);
            },
            { once: true },
          );
        }),
    );
    port.postMessage({ type: 'batch', connection, items } satisfies BatchRequest);
    performance.mark('engine:batch', { detail: { statements: items.length } });
    return results;
  };
}
