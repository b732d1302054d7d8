import { evaluateModel, fitModel } from './fit';
import type { FittedModel } from './fit';
import { modelName, parameterCount } from './models';
import type { ModelSpec } from './models';

/**
 * Model selection by AICc (Hyndman et al. 2008, §7.1) among the models the data allow: seasonal models only with
 * at least two full seasons, multiplicative ones only for strictly positive series, and each model only when the
 * series is longer than its parameter count + 1 (AICc is undefined otherwise).
 */

export type Grain = 'month' | 'quarter' | 'year';

export const PERIOD_OF: Record<Grain, number> = { month: 12, quarter: 4, year: 1 };
const UNIT_WORD: Record<Grain, [string, string]> = {
  month: ['month', 'months'],
  quarter: ['quarter', 'quarters'],
  year: ['year', 'years'],
};

/** The fewest points any forecast is made from. */
export const MINIMUM_POINTS = 4;

/**
 * Why this model, as data, for the page to say in the active language: how it was chosen (the only model the data
 * allow, the lowest AICc, or a constant series repeated), over how many points of the grain, and what was not tried.
 */
export interface ModelChoice {
  spec: ModelSpec;
  how: 'only' | 'lowest-aicc' | 'constant';
  /** Models fitted. */
  tried: number;
  points: number;
  grain: Grain;
  /** Seasonal models need two full seasons; multiplicative ones a strictly positive series. */
  notTried: { kind: 'seasonal'; pointsNeeded: number } | { kind: 'multiplicative' } | null;
}

export interface Selection {
  model: FittedModel;
  /** The models fitted, with their AICc, best first. */
  tried: { spec: ModelSpec; aicc: number }[];
  /** Why this model, in English (tests, logs); {@link Selection.choice} says the same as data. */
  reason: string;
  choice: ModelChoice;
}

export function pointsText(count: number, grain: Grain): string {
  return `${count} ${UNIT_WORD[grain][count === 1 ? 0 : 1]}`;
}

export function candidateModels(values: readonly number[], grain: Grain): ModelSpec[] {
  const period = PERIOD_OF[grain];
  const n = values.length;
  const positive = values.every((y) => y > 0);
  const forms: Omit<ModelSpec, 'period'>[] = [
    { error: 'additive', trend: 'none', seasonal: 'none' },
    { error: 'additive', trend: 'additive', seasonal: 'none' },
    { error: 'additive', trend: 'damped', seasonal: 'none' },
  ];
  if (period > 1 && n >= 2 * period) {
    forms.push(
      { error: 'additive', trend: 'additive', seasonal: 'additive' },
      { error: 'additive', trend: 'damped', seasonal: 'additive' },
    );
    if (positive) {
      forms.push(
        { error: 'multiplicative', trend: 'additive', seasonal: 'multiplicative' },
        { error: 'multiplicative', trend: 'damped', seasonal: 'multiplicative' },
      );
    }
  }
  const specs = forms.map((form) => ({ ...form, period }));
  const allowed = specs.filter((spec) => n - parameterCount(spec) - 1 > 0);
  return allowed.length > 0 ? allowed : specs.slice(0, 1);
}

export function selectModel(values: readonly number[], grain: Grain): Selection {
  const n = values.length;
  if (values.every((y) => y === values[0])) return constantSeries(values, grain);
  const fits = candidateModels(values, grain).map((spec) => fitModel(spec, values));
  fits.sort((a, b) => a.aicc - b.aicc);
  const model = fits[0]!;
  const tried = fits.map((fit) => ({ spec: fit.spec, aicc: fit.aicc }));
  const period = PERIOD_OF[grain];
  const notTried: ModelChoice['notTried'] =
    period > 1 && n < 2 * period
      ? { kind: 'seasonal', pointsNeeded: 2 * period }
      : period > 1 && values.some((y) => y <= 0)
        ? { kind: 'multiplicative' }
        : null;
  const choice: ModelChoice = { spec: model.spec, how: fits.length === 1 ? 'only' : 'lowest-aicc', tried: fits.length, points: n, grain, notTried };
  return { model, tried, reason: choiceInEnglish(choice), choice };
}

/** {@link ModelChoice} in English. */
export function choiceInEnglish(choice: ModelChoice): string {
  const points = pointsText(choice.points, choice.grain);
  const name = modelName(choice.spec);
  if (choice.how === 'constant') return `${name}: the series is constant over ${points}, so the forecast repeats it`;
  const how =
    choice.how === 'only' ? `the only model the data allow; ${points}` : `lowest AICc of ${choice.tried} models tried; ${points}`;
  const note =
    choice.notTried?.kind === 'seasonal'
      ? `fewer than two full seasons (${pointsText(choice.notTried.pointsNeeded, choice.grain)}), so no seasonal model was tried`
      : choice.notTried?.kind === 'multiplicative'
        ? 'the series has zeros or negative values, so no multiplicative model was tried'
        : null;
  return [`${name}: ${how}`, ...(note ? [note] : [])].join('; ');
}

/** A constant series has nothing to estimate: it is forecast as itself, with no spread. */
function constantSeries(values: readonly number[], grain: Grain): Selection {
  const spec: ModelSpec = { error: 'additive', trend: 'none', seasonal: 'none', period: PERIOD_OF[grain] };
  const model = evaluateModel(spec, values, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, {
    level: values[0]!,
    trend: 0,
    seasonals: [],
  });
  const choice: ModelChoice = { spec, how: 'constant', tried: 1, points: values.length, grain, notTried: null };
  return { model, tried: [{ spec, aicc: model.aicc }], reason: choiceInEnglish(choice), choice };
}
