/**
 * The one-paragraph summaries of an explanation and of a share shift, written from the numbers by code (no model).
 * Pure text: the rows come from src/sql/explain.ts and src/sql/shareShift.ts (their row types satisfy the shapes
 * below), the labels and the number format from the caller.
 */
import { formatChange, formatShare } from './format';

export type SummaryStatus = 'both' | 'new' | 'gone';

/** What the explanation summary reads of one segment (an ExplainRow or RatioExplainRow of one level). */
export interface ContributionLike {
  contribution: number | null;
  status: SummaryStatus;
}

export interface ChangeSummaryInput<S extends ContributionLike> {
  /** What moved, as the sentence's subject: "Visitors in Russia". */
  what: string;
  /** The total in each period (the total row's values, or its rates for a ratio); null when it has no data there. */
  base: number | null;
  current: number | null;
  /** Period names: "H2 2013", "H2 2014". */
  periods: { base: string; current: string };
  /** The segments of one level (e.g. the marketplaces), in any order. */
  segments: readonly S[];
  label: (segment: S) => string;
  /**
   * Formats an amount in the measure's unit (e.g. `(v) => formatCompact(v, 'count')` → "15.6M"). Changes are handed
   * in as magnitudes and signed here, so the format never has to.
   */
  format: (value: number) => string;
  /** For a ratio: the level's summed rate and mix effects, said after the contributors. */
  effects?: { rate: number; mix: number };
  /**
   * For a summed measure: the months with data for the selection in each period. When they differ, the paragraph
   * says the totals do not cover as many months (an averaged measure or a ratio needs no such warning).
   */
  summedMonths?: { base: number; current: number };
}

/** Contributors are listed until they explain this share of the change… */
const EXPLAINS_MOST = 0.8;
/** …and at most this many. */
const MAX_CONTRIBUTORS = 3;

/**
 * One paragraph: what moved, from what to what, by how much (absolute and relative), then the two or three segments
 * that explain most of it with their shares of the change, and the largest one that pulled the other way. Handles no
 * data, a new or gone total, no change (naming the largest offsetting pair, if any), and a single segment.
 */
export function summarizeChange<S extends ContributionLike>(input: ChangeSummaryInput<S>): string {
  const { what, base, current, periods } = input;
  const amount = (value: number) => (value < 0 ? `−${input.format(-value)}` : input.format(value));
  const signed = (value: number) => `${value < 0 ? '−' : '+'}${input.format(Math.abs(value))}`;
  const moving = input.segments.filter((s) => s.contribution !== null && s.contribution !== 0);
  const byDescending = (a: S, b: S) => Math.abs(b.contribution!) - Math.abs(a.contribution!);
  const note = (s: S) => (s.status === 'new' ? ', new' : s.status === 'gone' ? ', gone' : '');

  if (base === null && current === null) return `${what}: no data in ${periods.base} or ${periods.current}.`;
  if (current === null) return `${what} has no data in ${periods.current}, after ${amount(base!)} in ${periods.base}: there is no change to explain.`;
  if (base === null) {
    const sentences = [`${what} has no data in ${periods.base}: all of its ${amount(current)} in ${periods.current} is new.`];
    const leaders = explaining([...moving].filter((s) => Math.sign(s.contribution!) === Math.sign(current)).sort(byDescending), current);
    if (leaders.length > 0 && moving.length > 1) sentences.push(sharesSentence(leaders, current, 'of it', input.label, signed, note));
    return sentences.join(' ');
  }

  const months = input.summedMonths;
  const unequal =
    months && months.base !== months.current
      ? `The selection has data in ${monthsText(months.base)} of ${periods.base} and ${monthsText(months.current)} of ${periods.current}, so the two totals do not cover as many months.`
      : null;
  const change = current - base;
  const tolerance = 1e-9 * Math.max(Math.abs(base), Math.abs(current));
  if (Math.abs(change) <= tolerance) {
    const sentences = [`${what} did not change: ${amount(current)} in both ${periods.base} and ${periods.current}.`];
    const up = moving.filter((s) => s.contribution! > 0).sort(byDescending)[0];
    const down = moving.filter((s) => s.contribution! < 0).sort(byDescending)[0];
    if (up && down) {
      sentences.push(
        `Underneath, ${input.label(up)} (${signed(up.contribution!)}${note(up)}) and ${input.label(down)} (${signed(down.contribution!)}${note(down)}) offset each other.`,
      );
    }
    if (unequal) sentences.push(unequal);
    return sentences.join(' ');
  }

  const movement = change > 0 ? 'rise' : 'fall';
  const relative = base > 0 ? ` (${formatChange(change / base)})` : '';
  const sentences = [
    `${what} ${change > 0 ? 'rose' : 'fell'} from ${amount(base)} in ${periods.base} to ${amount(current)} in ${periods.current}, ${signed(change)}${relative}.`,
  ];
  if (input.segments.length === 1) {
    sentences.push(`It all comes from ${input.label(input.segments[0]!)}, the only one in the selection.`);
  } else {
    const along = moving.filter((s) => Math.sign(s.contribution!) === Math.sign(change)).sort(byDescending);
    const against = moving.filter((s) => Math.sign(s.contribution!) === -Math.sign(change)).sort(byDescending);
    const leaders = explaining(along, change);
    if (leaders.length > 0) sentences.push(sharesSentence(leaders, change, `of the ${movement}`, input.label, signed, note));
    const largestAgainst = against[0];
    if (largestAgainst) {
      const others = against.length - 1;
      sentences.push(
        `${input.label(largestAgainst)} pulled the other way (${signed(largestAgainst.contribution!)}${note(largestAgainst)})` +
          `${others > 0 ? `, with ${others} more ${others === 1 ? 'segment' : 'segments'} doing the same` : ''}.`,
      );
    }
  }
  if (unequal) sentences.push(unequal);
  if (input.effects) {
    sentences.push(
      `Of the change, ${signed(input.effects.rate)} comes from the segments' own rates and ${signed(input.effects.mix)} from the mix between them.`,
    );
  }
  return sentences.join(' ');
}

const monthsText = (months: number) => `${months} ${months === 1 ? 'month' : 'months'}`;

/** The fewest of `along` (largest first), at most three, that explain most of `change`. */
function explaining<S extends ContributionLike>(along: readonly S[], change: number): S[] {
  const picked: S[] = [];
  let covered = 0;
  for (const segment of along) {
    if (picked.length === MAX_CONTRIBUTORS || covered / change >= EXPLAINS_MOST) break;
    picked.push(segment);
    covered += segment.contribution!;
  }
  return picked;
}

/** "A accounts for 74% of the rise (+4.4M), B for 20% (+1.2M, new) and C for 5% (+0.3M)." */
function sharesSentence<S extends ContributionLike>(
  leaders: readonly S[],
  whole: number,
  ofWhat: string,
  label: (segment: S) => string,
  signed: (value: number) => string,
  note: (segment: S) => string,
): string {
  const share = (s: S) => formatShare(s.contribution! / whole);
  const detail = (s: S) => `(${signed(s.contribution!)}${note(s)})`;
  const part = (s: S) => `${share(s)} ${detail(s)}`;
  const [first, ...rest] = leaders as [S, ...S[]];
  const head = `${label(first)} accounts for ${share(first)} ${ofWhat} ${detail(first)}`;
  if (rest.length === 0) return `${head}.`;
  const tail = rest.map((s) => `${label(s)} for ${part(s)}`);
  const middle = tail.slice(0, -1).map((text) => `, ${text}`).join('');
  return `${head}${middle} and ${tail.at(-1)}.`;
}

/** What the share-shift summary reads of one member (a ShareShiftRow). */
export interface ShareShiftLike {
  base_share: number | null;
  current_share: number | null;
  share_change_pp: number | null;
  change: number;
  market_effect: number | null;
  share_effect: number | null;
  status: SummaryStatus;
}

export interface ShareShiftSummaryInput<M extends ShareShiftLike> {
  /** The selection, as a subject: "Visitors in Russia". */
  what: string;
  /** The selection's totals (null when a period has no data). */
  baseTotal: number | null;
  currentTotal: number | null;
  periods: { base: string; current: string };
  members: readonly M[];
  label: (member: M) => string;
  format: (value: number) => string;
  /** What is shared, for the plain warning: "visitors" → "who took visitors from whom". */
  quantity: string;
}

/** Share changes smaller than this (percentage points) are not called a gain or a loss. */
const POINTS_THAT_COUNT = 0.05;

/**
 * One paragraph on a share shift: how the selection's total moved, who gained the most share and who lost the most
 * (in percentage points), how much of the gainer's change the market's growth explains and how much its gain of
 * share, and — always — that aggregates cannot tell who took what from whom.
 */
export function summarizeShareShift<M extends ShareShiftLike>(input: ShareShiftSummaryInput<M>): string {
  const { what, baseTotal, currentTotal, periods, label } = input;
  const signed = (value: number) => `${value < 0 ? '−' : '+'}${input.format(Math.abs(value))}`;
  const plainly = `These are net changes: aggregates cannot tell who took ${input.quantity} from whom.`;
  if (baseTotal === null || currentTotal === null || baseTotal === 0 || currentTotal === 0) {
    const missing = baseTotal === null || baseTotal === 0 ? periods.base : periods.current;
    return `${what} has no data in ${missing}, so there are no shares to compare. ${plainly}`;
  }
  const change = currentTotal - baseTotal;
  const relative = baseTotal > 0 ? ` (${formatChange(change / baseTotal)})` : '';
  const sentences = [`${what} went from ${input.format(baseTotal)} in ${periods.base} to ${input.format(currentTotal)} in ${periods.current}${relative}.`];
  if (input.members.length === 1) {
    sentences.push(`${label(input.members[0]!)} is the only one in the selection, so its share stays ${formatShare(1)}.`);
    return sentences.join(' ');
  }
  const moved = input.members.filter((m) => m.share_change_pp !== null && Math.abs(m.share_change_pp) >= POINTS_THAT_COUNT);
  if (moved.length === 0) {
    sentences.push("No member's share moved by 0.05 percentage points or more.");
  } else {
    const gainer = [...moved].sort((a, b) => b.share_change_pp! - a.share_change_pp!)[0]!;
    const loser = [...moved].sort((a, b) => a.share_change_pp! - b.share_change_pp!)[0]!;
    const shareOf = (m: M, which: 'base_share' | 'current_share') => formatShare(m[which] ?? 0);
    const parts: string[] = [];
    if (gainer.share_change_pp! > 0) {
      parts.push(
        `${label(gainer)} gained the most share, ${points(gainer.share_change_pp!)} (${shareOf(gainer, 'base_share')} to ${shareOf(gainer, 'current_share')}${gainer.status === 'new' ? ', new' : ''})`,
      );
    }
    if (loser.share_change_pp! < 0) {
      parts.push(
        `${label(loser)} lost the most, ${points(loser.share_change_pp!)} (${shareOf(loser, 'base_share')} to ${shareOf(loser, 'current_share')}${loser.status === 'gone' ? ', gone' : ''})`,
      );
    }
    sentences.push(`${parts.join('; ')}.`);
    if (gainer.share_change_pp! > 0 && gainer.market_effect !== null && gainer.share_effect !== null && gainer.change !== 0) {
      sentences.push(
        `Of ${label(gainer)}'s change of ${signed(gainer.change)}, ${signed(gainer.market_effect)} is what the market's ${change >= 0 ? 'growth' : 'decline'} would have brought at its old share, and ${signed(gainer.share_effect)} comes from its gain of share.`,
      );
    }
  }
  sentences.push(plainly);
  return sentences.join(' ');
}

/** Percentage points, signed, one decimal: 4.23 → "+4.2 pp". */
function points(value: number): string {
  const rounded = Math.round(Math.abs(value) * 10) / 10;
  return `${value < 0 ? '−' : '+'}${rounded.toFixed(1)} pp`;
}
