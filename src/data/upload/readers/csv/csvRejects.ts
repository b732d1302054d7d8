/** How the CSV reader's own rejects are described to people: the column by its header, the reason in words. */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
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
      return counts ? t(messages.tooFewFieldsCounted, { found: counts[2], expected: counts[1] }) : t(messages.tooFewFields);
    case 'TOO MANY COLUMNS': {
      if (!counts) return t(messages.tooManyFields);
      const found = fieldsInLine !== null && fieldsInLine > Number(counts[1]) ? fieldsInLine : Number(counts[2]);
      return t(messages.tooManyFieldsCounted, { found: String(found), expected: counts[1] });
    }
    case 'UNQUOTED VALUE':
      return t(messages.quoteNotClosed);
    case 'INVALID UNICODE':
      return t(messages.invalidUtf8Reason);
    case 'LINE SIZE OVER MAXIMUM':
      return t(messages.lineTooLong);
    default:
      return message.split('\n')[0] ?? errorType;
  }
}
