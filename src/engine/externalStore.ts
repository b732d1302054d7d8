/**
 * A value that changes over time, readable by React's `useSyncExternalStore`. The engine reports its start-up phase
 * through one (the wasm download and instantiation take a second or more, and the page must show where they are);
 * the data layer reports dataset loading through another.
 */
export interface ExternalStore<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

export function createExternalStore<T>(initial: T): ExternalStore<T> {
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
