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
  // The page downloads the wasm once, showing progress, and compiles it as it arrives; the worker instantiates that
  // module and never fetches the wasm itself (duckdbWorkerShim.js). The worker script loads meanwhile.
  const worker = new Worker(workerScriptUrl(`${shimUrl}?duckdb=${encodeURIComponent(bundle.mainWorker!)}`));
  currentWorker = worker;
  const died = new Promise<Error>((resolve) => {
    worker.addEventListener('error', (event) => resolve(new Error(event.message || 'the engine worker failed')));
  });
  let module: WebAssembly.Module;
  try {
    module = await compiledModule(bundle.mainModule, phase);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  performance.mark('engine:compiled');
  worker.postMessage({ type: 'marketscope:wasm-module', url: new URL(bundle.mainModule, location.href).href, module });
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

/** The compiled engine, kept for the page: a restart after a crash instantiates it again without any download. */
const compiledModules = new Map<string, Promise<WebAssembly.Module>>();

function compiledModule(url: string, phase: ExternalStore<EnginePhase>): Promise<WebAssembly.Module> {
  let compiled = compiledModules.get(url);
  if (!compiled) {
    compiled = compileWithProgress(
      url,
      (loadedBytes, totalBytes) => phase.set({ phase: 'downloading', loadedBytes, totalBytes }),
      // What is left of compiling once the last byte is in, and instantiating, is "starting".
      () => phase.set({ phase: 'starting' }),
    );
    compiledModules.set(url, compiled);
    // A failed download is tried afresh by the next start.
    compiled.catch(() => compiledModules.delete(url));
  }
  return compiled;
}

/**
 * Downloads a wasm module once and compiles it while it arrives, reporting bytes as they come. The response itself
 * goes to `compileStreaming` (a clone is counted), so Chromium may keep the compiled code with the cached response.
 */
async function compileWithProgress(
  url: string,
  report: (loaded: number, total: number | null) => void,
  downloaded: () => void,
): Promise<WebAssembly.Module> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok || !response.body) throw new Error(`${url}: the server answered ${response.status}`);
  const total = Number(response.headers.get('content-length')) || null;
  const streamable = response.headers.get('content-type')?.split(';')[0]?.trim() === 'application/wasm';
  const counted = streamable ? response.clone() : response;
  const reader = counted.body!.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  report(0, total);
  // compileStreaming needs the wasm MIME type; a server that sends another gets the bytes compiled at the end.
  const compiled = streamable ? WebAssembly.compileStreaming(response) : null;
  compiled?.catch(() => {});
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    loaded += chunk.value.byteLength;
    if (!streamable) chunks.push(chunk.value);
    // A few updates a second are enough for a progress bar, and each one re-renders it.
    if (performance.now() - reported > 100) {
      reported = performance.now();
      report(loaded, total);
    }
  }
  report(loaded, total);
  performance.mark('engine:downloaded');
  downloaded();
  return compiled ?? WebAssembly.compile(await new Blob(chunks as BlobPart[]).arrayBuffer());
}
