// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import airline from '../../lib/forecast/fixtures/airline.json';
import type { SeriesResult } from '../../data';
import { ForecastSummary } from './ForecastPanel';
import { useTrendForecast, type TrendForecast } from './useTrendForecast';

afterEach(cleanup);

const periods = airline.values.map((_, i) => `${1949 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const data: SeriesResult = {
  periods,
  partial: periods.map(() => false),
  series: [
    { name: 'Passengers', isOther: false, values: airline.values, raw: airline.values },
    { name: 'Half', isOther: false, values: airline.values.map((v) => v / 2), raw: airline.values },
    { name: 'Other', isOther: true, values: airline.values, raw: airline.values },
  ],
  seriesTotal: 3,
};

describe('useTrendForecast', () => {
  it('fits in the page where no worker can start (here, jsdom), pending until the last series is done', async () => {
    expect(typeof Worker).toBe('undefined');
    const { result } = renderHook(() => useTrendForecast(data, { months: 12, grain: 'month', target: null }));
    expect(result.current.pending).toBe(true);
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    expect(result.current.forecasts.map((one) => one.name)).toEqual(['Passengers', 'Half']);
    expect(result.current.forecasts.every((one) => one.result?.steps.length === 12)).toBe(true);
    expect(result.current.progress).toBeNull();
    expect(result.current.elapsedMs).toBeGreaterThan(0);
  });

  it('is off, with nothing pending, without a horizon', () => {
    const { result } = renderHook(() => useTrendForecast(data, { months: null, grain: 'month', target: null }));
    expect(result.current).toEqual({ forecasts: [], pending: false, progress: null, elapsedMs: null, leftOut: 0 });
  });
});

describe('ForecastSummary while fitting', () => {
  const summary = (forecast: TrendForecast) =>
    render(<ForecastSummary forecast={forecast} unit="count" periodLabel={(period) => period} target={null} />);

  it('says how many series are done, as a status, and dims the previous forecasts', () => {
    summary({ forecasts: [], pending: true, progress: { done: 2, total: 5 }, elapsedMs: null, leftOut: 0 });
    expect(screen.getByRole('status').textContent).toBe('Fitting the forecasts… 2 of 5 series done.');
    expect(screen.getByTestId('trend-forecast-summary').getAttribute('aria-busy')).toBe('true');
    cleanup();
    const previous = { name: 'Passengers', lastIndex: 0, periods: [], result: null, error: { kind: 'too-few' as const, points: 2, minimum: 4 } };
    summary({ forecasts: [previous], pending: true, progress: { done: 0, total: 1 }, elapsedMs: 300, leftOut: 0 });
    expect(screen.getByRole('status').textContent).toBe('Fitting the forecasts…');
    expect(screen.getByTestId('trend-forecast-summary').classList.contains('is-updating')).toBe(true);
    expect(screen.getByTestId('trend-forecast-item').textContent).toContain('Passengers');
    cleanup();
    summary({ forecasts: [previous], pending: false, progress: null, elapsedMs: 300, leftOut: 0 });
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByTestId('trend-forecast-summary').classList.contains('is-updating')).toBe(false);
  });
});
