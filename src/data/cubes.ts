import type { Engine } from '../engine';
import { buildSubCubeStatement } from '../sql';
import type { DatasetModel } from './model';

/**
 * Smaller pre-aggregated tables for an uploaded dataset. Its main cube holds month × every dimension; a query that
 * filters or groups by only some of them reads a cube of month × just those, built from the main cube the first
 * time it is needed and kept for the session. Mosaic's approach: a filter change touches thousands of rows, not
 * millions. Bundled datasets (no `cube`) are queried as they are.
 */
const built = new WeakMap<Engine, Map<string, Promise<void>>>();

export function cubeFor(model: DatasetModel, dimensionIds: Iterable<string>): { table: string; columns: string[] } | null {
  if (!model.cube) return null;
  const wanted = new Set(dimensionIds);
  const columns = model.dimensions.filter((dimension) => wanted.has(dimension.id)).map((dimension) => dimension.column);
  if (columns.length >= model.cube.dimensions.length) return null;
  return { table: `${model.table}__by_${columns.length ? columns.join('_') : 'total'}`, columns };
}

/** The model to query with, when the query uses only `dimensionIds`: the same model over the smallest cube. */
export async function modelForQuery(
  engine: Engine,
  model: DatasetModel,
  dimensionIds: Iterable<string>,
): Promise<DatasetModel> {
  const cube = cubeFor(model, dimensionIds);
  if (!cube) return model;
  let tables = built.get(engine);
  if (!tables) built.set(engine, (tables = new Map()));
  let building = tables.get(cube.table);
  if (!building) {
    building = engine
      .query(
        buildSubCubeStatement({
          table: cube.table,
          source: model.table,
          timeColumn: model.timeColumn,
          columns: cube.columns,
          // A measure per internet user reads its base measure's column: each column once.
          measureColumns: [...new Set(model.measures.map((measure) => measure.column))],
        }),
      )
      .then(() => undefined);
    tables.set(cube.table, building);
    building.catch(() => tables.delete(cube.table));
  }
  await building;
  return { ...model, table: cube.table };
}

/** Forgets the cubes of a dataset (after it was deleted or reloaded). */
export function forgetCubes(engine: Engine, model: DatasetModel): void {
  const tables = built.get(engine);
  if (!tables) return;
  for (const table of [...tables.keys()]) if (table.startsWith(`${model.table}__by_`)) tables.delete(table);
}
