import { scaleLinear } from 'd3-scale';

/**
 * An axis that always includes zero, with round ticks (0, 10M, 20M, 30M rather than 0, 9.5M, 19M, 28.5M), and
 * reaches below zero only when a value does (e.g. a fall against a year earlier).
 */
export function niceAxis(values: Iterable<number | null>, tickCount = 5): { domain: [number, number]; ticks: number[] } {
  let min = 0;
  let max = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    if (value > max) max = value;
    if (value < min) min = value;
  }
  if (min === 0 && max === 0) max = 1;
  const scale = scaleLinear().domain([min, max]).nice(tickCount);
  const [low, high] = scale.domain() as [number, number];
  return { domain: [low, high], ticks: scale.ticks(tickCount) };
}
