import type { CohortPair, CohortSeries } from '../../data';
import { t } from '../../i18n';
import { formatCompact, formatIndex, formatLocale, formatMonth, type Unit } from '../../lib/format';
import { messages } from './messages';
import { encodePairs, type CohortMode, type CohortPairKey, type CohortSpan } from './declaration';

/** A pair's curve as drawn: its name, and its values by months since entry (measured or indexed), cut to the span. */
export interface CohortLine {
  key: string;
  /** "AliExpress · Russia", marked when its entry is unknown. */
  name: string;
  pair: CohortSeries;
  values: (number | null)[];
}

/** The key of a pair in pickers, tables and links: its encoded form. */
export const pairKey = (pair: CohortPairKey): string => encodePairs([pair]);

/** How members are named for people (a country code becomes the country's name). */
export interface PairNaming {
  first: (member: string) => string;
  second: (member: string) => string;
}

/** "AliExpress · Russia"; an unknown entry says so, with the month the data starts. */
export function pairName(pair: CohortPair, naming: PairNaming): string {
  const name = `${naming.first(pair.first)} · ${naming.second(pair.second)}`;
  return pair.unknownEntry ? t(messages.pairUnknown, { pair: name, month: formatMonth(pair.entryMonth) }) : name;
}

/** Country names read with "the" after "in": the United States, the Netherlands, the Czech Republic. */
const WITH_THE = /\b(Republic|Kingdom|States|Emirates|Islands|Federation|Union)\b/;
const ALSO_WITH_THE = new Set(['Netherlands', 'Philippines', 'Bahamas', 'Gambia', 'Maldives', 'Comoros', 'Seychelles', 'Vatican City']);

/** A place as it reads after "in": "the United States", "the Netherlands", "Brazil"; a name with "the" is kept. */
export function placeName(name: string): string {
  if (/^the /i.test(name)) return name;
  return WITH_THE.test(name) || ALSO_WITH_THE.has(name) ? `the ${name}` : name;
}

/** Months since entry shown: 0 to the span (inclusive), or as far as the longest curve for "all". */
export function monthsShown(span: CohortSpan, series: readonly CohortSeries[]): number {
  if (span === 'all') return Math.max(1, ...series.map((line) => line.values.length));
  return Number(span) + 1;
}

/**
 * A curve indexed to its entry month (= 100). The entry month is by definition the first month above zero, so the
 * base is never zero; for an unknown entry it is the data's first month.
 */
export function indexedAtEntry(values: readonly (number | null)[]): (number | null)[] {
  const base = values[0];
  if (base === null || base === undefined || base <= 0) return values.map(() => null);
  return values.map((value) => (value === null ? null : (value / base) * 100));
}

/** The curves as drawn: measured or indexed, every one `months` long (null past the data's last month). */
export function cohortLines(series: readonly CohortSeries[], mode: CohortMode, months: number, naming: PairNaming): CohortLine[] {
  return series.map((pair) => {
    const values = mode === 'indexed' ? indexedAtEntry(pair.values) : pair.values;
    return {
      key: pairKey(pair),
      name: pairName(pair, naming),
      pair,
      values: Array.from({ length: months }, (_, age) => values[age] ?? null),
    };
  });
}

export interface SummaryWords {
  mode: CohortMode;
  unit: Unit;
  /** The measure as it reads after a number: "visitors", "GMV". */
  measure: string;
  naming: PairNaming;
}

/** Ages a summary prefers to compare at: a year after entry, else a later anniversary. */
const SUMMARY_AGES = [12, 24, 36, 60];

/**
 * One sentence on the curves: at one age (a year after entry if two of them reach it, else a later anniversary,
 * else the oldest age two reach), the largest curve against the next. Unknown entries are left out of the
 * comparison: their real age is not known.
 */
export function cohortSummary(lines: readonly CohortLine[], words: SummaryWords): string {
  const known = lines.filter((line) => !line.pair.unknownEntry);
  const unknownNote = lines.length > known.length ? ` ${t(messages.unknownNote)}` : '';
  const reaching = (age: number) => known.filter((line) => line.values[age] !== null && line.values[age] !== undefined);
  const span = Math.max(0, ...known.map((line) => line.values.length));
  const oldest = (count: number) => Array.from({ length: span }, (_, age) => span - 1 - age).find((age) => reaching(age).length >= count);
  const age = SUMMARY_AGES.find((candidate) => reaching(candidate).length >= 2) ?? oldest(2) ?? oldest(1);
  if (age === undefined) return `${t(messages.noCurve)}${unknownNote}`;
  const [leader, next] = [...reaching(age)].sort((a, b) => b.values[age]! - a.values[age]!);
  // placeName adds the English "the" ("in the United States"); names in other languages have no English words.
  const where = (line: CohortLine) => t(messages.where, { first: words.naming.first(line.pair.first), place: placeName(words.naming.second(line.pair.second)) });
  const measured = (line: CohortLine) => ({ age, where: where(line), value: formatCompact(line.values[age], words.unit), measure: words.measure });
  const indexed = (line: CohortLine) => ({ age, where: where(line), index: formatIndex(line.values[age]) });
  if (!next) return `${words.mode === 'indexed' ? t(messages.oneIndexed, indexed(leader!)) : t(messages.oneMeasured, measured(leader!))}${unknownNote}`;
  const ratio = next.values[age]! > 0 ? leader!.values[age]! / next.values[age]! : null;
  const sentence =
    words.mode === 'indexed'
      ? t(messages.twoIndexed, { ...indexed(leader!), nextIndex: formatIndex(next.values[age]), next: where(next) })
      : ratio === null
        ? t(messages.twoMeasuredNone, { ...measured(leader!), next: where(next) })
        : t(messages.twoMeasured, { ...measured(leader!), multiple: formatMultiple(ratio), next: where(next) });
  return `${sentence}${unknownNote}`;
}

/** 3.14 → "3.1×", in the active locale ("3,1×"). */
function formatMultiple(ratio: number): string {
  const digits = ratio >= 10 ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  return t(messages.multiple, { ratio: new Intl.NumberFormat(formatLocale(), digits).format(ratio) });
}

/** The measure's label as it reads after a number: lower case, unless it is an abbreviation (GMV). */
export function measureWord(label: string): string {
  return label === label.toUpperCase() ? label : label.toLowerCase();
}
