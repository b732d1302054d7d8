import type { Engine } from '../../engine';
import { modelForQuery } from '../cubes';
import { findDimension, type DatasetModel, type DimensionDef } from '../model';
import type { ResolvedView } from '../resolveView';

/**
 * Where the query options find a dataset's engine and model: the browser's dataset registry, connected by
 * src/data/index.ts. The query modules do not import the registry themselves because the build-time startup summary
 * imports them (for their fetchers and keys) in Node, where the registry's engine — DuckDB-wasm, its worker and the
 * bundled files' URLs — cannot even be bundled.
 */
export interface DatasetAccess {
  engineFor(datasetId: string): Promise<Engine>;
  modelOf(datasetId: string): DatasetModel | undefined;
  /** The engine holding the bundled tables (published figures, events). */
  bundledEngine(): Promise<Engine>;
}

let access: DatasetAccess | null = null;

export function connectDatasets(datasets: DatasetAccess): void {
  access = datasets;
}

function datasets(): DatasetAccess {
  if (!access) throw new Error('a query ran before src/data connected the dataset registry');
  return access;
}

/** The dataset's model, or a clear error for a dataset this browser does not have (e.g. a shared link). */
export function datasetModel(datasetId: string): DatasetModel {
  const model = datasets().modelOf(datasetId);
  if (!model) throw new Error(`There is no dataset "${datasetId}" in this browser.`);
  return model;
}

export function bundledEngine(): Promise<Engine> {
  return datasets().bundledEngine();
}

export function datasetEngine(datasetId: string): Promise<Engine> {
  return datasets().engineFor(datasetId);
}

/**
 * The engine and the model to query with: the dataset loaded, and for an uploaded dataset the smallest
 * pre-aggregated cube that holds the dimensions the query filters or groups by.
 */
export async function queryTarget(view: ResolvedView, groupedBy: readonly string[]): Promise<{ engine: Engine; model: DatasetModel }> {
  const engine = await datasetEngine(view.datasetId);
  const model = datasetModel(view.datasetId);
  return { engine, model: await modelForQuery(engine, model, [...Object.keys(view.filters), ...groupedBy]) };
}

export function requireDimension(model: DatasetModel, id: string): DimensionDef {
  const dimension = findDimension(model, id);
  if (!dimension) throw new Error(`unknown dimension ${id}`);
  return dimension;
}
