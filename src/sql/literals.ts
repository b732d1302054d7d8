/**
 * The one place where values become SQL text. Everything that came from a CSV header, a URL or a user goes through
 * these functions; nothing else in the app concatenates user strings into SQL.
 */

/** Quotes an identifier (table or column name) for DuckDB: `my "col"` → `"my ""col"""`. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new Error('empty identifier');
  if (name.includes('\0')) throw new Error(`identifier contains a NUL character: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value that can appear as a SQL literal. */
export type SqlValue = string | number | boolean | null;

/** Renders a value as a SQL literal: strings single-quoted with quotes doubled, numbers only when finite. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (value.includes('\0')) throw new Error(`string contains a NUL character: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Renders a calendar date `YYYY-MM-DD` as a DuckDB DATE literal, after checking that it is a real date. */
export function sqlDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`not a date in YYYY-MM-DD form: ${JSON.stringify(isoDate)}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new Error(`not a calendar date: ${JSON.stringify(isoDate)}`);
  }
  return `DATE '${isoDate}'`;
}

/** Renders a boolean option (`header = true`): only a real boolean, never a text that looks like one. */
export function sqlBoolean(value: boolean): string {
  if (typeof value !== 'boolean') throw new Error(`not a boolean: ${JSON.stringify(value)}`);
  return value ? 'true' : 'false';
}

/**
 * Renders a whole number (a LIMIT, a column count) after checking it is an integer within `[min, max]`: a fraction,
 * NaN, a string or an out-of-range value throws instead of reaching SQL text.
 */
export function sqlInteger(value: number, bounds: { min?: number; max?: number } = {}): string {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`not a whole number: ${JSON.stringify(value)}`);
  if (value < min || value > max) throw new Error(`${value} is outside ${min}…${max}`);
  return String(value);
}
