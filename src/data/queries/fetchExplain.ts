import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildExplainQuery, buildRatioExplainQuery, sliceParams, type ExplainLevel, type ExplainRow, type RatioExplainRow, type SegmentStatus } from '../../sql';
import { splitDimension, type DatasetModel, type DimensionDef } from '../model';
import { comparisonOf, measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { findRatio, type RatioId } from '../ratios';
import { viewQueryFn } from './queryTarget';

/** One segment of an explanation: a member of the first dimension, of the second, or a pair. */
export interface ExplainSegment {
  level: Exclude<ExplainLevel, 'total'>;
  first: string | null;
  second: string | null;
  base: number | null;
  current: number | null;
  /** Its part of the change; each level's parts add up to the total change. Null only for a ratio without a value. */
  contribution: number | null;
  status: SegmentStatus;
  /** For a ratio: the part from the segment's own ratio changing, and the part from its weight changing. */
  rateEffect: number | null;
  mixEffect: number | null;
  /** For a ratio: the segment's share of the denominator in each period. */
  baseWeight: number | null;
  currentWeight: number | null;
}

/** Why the measure (or a ratio) moved between the view's period and the period it is compared with. */
export interface Explanation {
  /** The ratio explained, or null for the view's measure. */
  ratio: RatioId | null;
  base: number | null;
  current: number | null;
  change: number | null;
  /** Months with data for the whole selection in each period (a summed measure over fewer months is not like for like). */
  baseMonths: number;
  currentMonths: number;
  segments: ExplainSegment[];
}

/**
 * The explanation of a view's change, in one query: every segment at every level (see buildExplainQuery and
 * buildRatioExplainQuery in src/sql). The first dimension and the split dimension (the country, else the second)
 * are the levels; a dataset with one dimension has only the first. `secondId` names another dimension to split by
 * instead of the split dimension: its region or sub-region, when the view shows that level.
 */
export async function fetchExplain(
  engine: Engine,
  model: DatasetModel,
  view: QuerySlice,
  ratioId: RatioId | null,
  secondId?: string,
): Promise<Explanation> {
  const slice = sliceFor(model, view);
  const baseRange = sliceFor(model, view, comparisonOf(view)).range;
  const first = model.dimensions[0]!;
  const second = secondDimension(model, secondId);
  const dimensions = second ? ([first.column, second.column] as const) : ([first.column] as const);
  const ratio = ratioId === null ? undefined : findRatio(model, ratioId);
  if (ratioId !== null && !ratio) throw new Error(`${model.label} has no ratio "${ratioId}"`);
  if (ratio) {
    const rows = await engine.query<RatioExplainRow>(
      buildRatioExplainQuery({ slice, baseRange, numerator: ratio.numerator.column, denominator: ratio.denominator.column, scale: ratio.scale, dimensions }),
      sliceParams(slice),
    );
    const total = rows.find((row) => row.level === 'total');
    const base = total?.base_rate ?? null;
    const current = total?.current_rate ?? null;
    return {
      ratio: ratio.id,
      base,
      current,
      change: base !== null && current !== null ? current - base : null,
      baseMonths: 0,
      currentMonths: 0,
      segments: rows.filter(isSegment).map((row) => ({
        level: row.level,
        first: keyOf(row.first_key),
        second: keyOf(row.second_key),
        base: row.base_rate,
        current: row.current_rate,
        contribution: row.contribution,
        status: row.status,
        rateEffect: row.rate_effect,
        mixEffect: row.mix_effect,
        baseWeight: row.base_weight,
        currentWeight: row.current_weight,
      })),
    };
  }
  const measure = measureOf(model, view);
  const rows = await engine.query<ExplainRow>(buildExplainQuery({ slice, baseRange, measure, dimensions }), sliceParams(slice));
  const total = rows.find((row) => row.level === 'total');
  return {
    ratio: null,
    base: total?.base_value ?? null,
    current: total?.current_value ?? null,
    change: total ? total.contribution : null,
    baseMonths: Number(total?.base_months ?? 0),
    currentMonths: Number(total?.current_months ?? 0),
    segments: rows.filter(isSegment).map((row) => ({
      level: row.level,
      first: keyOf(row.first_key),
      second: keyOf(row.second_key),
      base: row.base_value,
      current: row.current_value,
      contribution: row.contribution,
      status: row.status,
      rateEffect: null,
      mixEffect: null,
      baseWeight: null,
      currentWeight: null,
    })),
  };
}

function isSegment<R extends { level: ExplainLevel }>(row: R): row is R & { level: Exclude<ExplainLevel, 'total'> } {
  return row.level !== 'total';
}

const keyOf = (key: string | null) => (key === null ? null : String(key));

/** The dimension an explanation splits by second: `secondId` when the model has it, else the split dimension. */
function secondDimension(model: DatasetModel, secondId: string | undefined): DimensionDef | undefined {
  const chosen = secondId === undefined ? undefined : model.dimensions.find((dimension) => dimension.id === secondId);
  return chosen && chosen !== model.dimensions[0] ? chosen : splitDimension(model);
}

export const explainKey = (view: QuerySlice, ratio: RatioId | null, secondId?: string) => ['explain', view, ratio, secondId ?? null] as const;

export const explainQuery = (view: QuerySlice, ratio: RatioId | null, secondId?: string) =>
  queryOptions({
    queryKey: explainKey(view, ratio, secondId),
    queryFn: viewQueryFn(
      view,
      (full) => [full.dimensions[0]!.id, ...(secondDimension(full, secondId) ? [secondDimension(full, secondId)!.id] : [])],
      (engine, model) => fetchExplain(engine, model, view, ratio, secondId),
    ),
  });
