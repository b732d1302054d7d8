import type { ChartPlan } from './chartSuggestion';
import { numberOf, type Cell, type ResultRows } from './resultRows';
import { t } from '../../i18n';
import { formatWhole } from '../../lib/format';
import { messages } from './messages';

/** Points a line chart draws at most (distinct x values), bars at most; a scatter caps itself (ScatterPlot). */
export const MAX_LINE_POINTS = 2_000;
export const MAX_BARS = 30;

export interface LineData {
  periods: string[];
  series: { name: string; values: (number | null)[] }[];
  notes: string[];
}

/** A measure to draw: exact digits (a BIGINT beyond 2^53) as the nearest double; non-finite values as none. */
const asNumber = (value: Cell): number | null => {
  const number = numberOf(value);
  return number !== null && Number.isFinite(number) ? number : null;
};
const asKey = (value: Cell): string | null => (value === null ? null : String(value));

/**
 * A line per measure over the distinct x values, ascending. Rows that share an x value are summed (a result in long
 * form, several rows a month, draws its monthly total), and said so.
 */
export function lineData(rows: ResultRows, columnIndex: (name: string) => number, plan: ChartPlan): LineData {
  const x = columnIndex(plan.x);
  const ys = plan.y.map(columnIndex);
  const sums = new Map<string, (number | null)[]>();
  const xNumbers = new Map<string, number>();
  let shared = 0;
  let noX = 0;
  for (let row = 0; row < rows.rowCount; row++) {
    const raw = rows.cell(row, x);
    const key = asKey(raw);
    if (key === null) {
      noX++;
      continue;
    }
    if (typeof raw === 'number') xNumbers.set(key, raw);
    let values = sums.get(key);
    if (values) shared++;
    else sums.set(key, (values = ys.map(() => null)));
    ys.forEach((column, index) => {
      const value = asNumber(rows.cell(row, column));
      if (value !== null) values[index] = (values[index] ?? 0) + value;
    });
  }
  const keys = [...sums.keys()].sort((a, b) => (xNumbers.has(a) && xNumbers.has(b) ? xNumbers.get(a)! - xNumbers.get(b)! : a < b ? -1 : a > b ? 1 : 0));
  const notes: string[] = [];
  if (shared > 0) notes.push(t(messages.addedUpCount, { column: plan.x, count: formatWhole(shared) }));
  if (noX > 0) notes.push(t(messages.noXValue, { count: formatWhole(noX), column: plan.x }));
  const periods = keys.slice(0, MAX_LINE_POINTS);
  if (keys.length > periods.length) notes.push(t(messages.firstValues, { shown: formatWhole(MAX_LINE_POINTS), total: formatWhole(keys.length), column: plan.x }));
  return {
    periods,
    series: plan.y.map((name, index) => ({ name, values: periods.map((key) => sums.get(key)![index]!) })),
    notes,
  };
}

export interface BarData {
  bars: { key: string; label: string; value: number; share: number | null }[];
  notes: string[];
}

/** The measure per category, summed over rows of the same category, largest first, at most {@link MAX_BARS}. */
export function barData(rows: ResultRows, columnIndex: (name: string) => number, plan: ChartPlan): BarData {
  const x = columnIndex(plan.x);
  const y = columnIndex(plan.y[0]!);
  const sums = new Map<string, number>();
  let shared = 0;
  for (let row = 0; row < rows.rowCount; row++) {
    const key = asKey(rows.cell(row, x)) ?? t(messages.noValue);
    const value = asNumber(rows.cell(row, y));
    if (sums.has(key)) shared++;
    sums.set(key, (sums.get(key) ?? 0) + (value ?? 0));
  }
  const total = [...sums.values()].reduce((sum, value) => sum + value, 0);
  const all = [...sums.entries()].sort((a, b) => b[1] - a[1]);
  const kept = all.slice(0, MAX_BARS);
  const notes: string[] = [];
  if (shared > 0) notes.push(t(messages.addedUp, { column: plan.x }));
  if (all.length > kept.length) notes.push(t(messages.largestValues, { shown: formatWhole(MAX_BARS), total: formatWhole(all.length), column: plan.x }));
  return {
    bars: kept.map(([key, value]) => ({ key, label: key, value, share: total > 0 && all.every(([, v]) => v >= 0) ? value / total : null })),
    notes,
  };
}

export interface ScatterData {
  points: { id: string; label: string; x: number; y: number; group: string }[];
  notes: string[];
}

/** Rows a scatter reads at most; it draws at most MAX_SCATTER_POINTS of them (src/charts/ScatterPlot.tsx). */
export const MAX_SCATTER_ROWS = 100_000;

/** One point per row with two numbers; labelled by the first text column when there is one. */
export function scatterData(rows: ResultRows, columnIndex: (name: string) => number, plan: ChartPlan, labelColumn: number | null): ScatterData {
  const x = columnIndex(plan.x);
  const y = columnIndex(plan.y[0]!);
  const points: ScatterData['points'] = [];
  const read = Math.min(rows.rowCount, MAX_SCATTER_ROWS);
  for (let row = 0; row < read; row++) {
    const xValue = asNumber(rows.cell(row, x));
    const yValue = asNumber(rows.cell(row, y));
    // Non-finite values are counted by the plot's own notes; nulls are simply not points.
    if (rows.cell(row, x) === null || rows.cell(row, y) === null) continue;
    const label = labelColumn === null ? t(messages.row, { row: formatWhole(row + 1) }) : (asKey(rows.cell(row, labelColumn)) ?? t(messages.noValue));
    points.push({ id: String(row), label, x: xValue ?? Number.NaN, y: yValue ?? Number.NaN, group: plan.y[0]! });
  }
  const notes = rows.rowCount > read ? [t(messages.readFirst, { read: formatWhole(read), count: formatWhole(rows.rowCount) })] : [];
  return { points, notes };
}
