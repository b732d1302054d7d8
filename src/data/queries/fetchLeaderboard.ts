import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildLeaderboardQuery, sliceParams, type SeriesGrain } from '../../sql';
import { monthSpan } from '../../lib/months';
import type { DatasetModel } from '../model';
import { comparisonOf, measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { periodsOf } from './fetchSeries';
import { requireDimension, viewQueryFn } from './queryTarget';

/** Members of `member` ranked within each member of `group` (e.g. marketplaces within each country). */
export interface LeaderboardOptions {
  group: string;
  member: string;
}

export interface LeaderboardRow {
  group: string;
  member: string;
  value: number;
  share: number | null;
  rank: number;
  /** Rank over the same months a year earlier; null when the member had no data then. */
  previousRank: number | null;
  /** Change of the value against the same months a year earlier; null without a value then. */
  growth: number | null;
  spark: (number | null)[];
}

export interface Leaderboard {
  rows: LeaderboardRow[];
  sparkPeriods: string[];
  sparkGrain: SeriesGrain;
}

export async function fetchLeaderboard(
  engine: Engine,
  model: DatasetModel,
  view: QuerySlice,
  options: LeaderboardOptions,
): Promise<Leaderboard> {
  const group = requireDimension(model, options.group);
  const member = requireDimension(model, options.member);
  const months = monthSpan(view.from, view.to);
  // Enough points to show a shape, few enough to draw a hundred sparklines smoothly.
  const sparkGrain: SeriesGrain = months <= 36 ? 'month' : months <= 120 ? 'quarter' : 'year';
  const slice = sliceFor(model, view);
  const rows = await engine.query<{
    group_key: string;
    member: string;
    value: number;
    share: number | null;
    rank: number;
    previous_rank: number | null;
    previous_value: number | null;
    spark: (number | null)[] | null;
  }>(
    buildLeaderboardQuery({
      slice,
      measure: measureOf(model, view),
      groupColumn: group.column,
      rankColumn: member.column,
      previousRange: sliceFor(model, view, comparisonOf(view)).range,
      sparkGrain,
    }),
    sliceParams(slice),
  );
  return {
    rows: rows.map((row) => ({
      group: String(row.group_key),
      member: String(row.member),
      value: row.value,
      share: row.share,
      rank: row.rank,
      previousRank: row.previous_rank,
      growth: row.previous_value ? (row.value - row.previous_value) / row.previous_value : null,
      spark: row.spark ?? [],
    })),
    sparkPeriods: periodsOf(view.from, view.to, sparkGrain).periods,
    sparkGrain,
  };
}

export const leaderboardKey = (view: QuerySlice, options: LeaderboardOptions) => ['leaderboard', view, options] as const;

export const leaderboardQuery = (view: QuerySlice, options: LeaderboardOptions) =>
  queryOptions({
    queryKey: leaderboardKey(view, options),
    queryFn: viewQueryFn(view, [options.group, options.member], (engine, model) => fetchLeaderboard(engine, model, view, options)),
  });
