// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Sparkline, buildSparkline } from './Sparkline';

afterEach(cleanup);

/** Every number in a path's data, in order: [x0, y0, x1, y1, …]. */
function coordinates(d: string): number[] {
  return (d.match(/-?\d+(\.\d+)?(e-?\d+)?|NaN|Infinity/g) ?? []).map(Number);
}

describe('buildSparkline', () => {
  it('maps the largest value to the top and the smallest to the bottom, evenly spaced in x', () => {
    // 100×20 box with padding 0: x = i * 100/4, y = (max - v) / (max - min) * 20.
    const { segments, last } = buildSparkline([10, 20, 15, 30, 20], 100, 20, 0);
    expect(segments).toHaveLength(1);
    expect(coordinates(segments[0]!)).toEqual([0, 20, 25, 10, 50, 15, 75, 0, 100, 10]);
    expect(segments[0]!.startsWith('M')).toBe(true);
    expect(last).toEqual({ x: 100, y: 10 });
  });

  it('respects the padding', () => {
    const { segments } = buildSparkline([0, 4], 20, 10, 2);
    expect(coordinates(segments[0]!)).toEqual([2, 8, 18, 2]);
  });

  it('splits the line at nulls instead of drawing through zero', () => {
    // x step = 60 / 6 = 10; range 1..5 over a height of 8 → 2 units per step down from 5.
    const { segments, isolated, last } = buildSparkline([1, 5, null, null, 3, 4, null], 60, 8, 0);
    expect(segments).toHaveLength(2);
    expect(coordinates(segments[0]!)).toEqual([0, 8, 10, 0]);
    expect(coordinates(segments[1]!)).toEqual([40, 4, 50, 2]);
    expect(isolated).toEqual([]);
    // The last non-null value is index 5, not the trailing null.
    expect(last).toEqual({ x: 50, y: 2 });
    for (const segment of segments) expect(segment.match(/M/g)).toHaveLength(1);
  });

  it('marks values with gaps on both sides as isolated points', () => {
    const { segments, isolated } = buildSparkline([null, 2, null, 4, 6], 40, 10, 0);
    expect(segments).toHaveLength(2);
    expect(isolated).toEqual([{ x: 10, y: 10 }]);
  });

  it('never produces NaN for empty, all-null, single or flat input', () => {
    const cases: (number | null)[][] = [[], [null], [null, null], [5], [5, 5], [Number.NaN, 3]];
    for (const values of cases) {
      const geometry = buildSparkline(values, 96, 24);
      // JSON.stringify would print NaN as null, so check every number directly.
      const numbers = [
        ...geometry.segments.flatMap(coordinates),
        ...[...geometry.isolated, ...(geometry.last ? [geometry.last] : [])].flatMap((p) => [p.x, p.y]),
      ];
      expect(geometry.segments.join(' '), JSON.stringify(values)).not.toMatch(/NaN|Infinity/);
      for (const n of numbers) expect(Number.isFinite(n), JSON.stringify(values)).toBe(true);
    }
    expect(buildSparkline([], 96, 24)).toEqual({ segments: [], isolated: [], last: null });
    expect(buildSparkline([null], 96, 24).last).toBeNull();
    expect(buildSparkline([5], 96, 24).last).toEqual({ x: 48, y: 12 });
    // A flat series sits in the middle rather than at the top or bottom.
    expect(coordinates(buildSparkline([5, 5], 96, 24, 0).segments[0]!)).toEqual([0, 12, 96, 12]);
  });
});

describe('Sparkline', () => {
  it('renders a labelled image with one path per segment and a dot on the last value', () => {
    render(<Sparkline values={[1, 2, null, 3, 4]} ariaLabel="GMV trend" color="#e15759" />);
    const svg = screen.getByRole('img', { name: 'GMV trend' });
    expect(svg.getAttribute('width')).toBe('96');
    expect(svg.getAttribute('height')).toBe('24');
    expect(svg.querySelectorAll('path')).toHaveLength(2);
    const dot = svg.querySelector('circle.sparkline-last');
    expect(dot?.getAttribute('fill')).toBe('#e15759');
    expect(svg.innerHTML).not.toContain('NaN');
  });

  it('is hidden from assistive technology without a label, and draws nothing for no data', () => {
    render(<Sparkline values={[null, null]} />);
    const svg = screen.getByTestId('sparkline');
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelectorAll('path, circle')).toHaveLength(0);
  });
});
