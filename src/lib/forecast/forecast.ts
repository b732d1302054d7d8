import { backtest } from './backtest';
import type { Backtest } from './backtest';
import { forecastWithIntervals } from './intervals';
import type { ForecastStep, IntervalMethod } from './intervals';
import { modelCode, modelName } from './models';
import { MINIMUM_POINTS, selectModel } from './select';
import type { Grain, ModelChoice } from './select';
import { targetOutlook } from './target';
import type { TargetOutlook } from './target';

/**
 * Forecasts one series: chooses a model by AICc, forecasts with 80% and 95% intervals, backtests, and, given a
 * target, says when and how likely the series reaches it. The caller passes a complete, evenly spaced series (one
 * value per month, quarter or year, oldest first): a missing value is refused, never guessed —
 * `trailingCompleteRun` gives the part after the last gap.
 */

export interface ForecastOptions {
  grain: Grain;
  horizon: number;
  target?: number | null;
  /** Seed of the simulations; fixed by default so a series always gets the same answer. */
  seed?: number;
}

export interface ForecastResult {
  modelCode: string;
  modelName: string;
  /** Why this model, in English (tests, logs); `choice` says the same as data, for the page's languages. */
  reason: string;
  choice: ModelChoice;
  modelsTried: number;
  intervalMethod: IntervalMethod;
  steps: ForecastStep[];
  backtest: Backtest | null;
  target: TargetOutlook | null;
  pointsUsed: number;
}

/** Why a series cannot be forecast, as data (the page says it in the active language; the message is English). */
export type ForecastProblem =
  | { kind: 'gap'; point: number; points: number }
  | { kind: 'too-few'; points: number; minimum: number };

export class ForecastInputError extends Error {
  override name = 'ForecastInputError';
  constructor(readonly problem: ForecastProblem) {
    super(
      problem.kind === 'gap'
        ? `a value is missing at point ${problem.point} of ${problem.points}: a forecast needs a complete series`
        : `${problem.points} points are too few to forecast: at least ${problem.minimum} are needed`,
    );
  }
}

const DEFAULT_SEED = 20141111;

export function forecastSeries(values: readonly (number | null)[], options: ForecastOptions): ForecastResult {
  const series = checkedSeries(values);
  const seed = options.seed ?? DEFAULT_SEED;
  const selection = selectModel(series, options.grain);
  const { steps, method } = forecastWithIntervals(selection.model, options.horizon, seed);
  const target =
    options.target == null ? null : targetOutlook(selection.model, steps, series[series.length - 1]!, options.target, seed + 1);
  return {
    modelCode: modelCode(selection.model.spec),
    modelName: modelName(selection.model.spec),
    reason: selection.reason,
    choice: selection.choice,
    modelsTried: selection.tried.length,
    intervalMethod: method,
    steps,
    backtest: backtest(series, options.grain, selection.model.spec),
    target,
    pointsUsed: series.length,
  };
}

function checkedSeries(values: readonly (number | null)[]): number[] {
  const gap = values.findIndex((v) => v === null || !Number.isFinite(v));
  if (gap >= 0) {
    throw new ForecastInputError({ kind: 'gap', point: gap + 1, points: values.length });
  }
  if (values.length < MINIMUM_POINTS) {
    throw new ForecastInputError({ kind: 'too-few', points: values.length, minimum: MINIMUM_POINTS });
  }
  return values as number[];
}

/** The values after the last gap (null or not finite): the longest complete run that ends with the latest value. */
export function trailingCompleteRun(values: readonly (number | null)[]): { start: number; values: number[] } {
  let start = values.length;
  while (start > 0 && values[start - 1] != null && Number.isFinite(values[start - 1])) start -= 1;
  return { start, values: values.slice(start) as number[] };
}
