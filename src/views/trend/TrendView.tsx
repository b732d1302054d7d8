import { useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { geographicLevels, seriesQuery, type SeriesResult } from '../../data';
import { SeriesChart } from '../../charts/SeriesChart';
import { formatMonth, formatPeriod, parseHumanNumber, formatCompact } from '../../lib/format';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { monthSpan, shiftMonth } from '../../lib/months';
import { GRAINS, MODES, type Grain, type Mode } from './declaration';
import { SeriesTable } from '../shared/SeriesTable';
import { EmptyState } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { ChartPanel, useTableToggle } from '../shared/panelParts';
import { useEventMarks } from '../shared/useEventMarks';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import { MODE_LABELS, modeFormatters } from './modeFormat';
import type { ViewProps } from '../shared/viewProps';
import { geoLevelOf, LevelControls } from '../shared/LevelControls';
import { extendedPeriods, forecastUnavailableReason } from './forecastModel';
import { chartForecasts, exportWithForecasts } from './forecastPresentation';
import { useTrendForecast } from './useTrendForecast';
import { ForecastControl, ForecastSummary } from './ForecastPanel';
import { ForecastTable } from './ForecastTable';
import { t, useIntlShape, useT } from '../../i18n';
import { tabLabel } from '../viewState';
import { grainMessages, messages } from './messages';

const DEFAULT_SERIES = 10;
const GRAIN_LABELS = grainMessages;

/** The measure over time by marketplace or country, in any comparison mode and grain; none without a time column. */
export function TrendView(props: ViewProps) {
  return props.model.timeless ? <NoTimeColumn {...props} /> : <TrendOverTime {...props} />;
}

/** Views that compare members without time, offered where a trend cannot be drawn. */
const TIMELESS_ALTERNATIVES = ['countries', 'matrix', 'leaderboard'] as const;

function NoTimeColumn({ model, measure, update }: ViewProps) {
  const tr = useT();
  const intl = useIntlShape();
  const [first, second, third] = TIMELESS_ALTERNATIVES.map((tab) => (
    <button key={tab} type="button" className="button button-quiet" onClick={() => update({ tab })} data-testid={`timeless-open-${tab}`}>
      {tabLabel(tab)}
    </button>
  ));
  const plurals = model.dimensions.map((dimension) => dimension.pluralLabel.toLowerCase());
  // "marketplaces and countries" (and "… and …" for more).
  const dimensions = plurals.reduce((named, next) => tr(messages.dimensionsAnd, { first: named, second: next }));
  return (
    <ChartPanel title={tr(messages.overTime, { measure: measure.label })} model={model} className="panel-wide" testId="trend-view">
      <EmptyState>
        <p>{tr(messages.noTime, { dataset: model.label })}</p>
        <p className="timeless-alternatives">{intl.formatMessage({ id: messages.compareIn.id, defaultMessage: messages.compareIn.defaultMessage }, { dimensions, first, second, third })}</p>
      </EmptyState>
    </ChartPanel>
  );
}

function TrendOverTime(props: ViewProps) {
  const { model, view, options, measure, update } = props;
  const chosen = model.dimensions.find((dimension) => dimension.id === options.by) ?? model.dimensions[0]!;
  // By country, the series are of the level shown (regions, sub-regions or countries); region and sub-region are not
  // offered on their own, as the level reaches them. A link naming one of them is read as by country.
  const levels = geographicLevels(model);
  const hierarchy = levels ? [levels.region.id, levels.subregion.id, levels.country.id] : [];
  const family = levels && hierarchy.includes(chosen.id) ? levels.country : chosen;
  const geo = geoLevelOf(props, family);
  const by = geo.dimension;
  const byChoices = model.dimensions.filter((dimension) => dimension.id === family.id || !hierarchy.slice(0, 2).includes(dimension.id));
  const rolling = options.mode === 'avg3' || options.mode === 'avg12';
  const seriesOptions = {
    by: by.id,
    limit: options.top ?? DEFAULT_SERIES,
    grain: options.grain,
    mode: options.mode,
    base: options.base,
  };
  const query = useQuery({ ...seriesQuery(view, seriesOptions), placeholderData: keepPreviousData });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const tr = useT();
  const format = modeFormatters(options.mode, measure);
  const periodLabel = (period: string) => formatPeriod(period, options.grain);
  const annotations = useEventMarks(view, options.grain);
  const targetShown = options.target !== null && (options.mode === 'absolute' || rolling);
  const referenceLines = [
    ...(options.mode === 'index' ? [{ value: 100, label: tr(messages.indexLine, { month: formatMonth(options.base) }) }] : []),
    ...(targetShown && options.target !== null
      ? [{ value: options.target, label: tr(messages.targetLine, { value: formatCompact(options.target, measure.unit) }) }]
      : []),
  ];
  const unavailableReason = forecastUnavailableReason(options.mode, options.grain);
  const forecastUnavailable =
    unavailableReason === null ? null : tr(unavailableReason === 'needs-months' ? messages.needMonths : messages.measuredOnly);
  const forecastMonths = forecastUnavailable ? null : options.forecast;
  const forecast = useTrendForecast(query.data, {
    months: forecastMonths,
    grain: options.grain,
    target: targetShown ? options.target : null,
  });
  const periodHeader = tr(messages.periodStarting, { grain: options.grain });
  const selected = ownValue(props.selected, by.id) ?? [];
  const months = Array.from({ length: monthSpan(view.from, view.to) }, (_, index) => shiftMonth(view.from, index));

  return (
    <ChartPanel
      title={tr(messages.measureBy, { measure: measure.label, dimension: by.label.toLowerCase() })}
      subtitle={describe(options.mode, options.grain, options.base, query.data)}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="trend-view"
      exportData={() =>
        query.data && forecastMonths !== null && forecast.forecasts.length > 0
          ? exportWithForecasts(periodHeader, query.data, forecast.forecasts)
          : query.data
          ? {
              // The values as drawn (after the comparison mode), one column per series.
              header: [periodHeader, ...query.data.series.map((series) => series.name)],
              rows: query.data.periods.map((period, index) => [period, ...query.data!.series.map((series) => series.values[index] ?? null)]),
            }
          : null
      }
    >
      <LevelControls geo={geo} filters={props.filters} update={update} testId="trend-level" />
      <ControlBar label={tr(messages.options)}>
        <ControlSelect
          label={tr(messages.seriesBy)}
          testId="trend-by"
          value={family.id}
          options={byChoices.map((dimension) => ({ value: dimension.id, label: dimension.label }))}
          onChange={(value) => update({ by: value })}
        />
        <ControlSelect
          label={tr(messages.compareAs)}
          testId="trend-mode"
          value={options.mode}
          options={MODES.map((mode) => ({ value: mode, label: tr(MODE_LABELS[mode]) }))}
          onChange={(mode) => update({ mode, ...(mode === 'avg3' || mode === 'avg12' ? { grain: 'month' } : {}) })}
        />
        {options.mode === 'index' ? (
          <ControlSelect
            label={tr(messages.baseMonth)}
            testId="trend-base"
            value={options.base}
            options={months.map((month) => ({ value: month, label: formatMonth(month) }))}
            onChange={(base) => update({ base })}
          />
        ) : null}
        <ControlSelect
          label={tr(messages.grain)}
          testId="trend-grain"
          value={options.grain}
          disabled={rolling}
          options={GRAINS.map((grain) => ({ value: grain, label: tr(GRAIN_LABELS[grain]) }))}
          onChange={(grain) => update({ grain })}
        />
        <ControlSelect
          label={tr(messages.chart)}
          testId="trend-chart-kind"
          value={options.mode === 'share' ? 'area' : options.chart}
          disabled={options.mode === 'share'}
          options={[
            { value: 'line', label: tr(messages.lines) },
            { value: 'area', label: tr(options.mode === 'share' ? messages.stackedAreas : messages.areas) },
          ]}
          onChange={(chart) => update({ chart })}
        />
        <ForecastControl months={options.forecast} unavailable={forecastUnavailable} onChange={(months) => update({ forecast: months })} />
        <TargetInput target={options.target} onChange={(target) => update({ target })} disabled={!(options.mode === 'absolute' || rolling)} />
        {model.timeless ? null : (
          <button
            type="button"
            className="button button-quiet"
            data-testid="trend-why"
            // The selected series (clicked in the legend), else everything shown: why did it move?
            onClick={() => update({ tab: 'explain', ...(selected.length > 0 ? { filters: withEntry(view.filters, by.id, [...selected]) } : {}) })}
          >
            {selected.length === 0
              ? tr(messages.whyIt)
              : selected.length === 1
              ? tr(messages.whyOne, { member: selected[0] })
              : tr(messages.whyThese, { members: by.pluralLabel.toLowerCase() })}
          </button>
        )}
      </ControlBar>
      <QueryView query={query} height={340} isEmpty={(data) => data.series.length === 0}>
        {(data) =>
          asTable ? (
            <>
            <SeriesTable
              caption={tr(messages.caption, { measure: measure.label, dimension: by.label.toLowerCase(), mode: tr(MODE_LABELS[options.mode]).toLowerCase() })}
              testId="trend-view-table"
              periodHeader={tr(GRAIN_LABELS[options.grain])}
              periods={data.periods}
              periodLabel={(period, index) => (data.partial[index] ? tr(messages.partial, { period: periodLabel(period) }) : periodLabel(period))}
              series={data.series}
              format={(value) => format.full(value)}
            />
            <ForecastTable forecasts={forecast.forecasts} format={(value) => format.full(value)} periodLabel={periodLabel} periodHeader={tr(GRAIN_LABELS[options.grain])} />
            </>
          ) : (
            <SeriesChart
              periods={extendedPeriods(data.periods, forecast.forecasts)}
              forecasts={chartForecasts(forecast.forecasts, extendedPeriods(data.periods, forecast.forecasts), data, props.colorFor)}
              forecastStart={forecast.forecasts.find((one) => one.result)?.periods[0]}
              series={data.series.map((line) => ({
                name: line.name,
                values: line.values,
                color: line.isOther ? 'var(--axis)' : props.colorFor(line.name),
                inert: line.isOther,
                dimmed: selected.length > 0 && !selected.includes(line.name),
              }))}
              kind={options.mode === 'share' ? 'stacked' : options.chart}
              formatAxis={format.axis}
              formatValue={(value) => format.full(value)}
              formatPeriod={periodLabel}
              annotations={annotations}
              referenceLines={referenceLines}
              onSelectSeries={(name, additive) => {
                if (!geo.drill(name)) props.onSelect(by.id, name, additive);
              }}
              ariaLabel={tr(messages.aria, {
                mode: tr(MODE_LABELS[options.mode]),
                measure: measure.label.toLowerCase(),
                series: data.series.map((line) => line.name).join(', '),
                from: periodLabel(data.periods[0] ?? view.from),
                to: periodLabel(data.periods.at(-1) ?? view.to),
              })}
            />
          )
        }
      </QueryView>
      {forecastMonths !== null ? (
        <ForecastSummary forecast={forecast} unit={measure.unit} periodLabel={periodLabel} target={targetShown ? options.target : null} />
      ) : null}
    </ChartPanel>
  );
}

function TargetInput({ target, onChange, disabled }: { target: number | null; onChange: (target: number | null) => void; disabled: boolean }) {
  const id = useId();
  const [text, setText] = useState(target === null ? '' : String(target));
  const [invalid, setInvalid] = useState(false);
  const tr = useT();
  const commit = () => {
    if (text.trim() === '') {
      setInvalid(false);
      onChange(null);
      return;
    }
    const value = parseHumanNumber(text);
    setInvalid(value === null);
    if (value !== null) onChange(value);
  };
  return (
    <div className="field control">
      <label className="field-label" htmlFor={id}>
        {tr(messages.targetInput)}
      </label>
      <input
        id={id}
        className="input"
        inputMode="decimal"
        placeholder={tr(messages.targetPlaceholder, { example: '1.5B' })}
        value={text}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        data-testid={id}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        size={9}
      />
      {invalid ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {tr(messages.targetInvalid, { short: '1.5B', long: '250000' })}
        </span>
      ) : null}
    </div>
  );
}

function describe(mode: Mode, grain: Grain, base: string, data: SeriesResult | undefined): string {
  const parts: string[] = [];
  if (mode === 'index') parts.push(t(messages.describeIndex, { period: formatPeriod(base, grain) }));
  else if (mode === 'yoy') parts.push(t(messages.describeYoy, { grain }));
  else if (mode === 'share') parts.push(t(messages.describeShare));
  else if (mode === 'avg3' || mode === 'avg12') parts.push(t(messages.describeRolling, { mode: t(MODE_LABELS[mode]) }));
  else parts.push(t(messages.describeBy, { grain }));
  if (data && data.seriesTotal > data.series.filter((line) => !line.isOther).length) {
    const shown = data.series.filter((line) => !line.isOther).length;
    parts.push(t(messages.describeLargest, { shown: String(shown), total: String(data.seriesTotal) }));
  }
  if (data?.partial.some(Boolean)) parts.push(t(messages.describePartial));
  return parts.join(' · ');
}
