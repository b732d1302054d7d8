import type { KeyboardEvent, MouseEvent } from 'react';
import { scaleSequential } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import './Heatmap.css';
import { useT } from '../i18n';
import { messages } from './messages';

/** A cell's title: its row, its column and what it holds. */
const NONE = '–';
const cellTitle = (row: string, column: string, value: string) => `${row} · ${column}: ${value}`;

/** A row or column of the matrix. */
export interface HeatmapAxisItem {
  key: string;
  label: string;
  /** A longer name, shown on hover (e.g. the country name behind an ISO code). */
  title?: string;
  /** False for items that cannot be selected, such as an "Other" bucket. Default true. */
  selectable?: boolean;
}

export interface HeatmapProps {
  rows: readonly HeatmapAxisItem[];
  columns: readonly HeatmapAxisItem[];
  /** The cell's value; null is "no data" and shows as "–" on the neutral background, never as zero. */
  value: (rowKey: string, columnKey: string) => number | null;
  formatValue: (v: number) => string;
  /** What the values are, e.g. "GMV (USD)": heads the legend. */
  valueLabel: string;
  /** `additive` is true when Shift, Cmd or Ctrl was held: add to the selection rather than replace it. */
  onSelectRow?: (key: string, additive: boolean) => void;
  onSelectColumn?: (key: string, additive: boolean) => void;
  selectedRows?: readonly string[];
  selectedColumns?: readonly string[];
  ariaLabel: string;
}

// The palette's first 15% is nearly white and would vanish into the light surface (and glare on the dark one).
const RAMP_START = 0.15;
const ramp = (t: number) => interpolateBlues(RAMP_START + (1 - RAMP_START) * t);

/** Text colours for cells. Pure black and white: with anything softer, mid-blue cells fall below a 4.5:1 contrast. */
export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/** Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)` (what the d3 interpolators return) into 0–255 channels. */
export function parseColor(color: string): [number, number, number] {
  const rgb = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/i.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  }
  throw new Error(`unparseable colour: ${color}`);
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: string): number {
  const [r, g, b] = parseColor(color).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Whichever of black or white text reads better on `background`. */
export function textColorFor(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** The colour scale for values 0..max; values outside are clamped so a stray negative cannot leave the palette. */
export function heatmapScale(max: number): (value: number) => string {
  const scale = scaleSequential(ramp).domain([0, max > 0 ? max : 1]).clamp(true);
  return (value) => scale(value);
}

function isAdditive(event: MouseEvent | KeyboardEvent): boolean {
  return event.shiftKey || event.metaKey || event.ctrlKey;
}

interface AxisLabelProps {
  item: HeatmapAxisItem;
  selected: boolean;
  onSelect?: (key: string, additive: boolean) => void;
}

function AxisLabel({ item, selected, onSelect }: AxisLabelProps) {
  if (!onSelect || item.selectable === false) return <span title={item.title}>{item.label}</span>;
  return (
    <button
      type="button"
      className="heatmap-label"
      title={item.title}
      aria-pressed={selected}
      onClick={(event) => onSelect(item.key, isAdditive(event))}
      onKeyDown={(event) => {
        // Handled here because the click a browser synthesises from Enter does not reliably carry the modifiers;
        // preventDefault stops that click, so one key press selects once.
        if (event.key !== 'Enter') return;
        event.preventDefault();
        onSelect(item.key, isAdditive(event));
      }}
    >
      {item.label}
    </button>
  );
}

/**
 * A rows × columns matrix as an HTML table: each cell shaded by its value on a sequential blue scale from 0 to the
 * largest value, with the value written in black or white, whichever contrasts more. A table rather than SVG so it
 * reads cell by cell in a screen reader, and scrolls sideways on a phone. A pure function of its props.
 */
export function Heatmap(props: HeatmapProps) {
  const { rows, columns, value, formatValue, valueLabel, onSelectRow, onSelectColumn, ariaLabel } = props;
  const tr = useT();
  const selectedRows = new Set(props.selectedRows ?? []);
  const selectedColumns = new Set(props.selectedColumns ?? []);

  const values = rows.map((row) =>
    columns.map((column) => {
      const v = value(row.key, column.key);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    }),
  );
  let max: number | null = null;
  for (const line of values) for (const v of line) if (v !== null && (max === null || v > max)) max = v;
  const colorOf = heatmapScale(max ?? 0);

  return (
    <div className="heatmap" data-testid="heatmap">
      {max !== null ? <HeatmapLegend valueLabel={valueLabel} min={formatValue(0)} max={formatValue(max)} colorOf={colorOf} top={max} /> : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={ariaLabel}>
        <table className="heatmap-table">
          <caption className="visually-hidden">{ariaLabel}</caption>
          <thead>
            <tr>
              <td className="heatmap-corner" />
              {columns.map((column) => (
                <th key={column.key} scope="col" className={selectedColumns.has(column.key) ? 'is-selected' : undefined}>
                  <AxisLabel item={column} selected={selectedColumns.has(column.key)} onSelect={onSelectColumn} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key} className={selectedRows.has(row.key) ? 'is-selected' : undefined}>
                <th scope="row">
                  <AxisLabel item={row} selected={selectedRows.has(row.key)} onSelect={onSelectRow} />
                </th>
                {columns.map((column, c) => {
                  const v = values[r]?.[c] ?? null;
                  const cellKey = { 'data-row': row.key, 'data-column': column.key };
                  if (v === null) {
                    return (
                      <td key={column.key} {...cellKey} className="heatmap-cell is-empty" title={cellTitle(row.label, column.label, tr(messages.cellNoData))}>
                        {NONE}
                      </td>
                    );
                  }
                  const background = colorOf(v);
                  const text = formatValue(v);
                  return (
                    <td
                      key={column.key}
                      {...cellKey}
                      className={selectedColumns.has(column.key) ? 'heatmap-cell is-column-selected' : 'heatmap-cell'}
                      style={{ backgroundColor: background, color: textColorFor(background) }}
                      title={cellTitle(row.label, column.label, text)}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface HeatmapLegendProps {
  valueLabel: string;
  min: string;
  max: string;
  top: number;
  colorOf: (value: number) => string;
}

function HeatmapLegend({ valueLabel, min, max, top, colorOf }: HeatmapLegendProps) {
  // Sampled stops so the CSS gradient follows the palette's curve, not a straight line between its ends.
  const tr = useT();
  const stops = Array.from({ length: 9 }, (_, i) => `${colorOf((top * i) / 8)} ${(i * 100) / 8}%`);
  return (
    <p className="heatmap-legend" data-testid="heatmap-legend">
      <span className="heatmap-legend-label">{valueLabel}</span>
      <span className="heatmap-legend-value">{min}</span>
      <span className="heatmap-legend-ramp" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} aria-hidden="true" />
      <span className="visually-hidden"> {tr(messages.rangeTo)} </span>
      <span className="heatmap-legend-value">{max}</span>
    </p>
  );
}
