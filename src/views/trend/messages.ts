import { defineMessages } from '../../i18n';

export const modeMessages = defineMessages({
  absolute: { id: 'trend.mode.absolute', defaultMessage: 'As measured' },
  index: { id: 'trend.mode.index', defaultMessage: 'Index (base = 100)' },
  yoy: { id: 'trend.mode.yoy', defaultMessage: 'Change vs a year earlier' },
  share: { id: 'trend.mode.share', defaultMessage: 'Share of the total' },
  avg3: { id: 'trend.mode.avg3', defaultMessage: '3-month average' },
  avg12: { id: 'trend.mode.avg12', defaultMessage: '12-month average' },
});

export const grainMessages = defineMessages({
  month: { id: 'trend.grain.month', defaultMessage: 'Month' },
  quarter: { id: 'trend.grain.quarter', defaultMessage: 'Quarter' },
  year: { id: 'trend.grain.year', defaultMessage: 'Year' },
});

export const messages = defineMessages({
  overTime: { id: 'trend.overTime', defaultMessage: '{measure} over time' },
  noTime: {
    id: 'trend.noTime',
    defaultMessage:
      '{dataset} has no time column: every row counts in one total, so there is no trend to draw. To show one, load the file again with a date or month column set to “Time”.',
  },
  compareIn: { id: 'trend.compareIn', defaultMessage: 'Compare its {dimensions} in {first}, {second} or {third}.' },
  dimensionsAnd: { id: 'trend.dimensionsAnd', defaultMessage: '{first} and {second}' },
  indexLine: { id: 'trend.indexLine', defaultMessage: '{month} = 100' },
  targetLine: { id: 'trend.targetLine', defaultMessage: 'Target {value}' },
  periodStarting: { id: 'trend.periodStarting', defaultMessage: '{grain, select, quarter {quarter starting} year {year starting} other {month}}' },
  measureBy: { id: 'trend.measureBy', defaultMessage: '{measure} by {dimension}' },
  options: { id: 'trend.options', defaultMessage: 'Trend options' },
  seriesBy: { id: 'trend.seriesBy', defaultMessage: 'Series by' },
  compareAs: { id: 'trend.compareAs', defaultMessage: 'Compare as' },
  baseMonth: { id: 'trend.baseMonth', defaultMessage: 'Base month' },
  grain: { id: 'trend.grain', defaultMessage: 'Grain' },
  chart: { id: 'trend.chart', defaultMessage: 'Chart' },
  lines: { id: 'trend.lines', defaultMessage: 'Lines' },
  stackedAreas: { id: 'trend.stackedAreas', defaultMessage: 'Stacked areas' },
  areas: { id: 'trend.areas', defaultMessage: 'Areas' },
  whyOne: { id: 'trend.why.one', defaultMessage: 'Why did {member} move?' },
  whyThese: { id: 'trend.why.these', defaultMessage: 'Why did these {members} move?' },
  whyIt: { id: 'trend.why.it', defaultMessage: 'Why did it move?' },
  caption: { id: 'trend.caption', defaultMessage: '{measure} by {dimension}, {mode}' },
  partial: { id: 'trend.partial', defaultMessage: '{period} (partial)' },
  aria: { id: 'trend.aria', defaultMessage: '{mode} of {measure} for {series}, {from} to {to}' },
  targetInput: { id: 'trend.target', defaultMessage: 'Target line' },
  targetPlaceholder: { id: 'trend.target.placeholder', defaultMessage: 'e.g. {example}' },
  targetInvalid: { id: 'trend.target.invalid', defaultMessage: 'Not a number: try {short} or {long}.' },
  describeIndex: { id: 'trend.describe.index', defaultMessage: 'Index: {period} = 100' },
  describeYoy: {
    id: 'trend.describe.yoy',
    defaultMessage: 'Change against the same {grain, select, quarter {quarter} year {year} other {month}} a year earlier',
  },
  describeShare: { id: 'trend.describe.share', defaultMessage: 'Share of the total of the selection, each period' },
  describeRolling: { id: 'trend.describe.rolling', defaultMessage: '{mode}, where all its months have data' },
  describeBy: { id: 'trend.describe.by', defaultMessage: 'By {grain, select, quarter {quarter} year {year} other {month}}' },
  describeLargest: { id: 'trend.describe.largest', defaultMessage: 'the {shown} largest of {total}' },
  describePartial: { id: 'trend.describe.partial', defaultMessage: 'first or last period partial' },
  measuredOnly: { id: 'trend.forecast.measuredOnly', defaultMessage: 'Forecasts are of measured values: choose “As measured” or a rolling average.' },
  needMonths: { id: 'trend.forecast.needMonths', defaultMessage: 'Forecasts need months or quarters: a few years are too few points.' },
  forecast: { id: 'trend.forecast', defaultMessage: 'Forecast' },
  off: { id: 'trend.forecast.off', defaultMessage: 'Off' },
  horizon: { id: 'trend.forecast.horizon', defaultMessage: '{count, plural, one {# month} other {# months}}' },
  onlyLargest: {
    id: 'trend.forecast.onlyLargest',
    defaultMessage: 'Only the {cap} largest series are forecast; {left} more shown without one.',
  },
  method: {
    id: 'trend.forecast.method',
    defaultMessage:
      'Exponential smoothing (ETS), chosen by AICc; intervals are analytical for additive models and from {paths} simulated paths for multiplicative ones; a target’s chance is the share of {paths} simulated paths that reach it.',
  },
  fitted: { id: 'trend.forecast.fitted', defaultMessage: 'Fitted in {ms} ms.' },
  fitting: { id: 'trend.forecast.fitting', defaultMessage: 'Fitting the forecasts…' },
  fittingProgress: { id: 'trend.forecast.progress', defaultMessage: '{done} of {total} series done.' },
  noForecast: { id: 'trend.forecast.none', defaultMessage: 'no forecast ({error}).' },
  backtest: { id: 'trend.forecast.backtest', defaultMessage: 'Backtest ({note}): MAPE {mape}, MASE {mase}.' },
  tooShort: { id: 'trend.forecast.tooShort', defaultMessage: 'Too short to backtest.' },
  reaches: {
    id: 'trend.target.reaches',
    defaultMessage: 'The forecast reaches {target} in {when}; chance of reaching it by {last}: {chance}.',
  },
  staysBelow: {
    id: 'trend.target.staysBelow',
    defaultMessage: 'The forecast stays below {target} through {last}; chance of reaching it by {last}: {chance}.',
  },
  fallsTo: {
    id: 'trend.target.fallsTo',
    defaultMessage: 'Above {target} now; the forecast falls to it in {when}; chance of falling to it by {last}: {chance}.',
  },
  staysAbove: {
    id: 'trend.target.staysAbove',
    defaultMessage: 'Above {target} now, and the forecast stays above it through {last}; chance of falling to it by {last}: {chance}.',
  },
  tableCaption: {
    id: 'trend.forecastTable.caption',
    defaultMessage: 'Forecast (not measured): point forecast with {low} and {high} prediction intervals',
  },
  series: { id: 'trend.forecastTable.series', defaultMessage: 'Series' },
  forecastPeriod: { id: 'trend.forecastTable.period', defaultMessage: '{period} (forecast)' },
  interval: { id: 'trend.forecastTable.interval', defaultMessage: '{level} interval' },
  range: { id: 'trend.forecastTable.range', defaultMessage: '{low} to {high}' },
  csvKind: { id: 'trend.csv.kind', defaultMessage: 'kind' },
  csvMeasured: { id: 'trend.csv.measured', defaultMessage: 'measured' },
  csvForecast: { id: 'trend.csv.forecast', defaultMessage: 'forecast' },
  csvBound: {
    id: 'trend.csv.bound',
    defaultMessage: '{series} forecast {level}% {end, select, low {low} other {high}}',
  },
});
