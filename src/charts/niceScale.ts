import { scaleLinear } from 'd3-scale';

/** A zero-based axis with round ticks (0, 10M, 20M, 30M rather than 0, 9.5M, 19M, 28.5M). */
export function niceAxis(values: Iterable<number | null>, tickCount = 5): { domain: [number, number]; ticks: number[] } {
  let max = 0;
  for (const value of values) if (value !== null && value > max) max = value;
  const scale = scaleLinear().domain([0, max > 0 ? max : 1]).nice(tickCount);
  const [low, high] = scale.domain() as [number, number];
  return { domain: [low, high], ticks: scale.ticks(tickCount) };
}
