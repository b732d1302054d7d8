/**
 * The database engine: one DuckDB-wasm instance in a worker, created lazily on first use.
 * Import from here, not from the files behind it.
 */
import { createExternalStore } from './externalStore';
import type { Engine, EnginePhase } from './types';

export { QueryError } from './QueryError';
export type { Engine, EnginePhase, Row, SqlParam } from './types';
export { createExternalStore, type ExternalStore } from './externalStore';

/** Start-up progress of the shared engine, for a progress display. */
export const enginePhase = createExternalStore<EnginePhase>({ phase: 'idle' });

let shared: Promise<Engine> | null = null;

/**
 * The shared engine. The first call starts it (the DuckDB module is loaded only then, so it stays out of the entry
 * bundle); every later or concurrent call gets the same promise, so two callers can never create two instances.
 * A failed start is forgotten so that a retry starts afresh.
 */
export function getEngine(): Promise<Engine> {
  shared ??= import('./browserEngine')
    .then(({ startBrowserEngine }) => startBrowserEngine(enginePhase))
    .catch((error: unknown) => {
      shared = null;
      enginePhase.set({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      throw error;
    });
  return shared;
}
