/** One bar of a waterfall: a total drawn from zero, or a step drawn from the running total before it. */
export interface WaterfallStep {
  key: string;
  label: string;
  /** Where the bar starts and ends on the value axis. */
  from: number;
  to: number;
  /** The bar's own value: the total, or the step's change. */
  value: number;
  kind: 'total' | 'up' | 'down';
}

/**
 * The bars of a waterfall from a first total through each change to the second total. The changes are drawn in the
 * order given; the last bar is the second total as given, so a reader sees at once if the changes do not add up to
 * it (they do, for the app's explanations, to the last digit; see src/sql/explain.ts).
 */
export function waterfallSteps(
  first: { key: string; label: string; value: number } | null,
  changes: readonly { key: string; label: string; value: number }[],
  last: { key: string; label: string; value: number } | null,
): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let running = 0;
  if (first) {
    steps.push({ ...first, from: 0, to: first.value, kind: 'total' });
    running = first.value;
  }
  for (const change of changes) {
    steps.push({ ...change, from: running, to: running + change.value, kind: change.value < 0 ? 'down' : 'up' });
    running += change.value;
  }
  if (last) steps.push({ ...last, from: 0, to: last.value, kind: 'total' });
  return steps;
}

/**
 * The largest changes by size, then everything else as one change (`otherLabel`), so a waterfall stays readable:
 * the parts still add up to the same total.
 */
export function largestWithRest<T extends { value: number }>(
  changes: readonly T[],
  limit: number,
  rest: (others: readonly T[], sum: number) => T,
): T[] {
  const bySize = [...changes].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  if (bySize.length <= limit + 1) return bySize;
  const others = bySize.slice(limit);
  return [...bySize.slice(0, limit), rest(others, others.reduce((sum, change) => sum + change.value, 0))];
}
