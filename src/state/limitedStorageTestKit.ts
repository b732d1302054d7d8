/**
 * For tests: localStorage with a quota in characters, counted over keys and values as browsers do; `refuse` makes every write
 * fail with another error (storage blocked).
 */
export class LimitedStorage implements Storage {
  items = new Map<string, string>();
  refuse: DOMException | null = null;
  constructor(public quota: number) {}
  get length() {
    return this.items.size;
  }
  used() {
    return [...this.items].reduce((sum, [key, value]) => sum + key.length + value.length, 0);
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw this.refuse;
    const after = this.used() - (this.items.has(key) ? key.length + this.items.get(key)!.length : 0) + key.length + value.length;
    if (after > this.quota) throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/** Installs `storage` as the global localStorage; gives a function that puts the previous one back. */
export function installStorage(storage: Storage): () => void {
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  return () => {
    if (previous) Object.defineProperty(globalThis, 'localStorage', previous);
    else delete (globalThis as { localStorage?: Storage }).localStorage;
  };
}

/** Fills the storage with other data until not one more character fits. */
export function fillStorage(target: LimitedStorage): void {
  target.items.set('other-data', 'x'.repeat(target.quota - target.used() - 'other-data'.length));
}
