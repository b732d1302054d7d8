import type { describeComparison, ExplainSegment, Explanation, QuerySlice, ShareShift } from '../../data';
import { periodName } from '../../data';
import { t } from '../../i18n';
import { formatChange, formatCompact, formatPoints, formatShare, formatSignedCompact, type Unit } from '../../lib/format';
import type { ExplainSplit } from './declaration';
import { segmentsAt } from './explainParts';
import { messages } from './messages';

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
 * most of it with their shares of the change, and what pulled the other way. No model: every word is chosen here,
 * one message per sentence in the active language, with the figures formatted in it.
 */
export function explanationSummary(explanation: Explanation, words: ExplanationWords): string {
  const { what, unit } = words;
  const base = periodName(words.comparison.range);
  const current = periodName(words.view);
  const value = (number: number | null) => formatCompact(number, unit);
  if (explanation.base === null && explanation.current === null) return t(messages.nothing, { what: what.toLowerCase(), current, base });
  if (explanation.base === null) return t(messages.noBase, { what, base, current, value: value(explanation.current) });
  if (explanation.current === null) return t(messages.noCurrent, { what, base, current, value: value(explanation.base) });
  const change = explanation.change ?? 0;
  const sentences: string[] = [];
  if (change === 0) {
    sentences.push(t(messages.unchanged, { what, value: value(explanation.current), current, base }));
  } else {
    sentences.push(
      t(messages.moved, {
        what,
        direction: change > 0 ? 'rise' : 'fall',
        baseValue: value(explanation.base),
        base,
        currentValue: value(explanation.current),
        current,
        change: formatSignedCompact(change, unit),
        relative: explanation.base !== 0 ? formatChange(change / explanation.base) : 'none',
      }),
    );
  }
  if (words.summed && explanation.baseMonths !== explanation.currentMonths) {
    sentences.push(t(messages.careful, { baseMonths: explanation.baseMonths, base, currentMonths: explanation.currentMonths, current }));
  }
  const segments = segmentsAt(explanation, words.split).filter((segment) => segment.contribution !== null && segment.contribution !== 0);
  if (change !== 0 && segments.length > 0) {
    const direction = Math.sign(change);
    const along = segments.filter((segment) => Math.sign(segment.contribution!) === direction);
    const against = segments.filter((segment) => Math.sign(segment.contribution!) === -direction);
    const leaders = pickExplaining(along, change);
    const movement = change > 0 ? 'rise' : 'fall';
    const covered = leaders.reduce((sum, segment) => sum + segment.contribution!, 0) / change;
    const about = (segment: ExplainSegment) => ({
      segment: words.segmentLabel(segment),
      change: formatSignedCompact(segment.contribution, unit),
      status: segment.status,
    });
    const withChange = (segment: ExplainSegment) =>
      t(segment.status === 'new' ? messages.segmentChangeNew : segment.status === 'gone' ? messages.segmentChangeGone : messages.segmentChange, about(segment));
    if (leaders.length === 1) {
      const [leader] = leaders as [ExplainSegment];
      sentences.push(t(messages.leader, { ...about(leader), share: formatShare(covered), direction: movement }));
    } else if (leaders.length > 1 && leaders[0]!.contribution! / change > 0.5) {
      // One segment explains most of it: say so first, then what the others add.
      const [leader, ...others] = leaders as [ExplainSegment, ...ExplainSegment[]];
      sentences.push(
        t(messages.leaderWithOthers, {
          ...about(leader),
          share: formatShare(leader.contribution! / change),
          direction: movement,
          others: listOf(others.map(withChange)),
          covered: formatShare(covered),
        }),
      );
    } else if (leaders.length > 1) {
      sentences.push(t(messages.leaders, { segments: listOf(leaders.map(withChange)), covered: formatShare(covered), direction: movement }));
    }
    const largestAgainst = against[0];
    if (largestAgainst) sentences.push(t(messages.against, { ...about(largestAgainst), more: against.length - 1 }));
  }
  if (words.ratio && change !== 0) {
    const rate = segmentsAt(explanation, words.split).reduce((sum, segment) => sum + (segment.rateEffect ?? 0), 0);
    const mix = segmentsAt(explanation, words.split).reduce((sum, segment) => sum + (segment.mixEffect ?? 0), 0);
    sentences.push(t(messages.rateAndMix, { rate: formatSignedCompact(rate, unit), mix: formatSignedCompact(mix, unit) }));
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
  const net = t(messages.net, { members: words.memberPlural });
  if (shift.baseTotal === null || shift.currentTotal === null) return `${t(messages.nothingToCompare)} ${net}`;
  if (moved.length === 0) return `${t(messages.hardlyMoved, { base: words.base, current: words.current })} ${net}`;
  const gainer = [...moved].sort((a, b) => b.shareChangePoints! - a.shareChangePoints!)[0]!;
  const loser = [...moved].sort((a, b) => a.shareChangePoints! - b.shareChangePoints!)[0]!;
  const sentences = [
    t(messages.gainer, {
      gainer: gainer.member,
      gainerPoints: formatPoints(gainer.shareChangePoints),
      gainerShare: formatShare(gainer.currentShare),
      gainerNew: gainer.status === 'new' ? 'yes' : 'no',
      hasLoser: loser.shareChangePoints! < 0 ? 'yes' : 'no',
      loser: loser.member,
      loserPoints: formatPoints(loser.shareChangePoints),
      loserShare: formatShare(loser.currentShare),
    }),
  ];
  if (gainer.marketEffect !== null && gainer.shareEffect !== null && gainer.change !== 0) {
    sentences.push(
      t(messages.gainerEffects, {
        gainer: gainer.member,
        change: formatSignedCompact(gainer.change, words.unit),
        market: formatSignedCompact(gainer.marketEffect, words.unit),
        share: formatSignedCompact(gainer.shareEffect, words.unit),
      }),
    );
  }
  sentences.push(net);
  return sentences.join(' ');
}

/** "A", "A and B", "A, B and C", in the active language. */
function listOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return t(messages.list, { head: parts.slice(0, -1).join(', '), last: parts.at(-1)! });
}
