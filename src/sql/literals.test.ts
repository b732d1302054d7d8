import { describe, expect, it, beforeAll } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { quoteIdentifier, sqlBoolean, sqlDate, sqlInteger, sqlLiteral } from './literals';

describe('quoteIdentifier', () => {
  it('wraps in double quotes and doubles embedded quotes', () => {
    expect(quoteIdentifier('visitors')).toBe('"visitors"');
    expect(quoteIdentifier('my "col"')).toBe('"my ""col"""');
  });
  it('refuses empty names and NUL characters', () => {
    expect(() => quoteIdentifier('')).toThrow(/empty identifier/);
    expect(() => quoteIdentifier('a\0b')).toThrow(/NUL/);
  });
});

describe('sqlLiteral', () => {
  it('renders each kind of value', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(1.5)).toBe('1.5');
    expect(sqlLiteral("O'Reilly")).toBe("'O''Reilly'");
  });
  it('refuses non-finite numbers and NUL characters', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral(Infinity)).toThrow(/finite/);
    expect(() => sqlLiteral('a\0')).toThrow(/NUL/);
  });
});

describe('sqlDate', () => {
  it('accepts real dates only', () => {
    expect(sqlDate('2014-07-01')).toBe("DATE '2014-07-01'");
    expect(() => sqlDate('2014-02-30')).toThrow(/calendar date/);
    expect(() => sqlDate("2014-07-01' OR 1=1 --")).toThrow(/YYYY-MM-DD/);
  });
});

describe('sqlBoolean and sqlInteger', () => {
  it('write booleans from booleans only', () => {
    expect(sqlBoolean(true)).toBe('true');
    expect(sqlBoolean(false)).toBe('false');
    expect(() => sqlBoolean('true); DROP TABLE t; --' as unknown as boolean)).toThrow(/not a boolean/);
    expect(() => sqlBoolean(1 as unknown as boolean)).toThrow(/not a boolean/);
  });
  it('write checked whole numbers within their bounds', () => {
    expect(sqlInteger(0)).toBe('0');
    expect(sqlInteger(42, { min: 1, max: 100 })).toBe('42');
    expect(() => sqlInteger(1.5)).toThrow(/whole number/);
    expect(() => sqlInteger(Number.NaN)).toThrow(/whole number/);
    expect(() => sqlInteger(2 ** 60)).toThrow(/whole number/);
    expect(() => sqlInteger('1; DROP TABLE t' as unknown as number)).toThrow(/whole number/);
    expect(() => sqlInteger(-1, { min: 0 })).toThrow(/outside/);
    expect(() => sqlInteger(101, { max: 100 })).toThrow(/outside/);
  });
});

describe('literals on real DuckDB', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  const hostile = [
    "'; DROP TABLE t; --",
    'Robert"); DROP TABLE students;--',
    "\\' OR '1'='1",
    '<img src=x onerror=alert(1)>',
    '\u202Eevil\u202C',
    '$1 ? :name',
    "multi\nline\r\n'quoted'",
  ];

  it('round-trips hostile strings as values, never as SQL', async () => {
    for (const value of hostile) {
      const rows = await engine.query<{ v: string }>(`SELECT ${sqlLiteral(value)} AS v`);
      expect(rows).toEqual([{ v: value }]);
    }
  });

  it('round-trips hostile strings as identifiers', async () => {
    for (const name of hostile) {
      const rows = await engine.query(`SELECT 1 AS ${quoteIdentifier(name)}`);
      expect(Object.keys(rows[0]!)).toEqual([name]);
    }
  });
});
