import { createExternalStore } from '../../engine';
import type { ShownText } from '../../i18n';
import { MARKET_MODEL } from '../marketModel';
import type { DatasetModel } from '../model';
import type { UploadManifest } from '../upload/storage';
import type { ClickHouseDatasetDef } from '../clickhouse/clickHouseModel';
import type { DatasetCatalog } from '../querySlice';

/** A dataset the app can show: the bundled one, or a file the user uploaded (kept in this browser only). */
export interface DatasetEntry {
  id: string;
  model: DatasetModel;
  kind: 'bundled' | 'uploaded' | 'clickhouse';
  manifest?: UploadManifest;
  /** ClickHouse datasets: the connection, table and roles (never credentials); the cube is loaded on demand. */
  clickhouse?: ClickHouseDatasetDef;
  /** Uploaded datasets: kept in the browser's storage ('stored') and loaded into the engine when first opened. */
  status: 'ready' | 'stored' | 'loading' | 'failed';
  /** Why it failed, said when shown (src/i18n's errorText of what was thrown). */
  error?: ShownText;
  /** Bytes the stored file takes in the browser's storage. */
  storedBytes?: number;
  /**
   * ClickHouse datasets whose whole cube is above the row cap: each view loads a cube with its own filters
   * (src/data/clickhouse/viewCubes.ts), and the catalog (months, members) was read from ClickHouse.
   */
  viewScope?: { catalog: DatasetCatalog };
  /**
   * A ClickHouse dataset whose whole cube this browser found above the row cap before (kept with its definition):
   * its loads go view by view at once, without trying the whole table first (that attempt aggregates the whole
   * table, 6–32 s at 100M rows on one shard here).
   */
  overCap?: boolean;
  /** Why the dataset will not survive a reload, when it will not. */
  notKept?: string;
}

const BUNDLED: DatasetEntry = { id: MARKET_MODEL.id, model: MARKET_MODEL, kind: 'bundled', status: 'ready' };

/** Every dataset, bundled first, then uploads in the order they were added. */
export const datasetRegistry = createExternalStore<readonly DatasetEntry[]>([BUNDLED]);

export function findDataset(id: string): DatasetEntry | undefined {
  return datasetRegistry.get().find((entry) => entry.id === id);
}

/** Changes an entry in place (a view showing it stays on it), or adds it at the end when it is new. */
export function putEntry(id: string, change: Partial<DatasetEntry>): void {
  const entries = datasetRegistry.get();
  datasetRegistry.set(
    entries.some((entry) => entry.id === id)
      ? entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry))
      : [...entries, change as DatasetEntry],
  );
}

export function dropEntry(id: string): void {
  datasetRegistry.set(datasetRegistry.get().filter((entry) => entry.id !== id));
}

/** Back to the bundled dataset alone (a new store was configured: its uploads are listed again). */
export function resetRegistry(): void {
  datasetRegistry.set([BUNDLED]);
}
