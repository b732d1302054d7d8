import { nelderMead } from './nelderMead';
import { hasTrend, isSeasonal, parameterCount } from './models';
import type { InitialStates, ModelSpec, SmoothingParameters } from './models';
import { objectiveValue } from './objective';
import { runFilter } from './smoothing';
import type { FinalStates } from './smoothing';

/**
 * Fitting a model: its smoothing parameters and initial states, by maximum likelihood (the default, which is what
 * AICc compares) or by least squares (what statsmodels' `ExponentialSmoothing.fit` minimises; used by the reference
 * tests). For additive errors the two are the same fit.
 */

export type Objective = 'likelihood' | 'sse';

export interface FittedModel {
  spec: ModelSpec;
  params: SmoothingParameters;
  initial: InitialStates;
  final: FinalStates;
  fitted: number[];
  /** y − ŷ for additive errors, (y − ŷ) / ŷ for multiplicative ones. */
  residuals: number[];
  sse: number;
  /** Variance of the errors: Σ residual² / (n − estimated parameters), as R's forecast::ets estimates it. */
  sigma2: number;
  aicc: number;
  n: number;
}

const UNIT_BOUNDS = [1e-4, 0.9999] as const;
const PHI_BOUNDS = [0.8, 0.98] as const;

/** Evaluates a model at given parameters and initial states (no fitting). */
export function evaluateModel(
  spec: ModelSpec,
  values: readonly number[],
  params: SmoothingParameters,
  initial: InitialStates,
): FittedModel {
  const { fitted, final } = runFilter(spec, params, initial, values);
  const errors = values.map((y, t) => y - fitted[t]!);
  const residuals = spec.error === 'multiplicative' ? errors.map((e, t) => e / fitted[t]!) : errors;
  const n = values.length;
  const k = parameterCount(spec);
  const sumSquares = residuals.reduce((s, r) => s + r * r, 0);
  const minus2LogLik = minusTwoLogLikelihood(spec, sumSquares, fitted, n);
  return {
    spec,
    params,
    initial,
    final,
    fitted,
    residuals,
    sse: errors.reduce((s, e) => s + e * e, 0),
    sigma2: sumSquares / Math.max(1, n - (k - 1)),
    aicc: minus2LogLik + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity),
    n,
  };
}

/** −2 log L of the Gaussian ETS likelihood (Hyndman et al. 2008, §5.2), σ² concentrated out. */
function minusTwoLogLikelihood(spec: ModelSpec, sumSquares: number, fitted: number[], n: number): number {
  // A perfect fit (a constant series) would give log 0: floor it so models still compare by their size.
  const base = n * Math.log(Math.max(sumSquares, 1e-300) / n) + n * (1 + Math.log(2 * Math.PI));
  if (spec.error === 'additive') return base;
  return base + 2 * fitted.reduce((s, f) => s + Math.log(Math.abs(f)), 0);
}

export function fitModel(spec: ModelSpec, values: readonly number[], objective: Objective = 'likelihood'): FittedModel {
  // Fit on a series scaled to mean 1 so that states and smoothing parameters have similar sizes for the simplex.
  const scale = values.reduce((s, y) => s + Math.abs(y), 0) / values.length || 1;
  const scaled = values.map((y) => y / scale);
  const codec = parameterCodec(spec);
  const buffer = new Float64Array(spec.period);
  const score = (vector: number[]) => {
    const decoded = codec.decode(vector);
    if (!decoded) return Infinity;
    return objectiveValue(spec, decoded.params, decoded.initial, scaled, objective, buffer);
  };

  const best = bestStart(spec, scaled, codec, score);
  // Polish the best in full, restarting once it stops: a restart lets the simplex escape a premature collapse.
  // A restart that gains less than 1e-5 of the objective (for these series, under 0.01 of AICc) ends the polish.
  let polished = best;
  for (let restart = 0; restart < 3; restart++) {
    const result = nelderMead(score, polished.x, { tolerance: 1e-10, pointTolerance: 1e-7, maxEvaluations: 1500 });
    const improved = result.value < polished.value - 1e-5 * Math.abs(polished.value);
    if (result.value < polished.value) polished = result;
    if (!improved) break;
  }
  const decoded = codec.decode(polished.x)!;
  return evaluateModel(spec, values, decoded.params, scaleStates(spec, decoded.initial, scale));
}

function bestStart(
  spec: ModelSpec,
  scaled: readonly number[],
  codec: ReturnType<typeof parameterCodec>,
  score: (x: number[]) => number,
): { x: number[]; value: number } {
  // Start from the best few points of a coarse grid of smoothing parameters (the states from the heuristic), as
  // statsmodels does: the likelihood has several local minima, and a single start often finds a poor one. Each start
  // first moves the smoothing parameters only, with the states held at the heuristic (a simplex of 2–5 dimensions
  // converges in a few dozen steps where the full one of up to 17 needs thousands): that is enough to tell the
  // basins apart. Only the best is then fitted in full.
  const states = heuristicStates(spec, scaled);
  // α, then β, γ and φ where the model has them: the first entries of the encoded vector.
  const smoothingCount = 1 + (hasTrend(spec) ? 1 : 0) + (isSeasonal(spec) ? 1 : 0) + (spec.trend === 'damped' ? 1 : 0);
  const graded = startingGrid(spec).map((params) => {
    const x = codec.encode(params, states);
    return { alpha: params.alpha, x, value: score(x) };
  });
  // The best grid point for each α: starts far enough apart to land in different basins.
  const starts = [...new Set(graded.map((g) => g.alpha))].map(
    (alpha) => graded.filter((g) => g.alpha === alpha).sort((a, b) => a.value - b.value)[0]!,
  );
  let best: { x: number[]; value: number } = starts.reduce((a, b) => (b.value < a.value ? b : a));
  for (const start of starts) {
    const fixedStates = start.x.slice(smoothingCount);
    const partial = (smoothing: number[]) => score([...smoothing, ...fixedStates]);
    const result = nelderMead(partial, start.x.slice(0, smoothingCount), { tolerance: 1e-8, pointTolerance: 1e-5, maxEvaluations: 400 });
    if (result.value < best.value) best = { x: [...result.x, ...fixedStates], value: result.value };
  }
  return best;
}

function startingGrid(spec: ModelSpec): SmoothingParameters[] {
  const grid: SmoothingParameters[] = [];
  for (const alpha of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    for (const beta of hasTrend(spec) ? [0.01, 0.1, 0.3] : [0]) {
      for (const gammaShare of isSeasonal(spec) ? [0.01, 0.2, 0.6] : [0]) {
        grid.push({ alpha, beta, gamma: gammaShare * (1 - alpha), phi: 0.95 });
      }
    }
  }
  return grid;
}

/**
 * Initial states: the level is the first season's mean, the trend the change between the first two seasons'
 * means per point (Hyndman et al. 2008, §2.6.1); the seasonals are the average departure of each point of the
 * season from a centred moving average over the whole series (classical decomposition), which starts the fit near
 * the series' usual pattern rather than the first year's, often an odd one.
 */
export function heuristicStates(spec: ModelSpec, values: readonly number[]): InitialStates {
  const m = isSeasonal(spec) ? spec.period : 1;
  const first = mean(values.slice(0, m));
  const second = values.length >= 2 * m ? mean(values.slice(m, 2 * m)) : first;
  const trend = hasTrend(spec) ? (m > 1 ? (second - first) / m : (values[1] ?? first) - first) : 0;
  const level = m > 1 ? first - (trend * (m + 1)) / 2 : values[0]!;
  const seasonals = isSeasonal(spec) ? decompositionSeasonals(spec, values) : [];
  return { level, trend, seasonals: normaliseSeasonals(spec, seasonals) };
}

function decompositionSeasonals(spec: ModelSpec, values: readonly number[]): number[] {
  const m = spec.period;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t + half < values.length; t++) {
    // A 2×m moving average when m is even, so it is centred on t.
    let total = 0;
    for (let j = -half; j <= half; j++) total += (m % 2 === 0 && Math.abs(j) === half ? 0.5 : 1) * values[t + j]!;
    const average = total / m;
    sums[t % m]! += spec.seasonal === 'multiplicative' ? values[t]! / average : values[t]! - average;
    counts[t % m]! += 1;
  }
  return sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : spec.seasonal === 'multiplicative' ? 1 : 0));
}

function normaliseSeasonals(spec: ModelSpec, seasonals: number[]): number[] {
  if (seasonals.length === 0) return seasonals;
  const average = mean(seasonals);
  return spec.seasonal === 'multiplicative' ? seasonals.map((s) => s / average) : seasonals.map((s) => s - average);
}

/** States of the series multiplied by `scale` (multiplicative seasonals are ratios, which scaling leaves alone). */
function scaleStates(spec: ModelSpec, states: InitialStates, scale: number): InitialStates {
  return {
    level: states.level * scale,
    trend: states.trend * scale,
    seasonals: spec.seasonal === 'additive' ? states.seasonals.map((s) => s * scale) : states.seasonals,
  };
}

/**
 * Maps bounded parameters to an unconstrained vector (logistic transforms) and back, so the simplex never leaves
 * the admissible region. The last seasonal is not a free parameter: seasonals sum to 0 (additive) or to the period
 * (multiplicative).
 */
function parameterCodec(spec: ModelSpec) {
  const m = spec.period;
  const toUnit = (value: number, [lo, hi]: readonly [number, number]) => {
    const p = Math.min(Math.max((value - lo) / (hi - lo), 1e-6), 1 - 1e-6);
    return Math.log(p / (1 - p));
  };
  const fromUnit = (z: number, [lo, hi]: readonly [number, number]) => lo + (hi - lo) / (1 + Math.exp(-z));
  return {
    encode(params: SmoothingParameters, states: InitialStates): number[] {
      const vector = [toUnit(params.alpha, UNIT_BOUNDS)];
      if (hasTrend(spec)) vector.push(toUnit(params.beta, UNIT_BOUNDS));
      if (isSeasonal(spec)) vector.push(toUnit(params.gamma / (1 - params.alpha), UNIT_BOUNDS));
      if (spec.trend === 'damped') vector.push(toUnit(params.phi, PHI_BOUNDS));
      vector.push(states.level);
      if (hasTrend(spec)) vector.push(states.trend);
      if (isSeasonal(spec)) vector.push(...states.seasonals.slice(0, m - 1));
      return vector;
    },
    decode(vector: number[]): { params: SmoothingParameters; initial: InitialStates } | null {
      let i = 0;
      const alpha = fromUnit(vector[i++]!, UNIT_BOUNDS);
      const beta = hasTrend(spec) ? fromUnit(vector[i++]!, UNIT_BOUNDS) : 0;
      // FPP §8.3: 0 < γ < 1 − α, as statsmodels also bounds it.
      const gamma = isSeasonal(spec) ? (1 - alpha) * fromUnit(vector[i++]!, UNIT_BOUNDS) : 0;
      const phi = spec.trend === 'damped' ? fromUnit(vector[i++]!, PHI_BOUNDS) : 1;
      const level = vector[i++]!;
      const trend = hasTrend(spec) ? vector[i++]! : 0;
      const seasonals = isSeasonal(spec) ? vector.slice(i, i + m - 1) : [];
      if (isSeasonal(spec)) {
        const sum = seasonals.reduce((s, x) => s + x, 0);
        const last = spec.seasonal === 'multiplicative' ? m - sum : -sum;
        if (spec.seasonal === 'multiplicative' && (last <= 0 || seasonals.some((s) => s <= 0))) return null;
        seasonals.push(last);
      }
      return { params: { alpha, beta, gamma, phi }, initial: { level, trend, seasonals } };
    },
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, y) => s + y, 0) / values.length;
}
