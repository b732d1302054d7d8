import type { FittedModel } from './fit';
import type { ModelSpec } from './models';
import { seededNormal } from './random';
import { advance, pointForecasts, predictNext, startState } from './smoothing';

/**
 * Prediction intervals. Additive-error models with additive components (Hyndman et al. 2008, class 1: ANN, AAN,
 * AAdN, AAA, AAdA) have exact Gaussian forecast variances (FPP table 8.8). The multiplicative models have none in
 * closed form that holds at every horizon, so their intervals are quantiles of simulated sample paths, drawn with
 * a seeded generator so that the same data always give the same intervals.
 */

export interface ForecastStep {
  /** 1 for the first point after the data. */
  step: number;
  mean: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export type IntervalMethod = 'analytical' | 'simulated';

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;
export const SIMULATED_PATHS = 2000;

export function hasAnalyticalVariance(spec: ModelSpec): boolean {
  return spec.error === 'additive' && spec.seasonal !== 'multiplicative';
}

/** Forecast variance h steps ahead: σ²(1 + Σ_{j<h} c_j²), c_j = α + βφ_j + γ·[j a multiple of m] (FPP table 8.8). */
export function analyticalVariances(model: FittedModel, horizon: number): number[] {
  const { alpha, beta, gamma } = model.params;
  const { spec } = model;
  const stateBeta = spec.trend === 'none' ? 0 : alpha * beta; // component-form β* to state-space β
  const phi = spec.trend === 'damped' ? model.params.phi : 1;
  const variances: number[] = [];
  let sumSquares = 0;
  let dampedSum = 0;
  for (let h = 1; h <= horizon; h++) {
    variances.push(model.sigma2 * (1 + sumSquares));
    dampedSum += phi ** h;
    const seasonalHit = spec.seasonal !== 'none' && h % spec.period === 0 ? gamma : 0;
    sumSquares += (alpha + stateBeta * dampedSum + seasonalHit) ** 2;
  }
  return variances;
}

/** Sample paths h = 1…horizon from the fitted model with Gaussian errors of the fitted variance. */
export function simulatePaths(model: FittedModel, horizon: number, count: number, seed: number): number[][] {
  const normal = seededNormal(seed);
  const sigma = Math.sqrt(model.sigma2);
  const paths: number[][] = [];
  for (let p = 0; p < count; p++) {
    const state = startState(model.spec, model.final);
    const path: number[] = [];
    for (let h = 0; h < horizon; h++) {
      const mean = predictNext(model.spec, model.params, state);
      const error = sigma * normal();
      const y = model.spec.error === 'multiplicative' ? mean * (1 + error) : mean + error;
      path.push(y);
      advance(model.spec, model.params, state, y);
    }
    paths.push(path);
  }
  return paths;
}

export function forecastWithIntervals(
  model: FittedModel,
  horizon: number,
  seed: number,
): { steps: ForecastStep[]; method: IntervalMethod } {
  const means = pointForecasts(model.spec, model.params, model.final, horizon);
  if (hasAnalyticalVariance(model.spec)) {
    const variances = analyticalVariances(model, horizon);
    const steps = means.map((mean, i) => {
      const sd = Math.sqrt(variances[i]!);
      return { step: i + 1, mean, lower80: mean - Z80 * sd, upper80: mean + Z80 * sd, lower95: mean - Z95 * sd, upper95: mean + Z95 * sd };
    });
    return { steps, method: 'analytical' };
  }
  const paths = simulatePaths(model, horizon, SIMULATED_PATHS, seed);
  const steps = means.map((mean, i) => {
    const column = paths.map((path) => path[i]!).sort((a, b) => a - b);
    return {
      step: i + 1,
      mean,
      lower80: quantile(column, 0.1),
      upper80: quantile(column, 0.9),
      lower95: quantile(column, 0.025),
      upper95: quantile(column, 0.975),
    };
  });
  return { steps, method: 'simulated' };
}

/** Quantile of sorted values by linear interpolation (type 7, the default of R and numpy). */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}
