/** Typed SQL builders. They know nothing about the database; they only make text. */
export { quoteIdentifier, sqlLiteral, sqlDate, sqlBoolean, sqlInteger, type SqlValue } from './literals';
export { buildWhere, combineOverTime, sliceParams, type MeasureSpec, type PerInternetUserSpec, type SliceSpec, type TimeAggregate } from './slice';
export { INTERNET_USERS_TABLE, buildReachCoverageQuery, measureValue, type ReachCoverageRow } from './perInternetUser';
// One module per query the app runs.
export { buildDimensionMembersQuery, buildTimeExtentQuery } from './catalog';
export { buildKpiQuery } from './kpis';
export { buildRankingQuery } from './ranking';
export { buildSeriesQuery, lookbackMonths, type SeriesQuerySpec, type SeriesGrain, type SeriesMode } from './series';
export { buildBreakdownQuery, type BreakdownSpec } from './breakdown';
export { buildLeaderboardQuery, type LeaderboardSpec } from './leaderboard';
export { buildConversionQuery, type ConversionSpec } from './conversion';
export { buildPublishedFiguresQuery } from './publishedFigures';
export { buildEventsQuery } from './events';
export { buildMarketMonthlyStatement, buildRowCountQuery } from './bundledTables';
export {
  buildRegionCodesCheckQuery,
  buildWithRegionsStatement,
  UNKNOWN_GROUP,
  UNKNOWN_REGION,
  UNKNOWN_SUBREGION,
  type RegionColumns,
} from './regions';
export { buildDatasetTablesQuery, datasetTablePrefix } from './datasetTables';
export { buildSubCubeStatement, type SubCubeSpec } from './subCube';
export { buildDecodedTableRead } from './arrowSource';
export {
  buildCsvHeaderQuery,
  buildCsvStageStatement,
  buildCsvValidationQuery,
  buildCsvTypedTableStatement,
  buildCsvTypedReadStatement,
  RECORD_COLUMN,
  type CsvColumn,
} from './csvLoad';
export {
  buildConversion,
  buildIsNullExpression,
  buildPreparedField,
  conversionNullTokens,
  numberPattern,
  dateFormatPattern,
  parseDateFormat,
  trimField,
  DATE_SPECIFIER_PATTERNS,
  DURATION_PATTERN,
  YEAR_PATTERN,
  TRIM_CHARACTERS,
  type ValueFormat,
  type NumberFormat,
  type Conversion,
  readerTyping,
  assertValueFormat,
  NUMBER_DECIMALS,
  NUMBER_THOUSANDS,
  COUNTRY_CODES,
  VALUE_FORMAT_KINDS,
  PLAIN_SHAPE_PATTERNS,
  type PlainShape,
} from './convert';
export {
  buildReadCsv,
  assertCsvDialect,
  CSV_DELIMITERS,
  CSV_QUOTES,
  CSV_ESCAPES,
  CSV_COMPRESSIONS,
  MAX_CSV_COLUMNS,
  MAX_ROW_LIMIT,
  buildIngestStatement,
  buildIngestCountsQuery,
  buildConversionRejectsQuery,
  buildReaderRejectsQuery,
  buildReaderRejectedLinesQuery,
  buildIngestCleanupStatements,
  buildDropTableStatement,
  buildRenameTableStatement,
  buildCubeStatement,
  buildCubeCountsQuery,
  buildCubeCleanupStatements,
  buildProblemRowsStatement,
  buildConvertedRowsQuery,
  buildGroupedCubeStatement,
  monthStart,
  POSITION_COLUMN,
  PROBLEM_FLAG_COLUMN,
  fieldName,
  PROBLEM_COLUMN,
  PROBLEM_VALUE_COLUMN,
  type CsvDialectSpec,
  type IngestColumnSpec,
  type CubeMeasure,
  type ConvertedRowsOptions,
  type GroupedColumnSpec,
  type LoadMode,
  type ReaderType,
} from './ingest';
export { buildExplainQuery, type ExplainSpec, type ExplainRow, type ExplainLevel, type ExplainDimensions, type SegmentStatus, type MonthRange } from './explain';
export { buildRatioExplainQuery, type RatioExplainSpec, type RatioExplainRow } from './explain';
export { buildShareShiftQuery, type ShareShiftSpec, type ShareShiftRow } from './shareShift';
export { buildCohortCurvesQuery, buildCohortPairsQuery, type CohortCurveRow, type CohortCurvesSpec, type CohortPairRow, type CohortPairsSpec } from './cohorts';
