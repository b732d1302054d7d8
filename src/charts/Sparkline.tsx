/** A point of a sparkline, in SVG user units. */
export interface SparkPoint {
  x: number;
  y: number;
}

/** The geometry of a sparkline: one path per unbroken run of values, and where the last value sits. */
export interface SparklineGeometry {
  /** SVG path data, one entry per run between gaps. A run of one value is a lone `M`, drawn as a dot instead. */
  segments: string[];
  /** Values with no neighbour on either side: a path would not show them, so they get a dot. */
  isolated: SparkPoint[];
  last: SparkPoint | null;
}

export interface SparklineProps {
  /** One value per step, oldest first; null is a gap. */
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  color?: string;
  /** Without a label the sparkline is decoration (aria-hidden): the number beside it carries the meaning. */
  ariaLabel?: string;
}

const DOT_RADIUS = 2;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Lays out `values` in a `width`×`height` box, inset by `padding` so the end dot is not clipped. The largest value
 * is at the top and the smallest at the bottom (the line shows shape, not distance from zero); a flat series sits
 * in the middle. Nulls and non-finite values split the line: a gap is never drawn through, or as, zero.
 */
export function buildSparkline(values: readonly (number | null)[], width: number, height: number, padding = DOT_RADIUS + 1): SparklineGeometry {
  const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!finite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const innerWidth = Math.max(0, width - 2 * padding);
  const innerHeight = Math.max(0, height - 2 * padding);
  const step = values.length > 1 ? innerWidth / (values.length - 1) : 0;
  const xAt = (index: number) => round(values.length > 1 ? padding + index * step : width / 2);
  const yAt = (value: number) => round(max > min ? padding + ((max - value) / (max - min)) * innerHeight : height / 2);

  const runs: SparkPoint[][] = [];
  let current: SparkPoint[] | null = null;
  values.forEach((value, index) => {
    if (!finite(value)) {
      current = null;
      return;
    }
    if (!current) {
      current = [];
      runs.push(current);
    }
    current.push({ x: xAt(index), y: yAt(value) });
  });

  const segments = runs.map((run) => run.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(''));
  const isolated = runs.filter((run) => run.length === 1).map((run) => run[0]!);
  const last = runs.at(-1)?.at(-1) ?? null;
  return { segments, isolated, last };
}

/** A tiny inline line of recent values with a dot on the latest one. Plain SVG, a pure function of its props. */
export function Sparkline({ values, width = 96, height = 24, color = 'var(--accent)', ariaLabel }: SparklineProps) {
  const { segments, isolated, last } = buildSparkline(values, width, height);
  const labelled = ariaLabel !== undefined && ariaLabel !== '';
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={labelled ? 'img' : undefined}
      aria-label={labelled ? ariaLabel : undefined}
      aria-hidden={labelled ? undefined : true}
      data-testid="sparkline"
      style={{ overflow: 'visible', verticalAlign: 'middle' }}
    >
      {segments.map((d, index) => (
        <path key={index} d={d} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      ))}
      {isolated.map((point) => (
        <circle key={`${point.x}`} cx={point.x} cy={point.y} r={1} fill={color} />
      ))}
      {last ? <circle className="sparkline-last" cx={last.x} cy={last.y} r={DOT_RADIUS} fill={color} /> : null}
    </svg>
  );
}
