import type { DatasetModel } from './model';

/** The bundled marketplace dataset: traffic and sales joined by month × marketplace × country. */
export const MARKET_MODEL: DatasetModel = {
  id: 'market',
  label: 'Marketplaces by country (synthetic)',
  table: 'market_monthly',
  timeColumn: 'month',
  dimensions: [
    { id: 'marketplace', column: 'marketplace', label: 'Marketplace', pluralLabel: 'Marketplaces', display: 'text', rollsUpTo: 'group' },
    { id: 'country', column: 'country', label: 'Country', pluralLabel: 'Countries', display: 'country', rollsUpTo: 'subregion' },
    // Derived in market_monthly (src/sql/bundledTables.ts): UN M49 levels of the country, the marketplace's owner.
    { id: 'region', column: 'region', label: 'Region', pluralLabel: 'Regions', display: 'text' },
    { id: 'subregion', column: 'subregion', label: 'Sub-region', pluralLabel: 'Sub-regions', display: 'text', rollsUpTo: 'region' },
    { id: 'group', column: 'group', label: 'Marketplace group', pluralLabel: 'Marketplace groups', display: 'text' },
  ],
  measures: [
    {
      id: 'visitors',
      column: 'visitors',
      label: 'Visitors',
      unit: 'count',
      overTime: 'mean',
      periodLabel: 'avg. monthly visitors',
      description: 'Monthly unique visitors; over several months, the average month.',
    },
    {
      id: 'gmv',
      column: 'gmv_usd',
      label: 'GMV',
      unit: 'usd',
      overTime: 'sum',
      periodLabel: 'total GMV',
      description: 'Gross merchandise value in US dollars, summed over the period.',
    },
    {
      id: 'orders',
      column: 'orders',
      label: 'Orders',
      unit: 'count',
      overTime: 'sum',
      periodLabel: 'total orders',
      description: 'Orders placed, summed over the period.',
    },
    {
      id: 'sellers',
      column: 'active_sellers',
      label: 'Active sellers',
      unit: 'count',
      overTime: 'mean',
      periodLabel: 'avg. monthly active sellers',
      description: 'Sellers with at least one order in the month; over several months, the average month.',
    },
  ],
  defaultMeasure: 'visitors',
  roles: { visitors: 'visitors', orders: 'orders', revenue: 'gmv' },
  provenance: 'synthetic',
  sourceLine: 'Synthetic data calibrated to published figures (Forbes via PYMNTS) — see datasets/README.md',
};
