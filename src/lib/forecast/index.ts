export { forecastSeries, trailingCompleteRun, ForecastInputError, type ForecastProblem } from './forecast';
export type { ForecastOptions, ForecastResult } from './forecast';
export type { ForecastStep, IntervalMethod } from './intervals';
export type { Backtest } from './backtest';
export type { TargetOutlook } from './target';
export type { Grain, ModelChoice } from './select';
export type { ModelSpec } from './models';
