import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  title: { id: 'countries.title', defaultMessage: 'Country comparison' },
  oneDimension: { id: 'countries.oneDimension', defaultMessage: 'This dataset has only one dimension: there is nothing to split its members by.' },
  other: { id: 'countries.other', defaultMessage: 'Other {members}' },
  subtitle: { id: 'countries.subtitle', defaultMessage: '{measure} by {rows}, split by {columns}' },
  largestOf: { id: 'countries.largestOf', defaultMessage: 'the {shown} largest of {total}' },
  comparison: { id: 'countries.comparison', defaultMessage: '{dimension} comparison' },
  options: { id: 'countries.options', defaultMessage: 'Country comparison options' },
  show: { id: 'countries.show', defaultMessage: 'Show' },
  top: { id: 'countries.top', defaultMessage: 'Top {count}' },
  bars: { id: 'countries.bars', defaultMessage: 'Bars' },
  stacked: { id: 'countries.stacked', defaultMessage: 'Stacked' },
  grouped: { id: 'countries.grouped', defaultMessage: 'Grouped' },
  sort: { id: 'countries.sort', defaultMessage: 'Sort' },
  largestFirst: { id: 'countries.largestFirst', defaultMessage: 'Largest first' },
  alphabetical: { id: 'countries.alphabetical', defaultMessage: 'A–Z' },
  asTable: { id: 'countries.asTable', defaultMessage: 'As the table' },
  shareOfTotal: { id: 'countries.shareOfTotal', defaultMessage: 'Share of total' },
  caption: { id: 'countries.caption', defaultMessage: '{measure} by {rows} and {columns}' },
  barsAria: { id: 'countries.barsAria', defaultMessage: 'Bar chart of {measure} by {rows} and {columns}: {bars}' },
});
