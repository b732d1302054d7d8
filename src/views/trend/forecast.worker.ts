/**
 * The forecasts' dedicated worker: fits the series of one request, one by one, and posts a progress message after
 * each and the forecasts at the end, so that the fits (a few hundred milliseconds each) never hold up the page.
 * Started by useTrendForecast.ts; the same fits run in the page where no worker can be started (unit tests in Node).
 */
import { fitRequest, type ForecastMessage, type ForecastRequest } from './forecastFits';

self.addEventListener('message', (event: MessageEvent<ForecastRequest>) => {
  const request = event.data;
  const reply = fitRequest(request, (done) => {
    const progress: ForecastMessage = { type: 'progress', id: request.id, done, total: request.lines.length };
    self.postMessage(progress);
  });
  const message: ForecastMessage = { type: 'done', ...reply };
  self.postMessage(message);
});
