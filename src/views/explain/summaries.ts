import type { describeComparison, ExplainSegment, Explanation, QuerySlice, ShareShift } from '../../data';
import { periodName } from '../../data';
import { formatChange, formatCompact, formatPoints, formatShare, formatSignedCompact, type Unit } from '../../lib/format';
import type { ExplainSplit } from './declaration';
import { segmentsAt } from './explainParts';

export interface ExplanationWords {
  split: ExplainSplit;
  /** What moved: "Visitors", "Orders per 1,000 visitors". */
  what: string;
  unit: Unit;
  segmentLabel: (segment: Pick<ExplainSegment, 'first' | 'second'>) => string;
  comparison: ReturnType<typeof describeComparison>;
  view: Pick<QuerySlice, 'from' | 'to'>;
  /** A ratio: its change splits into rate and mix effects. */
  ratio: boolean;
  /** A summed measure over fewer months in one period is not a like-for-like comparison. */
  summed: boolean;
}

/**
 * One paragraph, written from the numbers: what moved and by how much, then the two or three segments that explain
 * most of it with their shares of the change, and what pulled the other way. No model: every word is chosen here.
 */
export function explanationSummary(explanation: Explanation, words: ExplanationWords): string {
  const { what, unit } = words;
  const base = periodName(words.comparison.range);
  const current = periodName(words.view);
  const value = (number: number | null) => formatCompact(number, unit);
  if (explanation.base === null && explanation.current === null) return `There is no ${what.toLowerCase()} for this selection in ${current} or ${base}.`;
  if (explanation.base === null) return `${what} has no value in ${base} to compare with: it is ${value(explanation.current)} in ${current}, all of it new.`;
  if (explanation.current === null) return `${what} has no value in ${current}: it was ${value(explanation.base)} in ${base}.`;
  const change = explanation.change ?? 0;
  const sentences: string[] = [];
  const relative = explanation.base !== 0 ? ` (${formatChange(change / explanation.base)})` : '';
  if (change === 0) {
    sentences.push(`${what} is unchanged at ${value(explanation.current)} in ${current} against ${base}.`);
  } else {
    sentences.push(
      `${what} ${change > 0 ? 'rose' : 'fell'} from ${value(explanation.base)} in ${base} to ${value(explanation.current)} in ${current}, ${formatSignedCompact(change, unit)}${relative}.`,
    );
  }
  if (words.summed && explanation.baseMonths !== explanation.currentMonths) {
    sentences.push(
      `Careful: the selection has data in ${explanation.baseMonths} ${plural(explanation.baseMonths, 'month')} of ${base} and ${explanation.currentMonths} of ${current}, so the totals do not cover the same months.`,
    );
  }
  const segments = segmentsAt(explanation, words.split).filter((segment) => segment.contribution !== null && segment.contribution !== 0);
  if (change !== 0 && segments.length > 0) {
    const direction = Math.sign(change);
    const along = segments.filter((segment) => Math.sign(segment.contribution!) === direction);
    const against = segments.filter((segment) => Math.sign(segment.contribution!) === -direction);
    const leaders = pickExplaining(along, change);
    const movement = change > 0 ? 'rise' : 'fall';
    const covered = leaders.reduce((sum, segment) => sum + segment.contribution!, 0) / change;
    if (leaders.length === 1) {
      const [leader] = leaders as [ExplainSegment];
      sentences.push(
        `${words.segmentLabel(leader)} accounts for ${formatShare(covered)} of the ${movement} (${formatSignedCompact(leader.contribution, unit)}${status(leader)}).`,
      );
    } else if (leaders.length > 1 && leaders[0]!.contribution! / change > 0.5) {
      // One segment explains most of it: say so first, then what the others add.
      const [leader, ...others] = leaders as [ExplainSegment, ...ExplainSegment[]];
      sentences.push(
        `${words.segmentLabel(leader)} accounts for ${formatShare(leader.contribution! / change)} of the ${movement} (${formatSignedCompact(leader.contribution, unit)}${status(leader)}); with ${listOf(others.map((segment) => `${words.segmentLabel(segment)} (${formatSignedCompact(segment.contribution, unit)}${status(segment)})`))}, ${formatShare(covered)}.`,
      );
    } else if (leaders.length > 1) {
      const parts = leaders.map((segment) => `${words.segmentLabel(segment)} (${formatSignedCompact(segment.contribution, unit)}${status(segment)})`);
      sentences.push(`${listOf(parts)} account for ${formatShare(covered)} of the ${movement}.`);
    }
    const largestAgainst = against[0];
    if (largestAgainst) {
      sentences.push(
        `${words.segmentLabel(largestAgainst)} moved the other way (${formatSignedCompact(largestAgainst.contribution, unit)}${status(largestAgainst)})${against.length > 1 ? `, with ${against.length - 1} more` : ''}.`,
      );
    }
  }
  if (words.ratio && change !== 0) {
    const rate = segmentsAt(explanation, words.split).reduce((sum, segment) => sum + (segment.rateEffect ?? 0), 0);
    const mix = segmentsAt(explanation, words.split).reduce((sum, segment) => sum + (segment.mixEffect ?? 0), 0);
    sentences.push(
      `Of the change, ${formatSignedCompact(rate, unit)} comes from the segments' own ratios (rate effect) and ${formatSignedCompact(mix, unit)} from the shift of visitors between segments (mix effect).`,
    );
  }
  return sentences.join(' ');
}

/** The fewest segments (at most three) pulling the change's way that explain at least 80% of it. */
function pickExplaining(along: readonly ExplainSegment[], change: number): ExplainSegment[] {
  const picked: ExplainSegment[] = [];
  let covered = 0;
  for (const segment of along) {
    if (picked.length === 3 || covered / change >= 0.8) break;
    picked.push(segment);
    covered += segment.contribution!;
  }
  return picked;
}

export interface ShareShiftWords {
  unit: Unit;
  base: string;
  current: string;
  memberPlural: string;
}

/**
 * One paragraph on who gained and who lost share, and how much of the largest gainer's growth the market's growth
 * explains. It says plainly what aggregates cannot: who took visitors from whom.
 */
export function shareShiftSummary(shift: ShareShift, words: ShareShiftWords): string {
  const moved = shift.members.filter((member) => member.shareChangePoints !== null && Math.abs(member.shareChangePoints) >= 0.05);
  const net = `These are net shares of the selection: aggregates cannot say which ${words.memberPlural} took customers from which.`;
  if (shift.baseTotal === null || shift.currentTotal === null) return `There is nothing to compare in one of the periods. ${net}`;
  if (moved.length === 0) return `Shares hardly moved between ${words.base} and ${words.current}. ${net}`;
  const gainer = [...moved].sort((a, b) => b.shareChangePoints! - a.shareChangePoints!)[0]!;
  const loser = [...moved].sort((a, b) => a.shareChangePoints! - b.shareChangePoints!)[0]!;
  const sentences = [
    `${gainer.member} gained the most share, ${formatPoints(gainer.shareChangePoints)} to ${formatShare(gainer.currentShare)}${gainer.status === 'new' ? ' (new in the selection)' : ''}` +
      (loser.shareChangePoints! < 0 ? `; ${loser.member} lost the most, ${formatPoints(loser.shareChangePoints)} to ${formatShare(loser.currentShare)}.` : '.'),
  ];
  if (gainer.marketEffect !== null && gainer.shareEffect !== null && gainer.change !== 0) {
    sentences.push(
      `Of ${gainer.member}'s change (${formatSignedCompact(gainer.change, words.unit)}), ${formatSignedCompact(gainer.marketEffect, words.unit)} is what the selection's growth would have brought at its old share, and ${formatSignedCompact(gainer.shareEffect, words.unit)} comes from its gain of share.`,
    );
  }
  sentences.push(net);
  return sentences.join(' ');
}

function status(segment: ExplainSegment): string {
  return segment.status === 'new' ? ', new' : segment.status === 'gone' ? ', gone' : '';
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
