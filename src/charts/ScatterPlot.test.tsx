// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ScatterPlot, prepareScatterPoints, type ScatterPlotProps, type ScatterPoint } from './ScatterPlot';

afterEach(cleanup);

const colors: Record<string, string> = { AliExpress: '#4e79a7', Ozon: '#f28e2b' };

const points: ScatterPoint[] = [
  { id: 'ali-ru', label: 'AliExpress · Russia', x: 120, y: 3_000, group: 'AliExpress' },
  { id: 'ali-br', label: 'AliExpress · Brazil', x: 80, y: 1_500, group: 'AliExpress' },
  { id: 'ozon-ru', label: 'Ozon · Russia', x: 200, y: 9_000, group: 'Ozon' },
  { id: 'ozon-kz', label: 'Ozon · Kazakhstan', x: 0, y: 40, group: 'Ozon' },
  { id: 'ozon-by', label: 'Ozon · Belarus', x: 15, y: -2, group: 'Ozon' },
];

function renderPlot(overrides: Partial<ScatterPlotProps> = {}) {
  return render(
    <ScatterPlot
      points={points}
      xLabel="Sellers"
      yLabel="Visits"
      formatX={(v) => `${v} sellers`}
      formatY={(v) => `${v} visits`}
      colorFor={(group) => colors[group] ?? '#999999'}
      ariaLabel="Sellers against visits"
      width={600}
      height={400}
      {...overrides}
    />,
  );
}

const symbols = () => screen.getByTestId('scatter-plot').querySelectorAll('.recharts-scatter-symbol');

describe('prepareScatterPoints', () => {
  it('drops non-positive values only in log mode', () => {
    expect(prepareScatterPoints(points, false).points).toHaveLength(5);
    const log = prepareScatterPoints(points, true);
    expect(log.points.map((p) => p.id)).toEqual(['ali-ru', 'ali-br', 'ozon-ru']);
    expect(log.droppedNonPositive).toBe(2);
  });

  it('keeps the points with the largest y when over the cap, in input order', () => {
    const many = [5, 1, 9, 3, 7].map((y, i) => ({ id: `p${i}`, label: `p${i}`, x: i + 1, y, group: 'g' }));
    const capped = prepareScatterPoints(many, false, 3);
    expect(capped.points.map((p) => p.y)).toEqual([5, 9, 7]);
    expect(capped.available).toBe(5);
  });

  it('drops points whose values are not finite', () => {
    const odd = [...points, { id: 'nan', label: 'nan', x: Number.NaN, y: 1, group: 'Ozon' }];
    const prepared = prepareScatterPoints(odd, false);
    expect(prepared.points).toHaveLength(5);
    expect(prepared.droppedInvalid).toBe(1);
  });
});

describe('ScatterPlot', () => {
  it('renders one symbol per point, a legend of groups and no notes', () => {
    renderPlot();
    expect(symbols()).toHaveLength(points.length);
    const legend = screen.getByTestId('scatter-legend');
    expect([...legend.querySelectorAll('.chart-legend-item')].map((item) => item.textContent)).toEqual(['AliExpress', 'Ozon']);
    expect(legend.querySelector('.swatch')?.getAttribute('style')).toContain('rgb(78, 121, 167)');
    expect(screen.queryAllByTestId('scatter-note')).toHaveLength(0);
    expect(screen.getByRole('img', { name: 'Sellers against visits' })).toBeTruthy();
    expect(screen.getByTestId('scatter-plot').innerHTML).not.toContain('NaN');
  });

  it('colours each group with colorFor', () => {
    renderPlot();
    const fills = [...symbols()].map((symbol) => (symbol.querySelector('path') ?? symbol).getAttribute('fill'));
    expect(fills.filter((fill) => fill === '#4e79a7')).toHaveLength(2);
    expect(fills.filter((fill) => fill === '#f28e2b')).toHaveLength(3);
  });

  it('in log mode leaves out non-positive points and says how many', () => {
    renderPlot({ logScale: true });
    expect(symbols()).toHaveLength(3);
    const notes = screen.getAllByTestId('scatter-note').map((note) => note.textContent);
    expect(notes).toEqual(['2 points with a zero or negative value not shown on log axes.']);
    expect(screen.getByTestId('scatter-plot').innerHTML).not.toContain('NaN');
  });

  it('caps at 2,000 points and says so', () => {
    const many = Array.from({ length: 2100 }, (_, i) => ({ id: `p${i}`, label: `p${i}`, x: i + 1, y: (i * 7919) % 2100, group: i % 2 ? 'Ozon' : 'AliExpress' }));
    renderPlot({ points: many });
    expect(symbols()).toHaveLength(2000);
    const note = screen.getByTestId('scatter-note').textContent ?? '';
    expect(note).toMatch(/showing 2,000 of 2,100/i);
  });

  it('calls onSelect with the clicked point, additive with a modifier', () => {
    const onSelect = vi.fn<(point: ScatterPoint, additive: boolean) => void>();
    renderPlot({ onSelect });
    // One series per group in order of first appearance: the first symbol is AliExpress's first point.
    const first = symbols()[0]!;
    fireEvent.click(first);
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenLastCalledWith(points[0], false);
    fireEvent.click(first, { shiftKey: true });
    expect(onSelect).toHaveBeenLastCalledWith(points[0], true);
  });

  it('shows the point label and both formatted values in the tooltip on hover', () => {
    renderPlot();
    // Third symbol: Ozon's first point (AliExpress's two come first).
    fireEvent.mouseEnter(symbols()[2]!);
    const tooltip = screen.getByTestId('scatter-plot').querySelector('.tooltip');
    expect(tooltip?.querySelector('.tooltip-title')?.textContent).toBe('Ozon · Russia');
    expect(tooltip?.textContent).toContain('200 sellers');
    expect(tooltip?.textContent).toContain('9000 visits');
  });

  it('spaces decades evenly on log axes, and keeps point ids out of the DOM', () => {
    const decades = [1, 2, 3].map((e) => ({ id: `d${e}`, label: `d${e}`, x: 10 ** e, y: 10 ** e, group: 'g' }));
    renderPlot({ points: decades, logScale: true });
    const cx = [...symbols()].map((symbol) => Number(symbol.querySelector('path')?.getAttribute('cx')));
    expect(cx.every(Number.isFinite)).toBe(true);
    expect(cx[1]! - cx[0]!).toBeCloseTo(cx[2]! - cx[1]!, 3);
    expect(document.getElementById('d1')).toBeNull();
  });

  it('keeps the legend out of the drawing, so the x-axis title has the bottom margin to itself', () => {
    renderPlot();
    const plot = screen.getByTestId('scatter-plot');
    const svg = plot.querySelector('svg.recharts-surface')!;
    // Recharts' own legend sat in the drawing's bottom margin, where the x-axis title is drawn too.
    expect(plot.querySelector('.recharts-legend-wrapper')).toBeNull();
    expect(svg.contains(screen.getByTestId('scatter-legend'))).toBe(false);
    const title = [...svg.querySelectorAll('text.recharts-label')].find((text) => text.textContent === 'Sellers')!;
    const ticks = [...svg.querySelectorAll('.recharts-xAxis-tick-labels text')].map((text) => Number(text.getAttribute('y')));
    const titleY = Number(title.getAttribute('y'));
    // Below the tick labels (by at least a line of 12 px text) and inside the 400 px drawing.
    expect(ticks.length).toBeGreaterThan(0);
    expect(titleY).toBeGreaterThanOrEqual(Math.max(...ticks) + 12);
    expect(titleY).toBeLessThanOrEqual(400);
  });
});
