/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { immutableAssetsPlugin } from './scripts/immutableAssetsPlugin';
import { contentSecurityPolicyPlugin } from './scripts/contentSecurityPolicyPlugin';
import { startupSummaryPlugin } from './scripts/startupSummaryPlugin';
import { bundledDataPlugin } from './scripts/bundledDataPlugin';
import { clickHouseProxyPlugin } from './scripts/clickhouse/proxy.mjs';
import { precompressPlugin } from './scripts/precompressPlugin';
import { prerenderPlugin } from './scripts/prerenderPlugin';

// Dates in tests are calendar months, never local timestamps: pin the zone for every test process.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [
    react(),
    startupSummaryPlugin(fileURLToPath(new URL('./datasets/', import.meta.url))),
    // The bundled CSVs as Arrow streams, made and checked at build time: what the browser's engine loads.
    bundledDataPlugin(fileURLToPath(new URL('./datasets/', import.meta.url)), fileURLToPath(new URL('./', import.meta.url))),
    immutableAssetsPlugin(),
    contentSecurityPolicyPlugin(),
    // index.html gets the default overview drawn at build time, painted before any script runs.
    prerenderPlugin(fileURLToPath(new URL('./', import.meta.url))),
    // After the header plugins: it answers precompressed assets itself, with the headers they set.
    precompressPlugin(),
    // /clickhouse/<name>/ on the preview (npm start) and dev servers: same origin, credentials stay on the server.
    // Connections are read per request from MARKETSCOPE_CLICKHOUSE or the connections file; none is an empty list.
    clickHouseProxyPlugin(),
  ],
  // DuckDB-wasm ships its own workers and wasm; pre-bundling it breaks their relative URLs in dev.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    // The wasm files are fetched by the worker, never inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    // No <link rel="modulepreload"> in index.html: the two dozen scripts competed with the first paint of the
    // overview drawn into it, and the entry imports them at once anyway (its worker start no longer waits for them).
    // Dynamic imports keep their preloads.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? [] : deps) },
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC', LANG: 'en_US.UTF-8' },
    setupFiles: ['test/support/testingLibrary.ts'],
    // Separate projects so that only a run with a test/clickhouse file in it starts the local ClickHouse cluster (a
    // project's globalSetup runs only when one of its files is queued), and so that those files, which share that
    // one cluster and stop and start its shards, run one after another; likewise test/chdb installs chDB.
    projects: [
      // Each project names its own files: `extends` would concatenate a root `include` with a project's.
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'], exclude: ['**/node_modules/**', 'test/clickhouse/**', 'test/chdb/**'] },
      },
      {
        extends: true,
        test: {
          name: 'clickhouse',
          include: ['test/clickhouse/**/*.test.ts'],
          globalSetup: ['test/clickhouse/globalSetup.ts'],
          fileParallelism: false,
        },
      },
      // A current ClickHouse release (chDB, installed into .cache/chdb on demand) for what 18.16 cannot run.
      {
        extends: true,
        test: { name: 'chdb', include: ['test/chdb/**/*.test.ts'], globalSetup: ['test/chdb/globalSetup.ts'] },
      },
    ],
  },
});
