/** The semantic model, the bundled datasets and the query options the features use. */
export type { DatasetModel, DimensionDef, MeasureDef } from './model';
export { findCountryDimension, findDimension, findMeasure, groupingDimension } from './model';
export { MARKET_MODEL } from './marketModel';
export { resolveView, viewForTab, type DatasetCatalog, type ResolvedOptions, type ResolvedView } from './resolveView';
export { getMarketDatabase, datasetLoadProgress } from './marketDatabase';
export type { KpiSummary, Ranking } from './queries/marketQueries';
export type { PublishedFigure, MarketEvent } from './queries/referenceQueries';
export {
  catalogQuery,
  kpiQuery,
  rankingQuery,
  publishedFiguresQuery,
  eventsQuery,
  seriesQuery,
  OVERVIEW_SERIES_LIMIT,
  overviewSeriesOptions,
  OVERVIEW_COUNTRY_LIMIT,
  breakdownQuery,
  leaderboardQuery,
  conversionQuery,
  mapQuery,
} from './queryOptions';
export {
  OTHER_LABEL,
  periodsOf,
  type SeriesOptions,
  type SeriesResult,
  type Breakdown,
  type Leaderboard,
  type LeaderboardRow,
  type ConversionRow,
} from './queries/comparisonQueries';
export { seedStartupSummary, type StartupSummary } from './startupSummary';
export {
  datasetRegistry,
  uploadsListed,
  datasetsChangedElsewhere,
  restoreUploadList,
  addUpload,
  removeUpload,
  removeUnreadableUpload,
  unreadableUploads,
  renameUpload,
  readKeptUpload,
  storageSummary,
  findDataset,
  databaseFor,
  type DatasetEntry,
  type UnreadableUpload,
  type UploadResult,
} from './datasets';
export { datasetModel } from './queryOptions';
export { missingDatasetNotice, neededDatasetParam, noticesStillTrue, readNeededDataset, type NeededDataset } from './neededDataset';
