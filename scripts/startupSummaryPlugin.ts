// A Vite plugin that computes, from the bundled datasets, the results of every query the default overview makes,
// and serves them as the virtual module `virtual:startup-summary`. The app seeds its query cache with them so the
// first charts are drawn before DuckDB-wasm has downloaded (see src/data/startupSummary.ts).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { createNodeEngine } from '../src/engine/nodeEngine';
import { BUNDLED_FILES } from '../src/data/bundledFiles';
import { loadBundledDatasets } from '../src/data/loadBundledDatasets';
import { computeStartupSummary } from '../src/data/startupSummary';

const MODULE_ID = 'virtual:startup-summary';
const RESOLVED_ID = `\0${MODULE_ID}`;

export function startupSummaryPlugin(datasetsDir: string): Plugin {
  let summary: Promise<string> | null = null;
  return {
    name: 'marketscope-startup-summary',
    resolveId: (source) => (source === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of BUNDLED_FILES) this.addWatchFile(path.join(datasetsDir, file.fileName));
      summary ??= summarise(datasetsDir);
      return `export default ${await summary};`;
    },
    watchChange(id) {
      if (id.startsWith(datasetsDir)) summary = null;
    },
  };
}

async function summarise(datasetsDir: string): Promise<string> {
  const engine = await createNodeEngine();
  await loadBundledDatasets(engine, async (fileName) => new Uint8Array(await readFile(path.join(datasetsDir, fileName))));
  return JSON.stringify(await computeStartupSummary(engine));
}
