/** Typed SQL builders. They know nothing about the database; they only make text. */
export { quoteIdentifier, sqlLiteral, sqlDate, type SqlValue } from './literals';
export { buildWhere, combineOverTime, sliceParams, type MeasureSpec, type SliceSpec, type TimeAggregate } from './slice';
export {
  buildRankingQuery,
  buildKpiQuery,
  buildDimensionMembersQuery,
  buildTimeExtentQuery,
} from './marketQueries';
export {
  buildCsvHeaderQuery,
  buildCsvStageStatement,
  buildCsvValidationQuery,
  buildCsvTypedTableStatement,
  buildCsvTypedReadStatement,
  RECORD_COLUMN,
  type CsvColumn,
} from './csvLoad';
export { buildSeriesQuery, lookbackMonths, type SeriesQuerySpec, type SeriesGrain, type SeriesMode } from './seriesQuery';
export {
  buildBreakdownQuery,
  buildLeaderboardQuery,
  buildConversionQuery,
  type BreakdownSpec,
  type LeaderboardSpec,
  type ConversionSpec,
} from './breakdownQueries';
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
  PLAIN_SHAPE_PATTERNS,
  type PlainShape,
} from './convert';
export {
  buildReadCsv,
  buildIngestStatement,
  buildIngestCountsQuery,
  buildConversionRejectsQuery,
  buildReaderRejectsQuery,
  buildReaderRejectedLinesQuery,
  buildIngestCleanupStatements,
  buildCubeStatement,
  buildCubeCountsQuery,
  buildCubeCleanupStatements,
  buildProblemRowsStatement,
  buildConvertedRowsQuery,
  buildGroupedCubeStatement,
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
