import './forecast.css';
import { formatCompact, formatShare, formatWhole, type Unit } from '../../lib/format';
import type { TargetOutlook } from '../../lib/forecast';
import { FORECAST_HORIZONS, FORECAST_SERIES_CAP, type SeriesForecast } from './forecastModel';
import type { TrendForecast } from './useTrendForecast';
import { ControlSelect } from '../shared/ControlSelect';

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
  return (
    <ControlSelect
      label="Forecast"
      testId="trend-forecast"
      value={unavailable || months === null ? 'off' : String(months)}
      options={[{ value: 'off', label: 'Off' }, ...horizons.map((h) => ({ value: String(h), label: `${h} months` }))]}
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
  const progress = forecast.pending ? <FitProgress progress={forecast.progress} /> : null;
  if (forecast.pending && forecast.forecasts.length === 0) {
    return (
      <section className="forecast-summary" aria-label="Forecast" aria-busy="true" data-testid="trend-forecast-summary">
        {progress}
      </section>
    );
  }
  return (
    <section
      className={forecast.pending ? 'forecast-summary is-updating' : 'forecast-summary'}
      aria-label="Forecast"
      aria-busy={forecast.pending}
      data-testid="trend-forecast-summary"
    >
      <h3 className="forecast-summary-title">Forecast</h3>
      {progress}
      <ul>
        {forecast.forecasts.map((one) => (
          <li key={one.name} data-testid="trend-forecast-item">
            <strong>{one.name}</strong>: <SeriesOutlook forecast={one} unit={unit} periodLabel={periodLabel} target={target} />
          </li>
        ))}
      </ul>
      <p className="forecast-summary-note">
        {forecast.leftOut > 0
          ? `Only the ${FORECAST_SERIES_CAP} largest series are forecast; ${forecast.leftOut} more shown without one. `
          : ''}
        Exponential smoothing (ETS), chosen by AICc; intervals are analytical for additive models and from 2,000
        simulated paths for multiplicative ones; a target’s chance is the share of 2,000 simulated paths that reach it.
        {forecast.elapsedMs !== null ? ` Fitted in ${formatWhole(Math.round(forecast.elapsedMs), 'number')} ms.` : ''}
      </p>
    </section>
  );
}

/** “Fitting the forecasts… 2 of 5 series” while the worker fits; a status, so screen readers hear it. */
function FitProgress({ progress }: { progress: TrendForecast['progress'] }) {
  return (
    <p role="status" className="forecast-summary-progress" data-testid="trend-forecast-progress">
      Fitting the forecasts…
      {progress && progress.total > 1 ? ` ${progress.done} of ${progress.total} series done.` : ''}
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
  if (!result) return <span>no forecast ({forecast.error}).</span>;
  const backtest = result.backtest;
  const outlook = result.target;
  return (
    <span>
      <span data-testid="trend-forecast-model">{result.reason}.</span>{' '}
      {backtest ? (
        <span data-testid="trend-forecast-backtest">
          Backtest ({backtest.note}): MAPE {formatShare(backtest.mape)}, MASE{' '}
          {backtest.mase === null ? '–' : formatWhole(Math.round(backtest.mase * 100) / 100, 'number')}.
        </span>
      ) : (
        <span data-testid="trend-forecast-backtest">Too short to backtest.</span>
      )}{' '}
      {outlook && target !== null ? (
        <span data-testid="trend-forecast-target">{targetText(outlook, formatCompact(target, unit), forecast.periods.map(periodLabel))}</span>
      ) : null}
    </span>
  );
}

/** What the forecast says of a target: below it, whether and when it is reached; above it, whether it falls to it. */
function targetText(outlook: TargetOutlook, target: string, periods: string[]): string {
  const last = periods.at(-1)!;
  const when = outlook.firstStep === null ? null : periods[outlook.firstStep - 1]!;
  const chance = formatShare(outlook.probability);
  if (outlook.direction === 'up') {
    return `${when ? `The forecast reaches ${target} in ${when}` : `The forecast stays below ${target} through ${last}`}; chance of reaching it by ${last}: ${chance}.`;
  }
  return `${when ? `Above ${target} now; the forecast falls to it in ${when}` : `Above ${target} now, and the forecast stays above it through ${last}`}; chance of falling to it by ${last}: ${chance}.`;
}
