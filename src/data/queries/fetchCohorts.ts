import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { dateToMonth, monthSpan } from '../../lib/months';
import { buildCohortCurvesQuery, buildCohortPairsQuery, sliceParams, type CohortCurveRow, type CohortPairRow } from '../../sql';
import { cohortDimensions, decodePairs, type CohortPairKey } from '../../views/cohorts/declaration';
import type { DatasetModel } from '../model';
import { measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { viewQueryFn } from './queryTarget';

/** A pair (a marketplace in a country) with an entry: its first month with the measure above zero there. */
export interface CohortPair extends CohortPairKey {
  /** `YYYY-MM`. For an unknown entry, the data's first month: the real entry is then or earlier. */
  entryMonth: string;
  unknownEntry: boolean;
  /** Its total over the view's period (what the largest pairs are chosen by); null without data there. */
  periodValue: number | null;
}

/** A pair's curve: `values[age]` is its total in the month `age` months after entry; null is a month without data. */
export interface CohortSeries extends CohortPair {
  /** From the entry month (age 0) to the data's last month. */
  values: (number | null)[];
}

export interface Cohorts {
  /** The first and last months with the measure in the whole dataset (no filter), `YYYY-MM`; null when empty. */
  dataFirstMonth: string | null;
  dataLastMonth: string | null;
  /** Pairs with an entry under the filters, and the largest of them (at most {@link COHORT_PAIR_LIST_LIMIT}). */
  pairsTotal: number;
  pairs: CohortPair[];
  /** The pairs drawn, in the order chosen. */
  series: CohortSeries[];
  /** Pairs the link names that have no entry under the filters (or are not among the pairs listed). */
  missing: CohortPairKey[];
}

export interface CohortOptions {
  /** The pairs to draw, as the view's `cohortPairs` setting writes them; null = the largest `limit` pairs. */
  pairs: string | null;
  /** Whether pairs with an unknown entry (already there in the data's first month) may be drawn. */
  includeUnknown: boolean;
  limit: number;
}

/** Pairs offered to pick from: the largest, enough for any picker. */
export const COHORT_PAIR_LIST_LIMIT = 500;
/** Pairs drawn when none are picked. */
export const DEFAULT_COHORT_PAIRS = 6;

/**
 * Launch-aligned cohorts of a view: the pairs of the first dimension and the country (else second) dimension with
 * their entries, and the chosen pairs' monthly totals by months since entry. The dimension filters apply to every
 * month; the view's period only ranks the pairs. See buildCohortPairsQuery and buildCohortCurvesQuery in src/sql.
 */
export async function fetchCohorts(engine: Engine, model: DatasetModel, view: QuerySlice, options: CohortOptions): Promise<Cohorts> {
  const roles = cohortDimensions(model.dimensions);
  if (!roles) throw new Error(`${model.label} has one dimension: there are no pairs to align by entry`);
  const slice = sliceFor(model, view);
  const spec = { slice, measure: measureOf(model, view), firstColumn: roles.first.column, secondColumn: roles.second.column };
  const rows = await engine.query<CohortPairRow>(buildCohortPairsQuery({ ...spec, limit: COHORT_PAIR_LIST_LIMIT }), sliceParams(slice));
  const pairs = rows.map(pairOf);
  const dataLastMonth = rows[0] ? dateToMonth(rows[0].data_last_month) : null;
  const { chosen, missing } = choosePairs(pairs, options);
  const curves =
    chosen.length === 0 ? [] : await engine.query<CohortCurveRow>(buildCohortCurvesQuery({ ...spec, pairs: chosen }), sliceParams(slice));
  return {
    dataFirstMonth: rows[0] ? dateToMonth(rows[0].data_first_month) : null,
    dataLastMonth,
    pairsTotal: Number(rows[0]?.pairs_total ?? 0),
    pairs,
    series: chosen.map((pair) => ({ ...pair, values: alignedValues(pair, curves, dataLastMonth!) })),
    missing,
  };
}

function pairOf(row: CohortPairRow): CohortPair {
  return {
    first: String(row.first_key),
    second: String(row.second_key),
    entryMonth: dateToMonth(row.entry_month),
    unknownEntry: row.unknown_entry,
    periodValue: row.period_value,
  };
}

/**
 * The pairs to draw: those the link names, in its order, or the largest `limit` with data in the period. A pair with
 * an unknown entry is drawn only when unknown entries are included.
 */
export function choosePairs(pairs: readonly CohortPair[], options: CohortOptions): { chosen: CohortPair[]; missing: CohortPairKey[] } {
  const drawable = pairs.filter((pair) => options.includeUnknown || !pair.unknownEntry);
  if (options.pairs === null) return { chosen: drawable.filter((pair) => pair.periodValue !== null).slice(0, options.limit), missing: [] };
  const named = decodePairs(options.pairs).pairs;
  const find = (key: CohortPairKey) => pairs.find((pair) => pair.first === key.first && pair.second === key.second);
  return {
    chosen: named.map(find).filter((pair): pair is CohortPair => pair !== undefined && drawable.includes(pair)),
    missing: named.filter((key) => find(key) === undefined),
  };
}

/** A pair's values by months since entry, from its entry to the data's last month; months without data are null. */
function alignedValues(pair: CohortPair, curves: readonly CohortCurveRow[], lastMonth: string): (number | null)[] {
  const values: (number | null)[] = Array.from({ length: Math.max(0, monthSpan(pair.entryMonth, lastMonth)) }, () => null);
  for (const row of curves) {
    if (String(row.first_key) === pair.first && String(row.second_key) === pair.second && row.age < values.length) values[row.age] = row.value;
  }
  return values;
}

export const cohortsKey = (view: QuerySlice, options: CohortOptions) => ['cohorts', view, options] as const;

export const cohortsQuery = (view: QuerySlice, options: CohortOptions) =>
  queryOptions({
    queryKey: cohortsKey(view, options),
    queryFn: viewQueryFn(
      view,
      (full) => {
        const roles = cohortDimensions(full.dimensions);
        return roles ? [roles.first.id, roles.second.id] : [];
      },
      (engine, model) => fetchCohorts(engine, model, view, options),
    ),
  });
