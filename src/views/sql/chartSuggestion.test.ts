import { describe, expect, it } from 'vitest';
import { barData, lineData, scatterData, MAX_BARS } from './chartData';
import { resolveChart, suggestChart, type ChartColumn } from './chartSuggestion';
import { rowsOf, sortedOrder, type Cell } from './resultRows';

const col = (name: string, kind: ChartColumn['kind']): ChartColumn => ({ name, kind });

describe('suggestChart', () => {
  it('suggests a line for a time column and measures, bars for a category and a measure, a scatter for two numbers', () => {
    expect(suggestChart([col('month', 'date'), col('visits', 'number'), col('orders', 'number')])).toEqual({ type: 'line', x: 'month', y: ['visits', 'orders'] });
    expect(suggestChart([col('v', 'number'), col('at', 'timestamp')])).toEqual({ type: 'line', x: 'at', y: ['v'] });
    expect(suggestChart([col('country', 'text'), col('visits', 'number'), col('orders', 'number')])).toEqual({ type: 'bar', x: 'country', y: ['visits'] });
    expect(suggestChart([col('a', 'number'), col('b', 'number')])).toEqual({ type: 'scatter', x: 'a', y: ['b'] });
    expect(suggestChart([col('name', 'text')])).toBeNull();
    expect(suggestChart([col('n', 'number')])).toBeNull();
    expect(suggestChart([col('month', 'date'), col('name', 'text')])).toBeNull();
  });
});

describe('resolveChart', () => {
  const columns = [col('month', 'date'), col('country', 'text'), col('visits', 'number'), col('orders', 'number')];
  it('draws nothing for the table, the suggestion for auto, and keeps the columns the link names when they fit', () => {
    expect(resolveChart(columns, { chart: 'table', x: null, y: null }).plan).toBeNull();
    expect(resolveChart(columns, { chart: 'auto', x: null, y: null }).plan).toEqual({ type: 'line', x: 'month', y: ['visits', 'orders'] });
    expect(resolveChart(columns, { chart: 'bar', x: null, y: 'orders' }).plan).toEqual({ type: 'bar', x: 'country', y: ['orders'] });
    expect(resolveChart(columns, { chart: 'scatter', x: 'orders', y: null }).plan).toEqual({ type: 'scatter', x: 'orders', y: ['visits'] });
  });
  it('replaces a column that does not fit or does not exist, and says so', () => {
    const wrongX = resolveChart(columns, { chart: 'scatter', x: 'country', y: null });
    expect(wrongX.plan).toEqual({ type: 'scatter', x: 'visits', y: ['orders'] });
    expect(wrongX.notes.join(' ')).toContain('“country”');
    const gone = resolveChart(columns, { chart: 'line', x: null, y: 'revenue' });
    expect(gone.plan).toEqual({ type: 'line', x: 'month', y: ['visits', 'orders'] });
    expect(gone.notes.join(' ')).toContain('“revenue”');
  });
  it('gives a reason when nothing fits', () => {
    expect(resolveChart([col('name', 'text')], { chart: 'auto', x: null, y: null }).reason).toMatch(/nothing to chart/);
    expect(resolveChart([col('name', 'text'), col('n', 'number')], { chart: 'scatter', x: null, y: null }).reason).toMatch(/number column/);
  });
});

describe('chart data', () => {
  const rows: Cell[][] = [
    ['2024-02-01', 'US', 5, 1],
    ['2024-01-01', 'DE', 3, null],
    ['2024-01-01', 'US', 4, 2],
    [null, 'FR', 1, 1],
  ];
  const names = ['month', 'country', 'visits', 'orders'];
  const indexOf = (name: string) => names.indexOf(name);
  it('sums the rows of one period, in period order, and says which rows it added up or left out', () => {
    const line = lineData(rowsOf(rows), indexOf, { type: 'line', x: 'month', y: ['visits', 'orders'] });
    expect(line.periods).toEqual(['2024-01-01', '2024-02-01']);
    expect(line.series).toEqual([
      { name: 'visits', values: [7, 5] },
      { name: 'orders', values: [2, 1] },
    ]);
    expect(line.notes.join(' ')).toMatch(/added up \(1 rows\)/);
    expect(line.notes.join(' ')).toMatch(/1 rows without a value/);
  });
  it('orders numeric periods by value, not as text', () => {
    const line = lineData(rowsOf([[10, 1], [9, 2], [100, 3]]), (name) => ['year', 'v'].indexOf(name), { type: 'line', x: 'year', y: ['v'] });
    expect(line.periods).toEqual(['9', '10', '100']);
  });
  it('draws bars largest first with their shares, at most MAX_BARS', () => {
    const bars = barData(rowsOf(rows), indexOf, { type: 'bar', x: 'country', y: ['visits'] });
    expect(bars.bars.map((bar) => [bar.key, bar.value])).toEqual([['US', 9], ['DE', 3], ['FR', 1]]);
    expect(bars.bars[0]!.share).toBeCloseTo(9 / 13);
    const many = barData(rowsOf(Array.from({ length: 40 }, (_, i) => [`m${i}`, i])), (name) => ['m', 'v'].indexOf(name), { type: 'bar', x: 'm', y: ['v'] });
    expect(many.bars).toHaveLength(MAX_BARS);
    expect(many.bars[0]!.key).toBe('m39');
    expect(many.notes.join(' ')).toMatch(/largest 30 of 40/);
  });
  it('makes a point per row with both numbers, labelled by the text column', () => {
    const points = scatterData(rowsOf(rows), indexOf, { type: 'scatter', x: 'visits', y: ['orders'] }, 1);
    expect(points.points.map((point) => [point.label, point.x, point.y])).toEqual([['US', 5, 1], ['US', 4, 2], ['FR', 1, 1]]);
  });
});

describe('sortedOrder', () => {
  it('sorts row indices by a column, nulls last both ways, ties in result order', () => {
    const rows = rowsOf([[3], [null], [1], ['x'], [3], [2]].map((row) => row as Cell[]));
    expect([...sortedOrder(rowsOf([[3], [null], [1], [3], [2]]), 0, 'asc')]).toEqual([2, 4, 0, 3, 1]);
    expect([...sortedOrder(rowsOf([[3], [null], [1], [3], [2]]), 0, 'desc')]).toEqual([0, 3, 4, 2, 1]);
    expect(sortedOrder(rows, 0, 'asc')).toHaveLength(6);
    expect([...sortedOrder(rowsOf([['b'], ['a'], ['B']]), 0, 'asc')]).toEqual([2, 1, 0]);
  });
});
