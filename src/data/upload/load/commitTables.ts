/**
 * The commit step and the clean-up. Everything is built under temporary names and takes its final name only at the
 * end, so a failure, a cancellation or an engine error leaves every existing dataset as it was.
 */
import type { Engine } from '../../../engine';
import {
  buildCubeCleanupStatements,
  buildCubeCountsQuery,
  buildDropTableStatement,
  buildRenameTableStatement,
  buildWithRegionsStatement,
} from '../../../sql';
import { ROW_COUNT_COLUMN } from '../uploadedModel';
import type { LoadPlan } from './loadPlan';
import { ensureRegionTable, UPLOAD_REGIONS_TABLE } from './regionTable';
import { ensureInternetUsersTable } from './internetUsersTable';

/** Rows the staging cube holds, loaded and (in flagged groups) not converted. */
export async function countStagingCube(engine: Engine, load: LoadPlan): Promise<{ loaded: number; rejected: number }> {
  const [counts] = await engine.query<{ loaded: number; rejected: number }>(buildCubeCountsQuery(load.stagingCube, ROW_COUNT_COLUMN));
  return { loaded: counts?.loaded ?? 0, rejected: counts?.rejected ?? 0 };
}

/** Drops the groups of rows that did not convert, once they are counted and reported. */
export async function dropRejectedGroups(engine: Engine, load: LoadPlan): Promise<void> {
  for (const statement of buildCubeCleanupStatements(load.stagingCube)) await engine.query(statement);
}

/**
 * The staging cube becomes the dataset's cube, replacing the one it had. With country columns, the cube is the
 * staging cube plus each one's M49 region and sub-region (a LEFT JOIN on the code: the same rows, so the accounting
 * made on the staging cube holds for it). Returns the dataset's tables.
 */
export async function commitTables(engine: Engine, load: LoadPlan): Promise<string[]> {
  if (load.regionColumns.length > 0) await ensureRegionTable(engine);
  // One country column: the upload's measures per internet user divide by the World Bank table (internetUserMeasures.ts).
  if (load.regionColumns.length === 1) await ensureInternetUsersTable(engine);
  await engine.query(buildDropTableStatement(load.cubeTable));
  if (load.regionColumns.length === 0) {
    await engine.query(buildRenameTableStatement(load.stagingCube, load.cubeTable));
  } else {
    await engine.query(
      buildWithRegionsStatement({
        table: load.cubeTable,
        source: load.stagingCube,
        regionsTable: UPLOAD_REGIONS_TABLE,
        columns: load.regionColumns,
      }),
    );
  }
  return [load.cubeTable];
}

/** Drops whatever the load built and did not commit; never throws (it runs in a `finally`). */
export async function dropStagingTables(engine: Engine, load: LoadPlan): Promise<void> {
  for (const table of [load.stagingCube, load.problemRows]) {
    await engine.query(buildDropTableStatement(table)).catch(() => {});
  }
}
