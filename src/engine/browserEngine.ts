import {
  AsyncDuckDB,
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
import type { ExternalStore } from './externalStore';
import type { Engine, EnginePhase } from './types';

/** The bundles this app ships. `selectBundle` picks eh (wasm exceptions) where supported, mvp otherwise. */
export const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** Starts DuckDB-wasm in a dedicated worker and returns the engine once it is configured and locked down. */
export async function startBrowserEngine(phase: ExternalStore<EnginePhase>): Promise<Engine> {
  const bundle = await selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new AsyncDuckDB(new VoidLogger(), worker);
  phase.set({ phase: 'downloading', loadedBytes: 0, totalBytes: null });
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (progress) => {
    phase.set({
      phase: 'downloading',
      loadedBytes: progress.bytesLoaded,
      totalBytes: progress.bytesTotal > 0 ? progress.bytesTotal : null,
    });
  });
  phase.set({ phase: 'starting' });
  // Configure exactly once, before the first connection: re-opening after connections exist breaks the instance.
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const connection: AsyncDuckDBConnection = await db.connect();
  for (const statement of LOCKDOWN_STATEMENTS) await connection.query(statement);
  const version = await db.getVersion();
  phase.set({ phase: 'ready', bundle: bundle.mainModule === ehWasmUrl ? 'eh' : 'mvp', version });

  return createConnectionEngine({
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
    async dropFile(name) {
      await db.dropFile(name);
    },
  });
}
