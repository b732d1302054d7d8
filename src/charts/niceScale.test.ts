import { describe, expect, it } from 'vitest';
import { niceAxis } from './niceScale';

describe('niceAxis', () => {
  it('rounds the top of the axis up to a round tick', () => {
    const axis = niceAxis([12_000_000, 37_100_000, null]);
    expect(axis.domain).toEqual([0, 40_000_000]);
    expect(axis.ticks).toEqual([0, 10_000_000, 20_000_000, 30_000_000, 40_000_000]);
  });
  it('gives a usable axis for empty or all-zero data', () => {
    expect(niceAxis([]).domain).toEqual([0, 1]);
    expect(niceAxis([0, null]).ticks[0]).toBe(0);
  });
});

describe('niceAxis below zero', () => {
  it('reaches below zero only when a value does', () => {
    const axis = niceAxis([-0.12, 0.31]);
    expect(axis.domain[0]).toBeLessThanOrEqual(-0.12);
    expect(axis.domain[1]).toBeGreaterThanOrEqual(0.31);
    expect(axis.ticks).toContain(0);
    expect(niceAxis([5, Number.NaN, Infinity]).domain).toEqual([0, 5]);
  });
});
