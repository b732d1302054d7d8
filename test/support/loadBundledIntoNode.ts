import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import type { FileLoadReport } from '../../src/data/loadBundledDatasets';
import { loadBundledArrow } from '../../src/data/loadBundledArrow';
import { bundledArrowData } from '../../scripts/bundledDataPlugin';

/** The repository's `datasets/` folder, where the bundled CSVs live. */
export const DATASETS_DIR = fileURLToPath(new URL('../../datasets/', import.meta.url));

/** The bytes of one bundled file, read from disk (what the browser would fetch). */
export async function readDatasetFile(fileName: string): Promise<Uint8Array> {
  if (path.basename(fileName) !== fileName) throw new Error(`not a plain file name: ${fileName}`);
  // A plain Uint8Array, not a Node Buffer: the same type the browser hands to the loader.
  return new Uint8Array(await readFile(path.join(DATASETS_DIR, fileName)));
}

/** The text of one bundled file. */
export async function readDatasetText(fileName: string): Promise<string> {
  return new TextDecoder('utf-8', { fatal: true }).decode(await readDatasetFile(fileName));
}

/**
 * A fresh Node DuckDB-wasm engine with every bundled dataset loaded exactly as the app loads them: from the Arrow
 * streams the build makes of the CSVs (scripts/bundledDataPlugin.ts), with the same loader, column types and derived
 * tables; plus the loader's per-file reports.
 */
export async function loadBundledIntoNode(): Promise<{ engine: Engine; reports: FileLoadReport[] }> {
  const data = await bundledArrowData(DATASETS_DIR);
  const engine = await createNodeEngine();
  const reports = await loadBundledArrow(engine, data, async (file) => data.find((candidate) => candidate.table === file.table)!.ipc.slice());
  return { engine, reports };
}
