import type { Engine } from '../../engine';
import {
  buildDimensionMembersQuery,
  buildKpiQuery,
  buildRankingQuery,
  sliceParams,
  buildTimeExtentQuery,
} from '../../sql';
import { lookupTable } from '../../lib/lookupTable';
import { dateToMonth } from '../../lib/months';
import type { DatasetModel } from '../model';
import { measureOf, sliceFor, type DatasetCatalog, type ResolvedView } from '../resolveView';

/** The months and dimension members of a dataset. */
export async function fetchCatalog(engine: Engine, model: DatasetModel): Promise<DatasetCatalog> {
  const [extent] = await engine.query<{ first_month: string | null; last_month: string | null; row_count: number }>(
    buildTimeExtentQuery(model.table, model.timeColumn),
  );
  if (!extent?.first_month || !extent.last_month) throw new Error(`dataset ${model.label} has no rows`);
  const weight = model.measures.find((measure) => measure.id === model.defaultMeasure)!.column;
  const members = lookupTable<string[]>();
  for (const dimension of model.dimensions) {
    const rows = await engine.query<{ value: string }>(buildDimensionMembersQuery(model.table, dimension.column, weight));
    members[dimension.id] = rows.map((row) => String(row.value));
  }
  return {
    firstMonth: dateToMonth(extent.first_month),
    lastMonth: dateToMonth(extent.last_month),
    rowCount: extent.row_count,
    members,
  };
}

/** Headline numbers for the selected period and the same months a year earlier. */
export interface KpiSummary {
  current: number | null;
  /** Null when the year before has fewer months with data than the period: a partial comparison would mislead. */
  previous: number | null;
  /** (current − previous) / previous, or null when there is nothing fair to compare with. */
  change: number | null;
  leader: string | null;
  leaderValue: number | null;
  leaderShare: number | null;
  monthsWithData: number;
}

export async function fetchKpis(engine: Engine, model: DatasetModel, view: ResolvedView): Promise<KpiSummary> {
  const measure = measureOf(model, view);
  const leaderDimension = model.dimensions[0]!;
  const previous = sliceFor(model, view, -12).range;
  const slice = sliceFor(model, view);
  const [row] = await engine.query<{
    current: number | null;
    current_months: number;
    previous: number | null;
    previous_months: number;
    leader: string | null;
    leader_value: number | null;
  }>(buildKpiQuery(slice, measure, leaderDimension.column, previous), sliceParams(slice));
  if (!row) throw new Error('the KPI query returned no row');
  const comparable = row.previous !== null && row.previous_months === row.current_months && row.previous !== 0;
  const previousValue = comparable ? row.previous : null;
  return {
    current: row.current,
    previous: previousValue,
    change: previousValue !== null && row.current !== null ? (row.current - previousValue) / previousValue : null,
    leader: row.leader === null ? null : String(row.leader),
    leaderValue: row.leader_value,
    // Both values are combined over the same months (see combineOverTime in src/sql), so this is at most 1.
    leaderShare: row.leader_value !== null && row.current ? row.leader_value / row.current : null,
    monthsWithData: row.current_months,
  };
}

/** Members of a dimension ranked by the measure, with their share of the total. */
export interface Ranking {
  rows: { key: string; value: number; share: number | null }[];
  groupTotal: number;
}

export async function fetchRanking(
  engine: Engine,
  model: DatasetModel,
  view: ResolvedView,
  groupDimensionId: string,
  limit: number,
): Promise<Ranking> {
  const dimension = model.dimensions.find((d) => d.id === groupDimensionId);
  if (!dimension) throw new Error(`unknown dimension ${groupDimensionId}`);
  const slice = sliceFor(model, view);
  const rows = await engine.query<{ key: string; value: number; share: number | null; group_total: number }>(
    buildRankingQuery(slice, measureOf(model, view), dimension.column, limit),
    sliceParams(slice),
  );
  return {
    rows: rows.map((row) => ({ key: String(row.key), value: row.value, share: row.share })),
    groupTotal: rows[0]?.group_total ?? 0,
  };
}
