import type { SqlChart } from './declaration';
import { t } from '../../i18n';
import { messages } from './messages';

export type ChartType = 'line' | 'bar' | 'scatter';
type Kind = 'number' | 'date' | 'timestamp' | 'text' | 'boolean' | 'other';

export interface ChartColumn {
  name: string;
  kind: Kind;
}

/** What to draw: the chart type, the x column and the measured columns (several lines, one bar or scatter y). */
export interface ChartPlan {
  type: ChartType;
  x: string;
  y: string[];
}

/** Lines drawn at most: more measures than this are left to the table. */
export const MAX_LINES = 6;

const isTime = (kind: Kind) => kind === 'date' || kind === 'timestamp';
const isCategory = (kind: Kind) => kind === 'text' || kind === 'boolean';

/**
 * The chart a result suggests: a line when it has a date or timestamp column and a number (every number column a
 * line, up to {@link MAX_LINES}), bars when it has a text column and a number, a scatter when it has two numbers;
 * none otherwise (one column of text, say).
 */
export function suggestChart(columns: readonly ChartColumn[]): ChartPlan | null {
  const numbers = columns.filter((column) => column.kind === 'number');
  const time = columns.find((column) => isTime(column.kind));
  if (time && numbers.length > 0) return { type: 'line', x: time.name, y: numbers.slice(0, MAX_LINES).map((column) => column.name) };
  const category = columns.find((column) => isCategory(column.kind));
  if (category && numbers.length > 0) return { type: 'bar', x: category.name, y: [numbers[0]!.name] };
  if (numbers.length >= 2) return { type: 'scatter', x: numbers[0]!.name, y: [numbers[1]!.name] };
  return null;
}

/** The columns that can be a chart type's x: time (or a number) for lines, anything for bars, numbers for a scatter. */
export function xCandidates(type: ChartType, columns: readonly ChartColumn[]): ChartColumn[] {
  if (type === 'line') return columns.filter((column) => isTime(column.kind) || column.kind === 'number');
  if (type === 'scatter') return columns.filter((column) => column.kind === 'number');
  return columns.filter((column) => column.kind !== 'other');
}

/** The columns that can be measured against `x`: the number columns but x. */
export function yCandidates(columns: readonly ChartColumn[], x: string): ChartColumn[] {
  return columns.filter((column) => column.kind === 'number' && column.name !== x);
}

/**
 * The chart to draw for a result and the link's settings (`sqlChart`, `sqlX`, `sqlY`), or why there is none. 'table'
 * draws none; 'auto' takes the suggestion; a type the user picked keeps its columns when they fit it, else takes the
 * first that do. A column the link names that the result lacks (or that does not fit) is replaced, with a note.
 */
export function resolveChart(
  columns: readonly ChartColumn[],
  settings: { chart: SqlChart; x: string | null; y: string | null },
): { plan: ChartPlan | null; notes: string[]; reason: string | null } {
  const notes: string[] = [];
  if (settings.chart === 'table') return { plan: null, notes, reason: null };
  const suggested = suggestChart(columns);
  const type: ChartType | null = settings.chart === 'auto' ? (suggested?.type ?? null) : settings.chart;
  if (!type) return { plan: null, notes, reason: t(messages.nothingToChart) };
  const xs = xCandidates(type, columns);
  let x = settings.x !== null ? xs.find((column) => column.name === settings.x) : undefined;
  if (settings.x !== null && !x) notes.push(t(messages.cannotBeX, { column: settings.x, axis: type === 'line' ? 'time' : 'x' }));
  // A line's x prefers time over numbers, and bars' a category, as the suggestion does.
  x ??= (suggested?.type === type ? xs.find((column) => column.name === suggested.x) : undefined) ??
    xs.find((column) => (type === 'line' ? isTime(column.kind) : type === 'bar' ? isCategory(column.kind) : true)) ??
    xs.find((column) => yCandidates(columns, column.name).length > 0);
  if (!x) return { plan: null, notes, reason: t(messages.noX, { chart: type }) };
  const ys = yCandidates(columns, x.name);
  if (ys.length === 0) return { plan: null, notes, reason: t(messages.noY, { chart: type, column: x.name }) };
  let y: string[];
  const named = settings.y !== null ? ys.find((column) => column.name === settings.y) : undefined;
  if (named) y = [named.name];
  else {
    if (settings.y !== null) notes.push(t(messages.notNumber, { column: settings.y }));
    y = type === 'line' ? ys.slice(0, MAX_LINES).map((column) => column.name) : [ys[0]!.name];
  }
  return { plan: { type, x: x.name, y }, notes, reason: null };
}

/** "Line chart of visitors, orders by month", in the active language. */
export function chartLabel(plan: ChartPlan): string {
  return t(messages.chartLabel, { chart: plan.type, y: plan.y.join(', '), x: plan.x });
}
