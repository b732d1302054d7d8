import { useEffect, useState } from 'react';
import type { SeriesResult } from '../../data';
import type { Grain } from './declaration';
import { FORECAST_SERIES_CAP, forecastOne, type SeriesForecast, type SeriesToForecast } from './forecastModel';

export interface TrendForecast {
  forecasts: SeriesForecast[];
  /** True while the fits run. */
  pending: boolean;
  /** How long the fits took. */
  elapsedMs: number | null;
  /** Series shown but not forecast (beyond FORECAST_SERIES_CAP). */
  leftOut: number;
}

export interface ForecastRequest {
  id: number;
  lines: SeriesToForecast[];
  periods: string[];
  partial: boolean[];
  options: { grain: Grain; months: number; target: number | null };
}

interface ForecastReply {
  id: number;
  forecasts: SeriesForecast[];
  elapsedMs: number;
}

const NONE: TrendForecast = { forecasts: [], pending: false, elapsedMs: null, leftOut: 0 };

/**
 * Fits the forecasts of the largest series shown, in the page, and times them (the summary shows the time). The
 * fits are seeded, so the same figures (a snapshot's too) always give the same forecast.
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
    const shown = data.series.filter((line) => !line.isOther);
    const request: ForecastRequest = {
      id: ++requests,
      lines: shown.slice(0, FORECAST_SERIES_CAP).map((line) => ({ name: line.name, values: line.values })),
      periods: data.periods,
      partial: data.partial,
      options: { grain, months, target },
    };
    const leftOut = shown.length - request.lines.length;
    setState((previous) => ({ ...previous, pending: true }));
    void fitForecasts(request).then((reply) => {
      if (!cancelled) setState({ forecasts: reply.forecasts, pending: false, elapsedMs: reply.elapsedMs, leftOut });
    });
    return () => {
      cancelled = true;
    };
  }, [data, months, grain, target]);
  if (months === null) return NONE;
  // Until the first fits finish (the effect runs after the first paint), the forecast is pending, not empty.
  return state.elapsedMs === null ? { ...state, pending: true } : state;
}

let requests = 0;

/**
 * In the page, one series per task so the page stays responsive between fits. (A worker would need a third Trusted
 * Types policy for its URL under the app's content security policy; at these sizes the page is enough.)
 */
async function fitForecasts(request: ForecastRequest): Promise<ForecastReply> {
  const started = performance.now();
  const forecasts: SeriesForecast[] = [];
  for (const line of request.lines) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    forecasts.push(forecastOne(line, request.periods, request.partial, request.options));
  }
  return { id: request.id, forecasts, elapsedMs: performance.now() - started };
}
