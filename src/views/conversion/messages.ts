import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  title: { id: 'conversion.title', defaultMessage: 'Traffic × sales' },
  noRoles: {
    id: 'conversion.noRoles',
    defaultMessage:
      '{dataset} has no visitors, orders and revenue measures, so there is no conversion to compare. This view works on datasets that have all three.',
  },
  marketplace: { id: 'conversion.column.marketplace', defaultMessage: 'Marketplace' },
  country: { id: 'conversion.column.country', defaultMessage: 'Country' },
  ordersPerThousand: { id: 'conversion.column.ordersPerThousand', defaultMessage: 'Orders per 1,000 visitors' },
  averageOrderValue: { id: 'conversion.column.aov', defaultMessage: 'Average order value' },
  revenuePerVisitor: { id: 'conversion.column.revenuePerVisitor', defaultMessage: '{revenue} per visitor' },
  revenue: { id: 'conversion.revenue', defaultMessage: 'Revenue' },
  avgMonthlyVisitors: { id: 'conversion.column.visitors', defaultMessage: 'Avg monthly visitors' },
  conversionIn: { id: 'conversion.why.subject', defaultMessage: 'conversion in {country}' },
  subtitle: {
    id: 'conversion.subtitle',
    defaultMessage: 'Average month per {first} and {second}: visitors against {revenue}',
  },
  csvMarketplace: { id: 'conversion.csv.marketplace', defaultMessage: 'marketplace' },
  csvCountry: { id: 'conversion.csv.country', defaultMessage: 'country' },
  csvMonths: { id: 'conversion.csv.months', defaultMessage: 'months' },
  csvVisitors: { id: 'conversion.csv.visitors', defaultMessage: 'avg. monthly visitors' },
  csvRevenue: { id: 'conversion.csv.revenue', defaultMessage: 'avg. monthly {revenue}' },
  csvOrdersPerThousand: { id: 'conversion.csv.ordersPerThousand', defaultMessage: 'orders per 1,000 visitors' },
  csvAov: { id: 'conversion.csv.aov', defaultMessage: 'average order value' },
  csvRevenuePerVisitor: { id: 'conversion.csv.revenuePerVisitor', defaultMessage: 'revenue per visitor' },
  options: { id: 'conversion.options', defaultMessage: 'Traffic and sales options' },
  axes: { id: 'conversion.options.axes', defaultMessage: 'Axes' },
  linear: { id: 'conversion.options.linear', defaultMessage: 'Linear' },
  logarithmic: { id: 'conversion.options.log', defaultMessage: 'Logarithmic' },
  yLabel: { id: 'conversion.axis.y', defaultMessage: 'Avg monthly {revenue}' },
  scatterLabel: {
    id: 'conversion.scatterLabel',
    defaultMessage:
      'Scatter plot of average monthly visitors against average monthly {revenue}, one point per {first} and {second}, {count, plural, one {# point} other {# points}}',
  },
  hint: { id: 'conversion.hint', defaultMessage: 'Which markets convert traffic to sales best: sort by orders per 1,000 visitors.' },
  tableCaption: { id: 'conversion.tableCaption', defaultMessage: 'Conversion by {first} and {second}' },
});
