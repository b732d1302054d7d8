import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildShareShiftQuery, sliceParams, type SegmentStatus, type ShareShiftRow } from '../../sql';
import type { DatasetModel } from '../model';
import { comparisonOf, measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { viewQueryFn } from './queryTarget';

/** One member's change of share of the selection between the compared period and the view's. */
export interface ShareShiftMember {
  member: string;
  base: number | null;
  current: number | null;
  baseShare: number | null;
  currentShare: number | null;
  /** Percentage points; they sum to zero over the members. */
  shareChangePoints: number | null;
  change: number;
  /** The part of the change the selection's growth explains (had it kept its share)… */
  marketEffect: number | null;
  /** …and the part its change of share explains. */
  shareEffect: number | null;
  status: SegmentStatus;
}

export interface ShareShift {
  baseTotal: number | null;
  currentTotal: number | null;
  baseMonths: number;
  currentMonths: number;
  members: ShareShiftMember[];
}

/** Each member of the first dimension (marketplace): its share of the selection in both periods (see buildShareShiftQuery). */
export async function fetchShareShift(engine: Engine, model: DatasetModel, view: QuerySlice): Promise<ShareShift> {
  const slice = sliceFor(model, view);
  const rows = await engine.query<ShareShiftRow>(
    buildShareShiftQuery({
      slice,
      baseRange: sliceFor(model, view, comparisonOf(view)).range,
      measure: measureOf(model, view),
      memberColumn: model.dimensions[0]!.column,
    }),
    sliceParams(slice),
  );
  return {
    baseTotal: rows[0]?.base_total ?? null,
    currentTotal: rows[0]?.current_total ?? null,
    baseMonths: Number(rows[0]?.base_months ?? 0),
    currentMonths: Number(rows[0]?.current_months ?? 0),
    members: rows.map((row) => ({
      member: String(row.member),
      base: row.base_value,
      current: row.current_value,
      baseShare: row.base_share,
      currentShare: row.current_share,
      shareChangePoints: row.share_change_pp,
      change: row.change,
      marketEffect: row.market_effect,
      shareEffect: row.share_effect,
      status: row.status,
    })),
  };
}

export const shareShiftKey = (view: QuerySlice) => ['shareShift', view] as const;

export const shareShiftQuery = (view: QuerySlice) =>
  queryOptions({
    queryKey: shareShiftKey(view),
    queryFn: viewQueryFn(view, (full) => [full.dimensions[0]!.id], (engine, model) => fetchShareShift(engine, model, view)),
  });
