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
