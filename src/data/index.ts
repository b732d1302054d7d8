/** The semantic model, the bundled datasets and the query options the features use. */
import { connectDatasets } from './queries/queryTarget';
import { databaseFor, findDataset } from './datasets';
import { getMarketDatabase } from './marketDatabase';
export type { DatasetModel, DimensionDef, MeasureDef } from './model';
export { findCountryDimension, findDimension, findMeasure, groupingDimension, splitDimension } from './model';
export { dimensionAtLevel, dimensionLevels, geographicLevels } from './model';
export { MARKET_MODEL } from './marketModel';
export { comparisonOf, resolveQuerySlice, querySliceForView, type DatasetCatalog, type MonthRange, type ResolvedOptions, type QuerySlice } from './querySlice';
export { getMarketDatabase, datasetLoadProgress } from './marketDatabase';
// One module per query: its fetcher, its key and its query options (src/data/queries/fetch<Name>.ts).
export { catalogQuery } from './queries/fetchCatalog';
export { kpiQuery, type KpiSummary } from './queries/fetchKpis';
export { formatYearRanges, reachCoverageQuery, type LeftOutCountry, type ReachCoverage } from './queries/fetchReachCoverage';
export { rankingQuery, OVERVIEW_COUNTRY_LIMIT, type Ranking } from './queries/fetchRanking';
export {
  seriesQuery,
  OVERVIEW_SERIES_LIMIT,
  overviewSeriesOptions,
  OTHER_LABEL,
  otherLabel,
  periodsOf,
  type SeriesOptions,
  type SeriesResult,
} from './queries/fetchSeries';
export { breakdownQuery, type Breakdown, type BreakdownOptions } from './queries/fetchBreakdown';
export { leaderboardQuery, type Leaderboard, type LeaderboardRow, type LeaderboardOptions } from './queries/fetchLeaderboard';
export { conversionQuery, type ConversionRow } from './queries/fetchConversion';
export { createPrefetchScheduler, type PrefetchQuery, type PrefetchScheduler } from './queries/prefetchScheduler';
export { mapQuery, type MapMetric, type MapOptions, type MapValue } from './queries/fetchMapValues';
export { publishedFiguresQuery, type PublishedFigure } from './queries/fetchPublishedFigures';
export { eventsQuery, type MarketEvent } from './queries/fetchEvents';
export { datasetModel } from './queries/queryTarget';
// Only whether a result has SQL: the SQL writer loads on the first Show SQL, the workspace with the SQL view.
export { hasRecordedStatements } from './sqlWorkspace/recordedStatements';
export const loadShowSql = () => import('./sqlWorkspace/showSql');
export { handOverStartupSummary, seedStartupSummary, type StartupSummary } from './startupSummary';
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
export { missingDatasetNotice, neededDatasetParam, noticesStillTrue, readNeededDataset, type NeededDataset } from './neededDataset';

// The query options reach the dataset registry through this connection, made here rather than imported by the
// query modules, so that the build-time startup summary can import those modules in Node (see queryTarget.ts).
connectDatasets({
  engineFor: databaseFor,
  modelOf: (datasetId) => findDataset(datasetId)?.model,
  bundledEngine: getMarketDatabase,
  catalogOf: (datasetId) => findDataset(datasetId)?.viewScope?.catalog,
  async modelForView(engine, model, view, options) {
    const entry = findDataset(view.datasetId);
    if (!entry?.viewScope || !entry.clickhouse) return { model, release: () => {} };
    // Loaded only for a ClickHouse table too big to load whole (see src/data/clickhouse/viewCubes.ts).
    const [{ acquireViewCube }, { createClickHouseClient }] = await Promise.all([import('./clickhouse/viewCubes'), import('./clickhouse/clickHouseClient')]);
    return acquireViewCube(engine, createClickHouseClient(), entry.clickhouse, model, view, options);
  },
});
export { describeComparison, periodName, periodPresets, rangeText, type PeriodPreset } from './comparison';
export { explainQuery, type Explanation, type ExplainSegment } from './queries/fetchExplain';
export { shareShiftQuery, type ShareShift, type ShareShiftMember } from './queries/fetchShareShift';
export { findRatio, ratioMeasures, RATIO_IDS, type RatioDef, type RatioId } from './ratios';
export { cohortsQuery, DEFAULT_COHORT_PAIRS, type CohortOptions, type CohortPair, type Cohorts, type CohortSeries } from './queries/fetchCohorts';
