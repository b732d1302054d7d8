import type { FittedModel } from './fit';
import type { ForecastStep } from './intervals';
import { simulatePaths } from './intervals';

/**
 * Against a target: the first step whose point forecast reaches it, and the probability that the series reaches it
 * at some step within the horizon, estimated as the share of simulated sample paths (seeded, Gaussian errors of the
 * fitted variance) that reach it. "Reach" means at or above a target above the last value, at or below one below it.
 */

export interface TargetOutlook {
  target: number;
  direction: 'up' | 'down';
  /** First step (1-based) whose point forecast reaches the target, or null when none within the horizon does. */
  firstStep: number | null;
  /** Share of simulated paths that reach the target within the horizon. */
  probability: number;
  paths: number;
}

export const TARGET_PATHS = 2000;

export function targetOutlook(
  model: FittedModel,
  steps: readonly ForecastStep[],
  lastValue: number,
  target: number,
  seed: number,
): TargetOutlook {
  const direction = target >= lastValue ? 'up' : 'down';
  const reaches = (y: number) => (direction === 'up' ? y >= target : y <= target);
  const first = steps.find((s) => reaches(s.mean));
  const paths = model.sigma2 > 0 ? simulatePaths(model, steps.length, TARGET_PATHS, seed) : [steps.map((s) => s.mean)];
  const reached = paths.filter((path) => path.some(reaches)).length;
  return { target, direction, firstStep: first ? first.step : null, probability: reached / paths.length, paths: paths.length };
}
