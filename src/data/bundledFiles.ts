import type { CsvColumn } from '../sql';

/** A CSV shipped in `datasets/`, the table it becomes, and the exact types of its columns. */
export interface BundledFile {
  fileName: string;
  table: string;
  columns: readonly CsvColumn[];
  dateFormat?: string;
}

const keyColumns: CsvColumn[] = [
  { name: 'month', type: 'DATE' },
  { name: 'marketplace', type: 'VARCHAR' },
  { name: 'country', type: 'VARCHAR' },
];

/** Every bundled file, in load order. Their columns are documented in `datasets/README.md`. */
export const BUNDLED_FILES: readonly BundledFile[] = [
  {
    fileName: 'marketplace-traffic.csv',
    table: 'traffic',
    columns: [...keyColumns, { name: 'visitors', type: 'BIGINT' }],
    dateFormat: '%Y-%m',
  },
  {
    fileName: 'marketplace-sales.csv',
    table: 'sales',
    columns: [
      ...keyColumns,
      { name: 'gmv_usd', type: 'DOUBLE' },
      { name: 'orders', type: 'BIGINT' },
      { name: 'active_sellers', type: 'BIGINT' },
    ],
    dateFormat: '%Y-%m',
  },
  {
    fileName: 'events.csv',
    table: 'events',
    columns: [
      { name: 'event_id', type: 'VARCHAR' },
      { name: 'date', type: 'DATE' },
      { name: 'date_precision', type: 'VARCHAR' },
      { name: 'date_derived', type: 'BOOLEAN' },
      { name: 'country', type: 'VARCHAR', nullable: true },
      { name: 'marketplace', type: 'VARCHAR', nullable: true },
      { name: 'title', type: 'VARCHAR' },
      { name: 'description', type: 'VARCHAR' },
      { name: 'source', type: 'VARCHAR' },
    ],
    dateFormat: '%Y-%m-%d',
  },
  {
    fileName: 'published-figures.csv',
    table: 'published_figures',
    columns: [
      { name: 'figure_id', type: 'VARCHAR' },
      { name: 'subject', type: 'VARCHAR' },
      { name: 'metric', type: 'VARCHAR' },
      { name: 'value', type: 'DOUBLE' },
      { name: 'unit', type: 'VARCHAR' },
      { name: 'qualifier', type: 'VARCHAR' },
      { name: 'country', type: 'VARCHAR', nullable: true },
      { name: 'period_start', type: 'VARCHAR', nullable: true },
      { name: 'period_end', type: 'VARCHAR', nullable: true },
      { name: 'publication', type: 'VARCHAR' },
      { name: 'source_note', type: 'VARCHAR', nullable: true },
    ],
  },
  {
    fileName: 'marketplaces.csv',
    table: 'marketplaces',
    columns: [
      { name: 'marketplace', type: 'VARCHAR' },
      { name: 'parent_company', type: 'VARCHAR' },
      { name: 'home_country', type: 'VARCHAR' },
      { name: 'founded_year', type: 'BIGINT' },
    ],
  },
];

/** Tables derived from the loaded files. The market model queries `market_monthly`. */
export const DERIVED_TABLES: readonly string[] = [
  `CREATE OR REPLACE TABLE market_monthly AS
   SELECT month, marketplace, country, traffic.visitors, sales.gmv_usd, sales.orders, sales.active_sellers
   FROM traffic FULL OUTER JOIN sales USING (month, marketplace, country)
   ORDER BY month, marketplace, country`,
];
