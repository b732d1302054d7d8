import './forecast.css';
import { formatCompact, formatShare, formatWhole, type Unit } from '../../lib/format';
import type { Backtest, Grain, ModelChoice, ModelSpec, TargetOutlook } from '../../lib/forecast';
import { FORECAST_HORIZONS, FORECAST_SERIES_CAP, type ForecastFailure, type SeriesForecast } from './forecastModel';
import type { TrendForecast } from './useTrendForecast';
import { ControlSelect } from '../shared/ControlSelect';
import { t, useT } from '../../i18n';
import { messages } from './messages';

const COLON = ': ';
const SPACE = ' ';
const NONE = '–';

/** Sentences one after another, those missing left out. */
function sentences(parts: readonly (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(' ');
}

/** A phrase as a sentence: with its full stop. */
function sentence(text: string): string {
  return `${text}.`;
}

/** The forecast's horizon (off by default), disabled with its reason where a forecast makes no sense. */
export function ForecastControl({
  months,
  unavailable,
  onChange,
}: {
  months: number | null;
  unavailable: string | null;
  onChange: (months: number | null) => void;
}) {
  const horizons: number[] = [...FORECAST_HORIZONS];
  if (months !== null && !horizons.includes(months)) horizons.push(months);
  horizons.sort((a, b) => a - b);
  const tr = useT();
  return (
    <ControlSelect
      label={tr(messages.forecast)}
      testId="trend-forecast"
      value={unavailable || months === null ? 'off' : String(months)}
      options={[{ value: 'off', label: tr(messages.off) }, ...horizons.map((h) => ({ value: String(h), label: tr(messages.horizon, { count: h }) }))]}
      disabled={unavailable !== null}
      hint={unavailable}
      hintTestId="trend-forecast-reason"
      onChange={(value) => onChange(value === 'off' ? null : Number(value))}
    />
  );
}

/** Beside the chart: each forecast's model and why, its backtest, and what it says of the target. */
export function ForecastSummary({
  forecast,
  unit,
  periodLabel,
  target,
}: {
  forecast: TrendForecast;
  unit: Unit;
  periodLabel: (period: string) => string;
  target: number | null;
}) {
  const tr = useT();
  const progress = forecast.pending ? <FitProgress progress={forecast.progress} /> : null;
  if (forecast.pending && forecast.forecasts.length === 0) {
    return (
      <section className="forecast-summary" aria-label={tr(messages.forecast)} aria-busy="true" data-testid="trend-forecast-summary">
        {progress}
      </section>
    );
  }
  return (
    <section
      className={forecast.pending ? 'forecast-summary is-updating' : 'forecast-summary'}
      aria-label={tr(messages.forecast)}
      aria-busy={forecast.pending}
      data-testid="trend-forecast-summary"
    >
      <h3 className="forecast-summary-title">{tr(messages.forecast)}</h3>
      {progress}
      <ul>
        {forecast.forecasts.map((one) => (
          <li key={one.name} data-testid="trend-forecast-item">
            <strong>{one.name}</strong>
            {COLON}
            <SeriesOutlook forecast={one} unit={unit} periodLabel={periodLabel} target={target} />
          </li>
        ))}
      </ul>
      <p className="forecast-summary-note">
        {sentences([
          forecast.leftOut > 0 ? tr(messages.onlyLargest, { cap: String(FORECAST_SERIES_CAP), left: String(forecast.leftOut) }) : null,
          tr(messages.method, { paths: formatWhole(2000) }),
          forecast.elapsedMs !== null ? tr(messages.fitted, { ms: formatWhole(Math.round(forecast.elapsedMs), 'number') }) : null,
        ])}
      </p>
    </section>
  );
}

/** “Fitting the forecasts… 2 of 5 series” while the worker fits; a status, so screen readers hear it. */
function FitProgress({ progress }: { progress: TrendForecast['progress'] }) {
  const tr = useT();
  return (
    <p role="status" className="forecast-summary-progress" data-testid="trend-forecast-progress">
      {sentences([
        tr(messages.fitting),
        progress && progress.total > 1 ? tr(messages.fittingProgress, { done: String(progress.done), total: String(progress.total) }) : null,
      ])}
    </p>
  );
}

function SeriesOutlook({
  forecast,
  unit,
  periodLabel,
  target,
}: {
  forecast: SeriesForecast;
  unit: Unit;
  periodLabel: (period: string) => string;
  target: number | null;
}) {
  const { result } = forecast;
  const tr = useT();
  if (!result) return <span>{tr(messages.noForecast, { error: forecast.error ? failureText(forecast.error) : NONE })}</span>;
  const backtest = result.backtest;
  const outlook = result.target;
  return (
    <span>
      <span data-testid="trend-forecast-model">{sentence(choiceText(result.choice))}</span>
      {SPACE}
      {backtest ? (
        <span data-testid="trend-forecast-backtest">
          {tr(messages.backtest, {
            note: backtestNote(backtest),
            mape: formatShare(backtest.mape),
            mase: backtest.mase === null ? NONE : formatWhole(Math.round(backtest.mase * 100) / 100, 'number'),
          })}
        </span>
      ) : (
        <span data-testid="trend-forecast-backtest">{tr(messages.tooShort)}</span>
      )}
      {SPACE}
      {outlook && target !== null ? (
        <span data-testid="trend-forecast-target">{targetText(outlook, formatCompact(target, unit), forecast.periods.map(periodLabel))}</span>
      ) : null}
    </span>
  );
}

/** A number of periods of the grain: “12 months”, “4 quarters” (months as the horizon's options say them). */
function pointsText(count: number, grain: Grain): string {
  return t(grain === 'quarter' ? messages.quarters : grain === 'year' ? messages.years : messages.horizon, { count });
}

function modelText(spec: ModelSpec): string {
  if (spec.seasonal === 'none') {
    return spec.trend === 'none' ? t(messages.modelSimple) : t(messages.modelHolt, { damped: spec.trend === 'damped' ? 'yes' : 'no' });
  }
  return t(messages.modelHoltWinters, { seasonality: spec.seasonal, trend: spec.trend });
}

/** Why this model (the forecast library's {@link ModelChoice}), in the active language. */
export function choiceText(choice: ModelChoice): string {
  const model = modelText(choice.spec);
  const points = pointsText(choice.points, choice.grain);
  if (choice.how === 'constant') return t(messages.choiceConstant, { model, points });
  const how =
    choice.how === 'only' ? t(messages.choiceOnly, { model, points }) : t(messages.choiceLowest, { model, points, tried: formatWhole(choice.tried) });
  if (choice.notTried === null) return how;
  const note =
    choice.notTried.kind === 'seasonal'
      ? t(messages.notTriedSeasonal, { points: pointsText(choice.notTried.pointsNeeded, choice.grain) })
      : t(messages.notTriedMultiplicative);
  return `${how}; ${note}`;
}

/** How the backtest was made (the holdout, and what was shortened or skipped), in the active language. */
export function backtestNote(backtest: Backtest): string {
  const notes = [t(messages.heldOut, { points: pointsText(backtest.holdout, backtest.grain) })];
  if (backtest.holdout < backtest.wanted) notes.push(t(messages.shortened, { wanted: formatWhole(backtest.wanted) }));
  if (backtest.chosenAgain) notes.push(t(messages.chosenAgain));
  if (backtest.zerosSkipped > 0) notes.push(t(messages.zerosSkipped, { count: backtest.zerosSkipped }));
  return notes.join('; ');
}

/** Why a series has no forecast, in the active language. */
export function failureText(failure: ForecastFailure): string {
  switch (failure.kind) {
    case 'gap':
      return t(messages.problemGap, { point: formatWhole(failure.point), points: formatWhole(failure.points) });
    case 'too-few':
      return t(messages.problemTooFew, { points: formatWhole(failure.points), minimum: formatWhole(failure.minimum) });
    case 'failed':
      return failure.detail;
  }
}

/** What the forecast says of a target: below it, whether and when it is reached; above it, whether it falls to it. */
function targetText(outlook: TargetOutlook, target: string, periods: string[]): string {
  const last = periods.at(-1)!;
  const when = outlook.firstStep === null ? null : periods[outlook.firstStep - 1]!;
  const chance = formatShare(outlook.probability);
  if (outlook.direction === 'up') {
    return when ? t(messages.reaches, { target, when, last, chance }) : t(messages.staysBelow, { target, last, chance });
  }
  return when ? t(messages.fallsTo, { target, when, last, chance }) : t(messages.staysAbove, { target, last, chance });
}
