import { describe, expect, it } from 'vitest';
import { labelInterval } from './SeriesChart';

describe('labelInterval', () => {
  it('shows every label that fits, else every n-th at even steps', () => {
    // "Dec 2014": 8 characters, 80 px a label.
    expect(labelInterval(6, 500, 8)).toBe(0); // 6 labels fit in 500 px: all shown
    expect(labelInterval(12, 500, 8)).toBe(1); // 6 fit: every second month
    expect(labelInterval(144, 500, 8)).toBe(23); // 12 years of months: one label every 2 years
    expect(labelInterval(144, 1100, 8)).toBe(11); // 13 fit: every 12th month
  });

  it('never divides by nothing: a chart not yet measured, no periods, empty labels', () => {
    expect(labelInterval(10, 0, 8)).toBe(9);
    expect(labelInterval(0, 500, 8)).toBe(0);
    expect(labelInterval(5, 500, 0)).toBe(0);
  });
});
