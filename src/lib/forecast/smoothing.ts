import type { InitialStates, ModelSpec, SmoothingParameters } from './models';

/**
 * The Holt–Winters recursions in component form (FPP §8.1–8.3), written exactly as statsmodels'
 * `ExponentialSmoothing` writes them so that fixed parameters give the same numbers. They are also the state
 * updates of the ETS models with either error type: ETS(M,A,M) and ETS(A,A,M) share them, and differ only in the
 * likelihood and in the intervals.
 */

export interface FinalStates {
  level: number;
  trend: number;
  /** The last season's seasonals, oldest first: `seasonals[0]` applies to the next point. */
  seasonals: number[];
}

export interface FilterResult {
  /** One-step-ahead fitted values, one per observation. */
  fitted: number[];
  final: FinalStates;
}

export function runFilter(
  spec: ModelSpec,
  params: SmoothingParameters,
  initial: InitialStates,
  values: readonly number[],
): FilterResult {
  const state = startState(spec, initial);
  const fitted = values.map((y) => {
    const prediction = predictNext(spec, params, state);
    advance(spec, params, state, y);
    return prediction;
  });
  return { fitted, final: finalStates(state) };
}

/** The states while the recursions run; `seasonals[0]` always applies to the next point. */
export interface RunningState {
  level: number;
  trend: number;
  seasonals: number[];
}

export function startState(spec: ModelSpec, initial: InitialStates | FinalStates): RunningState {
  return {
    level: initial.level,
    trend: spec.trend === 'none' ? 0 : initial.trend,
    seasonals: spec.seasonal === 'none' ? [] : initial.seasonals.slice(),
  };
}

/** The one-step-ahead prediction from the current states. */
export function predictNext(spec: ModelSpec, params: SmoothingParameters, state: RunningState): number {
  const phi = spec.trend === 'damped' ? params.phi : 1;
  return combine(spec, state.level + phi * state.trend, state.seasonals[0] ?? neutralSeason(spec));
}

/** Updates the states with the observation y (in place: the fits call this a million times). */
export function advance(spec: ModelSpec, params: SmoothingParameters, state: RunningState, y: number): void {
  const { alpha, beta, gamma } = params;
  const phi = spec.trend === 'damped' ? params.phi : 1;
  const base = state.level + phi * state.trend;
  const season = state.seasonals[0] ?? neutralSeason(spec);
  const level = alpha * deseasonalise(spec, y, season) + (1 - alpha) * base;
  if (spec.trend !== 'none') state.trend = beta * (level - state.level) + (1 - beta) * phi * state.trend;
  if (spec.seasonal !== 'none') {
    state.seasonals.shift();
    state.seasonals.push(gamma * reseasonalise(spec, y, base) + (1 - gamma) * season);
  }
  state.level = level;
}

function finalStates(state: RunningState): FinalStates {
  return { level: state.level, trend: state.trend, seasonals: state.seasonals.slice() };
}

/** Point forecasts 1…horizon steps past the last observation. */
export function pointForecasts(spec: ModelSpec, params: SmoothingParameters, final: FinalStates, horizon: number) {
  const phi = spec.trend === 'damped' ? params.phi : 1;
  const forecasts: number[] = [];
  let dampedSum = 0;
  for (let h = 1; h <= horizon; h++) {
    dampedSum += phi ** h;
    const base = final.level + (spec.trend === 'none' ? 0 : dampedSum * final.trend);
    const season = spec.seasonal === 'none' ? neutralSeason(spec) : final.seasonals[(h - 1) % spec.period]!;
    forecasts.push(combine(spec, base, season));
  }
  return forecasts;
}

function neutralSeason(spec: ModelSpec): number {
  return spec.seasonal === 'multiplicative' ? 1 : 0;
}

function combine(spec: ModelSpec, base: number, season: number): number {
  return spec.seasonal === 'multiplicative' ? base * season : base + season;
}

function deseasonalise(spec: ModelSpec, y: number, season: number): number {
  return spec.seasonal === 'multiplicative' ? y / season : y - season;
}

function reseasonalise(spec: ModelSpec, y: number, base: number): number {
  return spec.seasonal === 'multiplicative' ? y / base : y - base;
}
