import {
  AsyncDuckDB,
  DuckDBDataProtocol,
  VoidLogger,
  selectBundle,
  type AsyncDuckDBConnection,
  type DuckDBBundles,
} from '@duckdb/duckdb-wasm';
// Bundled by Vite and served from the app's own origin: no CDN, and the hashed names let the browser cache them.
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { tableFromIPC, type Table } from 'apache-arrow';
import type { BatchItem, BatchReply, BatchRequest } from './batchWorker';
import { createConnectionEngine, LOCKDOWN_STATEMENTS } from './connectionEngine';
import { QueryCancelledError } from './pendingQuery';
import type { RunBatch } from './statementBatcher';
import shimUrl from './duckdbWorkerShim.js?worker&url';
import type { ExternalStore } from './externalStore';
import type { Engine, EnginePhase } from './types';

/** The bundles this app ships. `selectBundle` picks eh (wasm exceptions) where supported, mvp otherwise. */
export const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** The part of the Trusted Types API this file uses (TypeScript's DOM library does not declare it). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let scriptUrlPolicy: ScriptUrlPolicy | null | undefined;

/**
 * The engine worker's URL as the page's Trusted Types policy accepts it (`require-trusted-types-for 'script'`, see
 * scripts/contentSecurityPolicyPlugin.ts): only a same-origin URL of the worker shim. A policy name can be created
 * once per page, so it is made on the first start and kept for restarts.
 */
function workerScriptUrl(url: string): string {
  if (scriptUrlPolicy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy } }).trustedTypes;
    scriptUrlPolicy =
      factory?.createPolicy('marketscope-engine', {
        createScriptURL(candidate) {
          const parsed = new URL(candidate, location.href);
          if (parsed.origin !== location.origin || !candidate.startsWith(shimUrl)) throw new Error(`refusing to start a worker from ${candidate}`);
          return candidate;
        },
      }) ?? null;
  }
  // A TrustedScriptURL where the browser has Trusted Types; Worker takes it in place of the string.
  return (scriptUrlPolicy ? scriptUrlPolicy.createScriptURL(url) : url) as string;
}

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
  // The wasm is downloaded once: the worker downloads and compiles it, off the page's main thread, and the page keeps
  // the compiled module for a restart (duckdbWorkerShim.js).
  const worker = new Worker(workerScriptUrl(`${shimUrl}?duckdb=${encodeURIComponent(bundle.mainWorker!)}`));
  currentWorker = worker;
  const died = new Promise<Error>((resolve) => {
    worker.addEventListener('error', (event) => resolve(new Error(event.message || 'the engine worker failed')));
  });
  const url = new URL(bundle.mainModule, location.href).href;
  try {
    const kept = compiledModules.get(url);
    if (kept) worker.postMessage({ type: 'marketscope:wasm-module', url, module: await kept });
    else await compileInWorker(worker, url, phase, died);
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
  phase.set({ phase: 'ready', bundle: bundle.mainModule === ehWasmUrl ? 'eh' : 'mvp', version });

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

/** The compiled engine, kept for the page: a restart after a crash instantiates it again without any download. */
const compiledModules = new Map<string, Promise<WebAssembly.Module>>();

/** What the worker shim tells the page while it downloads and compiles the wasm. */
type CompileMessage =
  | { type: 'progress' | 'downloaded'; loaded: number; total: number | null }
  | { type: 'compiled'; module: WebAssembly.Module }
  | { type: 'failed'; message: string };

/**
 * Has `worker` download and compile the wasm at `url` (it then holds the module for DuckDB), reporting the download
 * into `phase`; keeps the compiled module for later workers. Fails if the worker dies meanwhile.
 */
function compileInWorker(worker: Worker, url: string, phase: ExternalStore<EnginePhase>, died: Promise<Error>): Promise<WebAssembly.Module> {
  const channel = new MessageChannel();
  const compiled = new Promise<WebAssembly.Module>((resolve, reject) => {
    died.then(reject);
    channel.port1.onmessage = (event: MessageEvent<CompileMessage>) => {
      const message = event.data;
      if (message.type === 'progress') phase.set({ phase: 'downloading', loadedBytes: message.loaded, totalBytes: message.total });
      if (message.type === 'downloaded') {
        performance.mark('engine:downloaded');
        // What is left of compiling once the last byte is in, and instantiating, is "starting".
        phase.set({ phase: 'starting' });
      }
      if (message.type === 'compiled') resolve(message.module);
      if (message.type === 'failed') reject(new Error(message.message));
    };
  });
  compiled.finally(() => channel.port1.close()).catch(() => {});
  worker.postMessage({ type: 'marketscope:compile', url, port: channel.port2 }, [channel.port2]);
  compiledModules.set(url, compiled);
  // A failed download is tried afresh by the next start.
  compiled.catch(() => compiledModules.delete(url));
  return compiled;
}
