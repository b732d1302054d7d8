/**
 * The World Bank internet users an upload's measures per internet user divide by, in the upload's engine. Like the
 * M49 regions (regionTable.ts), the upload code carries its own copy of the bundled file and loads it under its own
 * name with the bundled files' checked loader: the upload may live in an engine without the bundled tables.
 */
import internetUsersCsv from '../../../../datasets/internet-users.csv?raw';
import type { Engine } from '../../../engine';
import { INTERNET_USERS_FILE } from '../../bundledFiles';
import { loadBundledFile } from '../../loadBundledDatasets';
import { UPLOAD_INTERNET_USERS_TABLE } from '../internetUserMeasures';

const loaded = new WeakMap<Engine, Promise<void>>();

/** Loads the table into `engine` once (again after a failure, or in a new engine after a restart). */
export function ensureInternetUsersTable(engine: Engine): Promise<void> {
  let loading = loaded.get(engine);
  if (!loading) {
    const file = { ...INTERNET_USERS_FILE, fileName: 'wb-internet-users.csv', table: UPLOAD_INTERNET_USERS_TABLE };
    loading = loadBundledFile(engine, file, new TextEncoder().encode(internetUsersCsv)).then(() => undefined);
    loaded.set(engine, loading);
    loading.catch(() => loaded.delete(engine));
  }
  return loading;
}
