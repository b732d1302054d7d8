import { sqlLiteral } from './literals';

/**
 * Conversion of uploaded CSV fields (always loaded as VARCHAR) into typed values. The formats are detected in
 * JavaScript from a sample (src/data/upload/formats.ts); this file turns a detected format into one DuckDB expression.
 * Both sides share the regular expressions below, so a value the detector accepted is a value the SQL converts.
 *
 * Every pattern here is written in the common subset of JavaScript and RE2 (DuckDB's regex engine) syntax.
 */

/** The format of one column's values. */
export type ValueFormat =
  | { kind: 'text' }
  | {
      kind: 'number';
      decimal: '.' | ',';
      thousands: ',' | '.' | ' ' | "'" | null;
      /** Values end with '%'. The number is kept as written (`32.30%` → 32.3), not divided by 100. */
      percent: boolean;
      /** A currency symbol or code written before or after the number (`$`, `€`, `R$`, `USD`), or null. */
      currency: string | null;
      /** No value has a fraction: loaded as BIGINT, otherwise DOUBLE. */
      integer: boolean;
    }
  /** `00:01:11`, `1:02:03`, `12:34` (mm:ss), optional fraction of a second → seconds (DOUBLE). */
  | { kind: 'duration' }
  /** A DuckDB strptime format, e.g. '%Y-%m-%d', '%d/%m/%Y', '%m/%d/%y', '%d.%m.%Y', '%Y%m%d'. */
  | { kind: 'date'; format: string }
  /** A DuckDB strptime format with a time of day, e.g. '%m/%d/%Y %H:%M', '%Y-%m-%dT%H:%M:%S'. */
  | { kind: 'timestamp'; format: string }
  /** A month without a day ('%Y-%m', '%b %Y', '%YM%m'), loaded as the DATE of the month's first day. */
  | { kind: 'month'; format: string }
  /** A four-digit year, loaded as the DATE of January 1st. */
  | { kind: 'year' }
  /** true/false or yes/no, case-insensitive. */
  | { kind: 'boolean' }
  /** Countries as ISO 3166-1 alpha-2 codes, alpha-3 codes or English names; loaded as upper-case alpha-2 text. */
  | { kind: 'country'; codes: 'iso2' | 'iso3' | 'name' };

export type NumberFormat = Extract<ValueFormat, { kind: 'number' }>;

export interface Conversion {
  expression: string;
  type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';
}

/** Whitespace removed around every field before anything else: ASCII blanks plus the no-break spaces of Excel. */
export const TRIM_CHARACTERS = ' \t\r\n\u00A0\u202F';

const TRIM_SET = new Set(TRIM_CHARACTERS);

/** The JavaScript twin of the SQL trimming, so detection sees exactly what the conversion sees. */
export function trimField(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && TRIM_SET.has(value[start]!)) start++;
  while (end > start && TRIM_SET.has(value[end - 1]!)) end--;
  return value.slice(start, end);
}

/**
 * Code points above ASCII in {@link TRIM_CHARACTERS}, for the cheap "does this field need trimming at all" test.
 * A function, not a module constant: a top-level computation would keep this module in the entry bundle.
 */
function wideTrimCodePoints(): number[] {
  return [...TRIM_CHARACTERS].map((char) => char.codePointAt(0)!).filter((codePoint) => codePoint > 32);
}

/** Lower-cased, trimmed, de-duplicated tokens; the empty token is implicit (blank fields are always null). */
function normaliseTokens(tokens: readonly string[]): string[] {
  return [...new Set(tokens.map((token) => trimField(token).toLowerCase()))].filter((token) => token !== '');
}

/**
 * The field trimmed, or NULL when it is SQL NULL, blank, or one of `nullTokens` (compared after trimming,
 * case-insensitively).
 *
 * Trimming with a character list is Unicode-aware and costs about ten times a plain copy of the field (measured in
 * DuckDB-wasm: 230 ms per 400k values), so it runs only for the rare field whose first or last character is one of
 * {@link TRIM_CHARACTERS}; `ord()` of the field and of its reverse tells that for the price of a copy.
 */
export function buildPreparedField(field: string, nullTokens: readonly string[]): string {
  const tokens = normaliseTokens(nullTokens);
  const trimmed = `trim(${field}, ${sqlLiteral(TRIM_CHARACTERS)})`;
  const isToken = (value: string) => `list_contains([${['', ...tokens].map(sqlLiteral).join(', ')}], lower(${value}))`;
  // Any control character or space at either end takes the slow path (where trim decides what goes); so do the
  // two no-break spaces. Comparisons, not `IN (…)`: see buildConversion's country path for why.
  const edgeTest = (codePoint: string) => `(${codePoint} <= 32 OR ${codePoint} = ${wideTrimCodePoints().join(` OR ${codePoint} = `)})`;
  const needsTrim = `(${edgeTest(`ord(${field})`)} OR ${edgeTest(`ord(reverse(${field}))`)})`;
  return `(CASE WHEN ${field} IS NULL THEN NULL
    WHEN ${needsTrim} THEN CASE WHEN ${isToken(trimmed)} THEN NULL ELSE ${trimmed} END
    WHEN ${isToken(field)} THEN NULL ELSE ${field} END)`;
}

/**
 * TRUE when the VARCHAR expression `field` counts as null: SQL NULL, blank (only whitespace), or one of
 * `nullTokens` compared after trimming, case-insensitively.
 */
export function buildIsNullExpression(field: string, nullTokens: readonly string[]): string {
  return `(${buildPreparedField(field, nullTokens)} IS NULL)`;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared patterns

/** Escapes ASCII punctuation for a regex (RE2 rejects escapes of other characters). */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}/-]/g, '\\$&');
}

const SPACE = `[ \u00A0\u202F]`;
const SIGN = '[-+\u2212]';

/** The characters a currency may not contain: they would be confused with the number itself. */
const BAD_CURRENCY = /[0-9.,'\s%()+\-\u2212]/;

/**
 * The regex (without anchors) a whole trimmed value of `format` matches: optional sign, currency before or after,
 * grouped or plain digits, fraction unless integer, '%' when percent, or an accounting negative `(1,234)`.
 */
export function numberPattern(format: NumberFormat): string {
  const decimal = escapeRegex(format.decimal);
  const thousands = format.thousands === null ? null : format.thousands === ' ' ? SPACE : escapeRegex(format.thousands);
  const whole = thousands === null ? '[0-9]+' : `(?:[1-9][0-9]{0,2}(?:${thousands}[0-9]{3})+|[0-9]+)`;
  const body = format.integer ? whole : `(?:${whole}(?:${decimal}[0-9]+)?|${decimal}[0-9]+)`;
  const percent = format.percent ? `${SPACE}*%` : '';
  if (format.currency === null) return `(?:${SIGN}?${body}${percent}|\\(${body}${percent}\\))`;
  if (BAD_CURRENCY.test(format.currency) || format.currency === '') {
    throw new Error(`unsupported currency: ${JSON.stringify(format.currency)}`);
  }
  const currency = escapeRegex(format.currency);
  const prefix = `(?:${SIGN}?(?:${currency}${SPACE}*)?|${currency}${SPACE}*${SIGN})`;
  const suffix = `(?:${SPACE}*${currency})?`;
  return `(?:${prefix}${body}${percent}${suffix}|\\((?:${currency}${SPACE}*)?${body}${percent}${suffix}\\))`;
}

/** `12:34`, `1:02:03`, `100:00:00.5`: hours are unbounded, minutes and seconds two digits below 60. */
export const DURATION_PATTERN = '[0-9]+:[0-5][0-9](?::[0-5][0-9])?(?:\\.[0-9]+)?';

/** Four-digit years without a leading zero. */
export const YEAR_PATTERN = '[1-9][0-9]{3}';

/**
 * What each supported strptime specifier looks like. The shape is checked by regex before strptime runs because
 * strptime alone is lenient: '%d/%m/%Y' reads '1/2/17' as the year 17.
 */
export const DATE_SPECIFIER_PATTERNS: Readonly<Record<string, string>> = {
  Y: '[0-9]{4}',
  y: '[0-9]{2}',
  m: '[0-9]{1,2}',
  d: '[0-9]{1,2}',
  H: '[0-9]{1,2}',
  I: '[0-9]{1,2}',
  M: '[0-9]{2}',
  S: '[0-9]{2}',
  f: '[0-9]{1,6}',
  b: '[A-Za-z]{3}',
  B: '[A-Za-z]{3,9}',
  p: '[AaPp][Mm]',
};

/** Splits a strptime format into specifiers and literal text; throws on a specifier not listed above. */
export function parseDateFormat(format: string): ({ specifier: string } | { literal: string })[] {
  const parts: ({ specifier: string } | { literal: string })[] = [];
  for (let index = 0; index < format.length; index++) {
    const char = format[index]!;
    if (char !== '%') {
      const last = parts.at(-1);
      if (last && 'literal' in last) last.literal += char;
      else parts.push({ literal: char });
      continue;
    }
    const specifier = format[++index];
    if (specifier === undefined || !(specifier in DATE_SPECIFIER_PATTERNS)) {
      throw new Error(`unsupported date format ${JSON.stringify(format)}`);
    }
    parts.push({ specifier });
  }
  return parts;
}

/**
 * The regex (without anchors) a value of the strptime `format` matches; with `capture`, each specifier is a capture
 * group, in the order of the format (for the JavaScript reader of the same format).
 */
export function dateFormatPattern(format: string, options: { capture?: boolean } = {}): string {
  return parseDateFormat(format)
    .map((part, index, parts) => {
      if ('literal' in part) return escapeRegex(part.literal);
      // Without a separator next to it ('%Y%m%d') a one-or-two-digit field must be two digits, or '2019122' would
      // read as 2019-12-2.
      const glued = [parts[index - 1], parts[index + 1]].some((neighbour) => neighbour !== undefined && 'specifier' in neighbour);
      const pattern = glued && DATE_SPECIFIER_PATTERNS[part.specifier] === '[0-9]{1,2}' ? '[0-9]{2}' : DATE_SPECIFIER_PATTERNS[part.specifier]!;
      return options.capture ? `(${pattern})` : pattern;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion

function gate(value: string, pattern: string): string {
  return `regexp_full_match(${value}, ${sqlLiteral(pattern)})`;
}

function convertNumber(value: string, format: NumberFormat): string {
  // The gate admits only the detected shape; then every character but digits and the decimal mark is noise
  // (currency, grouping, '%', sign), and the sign is read from '-', '−' or an accounting '('.
  const digits = `regexp_replace(${value}, ${sqlLiteral(`[^0-9${escapeRegex(format.decimal)}]`)}, '', 'g')`;
  const plain = format.decimal === ',' ? `replace(${digits}, ',', '.')` : digits;
  const negative = `regexp_matches(${value}, ${sqlLiteral('[-\u2212(]')})`;
  const type = format.integer ? 'BIGINT' : 'DOUBLE';
  return `CASE WHEN ${gate(value, numberPattern(format))} THEN TRY_CAST(CASE WHEN ${negative} THEN '-' ELSE '' END || ${plain} AS ${type}) END`;
}

function convertDuration(value: string): string {
  const part = (index: number) => `TRY_CAST(split_part(${value}, ':', ${index}) AS DOUBLE)`;
  const threeParts = `${value} LIKE '%:%:%'`;
  return `CASE WHEN NOT ${gate(value, DURATION_PATTERN)} THEN NULL WHEN ${threeParts} THEN ${part(1)} * 3600 + ${part(2)} * 60 + ${part(3)} ELSE ${part(1)} * 60 + ${part(2)} END`;
}

/** The lookup keys a column of each kind may contain: codes of its own length; names may be written any way. */
const COUNTRY_KEYS: Record<Extract<ValueFormat, { kind: 'country' }>['codes'], RegExp> = {
  iso2: /^[A-Z]{2}$/,
  iso3: /^[A-Z]{3}$/,
  name: /./,
};

function convertCountry(value: string, codes: keyof typeof COUNTRY_KEYS, lookup: ReadonlyMap<string, string> | undefined): string {
  if (!lookup || lookup.size === 0) throw new Error('a country conversion needs a country lookup');
  const key = `upper(${value})`;
  const codeLiterals: string[] = [];
  const aliases: string[] = [];
  for (const [name, code] of lookup) {
    if (!COUNTRY_KEYS[codes].test(name)) continue;
    if (name === code) codeLiterals.push(sqlLiteral(code));
    else aliases.push(`${sqlLiteral(name)}: ${sqlLiteral(code)}`);
  }
  // This is the slow path (the fast path in buildConversion takes plain upper-case codes): `list_contains`, not
  // `IN (…)`, because DuckDB rewrites an IN list of five or more constants into a join, which computes its key for
  // every row, even rows a CASE sends elsewhere. Codes that are their own answer are a list, aliases a MAP.
  const known = codeLiterals.length > 0 ? `WHEN list_contains([${codeLiterals.join(', ')}], ${key}) THEN ${key}` : null;
  const alias = aliases.length > 0 ? `MAP {${aliases.join(', ')}}[${key}]` : null;
  if (known && alias) return `CASE ${known} ELSE ${alias} END`;
  return known ? `CASE ${known} END` : (alias ?? 'CAST(NULL AS VARCHAR)');
}

function convertInner(value: string, format: ValueFormat, countryLookup: ReadonlyMap<string, string> | undefined): Conversion {
  switch (format.kind) {
    case 'text':
      return { expression: value, type: 'VARCHAR' };
    case 'number':
      return { expression: convertNumber(value, format), type: format.integer ? 'BIGINT' : 'DOUBLE' };
    case 'duration':
      return { expression: convertDuration(value), type: 'DOUBLE' };
    case 'date':
    case 'month': {
      const parse = `try_strptime(${value}, ${sqlLiteral(format.format)})`;
      return { expression: `CASE WHEN ${gate(value, dateFormatPattern(format.format))} THEN CAST(${parse} AS DATE) END`, type: 'DATE' };
    }
    case 'timestamp': {
      const parse = `try_strptime(${value}, ${sqlLiteral(format.format)})`;
      return { expression: `CASE WHEN ${gate(value, dateFormatPattern(format.format))} THEN ${parse} END`, type: 'TIMESTAMP' };
    }
    case 'year':
      return { expression: `CASE WHEN ${gate(value, YEAR_PATTERN)} THEN make_date(CAST(${value} AS INTEGER), 1, 1) END`, type: 'DATE' };
    case 'boolean':
      return {
        expression: `CASE WHEN lower(${value}) IN ('true', 'yes') THEN TRUE WHEN lower(${value}) IN ('false', 'no') THEN FALSE END`,
        type: 'BOOLEAN',
      };
    case 'country':
      return { expression: convertCountry(value, format.codes, countryLookup), type: 'VARCHAR' };
  }
}

/**
 * A shortcut for the values most large files are made of (`12345`, `-3.5`, `2024-01-31`, `RU`): when the raw field
 * has exactly that shape, its value is computed directly, without trimming, null-token checks or the full pattern.
 * Each shortcut admits only fields that the full conversion would read to the same value, so it changes speed, not
 * results (the conversion tests run both paths); a null token of that shape disables the shortcut.
 */
function fastPath(
  field: string,
  format: ValueFormat,
  tokens: readonly string[],
  countryLookup: ReadonlyMap<string, string> | undefined,
): { gate: string; value: string } | null {
  const shaped = (pattern: string, value: string) => {
    const matcher = new RegExp(`^(?:${pattern})$`);
    const clashes = normaliseTokens(tokens).filter((token) => matcher.test(token) || matcher.test(token.toUpperCase()));
    const notToken = clashes.length > 0 ? ` AND NOT list_contains([${clashes.map(sqlLiteral).join(', ')}], lower(${field}))` : '';
    return { gate: `${gate(field, pattern)}${notToken}`, value };
  };
  switch (format.kind) {
    case 'number': {
      if (format.currency !== null && format.percent) return null;
      // Up to 18 digits fits a BIGINT; up to 15 + 15 keeps a DOUBLE's reading of the text exact enough to match.
      // With a decimal point these are the plain shapes the reader may type itself (readerTyping).
      const digits = format.integer
        ? PLAIN_SHAPE_PATTERNS.integer
        : format.decimal === '.'
          ? PLAIN_SHAPE_PATTERNS.decimal
          : `-?[0-9]{1,15}(?:${escapeRegex(format.decimal)}[0-9]{1,15})?`;
      const text = format.percent ? `rtrim(${field}, '%')` : field;
      const plain = format.decimal === ',' ? `replace(${text}, ',', '.')` : text;
      return shaped(format.percent ? `${digits}%` : digits, `CAST(${plain} AS ${format.integer ? 'BIGINT' : 'DOUBLE'})`);
    }
    case 'date':
      // DuckDB's own date cast reads ISO dates; it is the reader's fast path too.
      return format.format === '%Y-%m-%d' ? shaped(PLAIN_SHAPE_PATTERNS.isoDate, `TRY_CAST(${field} AS DATE)`) : null;
    case 'country': {
      if (format.codes !== 'iso2' || !countryLookup) return null;
      const codes = [...countryLookup].filter(([name, code]) => name === code && /^[A-Z]{2}$/.test(code)).map(([code]) => code);
      const blocked = new Set(normaliseTokens(tokens).map((token) => token.toUpperCase()));
      const usable = codes.filter((code) => !blocked.has(code));
      // Here `IN (…)` is right: the gate is asked of every row anyway, and DuckDB answers a long IN list with a hash
      // join on the raw field (measured: 20 ms per 400k values, against 66 ms for a regex of the codes).
      return usable.length > 0 ? { gate: `${field} IN (${usable.map(sqlLiteral).join(', ')})`, value: field } : null;
    }
    default:
      return null;
  }
}

/** The options a number format may have, and the country code kinds (the upload plan's schema uses the same lists). */
export const NUMBER_DECIMALS = ['.', ','] as const;
/** Thousands separators (or none: null). */
export const NUMBER_THOUSANDS = [',', '.', ' ', "'"] as const;
export const COUNTRY_CODES = ['iso2', 'iso3', 'name'] as const;
export const VALUE_FORMAT_KINDS = ['text', 'number', 'duration', 'date', 'timestamp', 'month', 'year', 'boolean', 'country'] as const;

/**
 * Throws unless `format` is one the conversions know, with options from their lists: a plan is checked by its schema
 * before it gets here, and this guard keeps any other path from building SQL from an unexpected option.
 */
export function assertValueFormat(format: ValueFormat): void {
  const fail = (what: string) => {
    throw new Error(`unsupported value format ${JSON.stringify(format)}: ${what}`);
  };
  if (!(VALUE_FORMAT_KINDS as readonly unknown[]).includes(format?.kind)) fail('unknown kind');
  switch (format.kind) {
    case 'number':
      if (!(NUMBER_DECIMALS as readonly unknown[]).includes(format.decimal)) fail('decimal mark');
      if (format.thousands !== null && !(NUMBER_THOUSANDS as readonly unknown[]).includes(format.thousands)) fail('thousands separator');
      if (typeof format.percent !== 'boolean' || typeof format.integer !== 'boolean') fail('percent and integer are booleans');
      if (format.currency !== null && (typeof format.currency !== 'string' || format.currency === '' || BAD_CURRENCY.test(format.currency))) {
        fail('currency');
      }
      break;
    case 'date':
    case 'timestamp':
    case 'month':
      if (typeof format.format !== 'string') fail('date format');
      parseDateFormat(format.format);
      break;
    case 'country':
      if (!(COUNTRY_CODES as readonly unknown[]).includes(format.codes)) fail('country codes');
      break;
  }
}

/**
 * SQL that converts the VARCHAR expression `field` (e.g. a quoted column name) to the format's type. Fields are
 * trimmed first (text too). Null tokens (trimmed, case-insensitive) and blank fields give NULL. A non-null field
 * that does not convert gives NULL as well — never an error — so rejects are found with
 * `NOT <buildIsNullExpression(...)> AND <expression> IS NULL`.
 *
 * For country columns 'NA' is Namibia, never a null token: it is dropped from `nullTokens`. Country columns need
 * `countryLookup`: upper-cased alpha-2 codes, alpha-3 codes and English names → alpha-2 (entries mapping a code to
 * itself are the valid codes). Build it with `countryLookup()` from src/data/upload/formats.ts: the country data
 * lives outside src/sql. Only the keys of the column's kind are used (two letters for iso2, three for iso3).
 */
export function buildConversion(
  field: string,
  format: ValueFormat,
  nullTokens: readonly string[],
  countryLookup?: ReadonlyMap<string, string>,
): Conversion {
  assertValueFormat(format);
  const tokens = conversionNullTokens(format, nullTokens);
  const inner = convertInner(buildPreparedField(field, tokens), format, countryLookup);
  const fast = fastPath(field, format, tokens, countryLookup);
  return {
    expression: fast ? `(CASE WHEN ${fast.gate} THEN ${fast.value} ELSE ${inner.expression} END)` : inner.expression,
    type: inner.type,
  };
}

/** The null tokens that apply to a column of `format`: in a country column 'NA' is Namibia, never empty. */
export function conversionNullTokens(format: ValueFormat, nullTokens: readonly string[]): string[] {
  return format.kind === 'country' ? nullTokens.filter((token) => trimField(token).toLowerCase() !== 'na') : [...nullTokens];
}

/** Plain shapes of values that DuckDB's CSV reader may type itself (see {@link readerTyping}). */
export type PlainShape = 'integer' | 'decimal' | 'isoDate';

/**
 * The regexes of {@link PlainShape}s: the shortcut in {@link buildConversion} admits these shapes, and scanFile.ts
 * checks the same shapes byte by byte (a test keeps them equal).
 */
export const PLAIN_SHAPE_PATTERNS: Readonly<Record<PlainShape, string>> = {
  integer: '-?[0-9]{1,18}',
  decimal: '-?[0-9]{1,15}(?:\\.[0-9]{1,15})?',
  isoDate: '[0-9]{4}-[0-9]{2}-[0-9]{2}',
};

/**
 * Whether a column of `format` may be typed by DuckDB's reader instead of converted, and as what: when every value
 * of the column is empty or of the returned shape, the reader's value is the conversion's (the same casts as the
 * shortcut in {@link buildConversion}, whose tests compare it with the full conversion). Null if it may not: other
 * formats, or a null token of that shape (a column where "0" means empty must not read "0" as zero).
 */
export function readerTyping(
  format: ValueFormat,
  nullTokens: readonly string[],
): { shape: PlainShape; type: 'BIGINT' | 'DOUBLE' | 'DATE' } | null {
  let typing: { shape: PlainShape; type: 'BIGINT' | 'DOUBLE' | 'DATE' } | null = null;
  if (format.kind === 'number' && format.decimal === '.' && format.currency === null && !format.percent) {
    typing = format.integer ? { shape: 'integer', type: 'BIGINT' } : { shape: 'decimal', type: 'DOUBLE' };
  } else if (format.kind === 'date' && format.format === '%Y-%m-%d') {
    typing = { shape: 'isoDate', type: 'DATE' };
  }
  if (!typing) return null;
  const matcher = new RegExp(`^(?:${PLAIN_SHAPE_PATTERNS[typing.shape]})$`);
  return normaliseTokens(conversionNullTokens(format, nullTokens)).some((token) => matcher.test(token)) ? null : typing;
}
