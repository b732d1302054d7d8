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
import { createConnectionEngine, LOCKDOWN_STATEMENTS } from './connectionEngine';
import shimUrl from './duckdbWorkerShim.js?worker&url';
import type { ExternalStore } from './externalStore';
import type { Engine, EnginePhase } from './types';

/** The bundles this app ships. `selectBundle` picks eh (wasm exceptions) where supported, mvp otherwise. */
export const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

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
  // The page downloads the wasm (showing progress) into the HTTP cache; the worker then instantiates it from there,
  // where the browser can also keep its compiled code for the next visit.
  await downloadWithProgress(bundle.mainModule, (loadedBytes, totalBytes) =>
    phase.set({ phase: 'downloading', loadedBytes, totalBytes }),
  );
  const worker = new Worker(`${shimUrl}?duckdb=${encodeURIComponent(bundle.mainWorker!)}`);
  currentWorker = worker;
  const died = new Promise<Error>((resolve) => {
    worker.addEventListener('error', (event) => resolve(new Error(event.message || 'the engine worker failed')));
  });
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  performance.mark('engine:instantiated');
  phase.set({ phase: 'starting' });
  // Configure exactly once, before the first connection: re-opening after connections exist breaks the instance.
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection: AsyncDuckDBConnection = await db.connect();
  for (const statement of LOCKDOWN_STATEMENTS) await connection.query(statement);
  const version = await db.getVersion();
  performance.mark('engine:ready');
  phase.set({ phase: 'ready', bundle: bundle.mainModule === ehWasmUrl ? 'eh' : 'mvp', version });

  return createConnectionEngine(
    {
      died,
      async terminate() {
        await db.terminate().catch(() => worker.terminate());
      },
      run: (sql) => connection.query(sql),
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
      tokenize: (sql) => db.tokenize(sql),
    },
    { onFatal },
  );
}

/** Reads a URL to the end, reporting bytes as they arrive, so that the response lands in the HTTP cache. */
async function downloadWithProgress(url: string, report: (loaded: number, total: number | null) => void): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok || !response.body) throw new Error(`${url}: the server answered ${response.status}`);
  const total = Number(response.headers.get('content-length')) || null;
  const reader = response.body.getReader();
  let loaded = 0;
  let reported = 0;
  report(0, total);
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    loaded += chunk.value.byteLength;
    // A few updates a second are enough for a progress bar, and each one re-renders it.
    if (performance.now() - reported > 100) {
      reported = performance.now();
      report(loaded, total);
    }
  }
  report(loaded, total);
}
