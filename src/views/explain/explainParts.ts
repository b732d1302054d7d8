import { largestWithRest, waterfallSteps, type WaterfallStep } from '../../charts/waterfall';
import type { ExplainSegment, Explanation, ShareShift } from '../../data';
import type { ExplainSplit } from './declaration';

/** Bars a waterfall shows by name before the rest become one bar. */
export const WATERFALL_LIMIT = 8;

/** The segments of one level, largest contribution (by size) first. */
export function segmentsAt(explanation: Explanation, split: ExplainSplit): ExplainSegment[] {
  return explanation.segments
    .filter((segment) => segment.level === split)
    .sort((a, b) => Math.abs(b.contribution ?? 0) - Math.abs(a.contribution ?? 0));
}

/** A segment's key: the member, or "member · member" for a pair (also the key a table row and a bar use). */
export function segmentKey(segment: Pick<ExplainSegment, 'first' | 'second'>): string {
  return [segment.first, segment.second].filter((part) => part !== null).join(' · ');
}

/**
 * The waterfall of an explanation at one level: the compared period's total, the largest contributions, the rest as
 * one bar, the period's total. Null when either total is unknown (nothing to go from or to).
 */
export function explanationWaterfall(
  explanation: Explanation,
  split: ExplainSplit,
  labels: { base: string; current: string; segment: (segment: ExplainSegment) => string; rest: (count: number) => string },
): WaterfallStep[] | null {
  if (explanation.base === null || explanation.current === null) return null;
  const changes = segmentsAt(explanation, split).map((segment) => ({
    key: segmentKey(segment),
    label: labels.segment(segment),
    value: segment.contribution ?? 0,
  }));
  const kept = largestWithRest(changes, WATERFALL_LIMIT, (others, sum) => ({ key: '__rest', label: labels.rest(others.length), value: sum }));
  return waterfallSteps({ key: '__base', label: labels.base, value: explanation.base }, kept, {
    key: '__current',
    label: labels.current,
    value: explanation.current,
  });
}

/** The share shift as a waterfall of percentage points from zero (it ends at zero: shares still make 100%). */
export function shareShiftWaterfall(shift: ShareShift, rest: (count: number) => string): WaterfallStep[] {
  const changes = shift.members
    .filter((member) => member.shareChangePoints !== null)
    .map((member) => ({ key: member.member, label: member.member, value: member.shareChangePoints! }));
  return waterfallSteps(null, largestWithRest(changes, WATERFALL_LIMIT, (others, sum) => ({ key: '__rest', label: rest(others.length), value: sum })), null);
}

/** A part of a change as a share of the whole change; null when there is no change to share out. */
export function shareOfChange(part: number | null, change: number | null): number | null {
  if (part === null || change === null || change === 0) return null;
  return part / change;
}
