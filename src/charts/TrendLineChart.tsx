import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { niceAxis } from './niceScale';

export interface TrendLineSeries {
  name: string;
  /** One value per month of `months`; null is a gap. */
  values: readonly (number | null)[];
}

export interface TrendAnnotation {
  month: string;
  label: string;
}

export interface TrendLineChartProps {
  /** `YYYY-MM`, ascending. */
  months: readonly string[];
  series: readonly TrendLineSeries[];
  colorFor: (name: string) => string;
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  formatMonth: (month: string) => string;
  annotations?: readonly TrendAnnotation[];
  height?: number;
  ariaLabel: string;
}

interface MonthRow {
  month: string;
  index: number;
}

/** Lines over months. Missing months are drawn as gaps, never as zeros. A pure function of its props. */
export function TrendLineChart(props: TrendLineChartProps) {
  const { months, series, colorFor, formatAxis, formatMonth, annotations = [], height = 320, ariaLabel } = props;
  const rows: MonthRow[] = months.map((month, index) => ({ month, index }));
  const visibleAnnotations = annotations.filter((annotation) => months.includes(annotation.month));
  const axis = niceAxis(series.flatMap((line) => line.values));
  return (
    <div className="chart" role="img" aria-label={ariaLabel} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 24, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" vertical={false} />
          <XAxis
            dataKey="month"
            tickFormatter={formatMonth}
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            stroke="var(--axis)"
            minTickGap={24}
          />
          <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={formatAxis} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--axis)" width={56} />
          <Tooltip content={(tooltip) => <TrendTooltip {...tooltip} chart={props} />} />
          <Legend wrapperStyle={{ fontSize: 12, color: 'var(--text)' }} />
          {visibleAnnotations.map((annotation) => (
            <ReferenceLine
              key={`${annotation.month}-${annotation.label}`}
              x={annotation.month}
              stroke="var(--annotation)"
              strokeDasharray="4 3"
              label={{ value: annotation.label, position: 'insideTopLeft', fill: 'var(--annotation)', fontSize: 11 }}
            />
          ))}
          {series.map((line) => (
            <Line
              key={line.name}
              name={line.name}
              type="monotone"
              dataKey={(row: MonthRow) => line.values[row.index] ?? null}
              stroke={colorFor(line.name)}
              strokeWidth={2}
              dot={months.length <= 24}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function TrendTooltip({ active, payload, label, chart }: TooltipContentProps & { chart: TrendLineChartProps }) {
  if (!active || !payload || payload.length === 0) return null;
  const entries = payload
    .filter((entry) => typeof entry.value === 'number')
    .sort((a, b) => Number(b.value) - Number(a.value));
  return (
    <div className="tooltip">
      <p className="tooltip-title">{chart.formatMonth(String(label))}</p>
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
