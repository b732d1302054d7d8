import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildKpiQuery, sliceParams } from '../../sql';
import type { DatasetModel } from '../model';
import { comparisonOf, measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { viewQueryFn } from './queryTarget';

/** Headline numbers for the selected period and the period it is compared with (see comparisonOf). */
export interface KpiSummary {
  current: number | null;
  /** Null when the comparison period has fewer months with data than the period: a partial comparison would mislead. */
  previous: number | null;
  /** (current − previous) / previous, or null when there is nothing fair to compare with. */
  change: number | null;
  leader: string | null;
  leaderValue: number | null;
  leaderShare: number | null;
  monthsWithData: number;
}

export async function fetchKpis(engine: Engine, model: DatasetModel, view: QuerySlice): Promise<KpiSummary> {
  const measure = measureOf(model, view);
  const leaderDimension = model.dimensions[0]!;
  const previous = sliceFor(model, view, comparisonOf(view)).range;
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

export const kpiKey = (view: QuerySlice) => ['kpis', view] as const;

export const kpiQuery = (view: QuerySlice) =>
  queryOptions({
    queryKey: kpiKey(view),
    queryFn: viewQueryFn(view, (full) => [full.dimensions[0]!.id], (engine, model) => fetchKpis(engine, model, view)),
  });
