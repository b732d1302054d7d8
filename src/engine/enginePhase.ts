import type { EnginePhase } from './types';

/**
 * The engine's start-up phase as a tiny external store (for React's `useSyncExternalStore`): the wasm download and
 * instantiation take a second or more, and the page must show where they are rather than stay blank.
 */
export interface PhaseStore {
  get(): EnginePhase;
  set(next: EnginePhase): void;
  subscribe(listener: () => void): () => void;
}

export function createPhaseStore(initial: EnginePhase = { phase: 'idle' }): PhaseStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
