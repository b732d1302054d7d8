import type { SchemaElement, SchemaTree } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { parquetColumns } from './parquetColumns';

/** A file's schema with one top-level column (and that column's children, for nested ones). */
function schemaWith(column: SchemaElement, children: SchemaElement[] = []): SchemaTree {
  const leaf = (element: SchemaElement): SchemaTree => ({ element, children: [], count: 1, path: [element.name] });
  return {
    element: { name: 'root', num_children: 1 },
    children: [{ element: column, children: children.map(leaf), count: 1 + children.length, path: [column.name] }],
    count: 2 + children.length,
    path: [],
  };
}

describe('parquetColumns', () => {
  it.each<[string, SchemaElement, string]>([
    ['legacy INT96 timestamps', { name: 'c', type: 'INT96' }, 'timestamp'],
    ['microsecond timestamps', { name: 'c', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' } }, 'timestamp'],
    ['decimals in fixed-length bytes', { name: 'c', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, converted_type: 'DECIMAL', precision: 38, scale: 2 }, 'number'],
    ['UUIDs', { name: 'c', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 16, logical_type: { type: 'UUID' } }, 'text'],
    ['enums', { name: 'c', type: 'BYTE_ARRAY', converted_type: 'ENUM' }, 'text'],
    ['unsigned integers', { name: 'c', type: 'INT64', converted_type: 'UINT_64' }, 'number'],
    ['booleans', { name: 'c', type: 'BOOLEAN' }, 'boolean'],
  ])('reads %s', (_, element, kind) => {
    expect(parquetColumns(schemaWith(element), 'f.parquet')).toEqual([{ name: 'c', kind }]);
  });

  it.each<[SchemaElement, SchemaElement[], RegExp]>([
    [{ name: 'm', converted_type: 'MAP', num_children: 1 }, [{ name: 'key_value', repetition_type: 'REPEATED' }], /holds maps \(nested key-value pairs\).*flatten it/],
    [{ name: 'm', type: 'INT32', repetition_type: 'REPEATED' }, [], /holds lists \(repeated values\)/],
    [{ name: 'm', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 12, converted_type: 'INTERVAL' }, [], /holds intervals \(durations\).*leave the column out/],
    [{ name: 'm', type: 'BYTE_ARRAY', converted_type: 'BSON' }, [], /holds binary data \(BSON or geometry\)/],
    [{ name: 'm', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 4 }, [], /holds fixed-length binary data/],
    [{ name: 'm', type: 'INT64', logical_type: { type: 'TIME', isAdjustedToUTC: false, unit: 'MICROS' } }, [], /holds times of day without a date/],
  ])('refuses %j, naming the file and the column', (element, children, message) => {
    expect(() => parquetColumns(schemaWith(element, children), 'f.parquet')).toThrow(message);
    expect(() => parquetColumns(schemaWith(element, children), 'f.parquet')).toThrow(/^Column "m" of "f\.parquet"/);
  });

  it('refuses a file without columns', () => {
    expect(() => parquetColumns({ element: { name: 'root' }, children: [], count: 1, path: [] }, 'none.parquet')).toThrow(/without columns/);
  });
});
