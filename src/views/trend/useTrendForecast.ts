import { useEffect, useState } from 'react';
import type { SeriesResult } from '../../data';
import type { Grain } from './declaration';
import { FORECAST_SERIES_CAP, forecastOne, type SeriesForecast } from './forecastModel';

export interface TrendForecast {
  forecasts: SeriesForecast[];
  /** True while the fits run. */
  pending: boolean;
  /** How long the fits took, in the page. */
  elapsedMs: number | null;
  /** Series shown but not forecast (beyond FORECAST_SERIES_CAP). */
  leftOut: number;
}

const NONE: TrendForecast = { forecasts: [], pending: false, elapsedMs: null, leftOut: 0 };

/**
 * Fits the forecasts of the largest series shown, in the page: a few series of at most a few hundred points take
 * tens to hundreds of milliseconds each, so the fits run one series per task (the page stays responsive between
 * them) and report their time. The fits are seeded, so the same figures (a snapshot's too) give the same forecast.
 */
export function useTrendForecast(
  data: SeriesResult | undefined,
  options: { months: number | null; grain: Grain; target: number | null },
): TrendForecast {
  const [state, setState] = useState<TrendForecast>(NONE);
  const { months, grain, target } = options;
  useEffect(() => {
    if (!data || months === null) {
      setState(NONE);
      return;
    }
    let cancelled = false;
    const lines = data.series.filter((line) => !line.isOther);
    const chosen = lines.slice(0, FORECAST_SERIES_CAP);
    setState((previous) => ({ ...previous, pending: true }));
    void (async () => {
      const started = performance.now();
      const forecasts: SeriesForecast[] = [];
      for (const line of chosen) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (cancelled) return;
        forecasts.push(forecastOne(line, data.periods, data.partial, { grain, months, target }));
      }
      if (!cancelled) {
        setState({ forecasts, pending: false, elapsedMs: performance.now() - started, leftOut: lines.length - chosen.length });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [data, months, grain, target]);
  if (months === null) return NONE;
  // Until the first fits finish (the effect runs after the first paint), the forecast is pending, not empty.
  return state.elapsedMs === null ? { ...state, pending: true } : state;
}
