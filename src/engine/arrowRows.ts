import { DataType, type Table } from 'apache-arrow';
import type { Row } from './types';

/**
 * Converts an Arrow result into plain rows. Types are decided once per column from the schema, not per value, so a
 * DATE column always yields `YYYY-MM-DD` strings, a BIGINT column always yields numbers (or null), and a LIST column
 * yields a plain array of converted elements.
 */
export function arrowTableToRows<T extends Row = Row>(table: Table): T[] {
  const fields = table.schema.fields;
  const converters = fields.map((field) => converterFor(field.type));
  const columns = fields.map((_, index) => table.getChildAt(index));
  const rows: T[] = new Array<T>(table.numRows);
  for (let rowIndex = 0; rowIndex < table.numRows; rowIndex++) {
    const row: Row = {};
    for (let columnIndex = 0; columnIndex < fields.length; columnIndex++) {
      const raw: unknown = columns[columnIndex]?.get(rowIndex);
      row[fields[columnIndex]!.name] = raw === null || raw === undefined ? null : converters[columnIndex]!(raw);
    }
    rows[rowIndex] = row as T;
  }
  return rows;
}

type Converter = (value: unknown) => unknown;

const identity: Converter = (value) => value;

function converterFor(type: DataType): Converter {
  if (DataType.isDate(type)) return (value) => new Date(Number(value)).toISOString().slice(0, 10);
  if (DataType.isTimestamp(type)) return (value) => new Date(Number(value)).toISOString();
  if (DataType.isInt(type) || DataType.isFloat(type)) {
    return (value) => (typeof value === 'bigint' ? Number(value) : value);
  }
  if (DataType.isDecimal(type)) return (value) => Number(String(value));
  if (DataType.isList(type)) {
    const item = converterFor(type.children[0]!.type);
    return (value) =>
      Array.from(value as Iterable<unknown>, (element) => (element === null || element === undefined ? null : item(element)));
  }
  return identity;
}
