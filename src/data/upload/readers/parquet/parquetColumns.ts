/**
 * What each top-level column of a Parquet file holds, and whether the upload can take it. The upload loads plain
 * values (text, numbers, booleans, dates, date-times); nested columns (lists, maps, structs, variants), binary data
 * and times or intervals without a date are refused with a message that names the file and the column and says
 * what to do.
 */
import type { SchemaElement, SchemaTree } from 'hyparquet';
import { UploadError, quoteFileName } from '../../UploadError';

/** How a column's decoded values become text (see canonicalText.ts). */
export type ParquetValueKind = 'text' | 'number' | 'boolean' | 'date' | 'timestamp' | 'null';

export interface ParquetColumn {
  /** The column's name in the file (a top-level field). */
  name: string;
  kind: ParquetValueKind;
}

/** The file's top-level columns, each with how to read it; throws an UploadError for the first it cannot load. */
export function parquetColumns(schema: SchemaTree, fileName: string): ParquetColumn[] {
  if (schema.children.length === 0) {
    throw new UploadError(fileName, 'empty', `${quoteFileName(fileName)} is a Parquet file without columns: there is nothing to load.`);
  }
  return schema.children.map((child) => {
    const kind = valueKind(child);
    if (typeof kind === 'string') return { name: child.element.name, kind };
    throw new UploadError(
      fileName,
      'read-failed',
      `Column "${child.element.name}" of ${quoteFileName(fileName)} holds ${kind.holds}, which Marketscope cannot load: ${kind.todo}`,
      { column: child.element.name },
    );
  });
}

/** Why a column is refused: what it holds, and what the person can do about it. */
interface Refusal {
  holds: string;
  todo: string;
}

const LEAVE_OUT = 'leave the column out when exporting the file, or export it as text.';
const FLATTEN = 'flatten it into plain columns (one value per cell) before exporting, or leave it out.';

function valueKind(node: SchemaTree): ParquetValueKind | Refusal {
  const element = node.element;
  if (node.children.length > 0) return { holds: nestedKind(element), todo: FLATTEN };
  if (element.repetition_type === 'REPEATED') return { holds: 'lists (repeated values)', todo: FLATTEN };
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') {
    return { holds: 'times of day without a date', todo: 'export it as text or combine it with its date into a timestamp.' };
  }
  if (logical === 'INTERVAL' || converted === 'INTERVAL') return { holds: 'intervals (durations)', todo: LEAVE_OUT };
  if (logical === 'BSON' || converted === 'BSON' || logical === 'GEOMETRY' || logical === 'GEOGRAPHY') {
    return { holds: 'binary data (BSON or geometry)', todo: LEAVE_OUT };
  }
  if (logical === 'NULL') return 'null';
  if (logical === 'DATE' || converted === 'DATE') return 'date';
  if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || (element.type === 'INT96' && !converted)) {
    return 'timestamp';
  }
  if (logical === 'DECIMAL' || converted === 'DECIMAL' || logical === 'FLOAT16') return 'number';
  return physicalKind(element);
}

function physicalKind(element: SchemaElement): ParquetValueKind | Refusal {
  switch (element.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
    case 'FLOAT':
    case 'DOUBLE':
      return 'number';
    case 'BYTE_ARRAY':
      // Text, JSON, enums, and plain byte arrays, which many writers use for text: decoded as UTF-8, and a value
      // that is not UTF-8 is refused where it is (see parquetDecode.ts).
      return 'text';
    case 'FIXED_LEN_BYTE_ARRAY':
      return element.logical_type?.type === 'UUID' ? 'text' : { holds: 'fixed-length binary data', todo: LEAVE_OUT };
    default:
      return { holds: `values of the unusual type ${String(element.type)}`, todo: LEAVE_OUT };
  }
}

function nestedKind(element: SchemaElement): string {
  const logical = element.logical_type?.type;
  if (logical === 'LIST' || element.converted_type === 'LIST') return 'lists (nested values)';
  if (logical === 'MAP' || element.converted_type === 'MAP' || element.converted_type === 'MAP_KEY_VALUE') return 'maps (nested key-value pairs)';
  if (logical === 'VARIANT') return 'variant values (nested data)';
  return 'structs (nested fields)';
}
