/** Typed SQL builders. They know nothing about the database; they only make text. */
export { quoteIdentifier, sqlLiteral, sqlDate, type SqlValue } from './literals';
export { buildWhere, type MeasureSpec, type SliceSpec, type TimeAggregate } from './slice';
export {
  buildTrendQuery,
  buildRankingQuery,
  buildKpiQuery,
  buildDimensionMembersQuery,
  buildTimeExtentQuery,
} from './marketQueries';
export { buildCsvLoadStatement, type CsvColumn } from './csvLoad';
