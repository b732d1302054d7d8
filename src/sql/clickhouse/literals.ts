/**
 * ClickHouse's dialect: identifiers and values as SQL text. ClickHouse 18.16 (Debian's) has no query parameters, so
 * there every value that reaches a ClickHouse query is rendered here, with ClickHouse's escaping rules: inside '…' and
 * `…` a backslash starts an escape sequence (\\, \', \`, \n, \t, \r, \0, \xHH…), so backslashes and the quote are
 * escaped and control characters are written as escapes, never raw. On releases with query parameters, values go as
 * `{name:Type}` placeholders instead, their text in `param_<name>` ({@link clickHouseParameter}). Nothing here is
 * DuckDB's: see ../literals.ts for that.
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

/** `isoDate` after checking it is a calendar date in ClickHouse's Date range (1970…2105). */
export function checkedClickHouseDate(isoDate: string): string {
  const match = typeof isoDate === 'string' ? ISO_DATE.exec(isoDate) : null;
  if (!match) throw new Error(`not a date in YYYY-MM-DD form: ${JSON.stringify(isoDate)}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) throw new Error(`not a calendar date: ${JSON.stringify(isoDate)}`);
  if (year < 1970 || year > 2105) throw new Error(`${isoDate} is outside ClickHouse's Date range (1970–2105)`);
  return isoDate;
}

/** `toDate('YYYY-MM-DD')` after checking it is a calendar date in ClickHouse's Date range (1970…2105). */
export function clickHouseDate(isoDate: string): string {
  return `toDate('${checkedClickHouseDate(isoDate)}')`;
}

/** The first day of a `YYYY-MM` month (`YYYY-MM-01`), after checking the month. */
export function checkedClickHouseMonth(month: string): string {
  const match = typeof month === 'string' ? ISO_MONTH.exec(month) : null;
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`not a month in YYYY-MM form: ${JSON.stringify(month)}`);
  return checkedClickHouseDate(`${month}-01`);
}

/** The first day of a `YYYY-MM` month as a ClickHouse Date. */
export function clickHouseMonth(month: string): string {
  return `toDate('${checkedClickHouseMonth(month)}')`;
}

// ---- query parameters (current releases; not 18.16) ---------------------------------------------------------------

/**
 * A query parameter: the `{name:Type}` placeholder written in the SQL, and its value as ClickHouse's HTTP interface
 * takes it in `param_<name>`: text in ClickHouse's Escaped (TabSeparated) form, which the server parses with the
 * placeholder's type. Nothing of the value is ever in the SQL text.
 */
export interface ClickHouseParameter {
  type: 'String' | 'Int64' | 'UInt64' | 'Int256' | 'Float64' | 'UInt8' | 'Date';
  value: string;
}

// The Escaped form: a raw tab or line break would end the value (ClickHouse then refuses it as "not parsed
// completely"), a backslash starts an escape; everything else is taken as it is.
const ESCAPED_FORM: Record<string, string> = { '\\': '\\\\', '\0': '\\0', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A text as a String parameter's value: backslashes and control characters escaped, quotes as they are. */
export function clickHouseEscapedText(value: string): string {
  if (typeof value !== 'string') throw new Error(`not a string: ${JSON.stringify(value)}`);
  if (LONE_SURROGATE.test(value)) throw new Error(`text has an unpaired surrogate (not valid Unicode): ${JSON.stringify(value)}`);
  let out = '';
  for (const char of value) out += ESCAPED_FORM[char] ?? char;
  return out;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const INT256_MIN = -(2n ** 255n);
const INT256_MAX = 2n ** 255n - 1n;

/**
 * A filter value as a parameter, typed by what the value is (the builder does not know the column's type, and
 * ClickHouse converts the value to the column's type for `IN` as it does a literal): strings as String, whole numbers
 * as Int64 (UInt64 or Int256 past its range), other numbers as Float64, booleans as UInt8. `null` has none (isNull).
 */
export function clickHouseParameter(value: Exclude<ClickHouseValue, null>): ClickHouseParameter {
  switch (typeof value) {
    case 'string':
      return { type: 'String', value: clickHouseEscapedText(value) };
    case 'bigint':
      if (value >= INT64_MIN && value <= INT64_MAX) return { type: 'Int64', value: value.toString() };
      if (value > INT64_MAX && value <= UINT64_MAX) return { type: 'UInt64', value: value.toString() };
      if (value >= INT256_MIN && value <= INT256_MAX) return { type: 'Int256', value: value.toString() };
      throw new Error(`an integer outside ClickHouse's Int256 range: ${value}`);
    case 'boolean':
      return { type: 'UInt8', value: value ? '1' : '0' };
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
      if (Number.isSafeInteger(value)) return { type: 'Int64', value: String(value) };
      // -0 prints as 0; exponents (1e+21, 5e-7) are read as Float64 text.
      return { type: 'Float64', value: String(value) };
    default:
      throw new Error(`not a value ClickHouse can compare with: ${typeof value}`);
  }
}
