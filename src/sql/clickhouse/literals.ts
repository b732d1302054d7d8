/**
 * ClickHouse's dialect: identifiers and values as SQL text. ClickHouse 18.16 (Debian's) has no query parameters, so
 * every value that reaches a ClickHouse query is rendered here, with ClickHouse's escaping rules: inside '…' and `…`
 * a backslash starts an escape sequence (\\, \', \`, \n, \t, \r, \0, \xHH…), so backslashes and the quote are escaped
 * and control characters are written as escapes, never raw. Nothing here is DuckDB's: see ../literals.ts for that.
 */

/** A value a filter can hold. */
export type ClickHouseValue = string | number | bigint | boolean | null;

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Escapes the inside of a quoted string or identifier; `quote` is ' or `. */
function escapeQuoted(text: string, quote: "'" | '`'): string {
  if (LONE_SURROGATE.test(text)) throw new Error(`text has an unpaired surrogate (not valid Unicode): ${JSON.stringify(text)}`);
  let out = '';
  for (const char of text) {
    const named = NAMED_ESCAPES[char];
    if (named !== undefined) out += named;
    else if (char === quote) out += `\\${quote}`;
    else if (char < ' ' || char === '\x7f') out += `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out;
}

/** Quotes a table, database or column name: `it's` → `it's` in backticks, `a\`b` → `a\\\`b`, newlines as \n. */
export function quoteClickHouseIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new Error('empty identifier');
  return `\`${escapeQuoted(name, '`')}\``;
}

/** `database`.`table`, or `table` alone when no database is given (the connection's default database). */
export function quoteClickHouseTable(table: string, database?: string): string {
  const quoted = quoteClickHouseIdentifier(table);
  return database === undefined || database === '' ? quoted : `${quoteClickHouseIdentifier(database)}.${quoted}`;
}

/** A string literal in single quotes with ClickHouse's backslash escapes. */
export function clickHouseString(value: string): string {
  if (typeof value !== 'string') throw new Error(`not a string: ${JSON.stringify(value)}`);
  return `'${escapeQuoted(value, "'")}'`;
}

/** Any filter value: strings quoted, numbers only when finite, bigints as integers, booleans as 1/0, null as NULL. */
export function clickHouseLiteral(value: ClickHouseValue): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'string':
      return clickHouseString(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? '1' : '0';
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
      // -0 prints as 0; exponents (1e+21, 5e-7) are read by ClickHouse as Float64.
      return String(value);
    default:
      throw new Error(`not a value ClickHouse can compare with: ${typeof value}`);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** `toDate('YYYY-MM-DD')` after checking it is a calendar date in ClickHouse's Date range (1970…2105). */
export function clickHouseDate(isoDate: string): string {
  const match = typeof isoDate === 'string' ? ISO_DATE.exec(isoDate) : null;
  if (!match) throw new Error(`not a date in YYYY-MM-DD form: ${JSON.stringify(isoDate)}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) throw new Error(`not a calendar date: ${JSON.stringify(isoDate)}`);
  if (year < 1970 || year > 2105) throw new Error(`${isoDate} is outside ClickHouse's Date range (1970–2105)`);
  return `toDate('${isoDate}')`;
}

/** The first day of a `YYYY-MM` month as a ClickHouse Date. */
export function clickHouseMonth(month: string): string {
  const match = typeof month === 'string' ? ISO_MONTH.exec(month) : null;
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`not a month in YYYY-MM form: ${JSON.stringify(month)}`);
  return clickHouseDate(`${month}-01`);
}
