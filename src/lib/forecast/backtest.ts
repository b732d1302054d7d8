import { fitModel } from './fit';
import { parameterCount } from './models';
import type { ModelSpec } from './models';
import { PERIOD_OF, selectModel, MINIMUM_POINTS, pointsText } from './select';
import type { Grain } from './select';
import { pointForecasts } from './smoothing';

/**
 * A backtest: the last points are held out, the model refitted on the rest and its forecasts compared with what
 * happened. MAPE skips actual zeros (a percentage of zero is undefined); MASE scales the mean absolute error by the
 * in-sample mean absolute error of the seasonal naive forecast (Hyndman & Koehler 2006), or of the naive one for
 * series without seasons.
 */

export interface Backtest {
  /** Points held out. */
  holdout: number;
  mape: number | null;
  mase: number | null;
  /** Actual zeros that MAPE skipped. */
  zerosSkipped: number;
  /** Points a full holdout has (a year); `holdout` is fewer when the series is short. */
  wanted: number;
  /** The model chosen on the whole series could not be fitted on the shorter one, so one was chosen again. */
  chosenAgain: boolean;
  grain: Grain;
  /** What a user should know about how it was done, in English (tests, logs); the fields above say it as data. */
  note: string;
}

/** Holds out a year (12 months, 4 quarters), or fewer so that at least MINIMUM_POINTS remain to fit on. */
export function backtest(values: readonly number[], grain: Grain, chosen: ModelSpec): Backtest | null {
  const wanted = grain === 'year' ? 3 : PERIOD_OF[grain];
  const holdout = Math.min(wanted, values.length - MINIMUM_POINTS);
  if (holdout < 1) return null;
  const training = values.slice(0, values.length - holdout);
  const actual = values.slice(values.length - holdout);
  // Refit the model chosen on the whole series when the training part allows it, else choose again on it.
  const allows = training.length - parameterCount(chosen) - 1 > 0 &&
    (chosen.seasonal === 'none' || training.length >= 2 * chosen.period);
  const model = allows ? fitModel(chosen, training) : selectModel(training, grain).model;
  const predicted = pointForecasts(model.spec, model.params, model.final, holdout);
  const notes = [`last ${pointsText(holdout, grain)} held out`];
  if (holdout < wanted) notes.push(`fewer than ${wanted} because the series is short`);
  if (!allows) notes.push('the model was chosen again on the shorter series');
  const { mape, zerosSkipped } = meanAbsolutePercentageError(actual, predicted);
  if (zerosSkipped > 0) notes.push(`MAPE skips ${zerosSkipped} zero ${zerosSkipped === 1 ? 'value' : 'values'}`);
  const mase = meanAbsoluteScaledError(training, actual, predicted, PERIOD_OF[grain]);
  return { holdout, mape, mase, zerosSkipped, wanted, chosenAgain: !allows, grain, note: notes.join('; ') };
}

export function meanAbsolutePercentageError(actual: readonly number[], predicted: readonly number[]) {
  const ratios = actual.flatMap((y, i) => (y === 0 ? [] : [Math.abs((y - predicted[i]!) / y)]));
  return {
    mape: ratios.length === 0 ? null : ratios.reduce((s, r) => s + r, 0) / ratios.length,
    zerosSkipped: actual.length - ratios.length,
  };
}

export function meanAbsoluteScaledError(
  training: readonly number[],
  actual: readonly number[],
  predicted: readonly number[],
  period: number,
): number | null {
  const lag = training.length > period ? period : 1;
  const naiveErrors = training.slice(lag).map((y, i) => Math.abs(y - training[i]!));
  if (naiveErrors.length === 0) return null;
  const scale = naiveErrors.reduce((s, e) => s + e, 0) / naiveErrors.length;
  if (scale === 0) return null;
  const mae = actual.reduce((s, y, i) => s + Math.abs(y - predicted[i]!), 0) / actual.length;
  return mae / scale;
}
