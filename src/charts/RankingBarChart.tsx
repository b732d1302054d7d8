import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { niceAxis } from './niceScale';
import { useMeasuredWidth } from './useMeasuredWidth';
import { labelInterval } from './SeriesChart';
import { useLocaleFormatter } from './useLocaleFormatter';
import { useT } from '../i18n';
import { messages } from './messages';

const SEPARATOR = ' · ';

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
  const { bars, color, ariaLabel, onSelect, selected = [] } = props;
  const formatAxis = useLocaleFormatter(props.formatAxis);
  const height = Math.max(120, bars.length * 28 + 40);
  const [frame, width] = useMeasuredWidth<HTMLDivElement>();
  const axis = niceAxis(bars.map((bar) => bar.value));
  return (
    <div ref={frame} className="chart" role="img" aria-label={ariaLabel} data-testid="ranking-chart" style={{ minHeight: height }}>
      {width > 0 ? (
        <BarChart data={[...bars]} layout="vertical" width={width} height={height} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="var(--grid)" horizontal={false} />
          <XAxis
            type="number"
            domain={axis.domain}
            ticks={axis.ticks}
            tickFormatter={formatAxis}
            tick={{ fill: 'var(--muted)', fontSize: 12 }}
            stroke="var(--axis)"
            // Which values get a label, from their length, never from measuring text: the same in every browser and at
            // build time (src/app/prerender.tsx).
            interval={labelInterval(axis.ticks.length, width - LABEL_COLUMN - 28, Math.max(0, ...axis.ticks.map((tick) => formatAxis(tick).length)))}
          />
          <YAxis type="category" dataKey="label" width={LABEL_COLUMN} tick={CategoryTick} stroke="var(--axis)" interval={0} />
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

/** The width of the members' names beside the bars. */
const LABEL_COLUMN = 130;
/** Characters of a 12 px name per line in that column (about 7 px each). */
const LABEL_CHARACTERS = 17;

/**
 * A member's name, on two lines at most, broken between words by their length (Recharts' own ticks measure the text,
 * which a build-time drawing cannot); a name longer than two lines ends in an ellipsis, with the whole of it as a title.
 */
function CategoryTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const name = String(props.payload?.value ?? '');
  const lines = nameLines(name, LABEL_CHARACTERS);
  const x = Number(props.x ?? 0);
  return (
    <text x={x} y={Number(props.y ?? 0)} textAnchor="end" fill="var(--text)" fontSize={12} className="recharts-cartesian-axis-tick-value">
      {lines.length > 1 || lines[0] !== name ? <title>{name}</title> : null}
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? `${0.355 - (lines.length - 1) * 0.55}em` : '1.1em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** Splits a name between words into at most two lines of about `width` characters; the last ends in "…" if cut. */
export function nameLines(name: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if ([...next].length <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const two = lines.length <= 2 ? lines : [lines[0]!, lines.slice(1).join(' ')];
  return two.map((text) => cut(text, width));
}

function cut(text: string, width: number): string {
  const characters = [...text];
  return characters.length > width ? `${characters.slice(0, width - 1).join('')}…` : text;
}

function RankingTooltip({ active, payload, chart }: TooltipContentProps & { chart: RankingBarChartProps }) {
  const tr = useT();
  const bar = active ? (payload?.[0]?.payload as RankingBar | undefined) : undefined;
  if (!bar) return null;
  return (
    <div className="tooltip">
      <p className="tooltip-title">{bar.label}</p>
      <p>
        <span className="tooltip-value">{chart.formatValue(bar.value)}</span>
        {bar.share !== null ? <span className="tooltip-note">{SEPARATOR}{tr(messages.ofTotal, { share: chart.formatShare(bar.share) })}</span> : null}
      </p>
    </div>
  );
}
