// A Vite plugin that computes, from the bundled datasets, the results of every query the default overview makes,
// and serves them as the virtual module `virtual:startup-summary`. The app seeds its query cache with them so the
// first charts are drawn before DuckDB-wasm has downloaded (see src/data/startupSummary.ts).
import path from 'node:path';
import type { Plugin } from 'vite';
import { createNodeEngine } from '../src/engine/nodeEngine';
import { BUNDLED_FILES } from '../src/data/bundledFiles';
import { loadBundledArrow } from '../src/data/loadBundledArrow';
import { computeStartupSummary } from '../src/data/startupSummary';
import { bundledArrowData } from './bundledDataPlugin';

const MODULE_ID = 'virtual:startup-summary';
const RESOLVED_ID = `\0${MODULE_ID}`;

export function startupSummaryPlugin(datasetsDir: string): Plugin {
  let summary: Promise<string> | null = null;
  let stale = false;
  return {
    name: 'marketscope-startup-summary',
    resolveId: (source) => (source === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of BUNDLED_FILES) this.addWatchFile(path.join(datasetsDir, file.fileName));
      if (!summary) {
        summary = summarise(datasetsDir, stale);
        stale = false;
      }
      return `export default ${await summary};`;
    },
    watchChange(id) {
      if (!id.startsWith(datasetsDir)) return;
      summary = null;
      stale = true;
    },
  };
}

/** The summary, computed on tables loaded as the browser loads them: from the Arrow streams the build ships. */
async function summarise(datasetsDir: string, fresh: boolean): Promise<string> {
  const data = await bundledArrowData(datasetsDir, fresh);
  const engine = await createNodeEngine();
  try {
    await loadBundledArrow(engine, data, async (file) => data.find((candidate) => candidate.table === file.table)!.ipc.slice());
    return JSON.stringify(await computeStartupSummary(engine));
  } finally {
    await engine.terminate();
  }
}
