/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { immutableAssetsPlugin } from './scripts/immutableAssetsPlugin';
import { contentSecurityPolicyPlugin } from './scripts/contentSecurityPolicyPlugin';
import { startupSummaryPlugin } from './scripts/startupSummaryPlugin';
import { precompressPlugin } from './scripts/precompressPlugin';

// Dates in tests are calendar months, never local timestamps: pin the zone for every test process.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [
    react(),
    startupSummaryPlugin(fileURLToPath(new URL('./datasets/', import.meta.url))),
    immutableAssetsPlugin(),
    contentSecurityPolicyPlugin(),
    // After the header plugins: it answers precompressed assets itself, with the headers they set.
    precompressPlugin(),
  ],
  // DuckDB-wasm ships its own workers and wasm; pre-bundling it breaks their relative URLs in dev.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    // The wasm files are fetched by the worker, never inlined.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC', LANG: 'en_US.UTF-8' },
    setupFiles: ['test/support/testingLibrary.ts'],
  },
});
