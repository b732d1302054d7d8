import type { QueryKey } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { modelForQuery } from '../cubes';
import { recordingEngine, recordStatements, type RecordedStatement } from '../sqlWorkspace/recordedStatements';
import { findDimension, findMeasure, type DatasetModel, type DimensionDef } from '../model';
import type { DatasetCatalog, QuerySlice } from '../querySlice';
import { isPrefetch } from './prefetchScheduler';
import { t } from '../../i18n';
import { messages as dataMessages } from '../messages';

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
  /** A dataset's catalog when it does not come from its table (a ClickHouse table shown view by view). */
  catalogOf?(datasetId: string): DatasetCatalog | undefined;
  /**
   * The model one view's query reads: the dataset's own, or, for a ClickHouse table shown view by view, one over a
   * cube loaded with the view's filters (`readPast`: dimensions whose filter the query lifts) and only the
   * `dimensions` the query filters or groups by. `release` when done.
   */
  modelForView?(
    engine: Engine,
    model: DatasetModel,
    view: QuerySlice,
    options: { readPast: readonly string[]; dimensions: readonly string[]; signal?: AbortSignal },
  ): Promise<{ model: DatasetModel; release(): void }>;
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
  if (!model) throw new Error(t(dataMessages.noDataset, { dataset: datasetId }));
  return model;
}

export function bundledEngine(): Promise<Engine> {
  return datasets().bundledEngine();
}

export function datasetEngine(datasetId: string): Promise<Engine> {
  return datasets().engineFor(datasetId);
}

/** The catalog a dataset provides itself (see {@link DatasetAccess.catalogOf}), once its engine is ready. */
export function ownCatalog(datasetId: string): DatasetCatalog | undefined {
  return datasets().catalogOf?.(datasetId);
}

/**
 * The query function of a query over a view's dataset. It loads the dataset and, for an uploaded one, picks the
 * smallest pre-aggregated cube that holds the dimensions the view filters by and the ones it is `groupedBy` (a list,
 * or computed from the dataset's full model), then fetches from it. Everything happens when the query runs: a
 * dataset this browser does not have fails the query, not the render that made the options.
 *
 * The statements `fetch` runs are recorded under the query's key, so that "Show SQL" on a panel can open the
 * statement behind it in the SQL workspace (src/data/sqlWorkspace/recordedStatements.ts).
 */
export function viewQueryFn<T>(
  view: QuerySlice,
  groupedBy: readonly string[] | ((model: DatasetModel) => readonly string[]),
  fetch: (engine: Engine, model: DatasetModel) => Promise<T>,
  options: {
    /** Dimensions whose filter `fetch` lifts (reads every member of): a view cube must not be cut by them. */
    readsPastFilters?: (model: DatasetModel) => readonly string[];
  } = {},
): (context?: { queryKey: QueryKey; signal?: AbortSignal; meta?: Record<string, unknown> }) => Promise<T> {
  return async (context) => {
    // Dimensions computed from the model name a missing dataset before any engine starts.
    const dimensions = typeof groupedBy === 'function' ? groupedBy(datasetModel(view.datasetId)) : groupedBy;
    const engine = await datasetEngine(view.datasetId);
    const full = datasetModel(view.datasetId);
    // What the query reads: the dimensions it filters by and the ones it groups by (the cube it may read).
    const needed = [...new Set([...Object.keys(view.filters), ...dimensions, ...perInternetUserNeeds(full, view)])];
    // A ClickHouse table too big to load whole: a cube of this view's filters and of the dimensions the query reads,
    // loaded once for every query that reads the same.
    const scoped = await (datasets().modelForView?.(engine, full, view, {
      readPast: options.readsPastFilters?.(full) ?? [],
      dimensions: needed,
      signal: context?.signal,
    }) ?? { model: full, release: () => {} });
    try {
      const model = await modelForQuery(engine, scoped.model, needed);
      const statements: RecordedStatement[] = [];
      const result = await fetch(recordingEngine(context ? withQueryContext(engine, context) : engine, statements), model);
      if (context) recordStatements(context.queryKey, statements);
      return result;
    } finally {
      scoped.release();
    }
  };
}

/**
 * `engine`, its statements cancelled with the query (TanStack aborts a query nobody shows any more, and a prefetch a
 * real change overtook) and, for a prefetch, run in the engine's background queue.
 */
function withQueryContext(engine: Engine, context: { signal?: AbortSignal; meta?: Record<string, unknown> }): Engine {
  const { signal } = context;
  const background = isPrefetch(context.meta);
  return { ...engine, query: (sql, params, options) => engine.query(sql, params, { signal, background, ...options }) };
}

/**
 * What a measure per internet user needs of an uploaded dataset's cube: the country column (its dimension id, for
 * the cube's choice). The World Bank table is loaded into the upload's engine with the upload (commitTables.ts).
 */
function perInternetUserNeeds(model: DatasetModel, view: QuerySlice): string[] {
  const spec = findMeasure(model, view.measureId)?.perInternetUser;
  if (!spec || model.provenance !== 'uploaded') return [];
  return model.dimensions.filter((dimension) => dimension.column === spec.countryColumn).map((dimension) => dimension.id);
}

export function requireDimension(model: DatasetModel, id: string): DimensionDef {
  const dimension = findDimension(model, id);
  if (!dimension) throw new Error(`unknown dimension ${id}`);
  return dimension;
}
