import { buildMarketMonthlyStatement, INTERNET_USERS_TABLE, type CsvColumn } from '../sql';

/** A CSV shipped in `datasets/`, the table it becomes, and the exact types of its columns. */
export interface BundledFile {
  fileName: string;
  table: string;
  columns: readonly CsvColumn[];
  dateFormat?: string;
}

/** A column of the given type; `nullable` ones may be empty in the file. */
const column = (name: string, type: CsvColumn['type'], nullable = false): CsvColumn =>
  nullable ? { name, type, nullable } : { name, type };
const text = (...names: string[]) => names.map((name) => column(name, 'VARCHAR'));
const optionalText = (...names: string[]) => names.map((name) => column(name, 'VARCHAR', true));

const keyColumns: CsvColumn[] = [column('month', 'DATE'), ...text('marketplace', 'country')];

/** UN M49 regions and sub-regions by ISO alpha-2 code (datasets/README.md); market_monthly joins them. */
export const REGIONS_FILE: BundledFile = {
  fileName: 'regions.csv',
  table: 'regions',
  columns: text('code', 'm49', 'region', 'subregion'),
};

/**
 * World Bank population and internet users by ISO country and year (datasets/README.md); the measures per internet
 * user divide by its `internet_users` (src/sql/perInternetUser.ts). Empty fields are years without data.
 */
export const INTERNET_USERS_FILE: BundledFile = {
  fileName: 'internet-users.csv',
  table: INTERNET_USERS_TABLE,
  columns: [
    column('country', 'VARCHAR'),
    column('year', 'BIGINT'),
    column('population', 'BIGINT', true),
    column('internet_users_pct', 'DOUBLE', true),
    column('internet_users', 'BIGINT', true),
  ],
};

/** Every bundled file, in load order. Their columns are documented in `datasets/README.md`. */
export const BUNDLED_FILES: readonly BundledFile[] = [
  {
    fileName: 'marketplace-traffic.csv',
    table: 'traffic',
    columns: [...keyColumns, column('visitors', 'BIGINT')],
    dateFormat: '%Y-%m',
  },
  {
    fileName: 'marketplace-sales.csv',
    table: 'sales',
    columns: [...keyColumns, column('gmv_usd', 'DOUBLE'), column('orders', 'BIGINT'), column('active_sellers', 'BIGINT')],
    dateFormat: '%Y-%m',
  },
  {
    fileName: 'events.csv',
    table: 'events',
    columns: [
      ...text('event_id'),
      column('date', 'DATE'),
      ...text('date_precision'),
      column('date_derived', 'BOOLEAN'),
      ...optionalText('country', 'marketplace'),
      ...text('title', 'description', 'source'),
    ],
    dateFormat: '%Y-%m-%d',
  },
  {
    fileName: 'published-figures.csv',
    table: 'published_figures',
    columns: [
      ...text('figure_id', 'subject', 'metric'),
      column('value', 'DOUBLE'),
      ...text('unit', 'qualifier'),
      ...optionalText('country', 'period_start', 'period_end'),
      ...text('publication'),
      ...optionalText('source_note'),
    ],
  },
  {
    fileName: 'marketplaces.csv',
    table: 'marketplaces',
    columns: [...text('marketplace', 'parent_company', 'home_country'), column('founded_year', 'BIGINT')],
  },
  REGIONS_FILE,
  INTERNET_USERS_FILE,
];

/** A table built from the loaded files by one statement. */
export interface DerivedTable {
  table: string;
  statement: string;
}

/**
 * Tables derived from the loaded files. The market model queries `market_monthly`. A build ships them as Arrow streams
 * too (scripts/bundledDataPlugin.ts), so the page loads them rather than running their joins.
 */
export const DERIVED_TABLES: readonly DerivedTable[] = [{ table: 'market_monthly', statement: buildMarketMonthlyStatement() }];
