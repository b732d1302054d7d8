// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { SERIES_DASH, SeriesChart, type SeriesChartProps } from './SeriesChart';

afterEach(cleanup);
// jsdom has no ResizeObserver; the chart is given a fixed width.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const periods = ['0', '1', '2', '3'];
function renderChart(overrides: Partial<SeriesChartProps> = {}) {
  return render(
    <SeriesChart
      periods={periods}
      series={[
        { name: 'Temu · United States', values: [1, 2, 4, 8], color: '#4e79a7' },
        { name: 'AliExpress · Russia (entry unknown, Jan 2013 or earlier)', values: [5, 6, null, 7], color: '#f28e2b', dashed: true },
      ]}
      kind="line"
      formatAxis={String}
      formatValue={String}
      formatPeriod={(age) => `Month ${age}`}
      ariaLabel="Visitors by months since entry"
      width={600}
      {...overrides}
    />,
  );
}

const chart = () => screen.getByTestId('series-chart');

describe('SeriesChart', () => {
  it('draws a dashed series dashed, in the plot and in its legend entry, and the others solid', () => {
    renderChart();
    const curves = [...chart().querySelectorAll('.recharts-line-curve')];
    expect(curves).toHaveLength(2);
    expect(curves.map((curve) => curve.getAttribute('stroke-dasharray'))).toEqual([null, SERIES_DASH]);
    const entries = [...chart().querySelectorAll('.chart-legend li')];
    expect(entries.map((entry) => !!entry.querySelector('[data-testid=legend-swatch-dashed]'))).toEqual([false, true]);
    expect(entries[1]!.querySelector('line')!.getAttribute('stroke-dasharray')).toBe(SERIES_DASH);
    expect(entries[1]!.textContent).toContain('entry unknown');
  });

  it('dashes an area’s outline too, and draws a forecast’s two bands and its line', () => {
    renderChart({
      kind: 'area',
      forecasts: [
        {
          name: 'Temu · United States',
          color: '#4e79a7',
          values: [null, null, null, 8],
          band80: [null, null, null, [7, 9]],
          band95: [null, null, null, [6, 10]],
        },
      ],
    });
    const outlines = [...chart().querySelectorAll('.recharts-area-curve')].map((curve) => curve.getAttribute('stroke-dasharray'));
    expect(outlines).toContain(SERIES_DASH);
    expect(chart().querySelectorAll('.forecast-band-95')).toHaveLength(1);
    expect(chart().querySelectorAll('.forecast-band-80')).toHaveLength(1);
    expect(chart().querySelector('.forecast-line')).not.toBeNull();
    expect(chart().querySelector('[data-testid=forecast-legend]')).not.toBeNull();
  });

  it('never reads a line’s length from the page (a forced layout in every render): its lines do not animate', () => {
    // jsdom's paths have no getTotalLength; the browser's do, and Recharts' default line shape calls it in every render.
    const proto = SVGElement.prototype as unknown as { getTotalLength?: () => number };
    const getTotalLength = vi.fn(() => 100);
    proto.getTotalLength = getTotalLength;
    try {
      const { rerender } = renderChart();
      rerender(
        <SeriesChart
          periods={periods}
          series={[{ name: 'Temu · United States', values: [2, 3, 5, 9], color: '#4e79a7' }]}
          kind="line"
          formatAxis={String}
          formatValue={String}
          formatPeriod={String}
          ariaLabel="Visitors"
          width={600}
          forecasts={[{ name: 'Temu · United States', color: '#4e79a7', values: [null, null, null, 9], band80: [null, null, null, [8, 10]], band95: [null, null, null, [7, 11]] }]}
        />,
      );
      expect(chart().querySelectorAll('.recharts-line-curve').length).toBeGreaterThan(0);
      expect(chart().querySelector('.forecast-line path')?.getAttribute('d')).toMatch(/^M/);
      expect(getTotalLength).not.toHaveBeenCalled();
    } finally {
      delete proto.getTotalLength;
    }
  });
});
