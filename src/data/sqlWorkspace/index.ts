/**
 * The SQL workspace's data layer: run one read-only statement on the app's engine (cancellable, results as Arrow
 * columns), and list what it can read. The view (src/views/sql) uses these; tests use the `…On` variants with an
 * engine of their own.
 */
import { databaseFor, datasetRegistry } from '../datasets';
import { getMarketDatabase } from '../marketDatabase';
import { runWorkspaceQueryOn, type WorkspaceResult } from './runWorkspaceQuery';
import { fetchColumnSampleOn, fetchWorkspaceSchemaOn, type WorkspaceTable, type WorkspaceUpload } from './schema';

export {
  kindOf,
  runWorkspaceQueryOn,
  WORKSPACE_MAX_ROWS,
  WorkspaceQueryError,
  type WorkspaceColumn,
  type WorkspaceColumnKind,
  type WorkspaceErrorKind,
  type WorkspaceResult,
} from './runWorkspaceQuery';
export { fetchColumnSampleOn, fetchWorkspaceSchemaOn, sqlName, type WorkspaceTable, type WorkspaceUpload } from './schema';
export {
  recordedStatements,
  recordingEngine,
  recordStatements,
  statementsFor,
  type RecordedStatement,
  type RecordedStatements,
} from './recordedStatements';
export { inlinedStatements, sqlForResult } from './showSql';

/** Runs one read-only statement on the app's engine; refuses writes (DuckDB's parser decides); abortable. */
export async function runWorkspaceQuery(sql: string, options: { signal?: AbortSignal } = {}): Promise<WorkspaceResult> {
  return runWorkspaceQueryOn(await getMarketDatabase(), sql, options);
}

/** The uploads of this browser, loaded into the engine (a kept upload is loaded the first time it is needed). */
async function loadedUploads(): Promise<WorkspaceUpload[]> {
  const uploads = datasetRegistry.get().filter((entry) => entry.kind === 'uploaded' && entry.status !== 'failed');
  const loaded = await Promise.all(
    uploads.map((entry) =>
      databaseFor(entry.id).then(
        () => true,
        () => false,
      ),
    ),
  );
  return uploads.filter((_, index) => loaded[index]).map((entry) => ({ id: entry.id, label: entry.model.label, model: entry.model }));
}

/** The tables and columns a workspace query can read, for completion and the schema browser. */
export async function fetchWorkspaceSchema(): Promise<WorkspaceTable[]> {
  const engine = await getMarketDatabase();
  return fetchWorkspaceSchemaOn(engine, await loadedUploads());
}

/** A few distinct values of one column, as text, for the schema browser. */
export async function fetchColumnSample(table: string, column: string, limit?: number): Promise<string[]> {
  const engine = await getMarketDatabase();
  const tables = await fetchWorkspaceSchemaOn(engine, datasetRegistry.get().filter((entry) => entry.kind === 'uploaded').map((entry) => ({ id: entry.id, label: entry.model.label, model: entry.model })));
  return fetchColumnSampleOn(engine, tables, table, column, limit);
}
