import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildDimensionMembersQuery, buildTimeExtentQuery } from '../../sql';
import { lookupTable } from '../../lib/lookupTable';
import { dateToMonth } from '../../lib/months';
import { findMeasure, type DatasetModel } from '../model';
import type { DatasetCatalog } from '../querySlice';
import { datasetEngine, datasetModel, ownCatalog } from './queryTarget';

/** The months and dimension members of a dataset. */
export async function fetchCatalog(engine: Engine, model: DatasetModel): Promise<DatasetCatalog> {
  const weight = findMeasure(model, model.defaultMeasure)!.column;
  // Issued together, so they reach the engine as one batch (one round trip to the browser's worker).
  const [extentRows, ...memberRows] = await Promise.all([
    engine.query<{ first_month: string | null; last_month: string | null; row_count: number }>(
      buildTimeExtentQuery(model.table, model.timeColumn),
    ),
    ...model.dimensions.map((dimension) =>
      engine.query<{ value: string }>(buildDimensionMembersQuery(model.table, dimension.column, weight)),
    ),
  ]);
  const [extent] = extentRows;
  if (!extent?.first_month || !extent.last_month) throw new Error(`dataset ${model.label} has no rows`);
  const members = lookupTable<string[]>();
  for (const [index, dimension] of model.dimensions.entries()) {
    members[dimension.id] = memberRows[index]!.map((row) => String(row.value));
  }
  return {
    firstMonth: dateToMonth(extent.first_month),
    lastMonth: dateToMonth(extent.last_month),
    rowCount: extent.row_count,
    members,
  };
}

export const catalogKey = (datasetId: string) => ['catalog', datasetId] as const;

export const catalogQuery = (datasetId: string) =>
  queryOptions({
    queryKey: catalogKey(datasetId),
    queryFn: async () => {
      const engine = await datasetEngine(datasetId);
      return ownCatalog(datasetId) ?? fetchCatalog(engine, datasetModel(datasetId));
    },
    staleTime: Infinity,
  });
