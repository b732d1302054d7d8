import { scaleDiverging, scaleLinear, scaleSequential } from 'd3-scale';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';

/** 'sequential' for magnitudes and shares (0 → max); 'diverging' for signed changes, centred on 0. */
export type MapScaleKind = 'sequential' | 'diverging';

/** A value → colour function with what a legend needs to explain it. */
export interface MapColorScale {
  kind: MapScaleKind;
  /** [low, high] for sequential, [low, 0, high] for diverging; always finite and of non-zero width. */
  domain: readonly number[];
  /** False when no value was finite: the legend then shows only "No data". */
  hasData: boolean;
  color: (value: number) => string;
  /** 3–5 values to label under the legend, always including both ends (and 0 for diverging). */
  ticks: readonly number[];
  /** `count` evenly spaced colours from low to high, for a CSS or SVG gradient. */
  stops: (count: number) => string[];
}

/**
 * Viridis is perceptually uniform and colour-blind safe, and neither of its ends is the page colour in either theme.
 * Its darkest tenth is all but black on the dark background, so the smallest values start a little way in.
 */
export const SEQUENTIAL_RANGE: readonly [number, number] = [0.15, 1];
/** RdBu's outer ends are too dark to tell from the dark background; trimmed equally so 0.5 stays the midpoint. */
export const DIVERGING_RANGE: readonly [number, number] = [0.08, 0.92];

/** Sequential: viridis along [0, max]. Reads the values' extent; null, NaN and ±Infinity are ignored. */
export function sequentialColorScale(values: Iterable<number | null>): MapColorScale {
  const { min, max, count } = extent(values);
  const low = Math.min(0, min);
  // All-zero or empty data would give a zero-width domain, which d3 turns into NaN colours.
  const high = Math.max(0, max) > low ? Math.max(0, max) : low + 1;
  const [from, to] = SEQUENTIAL_RANGE;
  const scale = scaleSequential((t: number) => interpolateViridis(from + (to - from) * t))
    .domain([low, high])
    .clamp(true);
  return build('sequential', [low, high], count > 0, (value) => scale(value));
}

/** Diverging: red below 0, blue above, white-ish at 0, symmetric so equal changes either way look equally strong. */
export function divergingColorScale(values: Iterable<number | null>): MapColorScale {
  const { min, max, count } = extent(values);
  const reach = Math.max(Math.abs(min), Math.abs(max));
  const m = reach > 0 ? reach : 1;
  const [from, to] = DIVERGING_RANGE;
  const scale = scaleDiverging((t: number) => interpolateRdBu(from + (to - from) * t))
    .domain([-m, 0, m])
    .clamp(true);
  return build('diverging', [-m, 0, m], count > 0, (value) => scale(value));
}

/** The scale of the given kind over the given values. */
export function mapColorScale(kind: MapScaleKind, values: Iterable<number | null>): MapColorScale {
  return kind === 'diverging' ? divergingColorScale(values) : sequentialColorScale(values);
}

function build(kind: MapScaleKind, domain: readonly number[], hasData: boolean, color: (value: number) => string): MapColorScale {
  const low = domain[0] ?? 0;
  const high = domain[domain.length - 1] ?? 1;
  return {
    kind,
    domain,
    hasData,
    // A stray NaN from the caller would otherwise become a NaN colour in an attribute.
    color: (value) => color(Number.isFinite(value) ? value : low),
    ticks: legendTicks(low, high, kind === 'diverging'),
    stops: (count) => {
      const n = Math.max(2, Math.floor(count));
      return Array.from({ length: n }, (_, i) => color(low + ((high - low) * i) / (n - 1)));
    },
  };
}

/**
 * Both ends (so the legend states the real extent, not a rounded one), plus round values in between that are not
 * crowding an end. At most five labels fit under a map legend without overlapping.
 */
export function legendTicks(low: number, high: number, includeZero: boolean): number[] {
  const span = high - low;
  if (!(span > 0)) return [low];
  const margin = span * 0.15;
  const scale = scaleLinear().domain([low, high]);
  // Fewer requested ticks means a coarser step; take the finest step that leaves at most three inner labels.
  let inner: number[] = [];
  for (const count of [4, 3, 2, 1]) {
    inner = scale.ticks(count).filter((tick) => tick > low + margin && tick < high - margin);
    if (inner.length <= 3) break;
  }
  if (includeZero && low < 0 && high > 0 && !inner.includes(0)) inner = [...inner, 0].sort((a, b) => a - b);
  // Never just the two ends: a lone pair of labels does not say the scale is linear.
  const kept = inner.length > 0 ? inner.slice(0, 3) : [(low + high) / 2];
  return [low, ...kept, high];
}

function extent(values: Iterable<number | null>): { min: number; max: number; count: number } {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    count++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return count > 0 ? { min, max, count } : { min: 0, max: 0, count: 0 };
}
