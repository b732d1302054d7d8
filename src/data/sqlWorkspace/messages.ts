import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  // What each table holds (schema.ts).
  traffic: { id: 'data.sqlWorkspace.table.traffic', defaultMessage: 'Bundled: monthly visitors by marketplace and country' },
  sales: { id: 'data.sqlWorkspace.table.sales', defaultMessage: 'Bundled: monthly GMV, orders and active sellers by marketplace and country' },
  events: { id: 'data.sqlWorkspace.table.events', defaultMessage: 'Bundled: dated market events' },
  publishedFigures: { id: 'data.sqlWorkspace.table.publishedFigures', defaultMessage: 'Bundled: figures the marketplaces published' },
  marketplaces: { id: 'data.sqlWorkspace.table.marketplaces', defaultMessage: 'Bundled: marketplaces, their owners and home countries' },
  market: { id: 'data.sqlWorkspace.table.market', defaultMessage: 'Bundled: {dataset}, traffic and sales by month (what the views show)' },
  regions: { id: 'data.sqlWorkspace.table.regions', defaultMessage: 'Reference: UN M49 regions and sub-regions by country code' },
  internetUsers: {
    id: 'data.sqlWorkspace.table.internetUsers',
    defaultMessage: 'Reference: World Bank population and internet users by country and year',
  },
  bundled: { id: 'data.sqlWorkspace.table.bundled', defaultMessage: 'Bundled: {table}' },
  uploadRows: { id: 'data.sqlWorkspace.table.uploadRows', defaultMessage: 'Upload: {dataset}, one row per line of the file' },
  uploadRowsLegend: { id: 'data.sqlWorkspace.table.uploadRowsLegend', defaultMessage: 'Upload: {dataset}, one row per line of the file ({legend})' },
  cube: { id: 'data.sqlWorkspace.table.cube', defaultMessage: 'View cube: {dataset} by month and every column' },
  cubeLegend: { id: 'data.sqlWorkspace.table.cubeLegend', defaultMessage: 'View cube: {dataset} by month and every column ({legend})' },
  subCube: { id: 'data.sqlWorkspace.table.subCube', defaultMessage: 'View cube: {dataset} by {columns}' },
  monthOnly: { id: 'data.sqlWorkspace.table.monthOnly', defaultMessage: 'month only' },

  // Why a statement gave no result (runWorkspaceQuery.ts).
  refused: { id: 'data.sqlWorkspace.refused', defaultMessage: 'Refused: {reason}.' },
  cancelled: { id: 'data.sqlWorkspace.cancelled', defaultMessage: 'Cancelled: {reason}.' },
  memory: {
    id: 'data.sqlWorkspace.memory',
    defaultMessage:
      'This statement needs more memory than the browser gives the query engine. Add a LIMIT, filter with WHERE, select fewer columns, or aggregate with GROUP BY over fewer values.',
  },
  memoryRestarted: {
    id: 'data.sqlWorkspace.memoryRestarted',
    defaultMessage:
      'This statement needs more memory than the browser gives the query engine. Add a LIMIT, filter with WHERE, select fewer columns, or aggregate with GROUP BY over fewer values. The query engine was restarted.',
  },
  duckdb: { id: 'data.sqlWorkspace.duckdb', defaultMessage: '{advice} (DuckDB: {message})' },
});
