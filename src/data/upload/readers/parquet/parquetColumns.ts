/**
 * What each top-level column of a Parquet file holds, and whether the upload can take it. The upload loads plain
 * values (text, numbers, booleans, dates, date-times); nested columns (lists, maps, structs, variants), binary data
 * and times or intervals without a date are refused with a message that names the file and the column and says
 * what to do.
 */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
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
    throw new UploadError(fileName, 'empty', t(messages.parquetNoColumns, { file: quoteFileName(fileName) }));
  }
  return schema.children.map((child) => {
    const kind = valueKind(child);
    if (typeof kind === 'string') return { name: child.element.name, kind };
    throw new UploadError(
      fileName,
      'read-failed',
      t(messages.parquetRefused, { column: child.element.name, file: quoteFileName(fileName), holds: kind.holds, todo: kind.todo }),
      { column: child.element.name },
    );
  });
}

/** Why a column is refused: what it holds, and what the person can do about it. */
interface Refusal {
  holds: string;
  todo: string;
}

const LEAVE_OUT = messages.parquetLeaveOut;
const FLATTEN = messages.parquetFlatten;

function valueKind(node: SchemaTree): ParquetValueKind | Refusal {
  const element = node.element;
  if (node.children.length > 0) return { holds: nestedKind(element), todo: t(FLATTEN) };
  if (element.repetition_type === 'REPEATED') return { holds: t(messages.holdsRepeated), todo: t(FLATTEN) };
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (logical === 'TIME' || converted === 'TIME_MILLIS' || converted === 'TIME_MICROS') {
    return { holds: t(messages.holdsTimes), todo: t(messages.parquetTimeTodo) };
  }
  if (logical === 'INTERVAL' || converted === 'INTERVAL') return { holds: t(messages.holdsIntervals), todo: t(LEAVE_OUT) };
  if (logical === 'BSON' || converted === 'BSON' || logical === 'GEOMETRY' || logical === 'GEOGRAPHY') {
    return { holds: t(messages.holdsBinary), todo: t(LEAVE_OUT) };
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
      return element.logical_type?.type === 'UUID' ? 'text' : { holds: t(messages.holdsFixedBinary), todo: t(LEAVE_OUT) };
    default:
      return { holds: t(messages.holdsUnusual, { type: String(element.type) }), todo: t(LEAVE_OUT) };
  }
}

function nestedKind(element: SchemaElement): string {
  const logical = element.logical_type?.type;
  if (logical === 'LIST' || element.converted_type === 'LIST') return t(messages.holdsLists);
  if (logical === 'MAP' || element.converted_type === 'MAP' || element.converted_type === 'MAP_KEY_VALUE') return t(messages.holdsMaps);
  if (logical === 'VARIANT') return t(messages.holdsVariant);
  return t(messages.holdsStructs);
}
