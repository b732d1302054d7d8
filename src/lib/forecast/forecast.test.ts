import { describe, expect, it } from 'vitest';
import airline from './fixtures/airline.json';
import aliexpressRussia from './fixtures/aliexpress-ru.json';
import { meanAbsolutePercentageError, meanAbsoluteScaledError } from './backtest';
import { fitModel } from './fit';
import { ForecastInputError, forecastSeries, trailingCompleteRun } from './forecast';
import { analyticalVariances, quantile, simulatePaths } from './intervals';
import { candidateModels } from './select';

const monthly = { grain: 'month', horizon: 12 } as const;

describe('forecastSeries', () => {
  it('chooses a multiplicative Holt-Winters model for the airline passengers, and says why', () => {
    const result = forecastSeries(airline.values, monthly);
    expect(result.modelCode).toMatch(/^MA(d)?M$/);
    expect(result.reason).toMatch(/^Holt-Winters, multiplicative seasonality.*: lowest AICc of 7 models tried; 144 months$/);
    expect(result.intervalMethod).toBe('simulated');
    expect(result.steps).toHaveLength(12);
  });

  it('widens the intervals with the horizon and keeps the 80% band inside the 95% band', () => {
    for (const values of [airline.values, aliexpressRussia.values]) {
      const { steps } = forecastSeries(values, { ...monthly, horizon: 24 });
      const width = (i: number) => steps[i]!.upper95 - steps[i]!.lower95;
      expect(width(23)).toBeGreaterThan(width(0));
      expect(width(11)).toBeGreaterThan(width(0));
      for (const s of steps) {
        expect(s.lower95).toBeLessThan(s.lower80);
        expect(s.lower80).toBeLessThan(s.upper80);
        expect(s.upper80).toBeLessThan(s.upper95);
      }
    }
  });

  it('backtests on the last 12 months with MAPE and MASE', () => {
    const result = forecastSeries(airline.values, monthly);
    expect(result.backtest?.holdout).toBe(12);
    expect(result.backtest?.mape).toBeGreaterThan(0);
    expect(result.backtest?.mape).toBeLessThan(0.1); // a good model of this series is within a few percent
    expect(result.backtest?.mase).toBeGreaterThan(0);
    expect(result.backtest?.mase).toBeLessThan(1.5);
    expect(result.backtest?.note).toBe('last 12 months held out');
  });

  it('forecasts a constant series as itself, with no spread', () => {
    const result = forecastSeries(new Array(30).fill(500), monthly);
    expect(result.reason).toMatch(/constant/);
    for (const s of result.steps) {
      expect(s.mean).toBe(500);
      expect(s.upper95 - s.lower95).toBe(0);
    }
  });

  it('tries no seasonal model with fewer than two full seasons, and says so', () => {
    const short = airline.values.slice(0, 20);
    expect(candidateModels(short, 'month').every((spec) => spec.seasonal === 'none')).toBe(true);
    const result = forecastSeries(short, monthly);
    expect(result.modelCode).toMatch(/^A(N|A|Ad)N$/);
    expect(result.reason).toMatch(/fewer than two full seasons \(24 months\)/);
    expect(result.backtest?.holdout).toBe(12);
  });

  it('shortens the backtest for a short series and says so', () => {
    const result = forecastSeries([5, 6, 7, 8, 9, 10, 11], monthly);
    expect(result.backtest?.holdout).toBe(3);
    expect(result.backtest?.note).toMatch(/fewer than 12 because the series is short/);
  });

  it('never chooses a multiplicative model for a series with zeros, and MAPE skips the zeros', () => {
    const withZeros = airline.values.map((y, t) => (t % 12 === 1 ? 0 : y));
    expect(candidateModels(withZeros, 'month').some((spec) => spec.seasonal === 'multiplicative')).toBe(false);
    const result = forecastSeries(withZeros, monthly);
    expect(result.modelCode).not.toContain('M');
    expect(result.reason).toMatch(/zeros or negative values, so no multiplicative model/);
    expect(result.backtest?.zerosSkipped).toBe(1);
    expect(result.backtest?.note).toMatch(/MAPE skips 1 zero value/);
  });

  it('refuses a series with a missing month instead of guessing it', () => {
    const gappy: (number | null)[] = airline.values.slice();
    gappy[40] = null;
    expect(() => forecastSeries(gappy, monthly)).toThrow(ForecastInputError);
    expect(() => forecastSeries(gappy, monthly)).toThrow(/a value is missing at point 41 of 144/);
    gappy[40] = NaN;
    expect(() => forecastSeries(gappy, monthly)).toThrow(/a value is missing/);
    expect(() => forecastSeries([1, 2, 3], monthly)).toThrow(/too few/);
  });

  it('trailingCompleteRun keeps what follows the last gap', () => {
    expect(trailingCompleteRun([1, null, 2, 3])).toEqual({ start: 2, values: [2, 3] });
    expect(trailingCompleteRun([1, 2])).toEqual({ start: 0, values: [1, 2] });
    expect(trailingCompleteRun([1, null])).toEqual({ start: 2, values: [] });
  });

  it('uses quarters with a period of 4, and years without seasons', () => {
    const quarters = Array.from({ length: 12 }, (_, q) => airline.values.slice(q * 3, q * 3 + 3).reduce((s, y) => s + y, 0));
    expect(candidateModels(quarters, 'quarter').some((spec) => spec.period === 4 && spec.seasonal !== 'none')).toBe(true);
    expect(forecastSeries(quarters, { grain: 'quarter', horizon: 4 }).reason).toMatch(/12 quarters/);
    expect(candidateModels([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'year').every((spec) => spec.seasonal === 'none')).toBe(true);
  });

  it('says when the forecast reaches a target, and how likely it is within the horizon', () => {
    const last = airline.values[airline.values.length - 1]!;
    const reachable = forecastSeries(airline.values, { ...monthly, target: 600 });
    expect(reachable.target?.firstStep).toBe(reachable.steps.findIndex((s) => s.mean >= 600) + 1);
    expect(reachable.target?.probability).toBeGreaterThan(0.5);
    const far = forecastSeries(airline.values, { ...monthly, target: 5000 });
    expect(far.target?.firstStep).toBeNull();
    expect(far.target?.probability).toBe(0);
    const below = forecastSeries(airline.values, { ...monthly, target: last / 2 });
    expect(below.target?.direction).toBe('down');
    expect(below.target?.probability).toBeLessThan(0.05);
  });

  it('gives the same answer twice (seeded simulations)', () => {
    expect(forecastSeries(airline.values, { ...monthly, target: 550 })).toEqual(
      forecastSeries(airline.values, { ...monthly, target: 550 }),
    );
  });
});

describe('intervals', () => {
  it('the analytical variances of Holt-Winters additive match simulated sample paths', () => {
    const spec = { error: 'additive', trend: 'additive', seasonal: 'additive', period: 12 } as const;
    const model = fitModel(spec, airline.values);
    const variances = analyticalVariances(model, 24);
    const paths = simulatePaths(model, 24, 20000, 7);
    for (const h of [0, 5, 11, 12, 23]) {
      const column = paths.map((p) => p[h]!);
      const mean = column.reduce((s, y) => s + y, 0) / column.length;
      const variance = column.reduce((s, y) => s + (y - mean) ** 2, 0) / (column.length - 1);
      expect(Math.abs(variance / variances[h]! - 1)).toBeLessThan(0.05); // sampling error of 20,000 paths ≈ 1%
    }
  });

  it('quantile interpolates like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
  });
});

describe('backtest errors', () => {
  it('MAPE skips zero actuals and MASE scales by the seasonal naive error', () => {
    expect(meanAbsolutePercentageError([100, 0, 200], [110, 5, 180])).toEqual({ mape: 0.1, zerosSkipped: 1 });
    // Training with period 2: seasonal naive errors |3-1|, |4-2| = 2 each, so MAE 1 on the holdout scales to 0.5.
    expect(meanAbsoluteScaledError([1, 2, 3, 4], [5, 6], [6, 5], 2)).toBe(0.5);
    expect(meanAbsoluteScaledError([3, 3, 3], [3], [4], 12)).toBeNull();
  });
});
