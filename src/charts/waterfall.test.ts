import { describe, expect, it } from 'vitest';
import { largestWithRest, waterfallSteps } from './waterfall';

describe('waterfallSteps', () => {
  it('runs from the first total through each change to the second', () => {
    const steps = waterfallSteps(
      { key: 'a', label: 'H2 2013', value: 10 },
      [
        { key: 'x', label: 'X', value: 6 },
        { key: 'y', label: 'Y', value: -2.5 },
      ],
      { key: 'b', label: 'H2 2014', value: 13.5 },
    );
    expect(steps.map(({ key, from, to, kind }) => [key, from, to, kind])).toEqual([
      ['a', 0, 10, 'total'],
      ['x', 10, 16, 'up'],
      ['y', 16, 13.5, 'down'],
      ['b', 0, 13.5, 'total'],
    ]);
  });

  it('draws a share shift (no totals) from zero, ending where the changes sum', () => {
    const steps = waterfallSteps(null, [{ key: 'x', label: 'X', value: 0.05 }, { key: 'y', label: 'Y', value: -0.05 }], null);
    expect(steps.at(-1)!.to).toBeCloseTo(0, 12);
    expect(steps[0]).toMatchObject({ from: 0, to: 0.05, kind: 'up' });
  });
});

describe('largestWithRest', () => {
  const changes = [3, -10, 1, 0.5, -0.25].map((value, index) => ({ key: `k${index}`, value }));
  const rest = (others: readonly { value: number }[], sum: number) => ({ key: `rest of ${others.length}`, value: sum });

  it('keeps the largest by size, either sign, and sums the rest into one', () => {
    const kept = largestWithRest(changes, 2, rest);
    expect(kept.map((change) => change.key)).toEqual(['k1', 'k0', 'rest of 3']);
    expect(kept.reduce((sum, change) => sum + change.value, 0)).toBeCloseTo(changes.reduce((sum, change) => sum + change.value, 0), 12);
    expect(kept[2]!.value).toBeCloseTo(1.25, 12);
  });

  it('does not make a bucket of one: one extra member is shown by name', () => {
    expect(largestWithRest(changes, 4, rest).map((change) => change.key)).toEqual(['k1', 'k0', 'k2', 'k3', 'k4']);
  });
});
