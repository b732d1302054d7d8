import { defineMessages } from '../i18n';

export const messages = defineMessages({
  // Shared by the data sources (uploads, ClickHouse) and the data layer.
  periodTotal: { id: 'data.period.total', defaultMessage: 'total' },
  periodAvgMonth: { id: 'data.period.avgMonth', defaultMessage: 'avg. per month' },
  noDataset: { id: 'data.noDataset', defaultMessage: 'There is no dataset "{dataset}" in this browser.' },
  // The bundled dataset (marketModel.ts): names and descriptions, resolved whenever they are read.
  marketLabel: { id: 'data.market.label', defaultMessage: 'Marketplaces by country (synthetic)' },
  marketSource: { id: 'data.market.source', defaultMessage: 'Synthetic data calibrated to published figures (Forbes via PYMNTS) — see datasets/README.md' },
  marketplace: { id: 'data.dimension.marketplace', defaultMessage: 'Marketplace' },
  marketplaces: { id: 'data.dimension.marketplaces', defaultMessage: 'Marketplaces' },
  country: { id: 'data.dimension.country', defaultMessage: 'Country' },
  countries: { id: 'data.dimension.countries', defaultMessage: 'Countries' },
  region: { id: 'data.dimension.region', defaultMessage: 'Region' },
  regions: { id: 'data.dimension.regions', defaultMessage: 'Regions' },
  subregion: { id: 'data.dimension.subregion', defaultMessage: 'Sub-region' },
  subregions: { id: 'data.dimension.subregions', defaultMessage: 'Sub-regions' },
  group: { id: 'data.dimension.group', defaultMessage: 'Marketplace group' },
  groups: { id: 'data.dimension.groups', defaultMessage: 'Marketplace groups' },
  visitors: { id: 'data.measure.visitors', defaultMessage: 'Visitors' },
  visitorsPeriod: { id: 'data.measure.visitors.period', defaultMessage: 'avg. monthly visitors' },
  visitorsDescription: { id: 'data.measure.visitors.description', defaultMessage: 'Monthly unique visitors; over several months, the average month.' },
  gmv: { id: 'data.measure.gmv', defaultMessage: 'GMV' },
  gmvPeriod: { id: 'data.measure.gmv.period', defaultMessage: 'total GMV' },
  gmvDescription: { id: 'data.measure.gmv.description', defaultMessage: 'Gross merchandise value in US dollars, summed over the period.' },
  orders: { id: 'data.measure.orders', defaultMessage: 'Orders' },
  ordersPeriod: { id: 'data.measure.orders.period', defaultMessage: 'total orders' },
  ordersDescription: { id: 'data.measure.orders.description', defaultMessage: 'Orders placed, summed over the period.' },
  sellers: { id: 'data.measure.sellers', defaultMessage: 'Active sellers' },
  sellersPeriod: { id: 'data.measure.sellers.period', defaultMessage: 'avg. monthly active sellers' },
  sellersDescription: {
    id: 'data.measure.sellers.description',
    defaultMessage: 'Sellers with at least one order in the month; over several months, the average month.',
  },
  reach: { id: 'data.measure.reach', defaultMessage: 'Reach (visitors per 100 internet users)' },
  reachPeriod: { id: 'data.measure.reach.period', defaultMessage: 'avg. monthly visitors per 100 internet users' },
  reachDescription: {
    id: 'data.measure.reach.description',
    defaultMessage:
      'Monthly visitors per 100 internet users of the selected countries (that year); over several months, the average month. Countries and years without World Bank data are left out of both sides. Combines the synthetic traffic and sales with real World Bank data (internet users, WDI, CC BY 4.0).',
  },
  gmvPerUser: { id: 'data.measure.gmvPerUser', defaultMessage: 'GMV per internet user' },
  gmvPerUserPeriod: { id: 'data.measure.gmvPerUser.period', defaultMessage: 'GMV per internet user' },
  gmvPerUserDescription: {
    id: 'data.measure.gmvPerUser.description',
    defaultMessage:
      'GMV in US dollars per internet user of the selected countries (that year), summed over the period. Countries and years without World Bank data are left out of both sides. Combines the synthetic traffic and sales with real World Bank data (internet users, WDI, CC BY 4.0).',
  },

  // Ratios (ratios.ts).
  ratioConversion: { id: 'data.ratio.conversion', defaultMessage: 'Orders per 1,000 visitors' },
  ratioConversionDescription: { id: 'data.ratio.conversion.description', defaultMessage: 'Orders placed for every thousand monthly visitors.' },
  ratioOrderValue: { id: 'data.ratio.orderValue', defaultMessage: 'Average order value' },
  ratioOrderValueDescription: { id: 'data.ratio.orderValue.description', defaultMessage: 'Revenue divided by orders.' },
  ratioRevenuePerVisitor: { id: 'data.ratio.revenuePerVisitor', defaultMessage: '{revenue} per visitor' },
  revenue: { id: 'data.ratio.revenue', defaultMessage: 'Revenue' },
  ratioRevenuePerVisitorDescription: { id: 'data.ratio.revenuePerVisitor.description', defaultMessage: 'Revenue divided by monthly visitors.' },

  // Periods (comparison.ts).
  monthRange: { id: 'data.period.range', defaultMessage: '{from} – {to}' },
  half: { id: 'data.period.half', defaultMessage: 'H{half} {year}' },
  quarter: { id: 'data.period.quarter', defaultMessage: 'Q{quarter} {year}' },
  vsYearEarlier: { id: 'data.comparison.yearEarlier.short', defaultMessage: 'vs a year earlier' },
  sameMonthsYearEarlier: { id: 'data.comparison.yearEarlier.long', defaultMessage: 'the same months a year earlier ({range})' },
  vsPrevious: {
    id: 'data.comparison.previous.short',
    defaultMessage: '{months, plural, one {vs the previous month} other {vs the previous # months}}',
  },
  previousLong: {
    id: 'data.comparison.previous.long',
    defaultMessage: '{months, plural, one {the previous month} other {the previous # months}} ({range})',
  },
  vsRange: { id: 'data.comparison.custom.short', defaultMessage: 'vs {range}' },
  last12: { id: 'data.preset.last12', defaultMessage: 'Last 12 months' },
  yearToDate: { id: 'data.preset.ytd', defaultMessage: 'Year to date ({year})' },

  // Link notices (querySlice.ts).
  noMeasure: { id: 'data.notice.noMeasure', defaultMessage: 'There is no measure "{measure}"; showing {shown}.' },
  startBeforeData: { id: 'data.notice.startBeforeData', defaultMessage: 'The start month {month} is before the data starts; using {first}.' },
  endBeforeData: { id: 'data.notice.endBeforeData', defaultMessage: 'The end month {month} is before the data starts; using {first}.' },
  startAfterData: { id: 'data.notice.startAfterData', defaultMessage: 'The start month {month} is after the data ends; using {last}.' },
  endAfterData: { id: 'data.notice.endAfterData', defaultMessage: 'The end month {month} is after the data ends; using {last}.' },
  swapped: { id: 'data.notice.swapped', defaultMessage: 'The start month {from} was after the end month {to}; they were swapped.' },
  customNeedsPeriod: {
    id: 'data.notice.customNeedsPeriod',
    defaultMessage: 'A custom comparison needs a period to compare with; comparing with the same months a year earlier.',
  },
  comparisonSwapped: {
    id: 'data.notice.comparisonSwapped',
    defaultMessage: "The comparison's start month {from} was after its end month {to}; they were swapped.",
  },
  unknownFilter: {
    id: 'data.notice.unknownFilter',
    defaultMessage: '{selected, select, true {Ignored the selected filter "{dimension}": this dataset has no such column.} other {Ignored the filter "{dimension}": this dataset has no such column.}}',
  },
  unknownMembers: {
    id: 'data.notice.unknownMembers',
    defaultMessage:
      '{selected, select, true {Ignored unknown selected {dimension}: {members}{more, plural, =0 {} one { and # more} other { and # more}}.} other {Ignored unknown {dimension}: {members}{more, plural, =0 {} one { and # more} other { and # more}}.}}',
  },

  // Snapshots (snapshot.ts, snapshotShare.ts): why one cannot be read.
  newerVersion: {
    id: 'snapshot.newerVersion',
    defaultMessage: 'These figures were saved by a newer version of Marketscope, which this one cannot read. Ask for a new snapshot.',
  },
  notASnapshot: { id: 'snapshot.notASnapshot', defaultMessage: 'This is not a Marketscope snapshot.' },
  datasetTwice: { id: 'snapshot.datasetTwice', defaultMessage: 'This snapshot is damaged (it describes one dataset twice). Ask its author for a new one.' },
  damaged: { id: 'snapshot.damaged', defaultMessage: 'This snapshot is damaged; nothing of it can be shown. Ask its author for a new one.' },
  damagedAt: { id: 'snapshot.damagedAt', defaultMessage: 'This snapshot is damaged (at {where}); nothing of it can be shown. Ask its author for a new one.' },
  tooLarge: { id: 'snapshot.tooLarge', defaultMessage: 'This snapshot is far too large to be one Marketscope made.' },
  notJson: { id: 'snapshot.notJson', defaultMessage: 'This is not a Marketscope snapshot: it is not JSON.' },
  noFigures: { id: 'snapshot.noFigures', defaultMessage: 'This dashboard holds no figures: it was not shared with its data.' },
  notKept: {
    id: 'snapshot.notKept',
    defaultMessage: 'This dashboard is not kept in this browser (was it deleted, or is this another browser?). Import its file again.',
  },
  fileFiguresUnusable: { id: 'snapshot.fileFiguresUnusable', defaultMessage: 'The figures in this dashboard file cannot be used. {reason}' },
});
