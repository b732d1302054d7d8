import { ForecastInputError, forecastSeries, trailingCompleteRun } from '../../lib/forecast';
import type { ForecastProblem, ForecastResult } from '../../lib/forecast';
import { shiftMonth } from '../../lib/months';
import type { Grain, Mode } from './declaration';

/**
 * What the trend view forecasts and how its forecasts line up with the periods it shows. Pure: the hook in
 * useTrendForecast runs it, the chart, the tables and the CSV read its results.
 */

/** The largest series shown get a forecast; more would crowd the chart and cost a fit each. */
export const FORECAST_SERIES_CAP = 5;
export const FORECAST_HORIZONS = [6, 12, 24, 36] as const;

export interface SeriesToForecast {
  name: string;
  values: (number | null)[];
}

export interface SeriesForecast {
  name: string;
  /** Index into the view's periods of the last value fitted; the forecast starts at the period after it. */
  lastIndex: number;
  /** The periods of the forecast, one per step. */
  periods: string[];
  result: ForecastResult | null;
  /** Why there is no forecast (too few points, a gap), when result is null: data, said in the page's language. */
  error: ForecastFailure | null;
}

/** Why a series got no forecast: a problem of its values, or (never expected) a failure of the fit itself. */
export type ForecastFailure = ForecastProblem | { kind: 'failed'; detail: string };

/**
 * Forecasts make sense of measured values (or their rolling average) by month or quarter: why not, or null when
 * they do (the view says the reason in the page's language).
 */
export function forecastUnavailableReason(mode: Mode, grain: Grain): 'measured-only' | 'needs-months' | null {
  if (mode !== 'absolute' && mode !== 'avg3' && mode !== 'avg12') return 'measured-only';
  if (grain === 'year') return 'needs-months';
  return null;
}

/** The horizon in periods of the grain: 12 months are 4 quarters. */
export function horizonPoints(months: number, grain: Grain): number {
  return grain === 'quarter' ? Math.ceil(months / 3) : months;
}

export function periodsAfter(last: string, grain: Grain, count: number): string[] {
  const step = grain === 'quarter' ? 3 : 1;
  return Array.from({ length: count }, (_, i) => shiftMonth(last, step * (i + 1)));
}

/**
 * Forecasts one series from the complete run of values that ends with its last full period: a trailing partial
 * period (a quarter cut by the range) is left out, and so is everything before the last gap (a missing month is a
 * gap, never a zero, and a forecast needs a complete series).
 */
export function forecastOne(
  line: SeriesToForecast,
  periods: readonly string[],
  partial: readonly boolean[],
  options: { grain: Grain; months: number; target: number | null },
): SeriesForecast {
  let end = periods.length;
  while (end > 0 && partial[end - 1]) end -= 1;
  while (end > 0 && line.values[end - 1] == null) end -= 1;
  const run = trailingCompleteRun(line.values.slice(0, end));
  const horizon = horizonPoints(options.months, options.grain);
  const lastIndex = end - 1;
  const future = lastIndex >= 0 ? periodsAfter(periods[lastIndex]!, options.grain, horizon) : [];
  try {
    const result = forecastSeries(run.values, { grain: options.grain, horizon, target: options.target });
    return { name: line.name, lastIndex, periods: future, result, error: null };
  } catch (error) {
    const failure: ForecastFailure =
      error instanceof ForecastInputError ? error.problem : { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
    return { name: line.name, lastIndex, periods: future, result: null, error: failure };
  }
}

/** Every period the chart spans: the view's, then those the forecasts reach past them. */
export function extendedPeriods(periods: readonly string[], forecasts: readonly SeriesForecast[]): string[] {
  const all = new Set(periods);
  for (const forecast of forecasts) for (const period of forecast.periods) all.add(period);
  return [...all].sort();
}
