import type { Grain } from './declaration';
import { forecastOne, type SeriesForecast, type SeriesToForecast } from './forecastModel';

/** What the trend view asks to be forecast, and the answer: plain data, so a worker can take and give it. */
export interface ForecastRequest {
  id: number;
  lines: SeriesToForecast[];
  periods: string[];
  partial: boolean[];
  options: { grain: Grain; months: number; target: number | null };
}

export interface ForecastReply {
  id: number;
  forecasts: SeriesForecast[];
  /** How long the fits took where they ran. */
  elapsedMs: number;
}

/** The worker's messages: one after each series fitted, then the forecasts. */
export type ForecastMessage =
  | { type: 'progress'; id: number; done: number; total: number }
  | ({ type: 'done' } & ForecastReply);

/** Fits every series of a request in turn, reporting after each. */
export function fitRequest(request: ForecastRequest, onProgress: (done: number) => void): ForecastReply {
  const started = performance.now();
  const forecasts = request.lines.map((line, i) => {
    const forecast = forecastOne(line, request.periods, request.partial, request.options);
    onProgress(i + 1);
    return forecast;
  });
  return { id: request.id, forecasts, elapsedMs: performance.now() - started };
}
