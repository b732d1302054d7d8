import { describe, expect, it } from 'vitest';
import { lookupTable, ownValue, withEntry } from './lookupTable';

/** Every name a plain object inherits, and the one that replaces its prototype when assigned. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('lookup tables keyed by text from files and links', () => {
  it('finds nothing under an inherited name, in a plain object or a table', () => {
    expect(PROTOTYPE_NAMES).toContain('__proto__');
    expect(PROTOTYPE_NAMES).toContain('constructor');
    const plain: Record<string, string[]> = { country: ['RU'] };
    const table = lookupTable([['country', ['RU']]]);
    for (const name of PROTOTYPE_NAMES) {
      expect(ownValue(plain, name), name).toBeUndefined();
      expect(ownValue(table, name), name).toBeUndefined();
      expect(table[name], name).toBeUndefined();
    }
    expect(ownValue(undefined, 'constructor')).toBeUndefined();
  });

  it('keeps every inherited name as an ordinary key, __proto__ included', () => {
    const table = lookupTable(PROTOTYPE_NAMES.map((name) => [name, [name]] as const));
    expect(Object.getPrototypeOf(table)).toBeNull();
    expect(Object.keys(table).sort()).toEqual([...PROTOTYPE_NAMES].sort());
    for (const name of PROTOTYPE_NAMES) expect(ownValue(table, name)).toEqual([name]);
    expect(JSON.parse(JSON.stringify(table))).toEqual(Object.fromEntries(PROTOTYPE_NAMES.map((name) => [name, [name]])));
  });

  it('sets and removes one key in a copy, leaving the original as it was', () => {
    const original = lookupTable([['constructor', ['a']]]);
    const added = withEntry(original, '__proto__', ['b']);
    expect(Object.getPrototypeOf(added)).toBeNull();
    expect(ownValue(added, '__proto__')).toEqual(['b']);
    expect(Object.keys(added)).toEqual(['constructor', '__proto__']);
    expect(Object.keys(withEntry(added, 'constructor', undefined))).toEqual(['__proto__']);
    expect(Object.keys(original)).toEqual(['constructor']);
    // A plain object read back from JSON (a snapshot, a link) is copied the same way.
    const parsed = JSON.parse('{"__proto__":["x"],"toString":["y"]}') as Record<string, string[]>;
    expect(Object.keys(withEntry(parsed, 'valueOf', ['z']))).toEqual(['__proto__', 'toString', 'valueOf']);
  });
});
