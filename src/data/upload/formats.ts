import { getAlpha3Codes } from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import {
  buildConversion,
  dateFormatPattern,
  DURATION_PATTERN,
  numberPattern,
  parseDateFormat,
  trimField,
  type Conversion,
  type NumberFormat,
  type ValueFormat,
} from '../../sql';

/**
 * Detection of a column's value format from a sample of its text. The choice is strict: a format is chosen only when
 * every non-null sample value fits it (country columns with a 'country' header excepted, see below), otherwise the
 * column stays text. The regexes come from src/sql/convert.ts, so whatever is detected here converts in DuckDB.
 */

export type { ValueFormat, NumberFormat, Conversion } from '../../sql';

export interface ColumnProfile {
  format: ValueFormat;
  /** Other plausible formats, best first (e.g. '%d/%m/%Y' when '%m/%d/%Y' was chosen and every value fits both). */
  alternatives: ValueFormat[];
  /** True when the choice cannot be made from the data (ambiguous day/month): the UI must ask the user. */
  ambiguous: boolean;
  /** The null tokens seen in this column's sample, as written (trimmed), e.g. ['', 'NA', '(not set)']. */
  nullTokens: string[];
  nullCount: number;
  distinctCount: number;
  sampleSize: number;
  /** Why it is text although it looks numeric: 'leading zeros' | 'beyond 2^53'; null otherwise. */
  keptAsText: string | null;
}

export interface DetectionHints {
  /** The CSV delimiter: with ';' comma decimals (and day-first dates) are the likelier reading. */
  delimiter?: string;
}

/**
 * Field values that mean "no value", compared after trimming and case-insensitively (so 'n/a', 'NULL', 'nan' are
 * covered). '(not set)' is Google Analytics' placeholder. '(none)' is deliberately absent: in analytics exports it is
 * a real category (the medium of direct traffic). In country columns 'NA' is Namibia and is not a null.
 */
export const DEFAULT_NULL_TOKENS: readonly string[] = ['', 'NA', 'N/A', '#N/A', 'null', 'None', 'NaN', '-', '--', '(not set)'];

const NULL_SET = new Set(DEFAULT_NULL_TOKENS.map((token) => token.toLowerCase()));

const isNullToken = (value: string) => NULL_SET.has(value.toLowerCase());

// ---------------------------------------------------------------------------------------------------------------
// Countries

type CountryCodes = Extract<ValueFormat, { kind: 'country' }>['codes'];

/** Common spellings missing from i18n-iso-countries' English names, and non-ISO codes seen in statistics. */
const EXTRA_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  KOREA: 'KR',
  'VIET NAM': 'VN',
  'THE NETHERLANDS': 'NL',
  HOLLAND: 'NL',
  UAE: 'AE',
  BURMA: 'MM',
  SWAZILAND: 'SZ',
  MACEDONIA: 'MK',
  'MACEDONIA (FYROM)': 'MK',
  'CAPE VERDE': 'CV',
  'CABO VERDE': 'CV',
};
const EXTRA_ISO2: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

let lookup: ReadonlyMap<string, string> | null = null;

/**
 * Upper-cased alpha-2 code, alpha-3 code or English name → ISO 3166-1 alpha-2, for `buildConversion`. Built once from
 * i18n-iso-countries plus a few common spellings. Names shared by two countries ('Congo') are left out: they would
 * be a guess.
 */
export function countryLookup(): ReadonlyMap<string, string> {
  if (lookup) return lookup;
  const map = new Map<string, string>();
  const shared = new Set<string>();
  for (const [code, names] of Object.entries(en.countries as Record<string, string | string[]>)) {
    for (const name of typeof names === 'string' ? [names] : names) {
      const key = name.toUpperCase();
      if (map.has(key) && map.get(key) !== code) shared.add(key);
      map.set(key, code);
    }
  }
  for (const key of shared) map.delete(key);
  for (const [name, code] of Object.entries(EXTRA_COUNTRY_NAMES)) if (!map.has(name)) map.set(name, code);
  // The names analytics tools write (Google Analytics uses CLDR's: "Bosnia & Herzegovina", "Myanmar (Burma)",
  // "Congo - Brazzaville", "Côte d’Ivoire"), from the runtime's own CLDR data, with '&' and bracket variants.
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const code of Object.values(getAlpha3Codes())) {
    for (const style of ['long', 'short'] as const) {
      let name: string | undefined;
      try {
        name = new Intl.DisplayNames(['en'], { type: 'region', style, fallback: 'none' }).of(code) ?? display.of(code);
      } catch {
        name = undefined;
      }
      if (!name) continue;
      const variants = [name, name.replaceAll('&', 'and'), name.replace(/\s*\(.*\)\s*$/, ''), name.replaceAll('’', "'")];
      for (const variant of variants) {
        const key = variant.toUpperCase();
        if (key && !shared.has(key) && !map.has(key)) map.set(key, code);
      }
    }
  }
  for (const [code3, code2] of Object.entries(getAlpha3Codes())) {
    map.set(code2, code2);
    map.set(code3, code2);
  }
  for (const [alias, code] of Object.entries(EXTRA_ISO2)) map.set(alias, code);
  lookup = map;
  return map;
}

/** `buildConversion` with the country lookup filled in when the format needs it. */
export function conversionFor(field: string, format: ValueFormat, nullTokens: readonly string[]): Conversion {
  return buildConversion(field, format, nullTokens, format.kind === 'country' ? countryLookup() : undefined);
}

const COUNTRY_HEADER = /countr|nation|^geo$|^iso[ _-]?(2|3|code)?$/i;

function detectCountry(header: string, values: readonly string[]): ValueFormat | null {
  const distinct = [...new Set(values.map((value) => value.toUpperCase()))];
  if (distinct.length === 0) return null;
  const hinted = COUNTRY_HEADER.test(header);
  // With a country header a few unknown spellings are tolerated (they become rejects); without one, none are.
  const needed = hinted ? 0.9 : 1;
  // The same key shapes the conversion uses (src/sql/convert.ts): codes of their own length, names anyhow.
  const candidates: [CountryCodes, RegExp][] = [
    ['iso2', /^[A-Z]{2}$/],
    ['iso3', /^[A-Z]{3}$/],
    ['name', /[A-Z]/],
  ];
  const known = countryLookup();
  for (const [codes, shape] of candidates) {
    if (!distinct.every((value) => shape.test(value))) continue;
    const share = distinct.filter((value) => known.has(value)).length / distinct.length;
    if (share >= needed && (hinted || distinct.length >= 2)) return { kind: 'country', codes };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** Longest first, so 'R$' wins over '$'. */
const CURRENCIES = ['US$', 'R$', 'A$', 'C$', '$', '€', '£', '¥', '₽', '₹', '₩', '₺', 'USD', 'EUR', 'GBP', 'JPY', 'RUB', 'BRL', 'CNY', 'INR', 'CHF'];

type Separators = Pick<NumberFormat, 'decimal' | 'thousands'>;

const POINT_FIRST: Separators[] = [
  { decimal: '.', thousands: null },
  { decimal: '.', thousands: ',' },
  { decimal: '.', thousands: ' ' },
  { decimal: '.', thousands: "'" },
];
const COMMA_FIRST: Separators[] = [
  { decimal: ',', thousands: null },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  { decimal: ',', thousands: "'" },
];

/** The JavaScript twin of the SQL number conversion (the value already passed the format's pattern). */
export function parseNumber(value: string, format: NumberFormat): number {
  const digits = value.replace(format.decimal === ',' ? /[^0-9,]/g : /[^0-9.]/g, '').replace(',', '.');
  const number = Number(digits);
  return /[-\u2212(]/.test(value) ? -number : number;
}

/** The numbers a format reads from the values, as one comparable string. */
const readings = (values: readonly string[], format: NumberFormat) => values.map((value) => parseNumber(value, format)).join('|');

const fullMatch = (pattern: string) => new RegExp(`^(?:${pattern})$`, 'u');

interface NumberDetection {
  format: NumberFormat;
  alternatives: NumberFormat[];
  keptAsText: string | null;
}

function detectNumber(values: readonly string[], hints: DetectionHints): NumberDetection | null {
  if (!values.every((value) => /[0-9]/.test(value))) return null;
  const currencies = new Set<string>();
  for (const value of values) {
    const found = CURRENCIES.find((currency) => value.includes(currency));
    if (found) currencies.add(found);
  }
  if (currencies.size > 1) return null;
  const currency = [...currencies][0] ?? null;
  const percent = values.every((value) => value.includes('%'));
  const commaFirst = hints.delimiter === ';' && values.some((value) => /[.,]/.test(value));
  const orders = commaFirst ? [...COMMA_FIRST, ...POINT_FIRST] : [...POINT_FIRST, ...COMMA_FIRST];

  const fitting: NumberFormat[] = [];
  for (const separators of orders) {
    const general: NumberFormat = { kind: 'number', ...separators, percent, currency, integer: false };
    const pattern = fullMatch(numberPattern(general));
    if (!values.every((value) => pattern.test(value))) continue;
    const integerPattern = fullMatch(numberPattern({ ...general, integer: true }));
    fitting.push({ ...general, integer: values.every((value) => integerPattern.test(value)) });
  }
  const [format, ...others] = fitting;
  if (!format) return null;
  // Alternatives are the readings that give different numbers ('1,234': 1234, or 1.234 with a decimal comma).
  const seen = new Set([readings(values, format)]);
  const alternatives = others.filter((other) => {
    const reading = readings(values, other);
    if (seen.has(reading)) return false;
    seen.add(reading);
    return true;
  });

  const leadingZero = values.some((value) => {
    const first = value.search(/[0-9]/);
    return value[first] === '0' && /[0-9]/.test(value[first + 1] ?? '');
  });
  if (leadingZero) return { format, alternatives, keptAsText: 'leading zeros' };
  const limit = 2n ** 53n;
  const tooBig = values.some((value) => {
    if (value.includes(format.decimal)) return false;
    const digits = value.replace(/[^0-9]/g, '');
    return BigInt(digits) > limit;
  });
  if (tooBig) return { format, alternatives, keptAsText: 'beyond 2^53' };
  return { format, alternatives, keptAsText: null };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates, times and durations

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const parsers = new Map<string, { regex: RegExp; specifiers: string[] }>();

/**
 * Reads `value` with a strptime `format` the way DuckDB does (same shape regex, same range checks): the date parts,
 * or null when strptime would fail.
 */
export function parseDate(value: string, format: string): DateParts | null {
  let parser = parsers.get(format);
  if (!parser) {
    const specifiers = parseDateFormat(format).flatMap((part) => ('specifier' in part ? [part.specifier] : []));
    parser = { regex: new RegExp(`^${dateFormatPattern(format, { capture: true })}$`), specifiers };
    parsers.set(format, parser);
  }
  const match = parser.regex.exec(value);
  if (!match) return null;
  const parts: DateParts = { year: 2000, month: 1, day: 1 };
  let hour12: number | null = null;
  for (const [index, specifier] of parser.specifiers.entries()) {
    const text = match[index + 1]!;
    const number = Number(text);
    switch (specifier) {
      case 'Y':
        parts.year = number;
        break;
      case 'y':
        // DuckDB, like C: 69–99 → 19xx, 00–68 → 20xx.
        parts.year = number >= 69 ? 1900 + number : 2000 + number;
        break;
      case 'm':
        parts.month = number;
        break;
      case 'd':
        parts.day = number;
        break;
      case 'b':
      case 'B': {
        const lower = text.toLowerCase();
        const month = MONTHS.findIndex((name) => (specifier === 'b' ? name.slice(0, 3) === lower : name === lower));
        if (month < 0) return null;
        parts.month = month + 1;
        break;
      }
      case 'H':
        if (number > 23) return null;
        break;
      case 'I':
        hour12 = number;
        break;
      case 'M':
      case 'S':
        if (number > 59) return null;
        break;
    }
  }
  if (hour12 !== null && (hour12 < 1 || hour12 > 12)) return null;
  if (parts.month < 1 || parts.month > 12 || parts.day < 1) return null;
  const daysInMonth = new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate();
  return parts.day <= daysInMonth ? parts : null;
}

/**
 * Candidate formats, most likely first. Each inner list is one shape read in different orders (day/month); when more
 * than one reading of a shape fits every value the data cannot decide and the profile is ambiguous. Slash dates are
 * read month-first by default (US exports, Excel's 10/2/2017 10:56), dotted and dashed ones day-first.
 */
function dateGroups(dayFirst: boolean): string[][] {
  const order = (monthFirst: string, dayFirstFormat: string) => (dayFirst ? [dayFirstFormat, monthFirst] : [monthFirst, dayFirstFormat]);
  return [
    ['%Y-%m-%d'],
    ['%Y/%m/%d'],
    ['%Y.%m.%d'],
    order('%m/%d/%Y', '%d/%m/%Y'),
    order('%m/%d/%y', '%d/%m/%y'),
    ['%d.%m.%Y', '%m.%d.%Y'],
    ['%d.%m.%y', '%m.%d.%y'],
    ['%d-%m-%Y', '%m-%d-%Y'],
    ['%d %b %Y'],
    ['%d-%b-%Y'],
    ['%d-%b-%y'],
    ['%b %d, %Y'],
    ['%d %B %Y'],
    ['%B %d, %Y'],
  ];
}

const TIME_SUFFIXES = [' %H:%M', ' %H:%M:%S', ' %H:%M:%S.%f', ' %I:%M %p', ' %I:%M:%S %p'];
const ISO_TIME_SUFFIXES = ['T%H:%M', 'T%H:%M:%S', 'T%H:%M:%S.%f', 'T%H:%M:%SZ', 'T%H:%M:%S.%fZ'];

const MONTH_FORMATS = ['%Y-%m', '%Y/%m', '%m/%Y', '%m-%Y', '%m.%Y', '%b %Y', '%B %Y', '%b-%y', '%b-%Y', '%YM%m'];

/** A header that speaks of time: needed before 20140705 or 201407 are read as dates rather than numbers. */
const TIME_HEADER = /date|day|month|period|time|week|year|yyyy|^dt$|_dt$/i;
const YEAR_HEADER = /(^|[^a-z])(year|yr|jahr|año|anno|année)s?([^a-z]|$)/i;

interface Choice {
  format: ValueFormat;
  alternatives: ValueFormat[];
  ambiguous: boolean;
}

function fitsAll(values: readonly string[], format: string): boolean {
  return values.every((value) => parseDate(value, format) !== null);
}

function chooseFromGroups(values: readonly string[], groups: string[][], kind: 'date' | 'timestamp' | 'month'): Choice | null {
  for (const group of groups) {
    const fitting = group.filter((format) => fitsAll(values, format));
    const [first, ...rest] = fitting;
    if (first === undefined) continue;
    return {
      format: { kind, format: first },
      alternatives: rest.map((format) => ({ kind, format })),
      ambiguous: rest.length > 0,
    };
  }
  return null;
}

function detectTemporal(header: string, values: readonly string[], hints: DetectionHints): Choice | null {
  const timeHeader = TIME_HEADER.test(header);
  if (YEAR_HEADER.test(header) && values.every((value) => /^[0-9]{4}$/.test(value) && Number(value) >= 1800 && Number(value) <= 2100)) {
    return { format: { kind: 'year' }, alternatives: [], ambiguous: false };
  }
  if (timeHeader && values.every((value) => /^[0-9]{8}$/.test(value)) && fitsAll(values, '%Y%m%d')) {
    return { format: { kind: 'date', format: '%Y%m%d' }, alternatives: [], ambiguous: false };
  }
  if (timeHeader && values.every((value) => /^[0-9]{6}$/.test(value)) && fitsAll(values, '%Y%m')) {
    return { format: { kind: 'month', format: '%Y%m' }, alternatives: [], ambiguous: false };
  }
  // Only shapes with separators below: bare digits are numbers unless the header said otherwise.
  if (values.every((value) => /^[0-9]+$/.test(value))) return null;
  if (values.every((value) => new RegExp(`^(?:${DURATION_PATTERN})$`).test(value))) {
    return { format: { kind: 'duration' }, alternatives: [], ambiguous: false };
  }
  const groups = dateGroups(hints.delimiter === ';');
  const timestampGroups = [
    ...ISO_TIME_SUFFIXES.map((suffix) => [`%Y-%m-%d${suffix}`]),
    ...groups.flatMap((group) => TIME_SUFFIXES.map((suffix) => group.map((format) => format + suffix))),
  ];
  return (
    chooseFromGroups(values, groups, 'date') ??
    chooseFromGroups(values, timestampGroups, 'timestamp') ??
    chooseFromGroups(values, MONTH_FORMATS.map((format) => [format]), 'month')
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The profile

/**
 * Profiles one column from a sample of its raw field values: its format, the alternatives, whether the user must
 * choose (ambiguous day/month order), and the null tokens seen. Values are trimmed first, like the SQL conversion.
 */
export function profileColumn(header: string, values: readonly string[], hints: DetectionHints = {}): ColumnProfile {
  const fields = values.map(trimField);
  const tokens = new Set<string>();
  const present: string[] = [];
  let nullCount = 0;
  for (const field of fields) {
    if (field === '' || isNullToken(field)) {
      tokens.add(field);
      nullCount++;
    } else {
      present.push(field);
    }
  }
  const base = { nullCount, distinctCount: new Set(present).size, sampleSize: values.length };
  const profile = (choice: Choice, keptAsText: string | null = null): ColumnProfile => ({
    ...choice,
    nullTokens: [...tokens],
    ...base,
    keptAsText,
  });
  const text = (keptAsText: string | null = null, alternatives: ValueFormat[] = []) =>
    profile({ format: { kind: 'text' }, alternatives, ambiguous: false }, keptAsText);

  // 'NA' is Namibia in a country column: try countries with it counted as a value.
  const withNa = fields.filter((field) => field !== '' && (!isNullToken(field) || field.toLowerCase() === 'na'));
  if (present.length === 0 && withNa.length === 0) return text();
  // Under a country header 'NO' is Norway: countries are tried before booleans there.
  const country = detectCountry(header, withNa);
  if (!COUNTRY_HEADER.test(header) && present.length > 0 && present.every((value) => /^(true|false|yes|no)$/i.test(value))) {
    return profile({ format: { kind: 'boolean' }, alternatives: [], ambiguous: false });
  }
  if (country) {
    for (const token of tokens) if (token.toLowerCase() === 'na') tokens.delete(token);
    return {
      format: country,
      alternatives: [],
      ambiguous: false,
      nullTokens: [...tokens],
      nullCount: fields.length - withNa.length,
      distinctCount: new Set(withNa).size,
      sampleSize: values.length,
      keptAsText: null,
    };
  }
  if (present.length === 0) return text();

  const temporal = detectTemporal(header, present, hints);
  if (temporal) return profile(temporal);
  const number = detectNumber(present, hints);
  if (number) {
    if (number.keptAsText) return text(number.keptAsText, [number.format]);
    return profile({ format: number.format, alternatives: number.alternatives, ambiguous: false });
  }
  return text();
}
