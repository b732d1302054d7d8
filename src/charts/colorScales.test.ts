import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { divergingColorScale, legendTicks, mapColorScale, sequentialColorScale } from './colorScales';

/** Relative luminance (WCAG) of '#rrggbb' or 'rgb(r, g, b)'. */
function luminance(color: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const rgb = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(color);
  const parts = hex ? hex.slice(1).map((part) => parseInt(part, 16)) : rgb ? rgb.slice(1).map(Number) : [];
  if (parts.length !== 3) throw new Error(`not a colour: ${color}`);
  const [r, g, b] = parts.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function channels(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16)) as [number, number, number];
  return (/(\d+), ?(\d+), ?(\d+)/.exec(color)?.slice(1).map(Number) ?? [NaN, NaN, NaN]) as [number, number, number];
}

describe('sequentialColorScale', () => {
  it('runs from 0 to the largest value, skipping the darkest end of viridis', () => {
    const scale = sequentialColorScale([10, 40, null, 20]);
    expect(scale.domain).toEqual([0, 40]);
    // Computed from the data's extent by hand, not read back from the scale.
    expect(scale.color(0)).toBe(interpolateViridis(0.15));
    expect(scale.color(40)).toBe(interpolateViridis(1));
    expect(scale.color(20)).toBe(interpolateViridis(0.15 + 0.85 * 0.5));
  });

  it('gives a bigger value a different, lighter colour (viridis brightens as it rises)', () => {
    const scale = sequentialColorScale([10, 40]);
    expect(scale.color(40)).not.toBe(scale.color(10));
    expect(luminance(scale.color(40))).toBeGreaterThan(luminance(scale.color(10)));
  });

  it('survives empty, all-null, all-zero, single and all-equal data without NaN', () => {
    for (const values of [[], [null, null], [0, 0], [7], [5, 5, 5], [NaN, Infinity]]) {
      const scale = sequentialColorScale(values);
      const text = JSON.stringify([scale.domain, scale.ticks, scale.stops(5), scale.color(3), scale.color(NaN)]);
      expect(text, JSON.stringify(values)).not.toContain('NaN');
      expect(text).not.toContain('null');
    }
    expect(sequentialColorScale([]).hasData).toBe(false);
    expect(sequentialColorScale([null]).hasData).toBe(false);
    expect(sequentialColorScale([7]).domain).toEqual([0, 7]);
    expect(sequentialColorScale([0, 0]).domain).toEqual([0, 1]);
  });
});

describe('divergingColorScale', () => {
  it('is symmetric about 0 and puts falls and rises on opposite sides', () => {
    const scale = divergingColorScale([-0.1, 0.3, null]);
    expect(scale.domain).toEqual([-0.3, 0, 0.3]);
    expect(scale.color(0)).toBe(interpolateRdBu(0.5));
    const [fallRed, , fallBlue] = channels(scale.color(-0.1));
    const [riseRed, , riseBlue] = channels(scale.color(0.3));
    expect(fallRed).toBeGreaterThan(fallBlue);
    expect(riseBlue).toBeGreaterThan(riseRed);
    // Equal changes either way are equally far from the middle.
    expect(scale.color(-0.3)).toBe(interpolateRdBu(0.08));
    expect(scale.color(0.3)).toBe(interpolateRdBu(0.92));
  });

  it('survives empty and all-zero data', () => {
    expect(divergingColorScale([]).domain).toEqual([-1, 0, 1]);
    expect(divergingColorScale([0]).domain).toEqual([-1, 0, 1]);
    expect(JSON.stringify(divergingColorScale([null]).stops(5))).not.toContain('NaN');
  });

  it('is what mapColorScale gives for "diverging"', () => {
    expect(mapColorScale('diverging', [2, -1]).domain).toEqual([-2, 0, 2]);
    expect(mapColorScale('sequential', [2, -1]).kind).toBe('sequential');
  });
});

describe('legendTicks', () => {
  it('labels both ends and round values between them, three to five in all', () => {
    expect(legendTicks(0, 15_600_000, false)).toEqual([0, 5_000_000, 10_000_000, 15_600_000]);
    const diverging = legendTicks(-0.34, 0.34, true);
    expect(diverging[0]).toBe(-0.34);
    expect(diverging.at(-1)).toBe(0.34);
    expect(diverging).toContain(0);
    for (const [low, high] of [[0, 1], [0, 7], [0, 123_456], [-3, 3], [-0.02, 0.02], [0, 99], [0, 1.1], [0, 0.003]] as const) {
      const ticks = legendTicks(low, high, low < 0);
      expect(ticks.length, `${low}..${high}`).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(5);
      expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    }
  });
});
