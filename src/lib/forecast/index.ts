export { forecastSeries, trailingCompleteRun, ForecastInputError } from './forecast';
export type { ForecastOptions, ForecastResult } from './forecast';
export type { ForecastStep, IntervalMethod } from './intervals';
export type { Backtest } from './backtest';
export type { TargetOutlook } from './target';
export type { Grain } from './select';
