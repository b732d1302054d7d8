import { afterEach, describe, expect, it } from 'vitest';
import airline from '../../lib/forecast/fixtures/airline.json';
import { ForecastInputError, forecastSeries, type ForecastResult } from '../../lib/forecast';
import { switchLocale } from '../../i18n/runtime';
import { backtestNote, choiceText, failureText } from './ForecastPanel';

/** Series that take every way through the model choice and the backtest. */
function results(): ForecastResult[] {
  const monthly = airline.values;
  const withZero = monthly.map((value, index) => (index === monthly.length - 3 ? 0 : value));
  return [
    forecastSeries(monthly, { grain: 'month', horizon: 12 }), // seasonal, lowest AICc
    forecastSeries(monthly.slice(0, 18), { grain: 'month', horizon: 6 }), // too short for seasons
    forecastSeries(withZero, { grain: 'month', horizon: 6 }), // a zero: no multiplicative model, MAPE skips it
    forecastSeries([5, 5, 5, 5, 5, 5], { grain: 'quarter', horizon: 4 }), // constant
    forecastSeries([10, 12, 11, 13, 14], { grain: 'year', horizon: 2 }), // years, short holdout
    forecastSeries(monthly.slice(0, 6), { grain: 'month', horizon: 3 }), // a shortened holdout
  ];
}

function problems(): ForecastInputError[] {
  const errors: ForecastInputError[] = [];
  for (const values of [[1, 2, 3], [1, null, 3, 4, 5]]) {
    try {
      forecastSeries(values, { grain: 'month', horizon: 3 });
    } catch (error) {
      if (error instanceof ForecastInputError) errors.push(error);
    }
  }
  return errors;
}

afterEach(async () => {
  await switchLocale('en');
});

describe('what the forecast summary says of a model, its backtest and a series without a forecast', () => {
  it('in English, word for word what the forecast library says', () => {
    const all = results();
    expect(new Set(all.map((result) => result.choice.how))).toEqual(new Set(['lowest-aicc', 'constant', 'only']));
    expect(all.some((result) => result.choice.notTried?.kind === 'seasonal')).toBe(true);
    expect(all.some((result) => result.choice.notTried?.kind === 'multiplicative')).toBe(true);
    for (const result of all) {
      expect(choiceText(result.choice)).toBe(result.reason);
      if (result.backtest) expect(backtestNote(result.backtest)).toBe(result.backtest.note);
    }
    expect(all.some((result) => result.backtest && result.backtest.holdout < result.backtest.wanted)).toBe(true);
    expect(all.some((result) => (result.backtest?.zerosSkipped ?? 0) > 0)).toBe(true);
    const errors = problems();
    expect(errors.map((error) => error.problem.kind)).toEqual(['too-few', 'gap']);
    for (const error of errors) expect(failureText(error.problem)).toBe(error.message);
  });

  it('in Russian and Mexican Spanish, with none of the English words', async () => {
    const english = results().flatMap((result) => [choiceText(result.choice), ...(result.backtest ? [backtestNote(result.backtest)] : [])]);
    const englishProblems = problems().map((error) => failureText(error.problem));
    for (const [locale, word] of [
      ['ru-RU', /месяц|квартал|год/],
      ['es-MX', /mes|trimestre|año/],
    ] as const) {
      await switchLocale(locale);
      const said = results().flatMap((result) => [choiceText(result.choice), ...(result.backtest ? [backtestNote(result.backtest)] : [])]);
      expect(said).toHaveLength(english.length);
      for (const [index, text] of said.entries()) {
        expect(text).not.toBe(english[index]);
        expect(text).not.toMatch(/\b(the|model|months|quarters|held out|lowest|series)\b/);
      }
      expect(said.join(' ')).toMatch(word);
      const problemsSaid = problems().map((error) => failureText(error.problem));
      for (const [index, text] of problemsSaid.entries()) expect(text).not.toBe(englishProblems[index]);
    }
  });
});
