import { INTERNET_USERS_TABLE } from '../sql';
import type { DatasetModel } from './model';

/** The bundled countries' internet users (datasets/internet-users.csv); a country's sub-region and region narrow it. */
const perInternetUser = (scale: number) => ({
  countryColumn: 'country',
  geoColumns: ['country', 'subregion', 'region'],
  scale,
  referenceTable: INTERNET_USERS_TABLE,
});
const REAL_AND_SYNTHETIC = 'Combines the synthetic traffic and sales with real World Bank data (internet users, WDI, CC BY 4.0).';

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
    {
      id: 'reach',
      column: 'visitors',
      label: 'Reach (visitors per 100 internet users)',
      unit: 'number',
      overTime: 'mean',
      periodLabel: 'avg. monthly visitors per 100 internet users',
      description:
        'Monthly visitors per 100 internet users of the selected countries (that year); over several months, the ' +
        'average month. Countries and years without World Bank data are left out of both sides. ' +
        REAL_AND_SYNTHETIC,
      perInternetUser: perInternetUser(100),
    },
    {
      id: 'gmv_per_internet_user',
      column: 'gmv_usd',
      label: 'GMV per internet user',
      unit: 'usd',
      overTime: 'sum',
      periodLabel: 'GMV per internet user',
      description:
        'GMV in US dollars per internet user of the selected countries (that year), summed over the period. ' +
        'Countries and years without World Bank data are left out of both sides. ' +
        REAL_AND_SYNTHETIC,
      perInternetUser: perInternetUser(1),
    },
  ],
  defaultMeasure: 'visitors',
  roles: { visitors: 'visitors', orders: 'orders', revenue: 'gmv' },
  provenance: 'synthetic',
  sourceLine: 'Synthetic data calibrated to published figures (Forbes via PYMNTS) — see datasets/README.md',
};
