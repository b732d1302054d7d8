import type { MouseEvent } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { ScatterPointItem, TooltipContentProps } from 'recharts';
import { scaleLinear, scaleLog } from 'd3-scale';
import { formatWhole } from '../lib/format';
import { t, useT } from '../i18n';
import { useLocaleFormatter } from './useLocaleFormatter';
import { messages } from './messages';

/** One dot: e.g. a marketplace in a country, placed by two measures and coloured by its group. */
export interface ScatterPoint {
  id: string;
  /** Shown as the tooltip title, e.g. "AliExpress · Russia". */
  label: string;
  x: number;
  y: number;
  group: string;
}

export interface ScatterPlotProps {
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
  colorFor: (group: string) => string;
  /** Log axes for both x and y; points with a zero or negative value cannot be placed and are left out, with a note. */
  logScale?: boolean;
  /** `additive` is true when Shift, Cmd or Ctrl was held. */
  onSelect?: (point: ScatterPoint, additive: boolean) => void;
  ariaLabel: string;
  /** A fixed width in pixels instead of filling the container (ResponsiveContainer measures 0 in jsdom). */
  width?: number;
  height?: number;
}

/** More dots than this turn into an unreadable blot and a slow SVG. */
export const MAX_SCATTER_POINTS = 2000;

/** What {@link prepareScatterPoints} kept and why it left the rest out. */
export interface PreparedScatter {
  points: ScatterPoint[];
  /** Points left out because log axes cannot place zero or negative values. */
  droppedNonPositive: number;
  /** Points left out because x or y was not a finite number. */
  droppedInvalid: number;
  /** Points that could be drawn, before the cap. */
  available: number;
}

/**
 * The points to draw: finite values only; in log mode positive values only; at most `cap` of them, keeping the ones
 * with the largest y (the leaders are what people look for) in their input order.
 */
export function prepareScatterPoints(points: readonly ScatterPoint[], logScale: boolean, cap = MAX_SCATTER_POINTS): PreparedScatter {
  let droppedInvalid = 0;
  let droppedNonPositive = 0;
  const drawable: ScatterPoint[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) droppedInvalid++;
    else if (logScale && (point.x <= 0 || point.y <= 0)) droppedNonPositive++;
    else drawable.push(point);
  }
  if (drawable.length <= cap) return { points: drawable, droppedNonPositive, droppedInvalid, available: drawable.length };
  const kept = new Set(
    drawable
      .map((point, index) => ({ point, index }))
      .sort((a, b) => b.point.y - a.point.y || a.index - b.index)
      .slice(0, cap)
      .map((entry) => entry.point),
  );
  return { points: drawable.filter((point) => kept.has(point)), droppedNonPositive, droppedInvalid, available: drawable.length };
}

/** The sentences under the chart that say which points are not drawn, in the active language (call it at render time). */
export function scatterNotes(prepared: PreparedScatter, yLabel: string): string[] {
  const notes: string[] = [];
  if (prepared.droppedNonPositive > 0) {
    const n = prepared.droppedNonPositive;
    notes.push(t(messages.nonPositive, { count: n, shown: formatWhole(n) }));
  }
  if (prepared.droppedInvalid > 0) {
    const n = prepared.droppedInvalid;
    notes.push(t(messages.invalid, { count: n, shown: formatWhole(n) }));
  }
  if (prepared.points.length < prepared.available) {
    notes.push(t(messages.capped, { shown: formatWhole(prepared.points.length), available: formatWhole(prepared.available), measure: yLabel }));
  }
  return notes;
}

interface AxisSpec {
  domain: [number, number];
  ticks: number[];
}

function axisFor(values: readonly number[], logScale: boolean): AxisSpec {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (logScale) {
    if (!(min > 0)) return { domain: [1, 10], ticks: [1, 10] };
    const scale = scaleLog().domain([min, max > min ? max : min * 10]).nice();
    const ticks = scale.ticks();
    // Over several decades d3 offers 1–9 in each; powers of ten alone are easier to read.
    const decades = ticks.filter((tick) => Number.isInteger(Math.log10(tick)));
    return { domain: scale.domain() as [number, number], ticks: ticks.length > 8 && decades.length >= 2 ? decades : ticks };
  }
  // Zero-based like the other charts, unless a value is negative.
  const scale = scaleLinear().domain([Math.min(0, min === Infinity ? 0 : min), max > 0 ? max : 1]).nice(5);
  return { domain: scale.domain() as [number, number], ticks: scale.ticks(5) };
}

/**
 * What Recharts gets per dot. Recharts spreads each datum's fields onto the dot's <path>, so a point's own `id`
 * would become a DOM id (duplicates, clashes with the page); nesting the point keeps it out of the markup.
 */
interface PlotDatum {
  x: number;
  y: number;
  point: ScatterPoint;
}

const toDatum = (point: ScatterPoint): PlotDatum => ({ x: point.x, y: point.y, point });

function isAdditive(event: MouseEvent | undefined): boolean {
  return Boolean(event && (event.shiftKey || event.metaKey || event.ctrlKey));
}

/** Room under the x-axis ticks for the axis title: the title sits in the chart's bottom margin, never below it. */
const X_TITLE_SPACE = 28;

/**
 * Points on two measures, one colour per group, with a legend of the groups. Log axes spread out markets that
 * differ by orders of magnitude. A pure function of its props.
 *
 * The legend is HTML below the drawing, like the other charts' legends: Recharts' own legend shares the drawing's
 * bottom edge with the x-axis title, and at narrow widths (many groups wrapping into rows) the two collided.
 */
export function ScatterPlot(props: ScatterPlotProps) {
  const { xLabel, yLabel, colorFor, logScale = false, onSelect, ariaLabel, width, height = 360 } = props;
  // The notes are said, and the ticks formatted, in the active language: re-rendered when it changes.
  const tr = useT();
  const formatX = useLocaleFormatter(props.formatX);
  const formatY = useLocaleFormatter(props.formatY);
  const prepared = prepareScatterPoints(props.points, logScale);
  const notes = scatterNotes(prepared, yLabel);
  const groups = [...new Set(prepared.points.map((point) => point.group))];
  const xAxis = axisFor(prepared.points.map((point) => point.x), logScale);
  const yAxis = axisFor(prepared.points.map((point) => point.y), logScale);
  const tick = { fill: 'var(--muted)', fontSize: 12 };
  const handleClick = onSelect
    ? (item: ScatterPointItem, _index: number, event: MouseEvent) => {
        const datum = item.payload as PlotDatum | undefined;
        if (datum) onSelect(datum.point, isAdditive(event));
      }
    : undefined;

  const chart = (
    <ScatterChart width={width} height={width === undefined ? undefined : height} margin={{ top: 8, right: 16, bottom: X_TITLE_SPACE, left: 8 }}>
      <CartesianGrid stroke="var(--grid)" />
      <XAxis
        type="number"
        dataKey="x"
        name={xLabel}
        scale={logScale ? 'log' : 'linear'}
        domain={xAxis.domain}
        ticks={xAxis.ticks}
        allowDataOverflow
        tickFormatter={formatX}
        tick={tick}
        stroke="var(--axis)"
        label={{ value: xLabel, position: 'insideBottom', offset: -(X_TITLE_SPACE - 6), fill: 'var(--muted)', fontSize: 12 }}
      />
      <YAxis
        type="number"
        dataKey="y"
        name={yLabel}
        scale={logScale ? 'log' : 'linear'}
        domain={yAxis.domain}
        ticks={yAxis.ticks}
        allowDataOverflow
        tickFormatter={formatY}
        tick={tick}
        stroke="var(--axis)"
        width={64}
        label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12, style: { textAnchor: 'middle' } }}
      />
      {/* A fixed dot size: without a ZAxis, Recharts would size dots by nothing in particular. */}
      <ZAxis range={[48, 48]} />
      <Tooltip cursor={{ strokeDasharray: '3 3', stroke: 'var(--axis)' }} content={(tooltip) => <ScatterTooltip {...tooltip} chart={props} />} />
      {groups.map((group) => (
        <Scatter
          key={group}
          name={group}
          data={prepared.points.filter((point) => point.group === group).map(toDatum)}
          fill={colorFor(group)}
          fillOpacity={0.8}
          isAnimationActive={false}
          onClick={handleClick}
          cursor={onSelect ? 'pointer' : undefined}
        />
      ))}
    </ScatterChart>
  );

  return (
    <div className="chart scatter-plot" data-testid="scatter-plot">
      <div role="img" aria-label={ariaLabel}>
        {width === undefined ? (
          <ResponsiveContainer width="100%" height={height}>
            {chart}
          </ResponsiveContainer>
        ) : (
          chart
        )}
      </div>
      {groups.length > 0 ? (
        <ul className="chart-legend" aria-label={tr(messages.legend)} data-testid="scatter-legend">
          {groups.map((group) => (
            <li key={group}>
              <span className="chart-legend-item">
                <span className="swatch" style={{ background: colorFor(group) }} aria-hidden="true" />
                {group}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {notes.map((note) => (
        <p key={note} className="chart-note tooltip-note" data-testid="scatter-note">
          {note}
        </p>
      ))}
    </div>
  );
}

function ScatterTooltip({ active, payload, chart }: TooltipContentProps & { chart: ScatterPlotProps }) {
  const point = active ? (payload?.[0]?.payload as PlotDatum | undefined)?.point : undefined;
  if (!point) return null;
  return (
    <div className="tooltip">
      <p className="tooltip-title">{point.label}</p>
      <ul>
        <li>
          <span className="swatch" style={{ background: chart.colorFor(point.group) }} aria-hidden="true" />
          <span className="tooltip-name">{point.group}</span>
        </li>
        <li>
          <span className="tooltip-name">{chart.xLabel}</span>
          <span className="tooltip-value">{chart.formatX(point.x)}</span>
        </li>
        <li>
          <span className="tooltip-name">{chart.yLabel}</span>
          <span className="tooltip-value">{chart.formatY(point.y)}</span>
        </li>
      </ul>
    </div>
  );
}
