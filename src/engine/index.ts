/**
 * The database engine: one DuckDB-wasm instance in a worker, created lazily on first use, and replaced by a fresh
 * one if it dies. Import from here, not from the files behind it.
 */
import { prestartEngineWorker } from './engineWorker';
import { createExternalStore } from './externalStore';
import type { Engine, EngineIncident, EnginePhase } from './types';
import { t } from '../i18n';
import { messages } from './messages';

export { QueryError } from './QueryError';
export { EngineDiedError, isFatalEngineError } from './engineErrors';
export type { ArrowQueryOptions, ArrowQueryResult, Engine, EngineIncident, EnginePhase, QueryOptions, Row, SqlParam, StatementTokens } from './types';
export { QueryCancelledError } from './pendingQuery';
export { TOKEN } from './statementGuard';
export { createExternalStore, type ExternalStore } from './externalStore';

/** Start-up progress of the shared engine, for a progress display. */
export const enginePhase = createExternalStore<EnginePhase>({ phase: 'idle' });

/** The last time the engine died and was replaced (null if it never has), for a notice. */
export const engineIncident = createExternalStore<EngineIncident | null>(null);

/** After this many restarts in one page the engine is left stopped: something is wrong beyond one bad file. */
export const MAX_RESTARTS = 3;

let shared: Promise<Engine> | null = null;
/** Why this page must not start the engine at all, once it is said (see refuseEngine). */
let refusal: string | null = null;
/** Which start the shared promise belongs to: a death reported by an older instance changes nothing. */
let generation = 0;
let restarts = 0;
const lostListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the shared engine dies, before its replacement starts: everything cached about the old
 * instance (loaded tables, query results) must be forgotten. Returns the unsubscribe function.
 */
export function onEngineLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/**
 * From now on, every request for the engine fails with `reason`, and nothing is downloaded. For a page that must
 * never compute: a snapshot's presentation shows the figures fixed when it was taken, so starting DuckDB there would
 * fetch megabytes for nothing, and a figure missing from the snapshot must say so rather than be computed afresh
 * from other data. There is no undo: such a page is left by navigating away.
 */
export function refuseEngine(reason: string): void {
  refusal = reason;
}

/** The reason given to {@link refuseEngine}, or null when the engine may start. */
export function engineRefusal(): string | null {
  return refusal;
}

/**
 * The shared engine. The first call starts it (the DuckDB module is loaded only then, so it stays out of the entry
 * bundle); every later or concurrent call gets the same promise, so two callers can never create two instances.
 * A failed start is forgotten so that a retry starts afresh.
 */
export function getEngine(): Promise<Engine> {
  if (refusal !== null) return Promise.reject(new Error(refusal));
  if (shared) return shared;
  const started = ++generation;
  shared = import('./browserEngine')
    .then(({ startBrowserEngine }) => startBrowserEngine(enginePhase, (error) => engineDied(started, error)))
    .catch((error: unknown) => {
      if (generation === started) shared = null;
      enginePhase.set({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    });
  return shared;
}

/**
 * Starts the engine's worker and wasm download at once, in this task, for a {@link getEngine} call to come (which
 * takes that worker over): for the entry, before the first render holds the main thread. Resolves once the worker
 * runs. Does nothing once the engine is refused or started.
 */
export function prestartEngine(): Promise<void> {
  return refusal === null && !shared ? prestartEngineWorker(enginePhase) : Promise.resolve();
}

/**
 * The instance of start `which` died. Forget it, tell the listeners (who drop their caches and re-run their
 * queries, which start and fill a new instance), and start the replacement at once so the user is not kept waiting.
 */
function engineDied(which: number, error: Error): void {
  if (which !== generation || !shared) return;
  const dead = shared;
  shared = null;
  restarts += 1;
  void dead.then((engine) => engine.terminate()).catch(() => {});
  const message = error.message;
  if (restarts > MAX_RESTARTS) {
    engineIncident.set({ message, restarts, state: 'failed' });
    enginePhase.set({ phase: 'failed', message: t(messages.stoppedTimes, { count: restarts, reason: message }) });
    return;
  }
  engineIncident.set({ message, restarts, state: 'restarting' });
  for (const listener of lostListeners) listener();
  getEngine().then(
    () => engineIncident.set({ message, restarts, state: 'restarted' }),
    () => engineIncident.set({ message, restarts, state: 'failed' }),
  );
}
