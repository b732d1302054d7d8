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
 * Fits the forecasts of the largest series shown. A fit takes from tens of milliseconds (idle machine) to a couple
 * of seconds (a loaded one) per series, so the fits run in a worker; where there is none (tests), in the page. The
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
let worker: Worker | null | undefined;
const waiting = new Map<number, (reply: ForecastReply) => void>();

function forecastWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', (event: MessageEvent<ForecastReply>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  });
  worker?.addEventListener('error', () => {
    // A worker that cannot start (or dies) leaves the fits to the page.
    worker = null;
    for (const [id, resolve] of waiting) resolve(fitInPage(pendingRequests.get(id)!));
    waiting.clear();
  });
  return worker;
}

const pendingRequests = new Map<number, ForecastRequest>();

function fitForecasts(request: ForecastRequest): Promise<ForecastReply> {
  const target = forecastWorker();
  if (!target) return new Promise((resolve) => setTimeout(() => resolve(fitInPage(request)), 0));
  pendingRequests.set(request.id, request);
  return new Promise((resolve) => {
    waiting.set(request.id, (reply) => {
      pendingRequests.delete(request.id);
      resolve(reply);
    });
    target.postMessage(request);
  });
}

function fitInPage(request: ForecastRequest): ForecastReply {
  const started = performance.now();
  const forecasts = request.lines.map((line) => forecastOne(line, request.periods, request.partial, request.options));
  return { id: request.id, forecasts, elapsedMs: performance.now() - started };
}
