import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const result = nelderMead(([x, y]) => (x! - 3) ** 2 + 10 * (y! + 2) ** 2, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 5);
    expect(result.x[1]).toBeCloseTo(-2, 5);
    expect(result.value).toBeLessThan(1e-9);
  });

  it('follows the curved valley of the Rosenbrock function to (1, 1)', () => {
    const rosenbrock = ([x, y]: number[]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 5000 });
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it('minimises a 6-dimensional sum of squares started at 0', () => {
    const target = [1, -2, 3, -4, 5, 0.5];
    const result = nelderMead((x) => x.reduce((s, xi, i) => s + (xi - target[i]!) ** 2, 0), target.map(() => 0));
    result.x.forEach((xi, i) => expect(xi).toBeCloseTo(target[i]!, 4));
  });

  it('stops at the evaluation budget and still returns the best point seen', () => {
    let calls = 0;
    const result = nelderMead(
      ([x]) => {
        calls += 1;
        return Math.abs(x! - 7);
      },
      [0],
      { maxEvaluations: 15 },
    );
    expect(result.evaluations).toBeLessThanOrEqual(17);
    expect(calls).toBe(result.evaluations);
    expect(result.value).toBeLessThan(7);
  });

  it('treats NaN as worse than any number', () => {
    const result = nelderMead(([x]) => (x! < 0 ? NaN : (x! - 2) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(2, 5);
  });
});
