import { describe, expect, it } from 'vitest';
import { getWorldFeatures, worldFrame, worldShapes } from './worldGeometry';

describe('getWorldFeatures', () => {
  const { countries, unassigned } = getWorldFeatures();
  const codes = new Set(countries.map((country) => country.code));

  it('keys the big markets by alpha-2', () => {
    for (const code of ['RU', 'MX', 'US', 'BR', 'DE', 'GB', 'IN', 'NG', 'JP', 'AU']) expect(codes, code).toContain(code);
    expect(countries.length).toBeGreaterThanOrEqual(150);
  });

  it('drops Antarctica, keeps one feature per code, and keeps the areas without a code drawable', () => {
    expect(codes).not.toContain('AQ');
    expect(countries.some((country) => country.name === 'Antarctica')).toBe(false);
    expect(codes.size).toBe(countries.length);
    expect(codes).toContain('XK');
    expect(unassigned.length).toBeGreaterThan(0);
  });

  it('converts once', () => {
    expect(getWorldFeatures()).toBe(getWorldFeatures());
    expect(worldShapes(960)).toBe(worldShapes(960));
  });
});

describe('worldFrame', () => {
  it('fits the map to the frame it is given', () => {
    const frame = worldFrame(400, 300);
    const features = getWorldFeatures().countries.map((country) => country.feature);
    const [[x0, y0], [x1, y1]] = frame.path.bounds({ type: 'FeatureCollection', features });
    expect(x0).toBeGreaterThanOrEqual(-1);
    expect(y0).toBeGreaterThanOrEqual(-1);
    expect(x1).toBeLessThanOrEqual(401);
    expect(y1).toBeLessThanOrEqual(301);
  });

  it('without a height, is as tall as the map needs at that width', () => {
    const frame = worldFrame(960);
    expect(frame.height).toBeGreaterThan(300);
    expect(frame.height).toBeLessThan(500);
  });

  it('gives every country a path and a finite anchor', () => {
    for (const shape of worldShapes(960).countries) {
      expect(shape.d, shape.code).toMatch(/^M/);
      expect(shape.d).not.toContain('NaN');
      expect(shape.centroid.every(Number.isFinite)).toBe(true);
    }
  });
});
