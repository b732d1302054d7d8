import type { EnginePhase } from './types';

type Listener = (phase: EnginePhase) => void;

/**
 * The engine's start-up phase as a tiny external store (for React's `useSyncExternalStore`): the wasm download and
 * instantiation take a second or more, and the page must show where they are rather than stay blank.
 */
export function createPhaseStore(initial: EnginePhase = { phase: 'idle' }) {
  let current = initial;
  const listeners = new Set<Listener>();
  return {
    get: (): EnginePhase => current,
    set(next: EnginePhase): void {
      current = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type PhaseStore = ReturnType<typeof createPhaseStore>;
