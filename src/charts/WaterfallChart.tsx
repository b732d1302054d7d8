import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { niceAxis } from './niceScale';
import { useMeasuredWidth } from './useMeasuredWidth';
import { useLocaleFormatter } from './useLocaleFormatter';
import { useT } from '../i18n';
import { messages } from './messages';

const SEPARATOR = ' · ';
import type { WaterfallStep } from './waterfall';

export interface WaterfallChartProps {
  steps: readonly WaterfallStep[];
  formatAxis: (value: number) => string;
  /** A total as a value ("15.6M"). */
  formatValue: (value: number) => string;
  /** A change, signed ("+2.1M", "−0.4 pp"). */
  formatChange: (value: number) => string;
  /** Called with a step's key when it is clicked (totals are not clickable). */
  onSelect?: (key: string) => void;
  ariaLabel: string;
  testId?: string;
}

const COLORS = { total: 'var(--muted)', up: 'var(--up)', down: 'var(--down)' } as const;

/**
 * A horizontal waterfall: one row per bar, a total from zero, each change floating from the running total, rises
 * and falls in the theme's up and down colours. Horizontal so that long names fit on a phone. A pure function of
 * its props.
 */
export function WaterfallChart({ steps, formatAxis: givenFormatAxis, onSelect, ariaLabel, testId = 'waterfall-chart', ...format }: WaterfallChartProps) {
  const formatAxis = useLocaleFormatter(givenFormatAxis);
  const height = Math.max(140, steps.length * 30 + 44);
  const [frame, width] = useMeasuredWidth<HTMLDivElement>();
  const axis = niceAxis(steps.flatMap((step) => [step.from, step.to]));
  const data = steps.map((step) => ({ ...step, range: [Math.min(step.from, step.to), Math.max(step.from, step.to)] }));
  return (
    <div ref={frame} className="chart" role="img" aria-label={ariaLabel} data-testid={testId} style={{ minHeight: height }}>
      {width > 0 ? (
        <BarChart data={data} layout="vertical" width={width} height={height} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" horizontal={false} />
          <XAxis type="number" domain={axis.domain} ticks={axis.ticks} tickFormatter={formatAxis} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--axis)" />
          <YAxis type="category" dataKey="label" width={Math.min(150, Math.max(90, width * 0.3))} tick={{ fill: 'var(--text)', fontSize: 12 }} stroke="var(--axis)" interval={0} />
          <ReferenceLine x={0} stroke="var(--axis)" />
          <Tooltip cursor={{ fill: 'var(--hover)' }} content={(tooltip) => <WaterfallTooltip {...tooltip} format={format} />} />
          <Bar
            dataKey="range"
            maxBarSize={22}
            isAnimationActive={false}
            onClick={(entry) => {
              const step = entry.payload as WaterfallStep | undefined;
              if (step && step.kind !== 'total' && onSelect) onSelect(step.key);
            }}
          >
            {data.map((step) => (
              <Cell key={step.key} fill={COLORS[step.kind]} cursor={onSelect && step.kind !== 'total' ? 'pointer' : undefined} />
            ))}
          </Bar>
        </BarChart>
      ) : null}
    </div>
  );
}

function WaterfallTooltip({
  active,
  payload,
  format,
}: TooltipContentProps & { format: Pick<WaterfallChartProps, 'formatValue' | 'formatChange'> }) {
  const tr = useT();
  const step = active ? (payload?.[0]?.payload as WaterfallStep | undefined) : undefined;
  if (!step) return null;
  return (
    <div className="tooltip">
      <p className="tooltip-title">{step.label}</p>
      <p>
        <span className="tooltip-value">{step.kind === 'total' ? format.formatValue(step.value) : format.formatChange(step.value)}</span>
        {step.kind === 'total' ? null : <span className="tooltip-note">{SEPARATOR}{tr(messages.toValue, { value: format.formatValue(step.to) })}</span>}
      </p>
    </div>
  );
}
