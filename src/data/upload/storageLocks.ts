/**
 * Locks around changes to the kept uploads. Tabs of the app share the browser's storage, so a change made in one
 * must not be mistaken by another for an interrupted one and deleted. The Web Locks API gives locks shared by every
 * tab of the origin, released by the browser when the tab that held them closes or crashes; where it is missing
 * (Node, old browsers) an in-page lock keeps one tab correct, and `acrossTabs` says that other tabs are not seen.
 */
export interface UploadLocks {
  /**
   * Runs `task` holding the exclusive lock `name`. With `ifAvailable`, does not wait: `task` gets `false` when
   * another holder (in any tab, with Web Locks) has it, and then must not touch what the lock guards.
   */
  request<T>(name: string, options: { ifAvailable?: boolean }, task: (held: boolean) => Promise<T>): Promise<T>;
  /** True when the locks are seen by every tab (Web Locks), false for the in-page fallback. */
  readonly acrossTabs: boolean;
}

/** The lock a tab holds while it writes, re-writes or deletes one upload's folder. */
export function uploadLockName(id: string): string {
  return `marketscope-upload:${id}`;
}

/** The browser's Web Locks, else locks that only this page sees. */
export function uploadLocks(): UploadLocks {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (locks?.request) {
    return {
      acrossTabs: true,
      request: <T,>(name: string, options: { ifAvailable?: boolean }, task: (held: boolean) => Promise<T>) =>
        locks.request(name, { mode: 'exclusive', ifAvailable: options.ifAvailable ?? false }, (lock) => task(lock !== null)) as Promise<T>,
    };
  }
  return inPageLocks;
}

const queues = new Map<string, Promise<void>>();

/** Exclusive locks within this page (and, in tests, between stores that model two tabs in one process). */
export const inPageLocks: UploadLocks = {
  acrossTabs: false,
  async request(name, options, task) {
    const before = queues.get(name);
    if (before && options.ifAvailable) return task(false);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = (before ?? Promise.resolve()).then(() => mine);
    queues.set(name, tail);
    await before;
    try {
      return await task(true);
    } finally {
      release();
      if (queues.get(name) === tail) queues.delete(name);
    }
  },
};
