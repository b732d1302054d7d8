import { useEffect, useState } from 'react';
import type { SeriesResult } from '../../data';
import type { Grain } from './declaration';
import type { ForecastMessage, ForecastReply, ForecastRequest } from './forecastFits';
import { FORECAST_SERIES_CAP, forecastOne, type SeriesForecast } from './forecastModel';
import workerUrl from './forecast.worker.ts?worker&url';

export interface TrendForecast {
  forecasts: SeriesForecast[];
  /** True while the fits run. */
  pending: boolean;
  /** Series fitted so far of those asked for, while the fits run. */
  progress: { done: number; total: number } | null;
  /** How long the fits took, from the request to the answer. */
  elapsedMs: number | null;
  /** Series shown but not forecast (beyond FORECAST_SERIES_CAP). */
  leftOut: number;
}

const NONE: TrendForecast = { forecasts: [], pending: false, progress: null, elapsedMs: null, leftOut: 0 };

/**
 * Fits the forecasts of the largest series shown, in a worker, and times them (the summary shows the time). The
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
    const total = request.lines.length;
    setState((previous) => ({ ...previous, pending: true, progress: { done: 0, total } }));
    const started = performance.now();
    void fitForecasts(request, (done) => {
      if (!cancelled) setState((previous) => ({ ...previous, progress: { done, total } }));
    }).then((reply) => {
      if (cancelled || reply === null) return;
      setState({ forecasts: reply.forecasts, pending: false, progress: null, elapsedMs: performance.now() - started, leftOut });
    });
    return () => {
      cancelled = true;
      abandon(request.id);
    };
  }, [data, months, grain, target]);
  if (months === null) return NONE;
  // Until the first fits finish (the effect runs after the first paint), the forecast is pending, not empty.
  return state.elapsedMs === null ? { ...state, pending: true } : state;
}

let requests = 0;

/** The part of the Trusted Types API used here (TypeScript's DOM library does not declare it). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let scriptUrlPolicy: ScriptUrlPolicy | null | undefined;

/**
 * The worker's URL as the page's content security policy accepts it (`require-trusted-types-for 'script'`, see
 * scripts/contentSecurityPolicyPlugin.ts, which lists this policy's name): only the same-origin URL Vite gave the
 * worker module. A policy name can be created once per page, so the policy is kept.
 */
function trustedWorkerUrl(): string {
  if (scriptUrlPolicy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy } }).trustedTypes;
    scriptUrlPolicy =
      factory?.createPolicy('marketscope-forecast', {
        createScriptURL(candidate) {
          const parsed = new URL(candidate, location.href);
          if (parsed.origin !== location.origin || candidate !== workerUrl) throw new Error(`refusing to start a worker from ${candidate}`);
          return candidate;
        },
      }) ?? null;
  }
  return (scriptUrlPolicy ? scriptUrlPolicy.createScriptURL(workerUrl) : workerUrl) as string;
}

let worker: Worker | null = null;
/** The request the worker is fitting, to be given up when a newer one comes. */
let running: { id: number; settle: (reply: ForecastReply | null) => void } | null = null;
/** Set once a worker could not be started or failed: the fits then run in the page. */
let inPageOnly = typeof Worker === 'undefined';

/**
 * Fits a request in the worker; resolves with null when a newer request replaced it. A worker cannot be interrupted
 * in the middle of a fit, so a request that replaces a running one ends that worker and starts a fresh one.
 */
function fitForecasts(request: ForecastRequest, onProgress: (done: number) => void): Promise<ForecastReply | null> {
  if (running) abandon(running.id);
  if (inPageOnly) return fitInPage(request, onProgress);
  try {
    worker ??= new Worker(trustedWorkerUrl(), { type: 'module', name: 'marketscope-forecast' });
  } catch {
    inPageOnly = true;
    return fitInPage(request, onProgress);
  }
  const current = worker;
  return new Promise((resolve) => {
    const settle = (reply: ForecastReply | null) => {
      current.removeEventListener('message', onMessage);
      current.removeEventListener('error', onError);
      if (running?.id === request.id) running = null;
      resolve(reply);
    };
    const onMessage = (event: MessageEvent<ForecastMessage>) => {
      const message = event.data;
      if (message.id !== request.id) return;
      if (message.type === 'progress') onProgress(message.done);
      else settle({ id: message.id, forecasts: message.forecasts, elapsedMs: message.elapsedMs });
    };
    // The worker could not load or crashed: fit this request and the next ones in the page.
    const onError = (event: Event) => {
      event.preventDefault();
      current.terminate();
      if (worker === current) worker = null;
      inPageOnly = true;
      void fitInPage(request, onProgress).then(settle);
    };
    current.addEventListener('message', onMessage);
    current.addEventListener('error', onError);
    running = { id: request.id, settle };
    current.postMessage(request);
  });
}

/** Gives up a request the view no longer wants (turned off, or replaced): its worker is ended mid-fit. */
function abandon(id: number): void {
  if (running?.id !== id) return;
  running.settle(null);
  running = null;
  worker?.terminate();
  worker = null;
}

/** In the page, one series per task so the page stays responsive between fits. */
async function fitInPage(request: ForecastRequest, onProgress: (done: number) => void): Promise<ForecastReply> {
  const started = performance.now();
  const forecasts: SeriesForecast[] = [];
  for (const line of request.lines) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    forecasts.push(forecastOne(line, request.periods, request.partial, request.options));
    onProgress(forecasts.length);
  }
  return { id: request.id, forecasts, elapsedMs: performance.now() - started };
}
