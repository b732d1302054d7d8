import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { assertValueFormat, buildConversion, type ValueFormat } from './convert';
import { buildReadCsv, CSV_DELIMITERS, type CsvDialectSpec } from './ingest';

const dialect: CsvDialectSpec = { delimiter: ',', quote: '"', escape: '"', header: true, compression: 'none' };

describe('buildReadCsv writes only options from their lists', () => {
  it('writes the header from a boolean and every text option as a literal', () => {
    const sql = buildReadCsv('marketscope/a.csv', { ...dialect, delimiter: '\t', quote: "'", escape: "'" }, 2, null);
    expect(sql).toContain('header = true');
    expect(sql).toContain("delim = '\t'");
    expect(sql).toContain("quote = ''''");
    expect(sql).toContain("compression = 'none'");
  });

  it('throws on an option outside its enumeration, whatever its type says', () => {
    const hostile: [keyof CsvDialectSpec, unknown][] = [
      ['header', 'true); DROP TABLE traffic; --'],
      ['header', 'true'],
      ['delimiter', "',' ); DROP TABLE traffic; --"],
      ['delimiter', ':'],
      ['quote', "''"],
      ['escape', 'x'],
      ['escape', "'"], // neither the quote (") nor a backslash
      ['compression', "gzip'); DROP TABLE traffic; --"],
    ];
    for (const [option, value] of hostile) {
      expect(() => buildReadCsv('marketscope/a.csv', { ...dialect, [option]: value } as CsvDialectSpec, 2, null), option).toThrow(
        new RegExp(`CSV ${option}`),
      );
    }
  });

  it('throws on a column count or reader type that is not one it knows', () => {
    for (const count of [0, 1.5, -1, 100_000, Number.NaN]) expect(() => buildReadCsv('marketscope/a.csv', dialect, count, null)).toThrow();
    const types = new Map([[0, "VARCHAR'); DROP TABLE x; --" as 'DATE']]);
    expect(() => buildReadCsv('marketscope/a.csv', dialect, 1, null, types)).toThrow(/reader type/);
  });

  it('throws on a value format outside its lists', () => {
    const hostile = [
      { kind: 'sql' },
      { kind: 'number', decimal: ';', thousands: null, percent: false, currency: null, integer: false },
      { kind: 'number', decimal: '.', thousands: null, percent: 'true', currency: null, integer: false },
      { kind: 'number', decimal: '.', thousands: null, percent: false, currency: "'1", integer: false },
      { kind: 'country', codes: '__proto__' },
      { kind: 'date', format: '%Q' },
    ] as unknown as ValueFormat[];
    for (const format of hostile) {
      expect(() => assertValueFormat(format)).toThrow(/unsupported/);
      expect(() => buildConversion('"f0"', format, [])).toThrow();
    }
  });

  describe('on real DuckDB', () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await createNodeEngine();
    });

    it('reads a file with every delimiter the app offers', async () => {
      for (const [index, delimiter] of CSV_DELIMITERS.entries()) {
        const name = engine.filePath(`guard_${index}.csv`);
        await engine.registerFileBuffer(name, new TextEncoder().encode(`a${delimiter}b\n"x${delimiter}y"${delimiter}2\n`));
        const rows = await engine.query(`SELECT * FROM ${buildReadCsv(name, { ...dialect, delimiter }, 2, null)}`);
        expect(rows).toEqual([{ f0: `x${delimiter}y`, f1: '2' }]);
      }
    });
  });
});
