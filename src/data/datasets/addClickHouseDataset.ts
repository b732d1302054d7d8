import type { Engine } from '../../engine';
import { errorText } from '../../i18n';
import { createClickHouseClient, type ClickHouseClient } from '../clickhouse/clickHouseClient';
import { clickHouseCubeSpec, clickHouseModel, type ClickHouseDatasetDef } from '../clickhouse/clickHouseModel';
import { ClickHouseCubeOverCapError, loadClickHouseCube } from '../clickhouse/loadClickHouseCube';
import { forgetViewCubes, loadClickHouseCatalog, withHint } from '../clickhouse/viewCubes';
import { newDatasetId } from './datasetIds';
import { keepClickHouseDataset, rememberOverCap } from './keptClickHouse';
import { markLoaded } from './lazyLoad';
import { dropEntry, findDataset, putEntry, type DatasetEntry } from './registry';
import { uploadEngine } from './uploadDependencies';

/**
 * Loads a ClickHouse table's cube (ClickHouse runs the GROUP BY; DuckDB-wasm holds the small result) as a dataset
 * of every view, and keeps its definition in this browser. Loaded on demand (dynamic import), so the entry bundle does
 * not grow.
 */
export async function addClickHouseDataset(
  def: ClickHouseDatasetDef,
  options: { datasetId?: string; signal?: AbortSignal; client?: ClickHouseClient } = {},
): Promise<DatasetEntry> {
  const engine = await uploadEngine();
  const id = options.datasetId ?? newDatasetId(def.label);
  const existed = findDataset(id) !== undefined;
  const { model } = clickHouseModel(id, def);
  putEntry(id, { id, model, kind: 'clickhouse', clickhouse: def, status: 'loading', error: undefined, viewScope: undefined, overCap: undefined });
  try {
    await loadClickHouseDataset(engine, id, def, { signal: options.signal, client: options.client, markStatus: false });
    markLoaded(engine, id);
  } catch (error) {
    // A dataset that never loaded is not listed: the other datasets are as they were.
    if (!existed) dropEntry(id);
    else putEntry(id, { status: 'failed', error: errorText(error) });
    throw error;
  }
  // Kept in this browser (the definition only), so that it comes back after a reload.
  putEntry(id, { status: 'ready', notKept: keepClickHouseDataset(id, def) });
  return findDataset(id)!;
}

/** (Re)loads the cube of a ClickHouse dataset into `engine` (first use, or after an engine restart). */
export async function loadClickHouseDataset(
  engine: Engine,
  datasetId: string,
  def: ClickHouseDatasetDef,
  options: { signal?: AbortSignal; client?: ClickHouseClient; markStatus?: boolean; rowCap?: number } = {},
): Promise<void> {
  const markStatus = options.markStatus ?? true;
  const { cubeTable } = clickHouseModel(datasetId, def);
  if (markStatus) putEntry(datasetId, { status: 'loading', error: undefined });
  const client = options.client ?? createClickHouseClient();
  try {
    await engine.query(`DROP TABLE IF EXISTS ${cubeTable}`);
    forgetViewCubes(engine, datasetId);
    const entry = findDataset(datasetId);
    // Known to be too big as a whole (this engine was restarted): its views load their own cubes, as before.
    if (entry?.viewScope) {
      // nothing to load: each view loads its own cube
    } else if (entry?.overCap) {
      // Found too big on an earlier visit: straight to view by view, without aggregating the whole table first.
      const { model } = clickHouseModel(datasetId, def);
      const catalog = await loadClickHouseCatalog(engine, client, def, model, { signal: options.signal, rowCap: options.rowCap });
      putEntry(datasetId, { viewScope: { catalog } });
    } else {
      await loadWholeOrCatalog(engine, client, datasetId, def, options);
    }
    if (markStatus) putEntry(datasetId, { status: 'ready' });
  } catch (error) {
    // A view shows the message alone: it carries what to do too.
    const told = markStatus ? withHint(error) : error;
    if (markStatus) putEntry(datasetId, { status: 'failed', error: errorText(told) });
    throw told;
  }
}

/**
 * The whole table's cube; when it is above the row cap, the dataset is shown view by view instead (each view's
 * filters pushed down, src/data/clickhouse/viewCubes.ts) and its catalog is read from ClickHouse.
 */
async function loadWholeOrCatalog(
  engine: Engine,
  client: ClickHouseClient,
  datasetId: string,
  def: ClickHouseDatasetDef,
  options: { signal?: AbortSignal; rowCap?: number },
): Promise<void> {
  const { model, cubeTable } = clickHouseModel(datasetId, def);
  try {
    await loadClickHouseCube(engine, client, clickHouseCubeSpec(def), cubeTable, { signal: options.signal, rowCap: options.rowCap });
  } catch (error) {
    if (!(error instanceof ClickHouseCubeOverCapError)) throw error;
    const catalog = await loadClickHouseCatalog(engine, client, def, model, { signal: options.signal, rowCap: options.rowCap });
    putEntry(datasetId, { viewScope: { catalog }, overCap: true });
    rememberOverCap(datasetId);
  }
}
