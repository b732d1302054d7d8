import { defineMessages } from '../i18n';

export const messages = defineMessages({
  noData: { id: 'charts.noData', defaultMessage: 'No data' },
  cellNoData: { id: 'charts.heatmap.noData', defaultMessage: 'no data' },
  rangeTo: { id: 'charts.heatmap.rangeTo', defaultMessage: 'to' },
  tooSmall: { id: 'charts.map.tooSmall', defaultMessage: 'Too small to draw at this scale: {countries}' },
  ofTotal: { id: 'charts.ofTotal', defaultMessage: '{share} of total' },
  total: { id: 'charts.total', defaultMessage: 'Total' },
  toValue: { id: 'charts.waterfall.to', defaultMessage: 'to {value}' },
  legend: { id: 'charts.legend', defaultMessage: 'Legend' },
  forecast: { id: 'charts.forecast', defaultMessage: 'Forecast' },
  forecastLegend: { id: 'charts.forecastLegend', defaultMessage: 'Forecast (dashed), {low} and {high} intervals (bands)' },
  nonPositive: {
    id: 'charts.scatter.nonPositive',
    defaultMessage: '{count, plural, one {{shown} point} other {{shown} points}} with a zero or negative value not shown on log axes.',
  },
  invalid: {
    id: 'charts.scatter.invalid',
    defaultMessage: '{count, plural, one {{shown} point} other {{shown} points}} without a value not shown.',
  },
  capped: { id: 'charts.scatter.capped', defaultMessage: 'Showing {shown} of {available} points: the largest by {measure}.' },
});
