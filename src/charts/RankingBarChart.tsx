import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { niceAxis } from './niceScale';
import { useMeasuredWidth } from './useMeasuredWidth';

export interface RankingBar {
  key: string;
  label: string;
  value: number;
  /** Share of the total, 0–1, shown in the tooltip when known. */
  share: number | null;
}

export interface RankingBarChartProps {
  bars: readonly RankingBar[];
  color: string;
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  formatShare: (share: number) => string;
  /** Called with a bar's key when it is clicked. */
  onSelect?: (key: string, additive: boolean) => void;
  /** Keys drawn at full strength while the others fade. */
  selected?: readonly string[];
  ariaLabel: string;
}

/** Horizontal bars, largest first, one row per member. A pure function of its props. */
export function RankingBarChart(props: RankingBarChartProps) {
  const { bars, color, formatAxis, ariaLabel, onSelect, selected = [] } = props;
  const height = Math.max(120, bars.length * 28 + 40);
  const [frame, width] = useMeasuredWidth<HTMLDivElement>();
  const axis = niceAxis(bars.map((bar) => bar.value));
  return (
    <div ref={frame} className="chart" role="img" aria-label={ariaLabel} data-testid="ranking-chart" style={{ minHeight: height }}>
      {width > 0 ? (
        <BarChart data={[...bars]} layout="vertical" width={width} height={height} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" horizontal={false} />
          <XAxis type="number" domain={axis.domain} ticks={axis.ticks} tickFormatter={formatAxis} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--axis)" />
          <YAxis
            type="category"
            dataKey="label"
            width={130}
            tick={{ fill: 'var(--text)', fontSize: 12 }}
            stroke="var(--axis)"
            interval={0}
          />
          <Tooltip cursor={{ fill: 'var(--hover)' }} content={(tooltip) => <RankingTooltip {...tooltip} chart={props} />} />
          <Bar
            dataKey="value"
            maxBarSize={22}
            isAnimationActive={false}
            radius={[0, 3, 3, 0]}
            cursor={onSelect ? 'pointer' : undefined}
            onClick={(entry, _index, event) => {
              const key = (entry.payload as RankingBar | undefined)?.key;
              if (key !== undefined && onSelect) onSelect(key, event.shiftKey || event.metaKey || event.ctrlKey);
            }}
          >
            {bars.map((bar) => (
              <Cell key={bar.key} fill={color} fillOpacity={selected.length > 0 && !selected.includes(bar.key) ? 0.35 : 1} />
            ))}
          </Bar>
        </BarChart>
      ) : null}
    </div>
  );
}

function RankingTooltip({ active, payload, chart }: TooltipContentProps & { chart: RankingBarChartProps }) {
  const bar = active ? (payload?.[0]?.payload as RankingBar | undefined) : undefined;
  if (!bar) return null;
  return (
    <div className="tooltip">
      <p className="tooltip-title">{bar.label}</p>
      <p>
        <span className="tooltip-value">{chart.formatValue(bar.value)}</span>
        {bar.share !== null ? <span className="tooltip-note"> · {chart.formatShare(bar.share)} of total</span> : null}
      </p>
    </div>
  );
}
