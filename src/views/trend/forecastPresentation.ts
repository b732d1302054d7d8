import type { ChartForecast } from '../../charts/SeriesChart';
import type { SeriesResult } from '../../data';
import type { SeriesForecast } from './forecastModel';
import { t } from '../../i18n';
import { messages } from './messages';

/** The forecasts laid on the chart's periods: the dashed line starts at the last value fitted, so it joins it. */
export function chartForecasts(
  forecasts: readonly SeriesForecast[],
  periods: readonly string[],
  data: SeriesResult,
  colorFor: (name: string) => string,
): ChartForecast[] {
  const indexOf = new Map(periods.map((period, index) => [period, index]));
  return forecasts.flatMap((forecast) => {
    if (!forecast.result) return [];
    const values: (number | null)[] = periods.map(() => null);
    const band80: ([number, number] | null)[] = periods.map(() => null);
    const band95: ([number, number] | null)[] = periods.map(() => null);
    const last = data.series.find((line) => line.name === forecast.name)?.values[forecast.lastIndex] ?? null;
    const anchor = indexOf.get(data.periods[forecast.lastIndex]!);
    if (anchor !== undefined && last !== null) {
      values[anchor] = last;
      band80[anchor] = [last, last];
      band95[anchor] = [last, last];
    }
    forecast.result.steps.forEach((step, i) => {
      const index = indexOf.get(forecast.periods[i]!);
      if (index === undefined) return;
      values[index] = step.mean;
      band80[index] = [step.lower80, step.upper80];
      band95[index] = [step.lower95, step.upper95];
    });
    return [{ name: forecast.name, color: colorFor(forecast.name), values, band80, band95 }];
  });
}

type Cell = string | number | null;

/**
 * The CSV with forecasts: a "kind" column says which rows are measured and which forecast; forecast rows carry
 * the point forecast in the series' own column and the interval bounds in four columns per forecast series.
 */
export function exportWithForecasts(
  periodHeader: string,
  data: SeriesResult,
  forecasts: readonly SeriesForecast[],
): { header: string[]; rows: Cell[][] } {
  const fitted = forecasts.filter((forecast) => forecast.result);
  // The headers in the active language, when the export is made.
  const bounds = [
    { level: 80, end: 'low' },
    { level: 80, end: 'high' },
    { level: 95, end: 'low' },
    { level: 95, end: 'high' },
  ];
  const header = [
    periodHeader,
    t(messages.csvKind),
    ...data.series.map((series) => series.name),
    ...fitted.flatMap((forecast) => bounds.map((bound) => t(messages.csvBound, { series: forecast.name, ...bound }))),
  ];
  const [measuredKind, forecastKind] = [t(messages.csvMeasured), t(messages.csvForecast)];
  const measured: Cell[][] = data.periods.map((period, index) => [
    period,
    measuredKind,
    ...data.series.map((series) => series.values[index] ?? null),
    ...fitted.flatMap(() => bounds.map(() => null)),
  ]);
  const futurePeriods = [...new Set(fitted.flatMap((forecast) => forecast.periods))].sort();
  const forecastRows: Cell[][] = futurePeriods.map((period) => {
    const stepOf = (forecast: SeriesForecast) => forecast.result!.steps[forecast.periods.indexOf(period)];
    return [
      period,
      forecastKind,
      ...data.series.map((series) => {
        const forecast = fitted.find((candidate) => candidate.name === series.name);
        return forecast ? (stepOf(forecast)?.mean ?? null) : null;
      }),
      ...fitted.flatMap((forecast) => {
        const step = stepOf(forecast);
        return step ? [step.lower80, step.upper80, step.lower95, step.upper95] : bounds.map(() => null);
      }),
    ];
  });
  return { header, rows: [...measured, ...forecastRows] };
}
