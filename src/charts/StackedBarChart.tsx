import type { MouseEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarRectangleItem, TooltipContentProps, XAxisTickContentProps } from 'recharts';
import { niceAxis } from './niceScale';
import { useLocaleFormatter } from './useLocaleFormatter';
import { useT } from '../i18n';
import { messages } from './messages';

/** A bar position on the x axis; key null is the "Other" bucket. */
export interface StackedBarCategory {
  key: string | null;
  label: string;
}

/** A segment kind within each bar; key null is the "Other" bucket. */
export interface StackedBarSeries {
  key: string | null;
  label: string;
  color: string;
}

export interface StackedBarChartProps {
  categories: readonly StackedBarCategory[];
  series: readonly StackedBarSeries[];
  /** The segment's value; null is "no data" and draws no segment. */
  value: (categoryKey: string | null, seriesKey: string | null) => number | null;
  /** Segments on top of each other (true) or side by side (false). */
  stacked: boolean;
  formatAxis: (value: number) => string;
  formatValue: (value: number) => string;
  /** `additive` is true when Shift, Cmd or Ctrl was held. Never called for the "Other" category. */
  onSelectCategory?: (key: string, additive: boolean) => void;
  selectedCategories?: readonly string[];
  ariaLabel: string;
  /** A fixed width in pixels instead of filling the container (ResponsiveContainer measures 0 in jsdom). */
  width?: number;
  height?: number;
}

/** One row of chart data per category. `slot` is the x value: labels may repeat, positions may not. */
interface CategoryRow {
  slot: string;
  category: StackedBarCategory;
}

// Roughly the width of one character of the 12px tick font.
const CHAR_WIDTH = 7;
/** Longest rotated label, in characters: what fits in the axis height at the rotation angle. */
const ROTATED_MAX_CHARS = 14;
const AXIS_HEIGHT = 64;

/** The label as it fits a band of `bandWidth` pixels: flat when it fits, else rotated and, if long, truncated. */
export function fitTickLabel(label: string, bandWidth: number): { text: string; rotated: boolean } {
  const chars = [...label];
  if (chars.length * CHAR_WIDTH <= bandWidth - 4) return { text: label, rotated: false };
  if (chars.length <= ROTATED_MAX_CHARS) return { text: label, rotated: true };
  return { text: `${chars.slice(0, ROTATED_MAX_CHARS - 1).join('')}…`, rotated: true };
}

function isAdditive(event: MouseEvent | undefined): boolean {
  return Boolean(event && (event.shiftKey || event.metaKey || event.ctrlKey));
}

const seriesId = (series: StackedBarSeries) => series.key ?? '\u0000other';

/**
 * Vertical bars, one per category, split into one segment per series, stacked or grouped, with a legend of the
 * series. Clicking a bar selects its category (except "Other"). A pure function of its props.
 */
export function StackedBarChart(props: StackedBarChartProps) {
  const { categories, series, value, stacked, onSelectCategory, ariaLabel, width, height = 340 } = props;
  const formatAxis = useLocaleFormatter(props.formatAxis);
  const selected = new Set(props.selectedCategories ?? []);
  const rows: CategoryRow[] = categories.map((category, index) => ({ slot: String(index), category }));
  const totals = rows.map((row) => series.reduce((sum, line) => sum + (value(row.category.key, line.key) ?? 0), 0));
  const axis = niceAxis(stacked ? totals : rows.flatMap((row) => series.map((line) => value(row.category.key, line.key))));
  const handleClick = onSelectCategory
    ? (item: BarRectangleItem, _index: number, event: MouseEvent) => {
        const row = item.payload as CategoryRow | undefined;
        if (row && row.category.key !== null) onSelectCategory(row.category.key, isAdditive(event));
      }
    : undefined;
  const isClickable = (category: StackedBarCategory) => onSelectCategory !== undefined && category.key !== null;

  const chart = (
    <BarChart
      width={width}
      height={width === undefined ? undefined : height}
      data={rows}
      margin={{ top: 8, right: 8, bottom: 4, left: 4 }}
      barCategoryGap={stacked ? '20%' : '12%'}
    >
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis
        dataKey="slot"
        interval={0}
        height={AXIS_HEIGHT}
        stroke="var(--axis)"
        tick={(tick: XAxisTickContentProps) => <CategoryTick {...tick} rows={rows} selected={selected} />}
      />
      <YAxis domain={axis.domain} ticks={axis.ticks} tickFormatter={formatAxis} tick={{ fill: 'var(--muted)', fontSize: 12 }} stroke="var(--axis)" width={56} />
      {/* Per bar rather than per axis band: it still lists the whole category, and it shows on touch too. */}
      <Tooltip shared={false} cursor={false} content={(tooltip) => <StackedTooltip {...tooltip} chart={props} />} />
      <Legend wrapperStyle={{ fontSize: 12, color: 'var(--text)', paddingTop: 4 }} />
      {series.map((line) => (
        <Bar
          key={seriesId(line)}
          name={line.label}
          dataKey={(row: CategoryRow) => value(row.category.key, line.key)}
          stackId={stacked ? 'stack' : undefined}
          fill={line.color}
          maxBarSize={stacked ? 56 : 18}
          isAnimationActive={false}
          onClick={handleClick}
        >
          {rows.map((row) => {
            const isSelected = row.category.key !== null && selected.has(row.category.key);
            return (
              <Cell
                key={row.slot}
                fill={line.color}
                // With a selection, the rest fade so the chosen countries stand out.
                fillOpacity={selected.size === 0 || isSelected ? 1 : 0.45}
                stroke={isSelected ? 'var(--text)' : undefined}
                strokeWidth={isSelected ? 1.5 : 0}
                cursor={isClickable(row.category) ? 'pointer' : undefined}
              />
            );
          })}
        </Bar>
      ))}
    </BarChart>
  );

  return (
    <div className="chart stacked-bar-chart" role="img" aria-label={ariaLabel} data-testid="stacked-bar-chart">
      {width === undefined ? (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      ) : (
        chart
      )}
    </div>
  );
}

function CategoryTick({ x, y, payload, width, visibleTicksCount, rows, selected }: XAxisTickContentProps & { rows: readonly CategoryRow[]; selected: ReadonlySet<string> }) {
  const row = rows[Number(payload.value)];
  if (!row) return null;
  const band = Number(width) / Math.max(1, visibleTicksCount);
  const { text, rotated } = fitTickLabel(row.category.label, Number.isFinite(band) ? band : 80);
  const bold = row.category.key !== null && selected.has(row.category.key);
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`}>
      <text
        dy={rotated ? 4 : 12}
        textAnchor={rotated ? 'end' : 'middle'}
        transform={rotated ? 'rotate(-35)' : undefined}
        fill={bold ? 'var(--text)' : 'var(--muted)'}
        fontWeight={bold ? 700 : undefined}
        fontSize={12}
      >
        {text !== row.category.label ? <title>{row.category.label}</title> : null}
        {text}
      </text>
    </g>
  );
}

function StackedTooltip({ active, payload, chart }: TooltipContentProps & { chart: StackedBarChartProps }) {
  const tr = useT();
  const row = active ? (payload?.[0]?.payload as CategoryRow | undefined) : undefined;
  if (!row) return null;
  const entries = chart.series
    .map((line) => ({ line, value: chart.value(row.category.key, line.key) }))
    .filter((entry): entry is { line: StackedBarSeries; value: number } => entry.value !== null);
  const total = entries.reduce((sum, entry) => sum + entry.value, 0);
  return (
    <div className="tooltip">
      <p className="tooltip-title">{row.category.label}</p>
      <ul>
        {entries.map(({ line, value }) => (
          <li key={seriesId(line)}>
            <span className="swatch" style={{ background: line.color }} aria-hidden="true" />
            <span className="tooltip-name">{line.label}</span>
            <span className="tooltip-value">{chart.formatValue(value)}</span>
          </li>
        ))}
        <li className="tooltip-total">
          <span className="tooltip-name">{tr(messages.total)}</span>
          <span className="tooltip-value">{chart.formatValue(total)}</span>
        </li>
      </ul>
    </div>
  );
}
