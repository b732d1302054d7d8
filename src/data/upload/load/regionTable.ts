/**
 * The UN M49 regions an upload's country columns are joined with, in the upload's engine. The bundled data loads
 * datasets/regions.csv as `regions` with the rest of its files; an upload may be loaded before those (a link straight
 * to it) or in an engine of its own, so the upload code carries the same file (this module is loaded with it, after
 * the first screen) and loads it under its own name, with the bundled files' checked loader.
 */
import regionsCsv from '../../../../datasets/regions.csv?raw';
import type { Engine } from '../../../engine';
import { REGIONS_FILE } from '../../bundledFiles';
import { loadBundledFile } from '../../loadBundledDatasets';

/** The table, named apart from the bundled `regions` so that the two loads never race over one table or file name. */
export const UPLOAD_REGIONS_TABLE = 'm49_regions';

const loaded = new WeakMap<Engine, Promise<void>>();

/** Loads the regions table into `engine` once (again after a failure, or in a new engine after a restart). */
export function ensureRegionTable(engine: Engine): Promise<void> {
  let loading = loaded.get(engine);
  if (!loading) {
    const file = { ...REGIONS_FILE, fileName: 'm49-regions.csv', table: UPLOAD_REGIONS_TABLE };
    loading = loadBundledFile(engine, file, new TextEncoder().encode(regionsCsv)).then(() => undefined);
    loaded.set(engine, loading);
    loading.catch(() => loaded.delete(engine));
  }
  return loading;
}
