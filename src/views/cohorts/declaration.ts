import { z } from 'zod/mini';
import { choiceSetting, expectedChoices, optionalSetting } from '../../state/viewState';
import { list, maybeNumber, month, number, text } from '../../state/resultSchemas';
import { localText } from '../../i18n';
import { messages } from '../messages';
import { defineView, type ResolveContext } from '../declaration';

/** How a cohort's curve is drawn: the measure as measured, or indexed to its entry month (= 100). */
export const COHORT_MODES = ['measured', 'indexed'] as const;
export type CohortMode = (typeof COHORT_MODES)[number];
/** How many months after entry are shown. */
export const COHORT_SPANS = ['24', '36', '60', 'all'] as const;
export type CohortSpan = (typeof COHORT_SPANS)[number];
/** Whether pairs whose entry is before the data starts (unknown) are drawn. */
export const COHORT_UNKNOWN = ['exclude', 'include'] as const;
/** The pairs a link may name, written as text: short enough for a link, long enough for a dozen pairs. */
export const MAX_PAIRS_TEXT = 280;

/** One pair: a member of the first dimension (a marketplace) in one of the second (a country). */
export interface CohortPairKey {
  first: string;
  second: string;
}

const PAIR_SEPARATOR = ',';
const MEMBER_SEPARATOR = '~';

/** Pairs as one link parameter: `AliExpress~RU,Temu~US`; a separator or backslash inside a name is escaped. */
export function encodePairs(pairs: readonly CohortPairKey[]): string {
  const escape = (name: string) => name.replace(/[\\,~]/g, (character) => `\\${character}`);
  return pairs.map((pair) => `${escape(pair.first)}${MEMBER_SEPARATOR}${escape(pair.second)}`).join(PAIR_SEPARATOR);
}

/** Reads {@link encodePairs}' text: the pairs, and the parts that are not pairs (a name without its partner). */
export function decodePairs(encoded: string): { pairs: CohortPairKey[]; unreadable: string[] } {
  const pairs: CohortPairKey[] = [];
  const unreadable: string[] = [];
  for (const part of splitUnescaped(encoded, PAIR_SEPARATOR)) {
    const members = splitUnescaped(part, MEMBER_SEPARATOR).map(unescape);
    if (members.length === 2 && members[0] !== '' && members[1] !== '') pairs.push({ first: members[0]!, second: members[1]! });
    else if (part !== '') unreadable.push(unescape(part));
  }
  return { pairs, unreadable };
}

function splitUnescaped(textValue: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < textValue.length; index++) {
    const character = textValue[index]!;
    if (character === '\\' && index + 1 < textValue.length) {
      current += character + textValue[++index]!;
    } else if (character === separator) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

const unescape = (name: string) => name.replace(/\\(.)/g, '$1');

/**
 * The two dimensions a cohort pairs: the first (the one series are drawn per: the marketplace) and, in the role of
 * the country, the country dimension, else the next dimension that is not one of the first's roll-up levels. None
 * when the dataset has a single dimension (or only its roll-ups).
 */
export function cohortDimensions<D extends { id: string; rollsUpTo?: string; display?: 'text' | 'country' }>(
  dimensions: readonly D[],
): { first: D; second: D } | null {
  const first = dimensions[0];
  if (!first) return null;
  const rollUps = new Set<string>();
  for (let level = first.rollsUpTo; level && !rollUps.has(level); level = dimensions.find((d) => d.id === level)?.rollsUpTo) rollUps.add(level);
  const candidates = dimensions.filter((dimension) => dimension.id !== first.id && !rollUps.has(dimension.id));
  const second = candidates.find((dimension) => dimension.display === 'country') ?? candidates.find((dimension) => !isRollUpOfAny(dimension, candidates));
  return second ? { first, second } : null;
}

/** A region or sub-region: some other candidate rolls up to it. */
function isRollUpOfAny(dimension: { id: string }, dimensions: readonly { rollsUpTo?: string }[]): boolean {
  return dimensions.some((other) => other.rollsUpTo === dimension.id);
}

const pairShape = {
  first: text(),
  second: text(),
  entryMonth: month,
  unknownEntry: z.boolean(),
  periodValue: maybeNumber,
};

/** Launch-aligned cohorts: each marketplace in each country by months since it entered there. */
export const cohorts = defineView({
  id: 'cohorts',
  label: 'Since launch',
  settings: {
    cohortMode: choiceSetting(COHORT_MODES, 'measured', expectedChoices(COHORT_MODES, 'or')),
    cohortMonths: choiceSetting(COHORT_SPANS, '36'),
    /** The pairs drawn; null = the largest pairs with a known entry. */
    cohortPairs: optionalSetting(
      z.string().check(z.minLength(1), z.maxLength(MAX_PAIRS_TEXT)),
      localText(messages.expectedPairs, { max: MAX_PAIRS_TEXT }),
    ),
    cohortUnknown: choiceSetting(COHORT_UNKNOWN, 'exclude', expectedChoices(COHORT_UNKNOWN, 'or')),
  },
  resolve: (state, context) => ({ ...state, cohortPairs: resolvePairs(state.cohortPairs, context) }),
  snapshot: {
    cohorts: z.object({
      dataFirstMonth: z.nullable(month),
      dataLastMonth: z.nullable(month),
      pairsTotal: number,
      pairs: list(z.object(pairShape)),
      series: list(z.object({ ...pairShape, values: list(maybeNumber) })),
      missing: list(z.object({ first: text(), second: text() })),
    }),
  },
});

/** Keeps the pairs whose members the dataset has, with a notice for the rest; null when none is left. */
function resolvePairs(encoded: string | null, { dimensions, membersOf, notices }: ResolveContext): string | null {
  if (encoded === null) return null;
  const roles = cohortDimensions(dimensions);
  if (!roles) {
    notices.push(localText(messages.cohortsOneDimension));
    return null;
  }
  const { pairs, unreadable } = decodePairs(encoded);
  const firsts = new Set(membersOf(roles.first.id));
  const seconds = new Set(membersOf(roles.second.id));
  const known = pairs.filter((pair) => firsts.has(pair.first) && seconds.has(pair.second));
  const dropped = [...unreadable, ...pairs.filter((pair) => !known.includes(pair)).map((pair) => `${pair.first} · ${pair.second}`)];
  if (dropped.length > 0) {
    const shown = dropped.slice(0, 3).map((name) => JSON.stringify(name.slice(0, 40))).join(', ');
    notices.push(localText(messages.cohortsUnknownPairs, { count: dropped.length, shown, more: Math.max(0, dropped.length - 3) }));
  }
  return known.length > 0 ? encodePairs(known) : null;
}
