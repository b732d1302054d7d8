// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StackedBarChart, fitTickLabel, type StackedBarChartProps } from './StackedBarChart';

afterEach(cleanup);

const categories = [
  { key: 'RU', label: 'Russia' },
  { key: 'BR', label: 'Brazil' },
  { key: null, label: 'Other countries' },
];
const series = [
  { key: 'AliExpress', label: 'AliExpress', color: '#4e79a7' },
  { key: 'Ozon', label: 'Ozon', color: '#f28e2b' },
  { key: null, label: 'Other marketplaces', color: 'var(--axis)' },
];
const cells: Record<string, number> = {
  'RU|AliExpress': 300,
  'RU|Ozon': 200,
  'RU|': 50,
  'BR|AliExpress': 120,
  // BR × Ozon: no data.
  'BR|': 30,
  '|AliExpress': 40,
  '|Ozon': 10,
  '|': 5,
};
const value = (category: string | null, line: string | null) => cells[`${category ?? ''}|${line ?? ''}`] ?? null;
const nonNullCells = Object.keys(cells).length;

function renderChart(overrides: Partial<StackedBarChartProps> = {}) {
  return render(
    <StackedBarChart
      categories={categories}
      series={series}
      value={value}
      stacked
      formatAxis={(v) => `${v}`}
      formatValue={(v) => `$${v}`}
      ariaLabel="GMV by country and marketplace"
      width={600}
      {...overrides}
    />,
  );
}

const chart = () => screen.getByTestId('stacked-bar-chart');
const rects = () => [...chart().querySelectorAll('.recharts-bar-rectangle path')];

describe('StackedBarChart', () => {
  it('draws one segment per non-null cell, with a legend of the series', () => {
    renderChart();
    expect(rects()).toHaveLength(nonNullCells);
    const legend = chart().querySelector('.recharts-legend-wrapper')?.textContent ?? '';
    for (const line of series) expect(legend).toContain(line.label);
    expect(screen.getByRole('img', { name: 'GMV by country and marketplace' })).toBeTruthy();
    expect(chart().innerHTML).not.toContain('NaN');
  });

  it('stacks segments on one x per category, or sets them side by side when grouped', () => {
    const xsOf = () => new Set(rects().map((rect) => rect.getAttribute('x')));
    renderChart();
    expect(xsOf().size).toBe(categories.length);
    cleanup();
    renderChart({ stacked: false });
    expect(rects()).toHaveLength(nonNullCells);
    expect(xsOf().size).toBe(nonNullCells);
  });

  it('selects the clicked category, additive with a modifier, never the Other one', () => {
    const onSelectCategory = vi.fn<(key: string, additive: boolean) => void>();
    renderChart({ onSelectCategory, stacked: false });
    const byX = [...rects()].sort((a, b) => Number(a.getAttribute('x')) - Number(b.getAttribute('x')));
    fireEvent.click(byX[0]!);
    expect(onSelectCategory).toHaveBeenLastCalledWith('RU', false);
    fireEvent.click(byX[3]!, { shiftKey: true });
    expect(onSelectCategory).toHaveBeenLastCalledWith('BR', true);
    expect(onSelectCategory).toHaveBeenCalledTimes(2);
    fireEvent.click(byX.at(-1)!);
    expect(onSelectCategory).toHaveBeenCalledTimes(2);
  });

  it('outlines the selected categories and fades the rest', () => {
    renderChart({ selectedCategories: ['BR'] });
    const strokes = rects().map((rect) => rect.getAttribute('stroke'));
    expect(strokes.filter((stroke) => stroke === 'var(--text)')).toHaveLength(2);
    const opacities = rects().map((rect) => rect.getAttribute('fill-opacity'));
    expect(opacities.filter((opacity) => opacity === '0.45')).toHaveLength(nonNullCells - 2);
  });

  it('lists every series value and the category total in the tooltip', () => {
    renderChart();
    fireEvent.mouseEnter(rects()[0]!);
    const tooltip = chart().querySelector('.tooltip');
    expect(tooltip?.querySelector('.tooltip-title')?.textContent).toBe('Russia');
    expect(tooltip?.textContent).toContain('AliExpress$300');
    expect(tooltip?.textContent).toContain('Other marketplaces$50');
    expect(tooltip?.textContent).toContain('Total$550');
  });

  it('writes category labels flat when they fit, else rotated and truncated', () => {
    expect(fitTickLabel('Russia', 120)).toEqual({ text: 'Russia', rotated: false });
    expect(fitTickLabel('Russia', 30)).toEqual({ text: 'Russia', rotated: true });
    expect(fitTickLabel('United Kingdom of Great Britain', 30)).toEqual({ text: 'United Kingdo…', rotated: true });
  });
});
