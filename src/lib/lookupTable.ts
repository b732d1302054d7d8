/**
 * Lookups keyed by text that came from a file or a link: column ids (slugs of headers, so "Constructor" is
 * `constructor`), members, labels, link parameters. A plain object answers `table.constructor` with
 * Object.prototype's member when the table has no such key, and `table['__proto__'] = value` replaces its prototype
 * instead of adding a key; either stopped the dashboard on a file with such a column or member. These helpers read
 * and write own keys only. View-state records stay plain objects (zod makes them, links and snapshots serialise
 * them), so every read keyed by such text goes through {@link ownValue}; tables built by the app from data are
 * made without a prototype by {@link lookupTable}.
 */

/** A table keyed by text from data or a link, with no prototype: only its own keys answer. */
export function lookupTable<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const table = Object.create(null) as Record<string, V>;
  // Assignment to a prototype-less object makes an own key even for '__proto__'.
  for (const [key, value] of entries) table[key] = value;
  return table;
}

/** `table[key]` when `key` is one of the table's own keys, otherwise undefined (never an inherited member). */
export function ownValue<V>(table: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return table != null && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A copy of `table` (without a prototype) in which `key` holds `value`, or has no entry when `value` is undefined. */
export function withEntry<V>(
  table: Readonly<Record<string, V>> | null | undefined,
  key: string,
  value: NoInfer<V> | undefined,
): Record<string, V> {
  const copy = lookupTable(Object.entries(table ?? {}).filter(([existing]) => existing !== key));
  if (value !== undefined) copy[key] = value;
  return copy;
}
