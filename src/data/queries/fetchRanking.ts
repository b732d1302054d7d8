import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildRankingQuery, sliceParams } from '../../sql';
import type { DatasetModel } from '../model';
import { measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { requireDimension, viewQueryFn } from './queryTarget';

/** How many countries the overview's ranking lists. */
export const OVERVIEW_COUNTRY_LIMIT = 15;

/** Members of a dimension ranked by the measure, with their share of the total. */
export interface Ranking {
  rows: { key: string; value: number; share: number | null }[];
  groupTotal: number;
}

export async function fetchRanking(
  engine: Engine,
  model: DatasetModel,
  view: QuerySlice,
  groupDimensionId: string,
  limit: number,
): Promise<Ranking> {
  const dimension = requireDimension(model, groupDimensionId);
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

export const rankingKey = (view: QuerySlice, groupDimensionId: string, limit: number) =>
  ['ranking', view, groupDimensionId, limit] as const;

export const rankingQuery = (view: QuerySlice, groupDimensionId: string, limit: number) =>
  queryOptions({
    queryKey: rankingKey(view, groupDimensionId, limit),
    queryFn: viewQueryFn(view, [groupDimensionId], (engine, model) => fetchRanking(engine, model, view, groupDimensionId, limit)),
  });
