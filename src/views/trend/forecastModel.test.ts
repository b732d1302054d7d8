import { describe, expect, it } from 'vitest';
import airline from '../../lib/forecast/fixtures/airline.json';
import type { SeriesResult } from '../../data';
import { extendedPeriods, forecastOne, forecastUnavailableReason, horizonPoints, periodsAfter } from './forecastModel';
import { chartForecasts, exportWithForecasts } from './forecastPresentation';

const months = Array.from({ length: 144 }, (_, i) => `${1949 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const noPartial = months.map(() => false);

describe('trend forecasts', () => {
  it('are offered as measured or smoothed, by month or quarter, and say why not otherwise', () => {
    expect(forecastUnavailableReason('absolute', 'month')).toBeNull();
    expect(forecastUnavailableReason('avg12', 'month')).toBeNull();
    expect(forecastUnavailableReason('absolute', 'quarter')).toBeNull();
    expect(forecastUnavailableReason('share', 'month')).toBe('measured-only');
    expect(forecastUnavailableReason('index', 'month')).toBe('measured-only');
    expect(forecastUnavailableReason('absolute', 'year')).toBe('needs-months');
  });

  it('count the horizon in periods of the grain and continue the periods', () => {
    expect(horizonPoints(12, 'month')).toBe(12);
    expect(horizonPoints(12, 'quarter')).toBe(4);
    expect(periodsAfter('2025-12', 'month', 2)).toEqual(['2026-01', '2026-02']);
    expect(periodsAfter('2025-10', 'quarter', 2)).toEqual(['2026-01', '2026-04']);
  });

  it('fit the run after the last gap and leave out a trailing partial period', () => {
    const values: (number | null)[] = airline.values.slice();
    values[10] = null;
    const partial = noPartial.slice();
    partial[143] = true;
    const one = forecastOne({ name: 'Air', values }, months, partial, { grain: 'month', months: 12, target: null });
    expect(one.lastIndex).toBe(142);
    expect(one.result?.pointsUsed).toBe(132); // points 12…143, the 143rd being the partial one left out
    expect(one.periods[0]).toBe('1960-12');
    expect(one.periods).toHaveLength(12);
  });

  it('say why there is no forecast for a series too short to fit', () => {
    const one = forecastOne({ name: 'New', values: [null, null, 5, 6] }, months.slice(0, 4), noPartial, { grain: 'month', months: 6, target: null });
    expect(one.result).toBeNull();
    expect(one.error).toEqual({ kind: 'too-few', points: 2, minimum: 4 });
  });

  it('lay the forecast on the chart from the last value and mark forecast rows in the CSV', () => {
    const data: SeriesResult = {
      periods: months,
      partial: noPartial,
      series: [{ name: 'Air', isOther: false, values: airline.values, raw: airline.values }],
      seriesTotal: 1,
    };
    const one = forecastOne(data.series[0]!, months, noPartial, { grain: 'month', months: 6, target: null });
    const periods = extendedPeriods(months, [one]);
    expect(periods).toHaveLength(150);
    const [drawn] = chartForecasts([one], periods, data, () => 'red');
    expect(drawn!.values[143]).toBe(432); // joins the last measured value
    expect(drawn!.values[144]).toBe(one.result!.steps[0]!.mean);
    expect(drawn!.band95[149]).toEqual([one.result!.steps[5]!.lower95, one.result!.steps[5]!.upper95]);
    expect(drawn!.values[100]).toBeNull();

    const csv = exportWithForecasts('month', data, [one]);
    expect(csv.header).toEqual(['month', 'kind', 'Air', 'Air forecast 80% low', 'Air forecast 80% high', 'Air forecast 95% low', 'Air forecast 95% high']);
    expect(csv.rows).toHaveLength(150);
    expect(csv.rows[143]).toEqual(['1960-12', 'measured', 432, null, null, null, null]);
    const first = one.result!.steps[0]!;
    expect(csv.rows[144]).toEqual(['1961-01', 'forecast', first.mean, first.lower80, first.upper80, first.lower95, first.upper95]);
  });
});
