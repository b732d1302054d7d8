/**
 * Number and date formatting for people: 15.6M, $1.2B, +12.4%, Jul 2014 — in the active locale (`setFormatLocale`):
 * English as en-US (so figures read as the sources print them), Russian (15,6 млн) and Mexican Spanish (15.6 M).
 */

/** The locales the app formats in; English is en-US. */
export const FORMAT_LOCALES = ['en-US', 'ru-RU', 'es-MX'] as const;
export type FormatLocale = (typeof FORMAT_LOCALES)[number];

let active: FormatLocale = 'en-US';

/** Sets the locale every formatter below uses from now on. */
export function setFormatLocale(locale: FormatLocale): void {
  active = locale;
}

/** The locale the formatters use. */
export function formatLocale(): FormatLocale {
  return active;
}

/** One locale's formatters, built on first use. */
function formatters(locale: FormatLocale) {
  return {
    // Spanish short forms stop at millions ("1200 M"); its long forms are what people write ("1.2 mil millones").
    compact: new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: locale === 'es-MX' ? 'long' : 'short', maximumFractionDigits: 1 }),
    whole: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    signedPercent: new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
      signDisplay: 'exceptZero',
    }),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    decimals: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    oneDecimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
    monthYear: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    dayParts: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    compactMoney: new Map<string, Intl.NumberFormat>(),
    wholeMoney: new Map<string, Intl.NumberFormat>(),
  };
}
const byLocale = new Map<FormatLocale, ReturnType<typeof formatters>>();
function f(): ReturnType<typeof formatters> {
  let found = byLocale.get(active);
  if (!found) {
    found = formatters(active);
    byLocale.set(active, found);
  }
  return found;
}

/** Currencies a measure can be in (ISO 4217, lower case). */
export const CURRENCY_UNITS = ['usd', 'eur', 'gbp', 'brl', 'rub', 'mxn', 'jpy', 'cny', 'inr'] as const;
export type CurrencyUnit = (typeof CURRENCY_UNITS)[number];

/**
 * The units the app knows how to format: counts (whole), other numbers (decimals allowed), percentages given in
 * percent (32.3 → "32.3%"), durations in seconds, and money.
 */
export type Unit = 'count' | 'number' | 'percent' | 'seconds' | CurrencyUnit;

function moneyFormat(unit: CurrencyUnit, compactNotation: boolean) {
  const cache = compactNotation ? f().compactMoney : f().wholeMoney;
  let format = cache.get(unit);
  if (!format) {
    format = new Intl.NumberFormat(active, {
      style: 'currency',
      currency: unit.toUpperCase(),
      ...(compactNotation
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { maximumFractionDigits: 0 }),
    });
    cache.set(unit, format);
  }
  return format;
}
function isCurrency(unit: Unit): unit is CurrencyUnit {
  return (CURRENCY_UNITS as readonly string[]).includes(unit);
}

/**
 * Words a formatter writes beside its numbers, per locale: unit abbreviations as each language prints them in tables
 * (Russian "п. п.", "кв."), and what an invalid date is called.
 */
const WORDS: Record<FormatLocale, { hour: string; minute: string; second: string; bytes: readonly string[]; points: string; quarter: (q: number, year: number) => string; unknownDate: string; unknownMoment: string }> = {
  'en-US': { hour: 'h', minute: 'm', second: 's', bytes: ['B', 'kB', 'MB', 'GB'], points: 'pp', quarter: (q, year) => `Q${q} ${year}`, unknownDate: 'an unknown date', unknownMoment: 'an unknown moment' },
  'ru-RU': { hour: '\u00a0ч', minute: '\u00a0мин', second: '\u00a0с', bytes: ['Б', 'кБ', 'МБ', 'ГБ'], points: 'п.\u00a0п.', quarter: (q, year) => `${q} кв. ${year}`, unknownDate: 'неизвестная дата', unknownMoment: 'неизвестный момент' },
  'es-MX': { hour: '\u00a0h', minute: '\u00a0min', second: '\u00a0s', bytes: ['B', 'kB', 'MB', 'GB'], points: 'pp', quarter: (q, year) => `T${q} ${year}`, unknownDate: 'una fecha desconocida', unknownMoment: 'un momento desconocido' },
};

/** 71 → "1m 11s"; 3725 → "1h 2m"; 4.5 → "4.5s" (Russian: "1 мин 11 с"). */
export function formatDuration(seconds: number): string {
  const words = WORDS[active];
  const sign = seconds < 0 ? '-' : '';
  const total = Math.abs(seconds);
  if (total < 60) return `${sign}${f().decimals.format(Math.round(total * 10) / 10)}${words.second}`;
  const rounded = Math.round(total);
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const secs = rounded % 60;
  return hours > 0 ? `${sign}${hours}${words.hour} ${minutes}${words.minute}` : `${sign}${minutes}${words.minute} ${secs}${words.second}`;
}

/** 15600000 → "15.6M"; 1.2e9 USD → "$1.2B"; null → "–". */
export function formatCompact(value: number | null | undefined, unit: Unit = 'count'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (isCurrency(unit)) return moneyFormat(unit, true).format(value);
  if (unit === 'percent') return `${f().decimals.format(Math.round(value * 10) / 10)}%`;
  if (unit === 'seconds') return formatDuration(value);
  return f().compact.format(value);
}

/** Full precision for tables and tooltips: 15600000 → "15,600,000". */
export function formatWhole(value: number | null | undefined, unit: Unit = 'count'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (isCurrency(unit)) return moneyFormat(unit, false).format(value);
  if (unit === 'percent') return `${f().decimals.format(value)}%`;
  if (unit === 'seconds') return formatDuration(value);
  if (unit === 'number') return f().decimals.format(value);
  return f().whole.format(value);
}

/** A ratio as a signed change: 0.124 → "+12.4%". */
export function formatChange(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return f().signedPercent.format(ratio);
}

/** A share: 0.634 → "63.4%". */
export function formatShare(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '–';
  return f().percent.format(ratio);
}

/** `2014-07` or `2014-07-01` → "Jul 2014". */
export function formatMonth(isoMonth: string): string {
  const [year, month] = isoMonth.split('-').map(Number);
  if (!year || !month) return isoMonth;
  return f().monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * A day for people, day first so no reader mistakes it: "21 Nov 2026". In the reader's own time zone (a snapshot
 * taken late on the 21st in Tokyo is the 21st for its reader in Tokyo).
 */
export function formatDay(date: Date): string {
  if (!Number.isFinite(date.getTime())) return WORDS[active].unknownDate;
  const parts = Object.fromEntries(f().dayParts.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year}`;
}

/** A moment for people, to the minute: "21 Nov 2026, 14:05". */
export function formatMoment(date: Date): string {
  if (!Number.isFinite(date.getTime())) return WORDS[active].unknownMoment;
  return `${formatDay(date)}, ${f().time.format(date)}`;
}

/** Bytes for progress displays: 7_600_000 → "7.6 MB" (Russian: "7,6 МБ"). */
export function formatBytes(bytes: number): string {
  const units = WORDS[active].bytes;
  if (bytes < 1000) return `${bytes} ${units[0]}`;
  let value = bytes / 1000;
  let unit = 1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${f().oneDecimal.format(value)} ${units[unit]}`;
}

/** A period's start month as a label for its grain: Jul 2014, Q3 2014, 2014. */
export function formatPeriod(period: string, grain: 'month' | 'quarter' | 'year'): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return WORDS[active].quarter(Math.floor((month - 1) / 3) + 1, year);
  return formatMonth(period);
}

/** An index value: 123.4. */
export function formatIndex(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return f().oneDecimal.format(value);
}

const SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['b', 1e9],
  ['t', 1e12],
]);

/**
 * A number as people type it. Linear in the text: every run of blanks is bounded by a character that ends it ('-',
 * '$', a digit, the suffix), so no two `\s*` can share a run. (The earlier `^\s*(-)?\s*\$?\s*` had three in a row
 * when the sign and the dollar were absent: 4,000 blanks and an "x" took 23 s.)
 */
const HUMAN_NUMBER = /^\s*(?:(-)\s*)?(?:\$\s*)?([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)(?:\s*([kmbt]))?\s*$/i;
/** Thousands grouped by three, for a number written with commas. */
const GROUPED = /^[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?$/;

/**
 * Reads a number as people type it: "1.5B", "$2,000,000", "250k", "-3.2". Returns null for anything else, rather
 * than guessing.
 */
export function parseHumanNumber(text: string): number | null {
  const match = HUMAN_NUMBER.exec(text);
  if (!match) return null;
  const [, minus, digits, suffix] = match;
  if (digits!.includes(',') && !GROUPED.test(digits!)) return null;
  const value = Number(digits!.replaceAll(',', '')) * (suffix ? SUFFIXES.get(suffix.toLowerCase())! : 1);
  return Number.isFinite(value) ? (minus ? -value : value) : null;
}

/** A change in a measure's unit, always signed: 2100000 → "+2.1M", −400 USD → "−$400". */
export function formatSignedCompact(value: number | null | undefined, unit: Unit = 'count'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value === 0) return formatCompact(0, unit);
  return `${value > 0 ? '+' : '−'}${formatCompact(Math.abs(value), unit)}`;
}

/** A change of share in percentage points: 4.23 → "+4.2 pp" (Russian: "+4,2 п. п."). */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return '–';
  const rounded = Math.round(points * 10) / 10;
  const unit = WORDS[active].points;
  if (rounded === 0) return `${f().oneDecimal.format(0)} ${unit}`;
  return `${rounded > 0 ? '+' : '−'}${f().oneDecimal.format(Math.abs(rounded))} ${unit}`;
}
