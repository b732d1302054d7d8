import {
  Area,
  CartesianGrid,
  ComposedChart,
  Curve,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { CurveProps, LineDrawShapeProps, TooltipContentProps } from 'recharts';
import { niceAxis } from './niceScale';
import { useMeasuredWidth } from './useMeasuredWidth';
import { useLocaleFormatter } from './useLocaleFormatter';
import { useT } from '../i18n';
import { formatShare } from '../lib/format';
import { messages } from './messages';

export interface ChartSeries {
  name: string;
  /** One value per period; null is a gap, never drawn as zero. */
  values: readonly (number | null)[];
  color: string;
  /** Drawn faintly: another member is selected. */
  dimmed?: boolean;
  /** Not clickable (e.g. the "Other" bucket). */
  inert?: boolean;
  /** Drawn dashed, in the chart and its legend entry: a line that is less certain than the others (e.g. an unknown start). */
  dashed?: boolean;
}

/** The dash of a `dashed` series; a forecast's is longer ("6 4"), so the two never read alike. */
export const SERIES_DASH = '3 3';

/** A forecast of one series: a dashed line with 80% and 95% bands, by index into the chart's periods. */
export interface ChartForecast {
  name: string;
  color: string;
  /** Point forecasts; the first value repeats the last measured one, so the dashed line joins the solid one. */
  values: readonly (number | null)[];
  band80: readonly (readonly [number, number] | null)[];
  band95: readonly (readonly [number, number] | null)[];
}

export interface SeriesChartProps {
  /** Period keys, ascending (e.g. `YYYY-MM`). */
  periods: readonly string[];
  series: readonly ChartSeries[];
  /** Lines; areas overlapping; or areas stacked to 100% (values are shares, 0–1). */
  kind: 'line' | 'area' | 'stacked';
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  formatPeriod: (period: string) => string;
  /** Marks at periods, e.g. market events. */
  annotations?: readonly { period: string; label: string }[];
  /** Horizontal lines, e.g. a target or the index base of 100. */
  referenceLines?: readonly { value: number; label: string }[];
  /** Forecasts drawn after the measured data, distinct from it (dashed, with interval bands). */
  forecasts?: readonly ChartForecast[];
  /** The first forecast period, marked on the chart. */
  forecastStart?: string;
  /** Called with a series name when its line or legend entry is clicked. */
  onSelectSeries?: (name: string, additive: boolean) => void;
  height?: number;
  /** For tests: a fixed width instead of filling the container. */
  width?: number;
  ariaLabel: string;
  testId?: string;
}

/** Pixels of the chart's width outside the plot: the value axis (60) and the margins (4 + 16). */
const PLOT_INSET = 80;

/**
 * Every how many periods an axis label is shown: as many as fit, at even steps from the first period. (Recharts'
 * own spacing drops whichever labels collide, which can leave a month out in the middle of an axis.) Labels are
 * 12 px text, about 7 px a character, with 24 px between them.
 */
export function labelInterval(count: number, plotWidth: number, longestLabel: number): number {
  const slot = Math.max(1, longestLabel) * 7 + 24;
  const fit = Math.max(1, Math.floor(plotWidth / slot));
  return Math.max(0, Math.ceil(count / fit) - 1);
}

/** What Recharts hands a line's shape for its entrance animation, which these charts never run. */
const ANIMATION_PROPS: ReadonlySet<string> = new Set(['pathRef', 'animationElapsedTime', 'isAnimating', 'isEntrance', 'visibleLength']);

/**
 * A line's path, as Recharts' own shape draws it without animation, but not handed back to Recharts: its default
 * shape lends the path element to the line, which then reads the path's length (`getTotalLength`, a forced style and
 * layout of the page) in every render, animated or not. That was about a tenth of a filter change's main-thread time.
 */
function StaticLineShape(props: LineDrawShapeProps) {
  const curve = Object.fromEntries(Object.entries(props).filter(([key]) => !ANIMATION_PROPS.has(key))) as CurveProps;
  return <Curve {...curve} />;
}

interface PeriodRow {
  period: string;
  index: number;
}

/** Series over periods as lines or areas, with event marks and reference lines. A pure function of its props. */
export function SeriesChart(props: SeriesChartProps) {
  const { periods, series, kind, annotations = [], referenceLines = [], forecasts = [], height = 340 } = props;
  const tr = useT();
  const formatAxis = useLocaleFormatter(props.formatAxis);
  const formatPeriod = useLocaleFormatter(props.formatPeriod);
  const [frame, measuredWidth] = useMeasuredWidth<HTMLDivElement>();
  const width = props.width ?? measuredWidth;
  const rows: PeriodRow[] = periods.map((period, index) => ({ period, index }));
  const marks = annotations.filter((annotation) => periods.includes(annotation.period));
  const axis =
    kind === 'stacked'
      ? { domain: [0, 1] as [number, number], ticks: [0, 0.25, 0.5, 0.75, 1] }
      : niceAxis([
          ...series.flatMap((line) => line.values),
          ...referenceLines.map((line) => line.value),
          ...forecasts.flatMap((forecast) => forecast.band95.flatMap((band) => (band ? [...band] : []))),
        ]);
  const select = (name: string, event: React.MouseEvent | undefined) => {
    const line = series.find((candidate) => candidate.name === name);
    if (!line || line.inert || !props.onSelectSeries) return;
    props.onSelectSeries(name, !!event && (event.shiftKey || event.metaKey || event.ctrlKey));
  };
  const chart = (
    <ComposedChart data={rows} margin={{ top: 24, right: 16, bottom: 4, left: 4 }} width={width} height={height}>
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis
        dataKey="period"
        tickFormatter={formatPeriod}
        tick={{ fill: 'var(--muted)', fontSize: 12 }}
        stroke="var(--axis)"
        interval={labelInterval(periods.length, width - PLOT_INSET, Math.max(0, ...periods.map((period) => formatPeriod(period).length)))}
      />
      <YAxis
        domain={axis.domain}
        ticks={axis.ticks}
        tickFormatter={formatAxis}
        tick={{ fill: 'var(--muted)', fontSize: 12 }}
        stroke="var(--axis)"
        width={60}
        allowDataOverflow
      />
      <Tooltip content={(tooltip) => <SeriesTooltip {...tooltip} chart={props} />} />
      {referenceLines.map((line) => (
        <ReferenceLine
          key={`${line.label}-${line.value}`}
          y={line.value}
          stroke="var(--muted)"
          strokeDasharray="6 4"
          label={{ value: line.label, position: 'insideTopRight', fill: 'var(--muted)', fontSize: 11 }}
        />
      ))}
      {marks.map((mark) => (
        <ReferenceLine
          key={`${mark.period}-${mark.label}`}
          x={mark.period}
          stroke="var(--annotation)"
          strokeDasharray="4 3"
          label={{ value: mark.label, position: 'insideTopLeft', fill: 'var(--annotation)', fontSize: 11 }}
        />
      ))}
      {props.forecastStart && periods.includes(props.forecastStart) ? (
        <ReferenceLine
          x={props.forecastStart}
          stroke="var(--muted)"
          strokeDasharray="2 3"
          label={{ value: tr(messages.forecast), position: 'insideTopLeft', fill: 'var(--muted)', fontSize: 11 }}
        />
      ) : null}
      {forecasts.flatMap((forecast) => forecastLayers(forecast))}
      {series.map((line) =>
        kind === 'line' ? (
          <Line
            key={line.name}
            name={line.name}
            type="monotone"
            dataKey={(row: PeriodRow) => line.values[row.index] ?? null}
            stroke={line.color}
            strokeWidth={line.dimmed ? 1.25 : 2.25}
            strokeOpacity={line.dimmed ? 0.35 : 1}
            strokeDasharray={line.dashed ? SERIES_DASH : undefined}
            className={line.dashed ? 'series-dashed' : undefined}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
            shape={StaticLineShape}
            onClick={(_, event) => select(line.name, event as unknown as React.MouseEvent)}
            style={{ cursor: props.onSelectSeries && !line.inert ? 'pointer' : undefined }}
          />
        ) : (
          <Area
            key={line.name}
            name={line.name}
            type="monotone"
            dataKey={(row: PeriodRow) => line.values[row.index] ?? null}
            stackId={kind === 'stacked' ? 'share' : undefined}
            stroke={line.color}
            fill={line.color}
            fillOpacity={line.dimmed ? 0.15 : kind === 'stacked' ? 0.75 : 0.25}
            strokeOpacity={line.dimmed ? 0.35 : 1}
            strokeDasharray={line.dashed ? SERIES_DASH : undefined}
            className={line.dashed ? 'series-dashed' : undefined}
            connectNulls={false}
            isAnimationActive={false}
            onClick={(_, event) => select(line.name, event as unknown as React.MouseEvent)}
          />
        ),
      )}
    </ComposedChart>
  );
  return (
    <div className="chart" data-testid={props.testId ?? 'series-chart'}>
      <div ref={frame} role="img" aria-label={props.ariaLabel} style={{ minHeight: height }}>
        {width > 0 ? chart : null}
      </div>
      <SeriesLegend series={series} onSelect={props.onSelectSeries} withForecast={forecasts.length > 0} />
    </div>
  );
}

/**
 * The legend as HTML below the chart: each entry is a button when series can be selected, so the cross-filter
 * works from the keyboard too, and the legend costs no chart re-render.
 */
function SeriesLegend({
  series,
  onSelect,
  withForecast,
}: {
  series: readonly ChartSeries[];
  onSelect?: (name: string, additive: boolean) => void;
  withForecast: boolean;
}) {
  const tr = useT();
  return (
    <ul className="chart-legend" aria-label={tr(messages.legend)}>
      {series.map((line) => {
        const swatch = line.dashed ? (
          <svg width="16" height="10" aria-hidden="true" className="swatch-dashed" data-testid="legend-swatch-dashed">
            <line x1="0" y1="5" x2="16" y2="5" stroke={line.color} strokeWidth="2.5" strokeDasharray={SERIES_DASH} />
          </svg>
        ) : (
          <span className="swatch" style={{ background: line.color }} aria-hidden="true" />
        );
        return (
          <li key={line.name} className={line.dimmed ? 'is-dimmed' : undefined}>
            {onSelect && !line.inert ? (
              <button
                type="button"
                className="chart-legend-item"
                aria-pressed={!line.dimmed && series.some((other) => other.dimmed)}
                onClick={(event) => onSelect(line.name, event.shiftKey || event.metaKey || event.ctrlKey)}
              >
                {swatch}
                {line.name}
              </button>
            ) : (
              <span className="chart-legend-item">
                {swatch}
                {line.name}
              </span>
            )}
          </li>
        );
      })}
      {withForecast ? (
        <li data-testid="forecast-legend">
          <span className="chart-legend-item">
            <svg width="24" height="12" aria-hidden="true" className="forecast-swatch">
              <rect x="0" y="0" width="24" height="12" fill="currentColor" opacity="0.15" />
              <rect x="0" y="3" width="24" height="6" fill="currentColor" opacity="0.25" />
              <line x1="0" y1="6" x2="24" y2="6" stroke="currentColor" strokeWidth="2" strokeDasharray="4 3" />
            </svg>
            {tr(messages.forecastLegend, { low: formatShare(0.8), high: formatShare(0.95) })}
          </span>
        </li>
      ) : null}
    </ul>
  );
}

/** The 95% band, the 80% band and the dashed point forecast of one series, drawn under the measured lines. */
function forecastLayers(forecast: ChartForecast) {
  return [
    forecastBand(forecast, 95, forecast.band95, 0.12),
    forecastBand(forecast, 80, forecast.band80, 0.22),
    <Line
      key={`${forecast.name}-forecast`}
      name={`${forecast.name} forecast`}
      type="linear"
      dataKey={(row: PeriodRow) => forecast.values[row.index] ?? null}
      stroke={forecast.color}
      strokeWidth={2}
      strokeDasharray="6 4"
      dot={false}
      connectNulls={false}
      isAnimationActive={false}
      shape={StaticLineShape}
      className="forecast-line"
    />,
  ];
}

/** One interval band of a forecast, a filled area between its low and high values (no stroke, no tooltip entry). */
function forecastBand(forecast: ChartForecast, level: 80 | 95, band: ChartForecast['band80'], opacity: number) {
  const dataKey = (row: PeriodRow) => band[row.index] ?? null;
  return (
    <Area
      key={`${forecast.name}-forecast-${level}`}
      name={`${forecast.name} ${level}% interval`}
      type="linear"
      dataKey={dataKey as never}
      stroke="none"
      fill={forecast.color}
      fillOpacity={opacity}
      connectNulls={false}
      isAnimationActive={false}
      className={`forecast-band-${level}`}
      tooltipType="none"
    />
  );
}

function SeriesTooltip({ active, payload, label, chart }: TooltipContentProps & { chart: SeriesChartProps }) {
  const tr = useT();
  if (!active || !payload || payload.length === 0) return null;
  const entries = payload
    .filter((entry) => typeof entry.value === 'number')
    .sort((a, b) => Number(b.value) - Number(a.value));
  return (
    <div className="tooltip">
      <p className="tooltip-title">{chart.formatPeriod(String(label))}</p>
      {entries.length === 0 ? <p className="tooltip-note">{tr(messages.noData)}</p> : null}
      <ul>
        {entries.map((entry) => (
          <li key={String(entry.name)}>
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            <span className="tooltip-name">{String(entry.name)}</span>
            <span className="tooltip-value">{chart.formatValue(Number(entry.value))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
