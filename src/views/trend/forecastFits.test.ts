import { describe, expect, it } from 'vitest';
import airline from '../../lib/forecast/fixtures/airline.json';
import { fitRequest } from './forecastFits';
import { forecastOne } from './forecastModel';

describe('fitRequest (what the forecasts’ worker runs)', () => {
  const periods = airline.values.map((_, i) => `${1949 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const request = {
    id: 7,
    lines: [
      { name: 'Passengers', values: airline.values },
      { name: 'Short', values: [1, 2, 3] },
    ],
    periods,
    partial: periods.map(() => false),
    options: { grain: 'month' as const, months: 12, target: 700 },
  };

  it('fits each series as the page would, reporting after each, and survives a structured clone', () => {
    const progress: number[] = [];
    const reply = structuredClone(fitRequest(request, (done) => progress.push(done)));
    expect(progress).toEqual([1, 2]);
    expect(reply.id).toBe(7);
    expect(reply.elapsedMs).toBeGreaterThan(0);
    expect(reply.forecasts).toEqual(request.lines.map((line) => forecastOne(line, periods, request.partial, request.options)));
    expect(reply.forecasts[0]!.result?.steps).toHaveLength(12);
    expect(reply.forecasts[1]!.result).toBeNull();
    expect(reply.forecasts[1]!.error).toEqual({ kind: 'too-few', points: 3, minimum: 4 });
  });
});
