import { describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import type { DatasetModel } from '../model';
import { fetchCatalog } from './fetchCatalog';

/** A model of an upload headed "Constructor": its one dimension has the id `constructor`. */
const MODEL: DatasetModel = {
  id: 'u_names',
  label: 'Names',
  table: 'u_names__cube',
  timeColumn: 'month',
  dimensions: [{ id: 'constructor', column: 'c1', label: 'Constructor', pluralLabel: 'Constructor', display: 'text' }],
  measures: [{ id: 'row_count', column: '__rows', label: 'Rows', unit: 'count', overTime: 'sum', periodLabel: 'total', description: '' }],
  defaultMeasure: 'row_count',
  provenance: 'uploaded',
  sourceLine: 'test',
};

/** Answers the extent query and, for every members query, members named like Object.prototype's. */
const engine = {
  query: async (sql: string) =>
    /first_month/.test(sql)
      ? [{ first_month: '2024-01-01', last_month: '2024-03-01', row_count: 6 }]
      : [{ value: '__proto__' }, { value: 'toString' }, { value: 'constructor' }],
} as unknown as Engine;

describe('the catalog of an upload with columns and members named like Object.prototype members', () => {
  it('lists members by dimension id in a table where only the dimensions answer', async () => {
    const catalog = await fetchCatalog(engine, MODEL);
    expect(catalog.members['constructor']).toEqual(['__proto__', 'toString', 'constructor']);
    expect(Object.keys(catalog.members)).toEqual(['constructor']);
    expect(catalog.members['toString']).toBeUndefined();
    expect(catalog.members['hasOwnProperty']).toBeUndefined();
    expect(catalog.members['__proto__']).toBeUndefined();
  });
});
