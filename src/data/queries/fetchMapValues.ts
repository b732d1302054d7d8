import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildRankingQuery, sliceParams } from '../../sql';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { findCountryDimension, type DatasetModel, type DimensionDef } from '../model';
import { comparisonOf, measureOf, sliceFor, type MonthRange, type QuerySlice } from '../querySlice';
import { fetchBreakdown } from './fetchBreakdown';
import { requireDimension, viewQueryFn } from './queryTarget';

export type MapMetric = 'value' | 'share' | 'growth';

/** What the map colours each country by, and for which member of the first dimension (null: the filtered ones). */
export interface MapOptions {
  metric: MapMetric;
  member: string | null;
  /**
   * A dimension the country rolls up to (its region or sub-region): each country is coloured by the value of its
   * member of that dimension. Absent: by its own value (the key of a country-level map stays as it always was).
   */
  by?: string;
}

export interface MapValue {
  code: string;
  value: number | null;
  /** With `by`: the member of that dimension (the region) whose value the country shows. */
  area?: string;
}

/**
 * One value per member of the country dimension: the measure (for one member of the first dimension, or for the
 * filtered ones), its share of all members in that country, or its change against the same months a year earlier.
 */
export async function fetchMapValues(
  engine: Engine,
  model: DatasetModel,
  view: QuerySlice,
  options: MapOptions,
): Promise<MapValue[]> {
  const country = findCountryDimension(model);
  if (!country) throw new Error(`${model.label} has no country column`);
  if (options.by !== undefined && options.by !== country.id) {
    // Each area's value, then each country with data in the slice coloured by its area's.
    const area = requireDimension(model, options.by);
    const values = new Map((await valuesBy(engine, model, view, options, area)).map((row) => [row.code, row.value]));
    const pairs = await fetchBreakdown(engine, model, view, { rows: country.id, columns: area.id, rowLimit: 1000, columnLimit: 1000 });
    return pairs.cells.flatMap((cell) =>
      cell.rowKey === null || cell.columnKey === null ? [] : [{ code: cell.rowKey, value: values.get(cell.columnKey) ?? null, area: cell.columnKey }],
    );
  }
  return valuesBy(engine, model, view, options, country);
}

/** One value per member of `area` (the country dimension, or a dimension it rolls up to). */
async function valuesBy(
  engine: Engine,
  model: DatasetModel,
  view: QuerySlice,
  options: MapOptions,
  area: DimensionDef,
): Promise<MapValue[]> {
  const memberDimension = model.dimensions[0]!;
  const measure = measureOf(model, view);
  const chosen: QuerySlice = options.member
    ? { ...view, filters: withEntry(view.filters, memberDimension.id, [options.member]) }
    : view;
  const byArea = async (target: QuerySlice, range: MonthRange = target) => {
    const slice = sliceFor(model, target, range);
    const rows = await engine.query<{ key: string; value: number }>(buildRankingQuery(slice, measure, area.column, 1000), sliceParams(slice));
    return new Map(rows.map((row) => [String(row.key), row.value]));
  };
  const current = await byArea(chosen);
  if (options.metric === 'value') return [...current].map(([code, value]) => ({ code, value }));
  if (options.metric === 'share') {
    // Member and total from one breakdown of every member, so both are combined over the same months.
    const withoutMemberFilter = withEntry(view.filters, memberDimension.id, undefined);
    const breakdown = await fetchBreakdown(
      engine,
      model,
      { ...view, filters: withoutMemberFilter },
      { rows: area.id, columns: memberDimension.id, rowLimit: 1000, columnLimit: 1000 },
    );
    const wanted = options.member ? [options.member] : ownValue(view.filters, memberDimension.id);
    const totals = new Map<string, { part: number; all: number }>();
    for (const cell of breakdown.cells) {
      if (cell.rowKey === null) continue;
      const entry = totals.get(cell.rowKey) ?? { part: 0, all: 0 };
      entry.all += cell.value;
      if (!wanted || (cell.columnKey !== null && wanted.includes(cell.columnKey))) entry.part += cell.value;
      totals.set(cell.rowKey, entry);
    }
    return [...current.keys()].map((code) => {
      const entry = totals.get(code);
      return { code, value: entry && entry.all > 0 ? entry.part / entry.all : null };
    });
  }
  const previous = await byArea(chosen, comparisonOf(view));
  return [...current].map(([code, value]) => {
    const before = previous.get(code);
    return { code, value: before ? (value - before) / before : null };
  });
}

export const mapKey = (view: QuerySlice, options: MapOptions) => ['map', view, options] as const;

export const mapQuery = (view: QuerySlice, options: MapOptions) =>
  queryOptions({
    queryKey: mapKey(view, options),
    queryFn: viewQueryFn(
      view,
      (full) => {
        const country = findCountryDimension(full);
        return [full.dimensions[0]!.id, ...(country ? [country.id] : []), ...(options.by ? [options.by] : [])];
      },
      (engine, model) => fetchMapValues(engine, model, view, options),
      // A member's share divides by every member of the first dimension (see valuesBy).
      { readsPastFilters: (full) => (options.metric === 'share' ? [full.dimensions[0]!.id] : []) },
    ),
  });
