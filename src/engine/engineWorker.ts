/**
 * DuckDB's worker and the download of its wasm, apart from DuckDB-wasm's client (browserEngine.ts, with Apache
 * Arrow): small enough for the entry, so that the page can start them before the app's first render, which holds
 * the main thread for a few hundred milliseconds (see prestartEngineWorker). The worker downloads and compiles the
 * wasm meanwhile; the client, once loaded, instantiates DuckDB in that worker.
 */
import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
// Bundled by Vite and served from the app's own origin: no CDN, and the hashed names let the browser cache them.
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import shimUrl from './duckdbWorkerShim.js?worker&url';
import type { ExternalStore } from './externalStore';
import type { EnginePhase } from './types';

/** The bundles this app ships. `selectBundle` picks eh (wasm exceptions) where supported, mvp otherwise. */
export const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** The URL of the eh bundle's wasm, to tell which bundle an instance runs. */
export const EH_WASM_URL = ehWasmUrl;

/** A started engine worker: it has begun downloading and compiling the wasm of `bundle`. */
export interface EngineWorker {
  bundle: { mainModule: string; mainWorker: string };
  worker: Worker;
  /** Resolves with the worker's error if it fails. */
  died: Promise<Error>;
  /** Resolves once the worker runs (its first message). */
  started: Promise<void>;
  /** The compiled wasm, held by the worker for DuckDB (which instantiates it without downloading it again). */
  compiled: Promise<WebAssembly.Module>;
}

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

/** The compiled engine, kept for the page: a restart after a crash instantiates it again without any download. */
const compiledModules = new Map<string, Promise<WebAssembly.Module>>();

/**
 * Starts a worker for `bundle` and has it download and compile the wasm (or hands it the module compiled before, after
 * a crash), reporting the download into `phase`.
 */
export function startEngineWorker(bundle: EngineWorker['bundle'], phase: ExternalStore<EnginePhase>): EngineWorker {
  // The wasm is downloaded once: the worker downloads and compiles it, off the page's main thread, and the page keeps
  // the compiled module for a restart (duckdbWorkerShim.js).
  const url = new URL(bundle.mainModule, location.href).href;
  const kept = compiledModules.get(url);
  // Without a compiled module, the worker is told the wasm's URL in its own: it starts the download before it loads
  // DuckDB's worker script (duckdbWorkerShim.js).
  const query = `${kept ? '' : `wasm=${encodeURIComponent(url)}&`}duckdb=${encodeURIComponent(bundle.mainWorker)}`;
  const worker = new Worker(workerScriptUrl(`${shimUrl}?${query}`));
  const died = new Promise<Error>((resolve) => {
    worker.addEventListener('error', (event) => resolve(new Error(event.message || 'the engine worker failed')));
  });
  const started = new Promise<void>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if ((event.data as { type?: unknown } | null)?.type !== 'marketscope:started') return;
      // The shim's own message: DuckDB's client, listening on the same worker, never sees it.
      event.stopImmediatePropagation();
      resolve();
    });
  });
  const compiled = kept
    ? kept.then((module) => {
        worker.postMessage({ type: 'marketscope:wasm-module', url, module });
        return module;
      })
    : compileInWorker(worker, url, phase, died);
  compiled.catch(() => {});
  return { bundle, worker, died, started, compiled };
}

/** The worker started before the app's first render, until the engine's start takes it. */
let prestarted: EngineWorker | null = null;

/** Whether this browser runs the eh bundle (wasm exceptions): DuckDB-wasm's own test (`selectBundle`). */
function supportsWasmExceptions(): boolean {
  try {
    return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]));
  } catch {
    return false;
  }
}

/**
 * Starts the engine's worker and its wasm download: the entry calls it before the first render, so that the download
 * and compilation overlap with that render instead of following it (DuckDB's client, a separate chunk, can only run
 * once the render has let go of the main thread). The engine's start takes this worker over. Chromium starts the
 * worker's thread only while the page's main thread is free: a trace showed it waiting out the whole first render
 * (half a second). The promise resolves once the worker runs, for the entry to render then.
 */
export function prestartEngineWorker(phase: ExternalStore<EnginePhase>): Promise<void> {
  if (typeof Worker === 'undefined' || typeof WebAssembly === 'undefined') return Promise.resolve();
  if (!prestarted) {
    performance.mark('engine:prestart');
    prestarted = startEngineWorker(supportsWasmExceptions() ? BUNDLES.eh! : BUNDLES.mvp, phase);
    prestarted.started.then(() => performance.mark('engine:worker-started'));
  }
  return prestarted.started;
}

/**
 * The worker for `bundle`: the prestarted one if it runs that bundle (a prestarted worker for another bundle is
 * stopped), else a new one.
 */
export function takeEngineWorker(bundle: EngineWorker['bundle'], phase: ExternalStore<EnginePhase>): EngineWorker {
  const early = prestarted;
  prestarted = null;
  if (early && early.bundle.mainModule === bundle.mainModule && early.bundle.mainWorker === bundle.mainWorker) return early;
  early?.worker.terminate();
  return startEngineWorker(bundle, phase);
}

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
