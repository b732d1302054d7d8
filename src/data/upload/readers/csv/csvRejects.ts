/** How the CSV reader's own rejects are described to people: the column by its header, the reason in words. */
import type { Dialect } from '../../dialect';
import type { PlannedColumn } from '../../plan';

/** The reader names columns by their placeholders (`f3`); people know them by their header. */
export function headerOfField(name: string | null, columns: readonly PlannedColumn[]): string | null {
  const match = name ? /^f(\d+)$/.exec(name) : null;
  if (!match) return name;
  return columns.find((column) => column.index === Number(match[1]))?.header ?? name;
}

/** Fields in one record's text, quotes respected (DuckDB stops counting one past the expected number). */
export function countFields(line: string, dialect: Dialect): number {
  let fields = 1;
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === dialect.quote) {
      if (quoted && line[index + 1] === dialect.quote) index++;
      else quoted = !quoted;
    } else if (!quoted && line.startsWith(dialect.delimiter, index)) {
      fields++;
      index += dialect.delimiter.length - 1;
    }
  }
  return fields;
}

export function readerReason(errorType: string, message: string, fieldsInLine: number | null): string {
  const counts = /^Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  switch (errorType) {
    case 'MISSING COLUMNS':
      return counts ? `too few fields (${counts[2]} instead of ${counts[1]})` : 'too few fields';
    case 'TOO MANY COLUMNS': {
      if (!counts) return 'too many fields';
      const found = fieldsInLine !== null && fieldsInLine > Number(counts[1]) ? fieldsInLine : Number(counts[2]);
      return `too many fields (${found} instead of ${counts[1]})`;
    }
    case 'UNQUOTED VALUE':
      return 'a quote is opened and not closed properly';
    case 'INVALID UNICODE':
      return 'bytes that are not valid UTF-8';
    case 'LINE SIZE OVER MAXIMUM':
      return 'the line is longer than 64 MB';
    default:
      return message.split('\n')[0] ?? errorType;
  }
}
