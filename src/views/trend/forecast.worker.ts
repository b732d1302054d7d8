/// <reference lib="webworker" />
import { forecastOne, type SeriesForecast } from './forecastModel';
import type { ForecastRequest } from './useTrendForecast';

/** Fits the trend's forecasts off the page's thread, so a few seconds of fitting on a busy machine freeze nothing. */
self.onmessage = (event: MessageEvent<ForecastRequest>) => {
  const { id, lines, periods, partial, options } = event.data;
  const started = performance.now();
  const forecasts: SeriesForecast[] = lines.map((line) => forecastOne(line, periods, partial, options));
  self.postMessage({ id, forecasts, elapsedMs: performance.now() - started });
};
