/**
 * The reference load for tests: the file's converted rows kept as a table (`<id>__rows`), then the cube built from
 * that table — the straightforward way, with the same builders and steps as the app's streaming load. Tests check
 * the rows value by value, and check that the app's load (which never builds the rows table) gives the same report
 * and the same cube. Test-only: the app has a single load mode.
 */
import type { Engine } from '../../src/engine';
import {
  buildCubeStatement,
  buildDropTableStatement,
  buildIngestCleanupStatements,
  buildIngestCountsQuery,
  buildIngestStatement,
  buildRenameTableStatement,
} from '../../src/sql';
import { checkedPlan, ingestReport, type IngestedDataset } from '../../src/data/upload/ingest';
import { accountRows } from '../../src/data/upload/load/accounting';
import { collectRejects } from '../../src/data/upload/load/collectRejects';
import { commitTables } from '../../src/data/upload/load/commitTables';
import { cubeShape, planLoad } from '../../src/data/upload/load/loadPlan';
import type { UploadPlan } from '../../src/data/upload/plan';
import { loadReader } from '../../src/data/upload/readers';
import { sourceOf } from '../../src/data/upload/readers/sourceReader';
import { uploadedModel } from '../../src/data/upload/uploadedModel';

/** Loads `file` row by row: its tables are `<id>__rows` (the converted rows, rejected ones removed) and `<id>__cube`. */
export async function loadRowByRow(
  engine: Engine,
  file: Blob,
  fileName: string,
  datasetId: string,
  plan: UploadPlan,
): Promise<IngestedDataset> {
  const load = planLoad(checkedPlan(plan, fileName), datasetId);
  const { rowsTable } = uploadedModel(datasetId, load.plan);
  const staging = `__staging_${datasetId}`;
  const reader = await loadReader(sourceOf(load.plan).format);
  const source = await reader.open({ engine, file, fileName, plan: load.plan, loadId: datasetId });
  try {
    const count = await source.countRecords({ onFirstChunk: () => {} });
    await engine.query(buildIngestStatement(staging, source.read('load'), load.specs, load.rowsOptions));
    const readerRejected = await source.readerRejectedRecords('load');
    const [counts] = await engine.query<{ loaded: number; rejected: number }>(buildIngestCountsQuery(staging));
    const accounting = accountRows(fileName, {
      records: count.records,
      perRecord: load.perRecord,
      loaded: counts?.loaded ?? 0,
      conversionRejected: counts?.rejected ?? 0,
      readerRejected: readerRejected.length,
      sampleRows: load.plan.sampleRows,
    });
    const converted = accounting.conversionRejected > 0 ? { table: staging } : null;
    const rejects =
      accounting.rowsRejected > 0
        ? await collectRejects({ engine, source, pass: 'load', readerRejected, plan: load.plan, used: load.used, converted })
        : [];
    for (const statement of buildIngestCleanupStatements(staging)) await engine.query(statement);
    const { time, dimensions, measures } = cubeShape(load);
    await engine.query(buildCubeStatement(load.stagingCube, staging, time, dimensions, measures, load.model.timeColumn));
    await engine.query(buildDropTableStatement(rowsTable));
    await engine.query(buildRenameTableStatement(staging, rowsTable));
    // The app's commit step: the cube, with the M49 regions of its country columns.
    await commitTables(engine, load);
    const timings = { scanMs: 0, loadMs: 0, cubeMs: 0, totalMs: 0, readerTyped: 0, reads: 1 };
    const warnings = [...source.warnings, ...count.warnings];
    const report = ingestReport(file, fileName, load, { count }, accounting, { rejects, warnings, timings });
    return { model: load.model, tables: [load.cubeTable, rowsTable], report };
  } finally {
    for (const table of [staging, load.stagingCube]) await engine.query(buildDropTableStatement(table)).catch(() => {});
    await source.close();
  }
}
