/**
 * The exponential smoothing models the forecasts choose from, in the ETS taxonomy (error, trend, seasonal) of
 * Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", ch. 8.
 */

export type ErrorType = 'additive' | 'multiplicative';
export type TrendType = 'none' | 'additive' | 'damped';
export type SeasonalType = 'none' | 'additive' | 'multiplicative';

export interface ModelSpec {
  error: ErrorType;
  trend: TrendType;
  seasonal: SeasonalType;
  /** Points per season: 12 for months, 4 for quarters, 1 (no season) for years. */
  period: number;
}

/**
 * Smoothing parameters in the component (Holt–Winters) form used by statsmodels' `ExponentialSmoothing`:
 * `beta` is the trend's own smoothing (β* in FPP); the state-space β is `alpha * beta`.
 */
export interface SmoothingParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** The states before the first observation: level, trend and one seasonal per point of a season (oldest first). */
export interface InitialStates {
  level: number;
  trend: number;
  seasonals: number[];
}

export function hasTrend(spec: ModelSpec): boolean {
  return spec.trend !== 'none';
}

export function isSeasonal(spec: ModelSpec): boolean {
  return spec.seasonal !== 'none';
}

/** ETS code as in FPP: ANN, AAdA, MAM… */
export function modelCode(spec: ModelSpec): string {
  const letter = { none: 'N', additive: 'A', multiplicative: 'M', damped: 'Ad' } as const;
  return `${letter[spec.error]}${letter[spec.trend]}${letter[spec.seasonal]}`;
}

/** A name a user can read. */
export function modelName(spec: ModelSpec): string {
  const damped = spec.trend === 'damped' ? 'damped ' : '';
  if (spec.seasonal === 'none') {
    return spec.trend === 'none' ? 'Simple exponential smoothing' : `Holt’s ${damped}trend`;
  }
  const trend = spec.trend === 'none' ? ', no trend' : spec.trend === 'damped' ? ', damped trend' : '';
  return `Holt-Winters, ${spec.seasonal} seasonality${trend}`;
}

/**
 * Number of estimated parameters, counted as AICc needs them: smoothing parameters, initial states (one seasonal
 * fewer than the period, since the seasonals are normalised) and the error variance.
 */
export function parameterCount(spec: ModelSpec): number {
  const smoothing = 1 + (hasTrend(spec) ? 1 : 0) + (spec.trend === 'damped' ? 1 : 0) + (isSeasonal(spec) ? 1 : 0);
  const states = 1 + (hasTrend(spec) ? 1 : 0) + (isSeasonal(spec) ? spec.period - 1 : 0);
  return smoothing + states + 1;
}
