import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium';
import { clusterPaths } from './test/e2e/support/cluster';

// E2E_PORT lets a second checkout run its end-to-end tests beside this one.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// E2E_DIST serves another build folder (`vite build --outDir <it>`), so two checkouts' builds never collide.
const DIST = process.env.E2E_DIST ?? 'dist';
// E2E_OUT moves the report and the artifacts (Playwright empties its output folder when it starts).
const OUT = process.env.E2E_OUT ?? 'test-results';

/**
 * End-to-end tests against the production build (`npm run build` first; `npm test` does it). Playwright gives every
 * test a new browser context, and every launch a fresh temporary profile (its own --user-data-dir).
 */
export default defineConfig({
  testDir: 'test/e2e',
  // Sized for a loaded 2-core machine (CI beside other work, two workers each starting DuckDB-wasm): a wait that
  // needs the engine uses ENGINE_TIMEOUT from test/e2e/fixtures.ts; a test that hangs still fails, only later.
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 2,
  retries: 0,
  outputDir: `${OUT}/e2e-artifacts`,
  reporter: [['list'], ['json', { outputFile: `${OUT}/e2e-report.json` }]],
  // One local ClickHouse cluster for the run, served by the preview server as the connection `local`.
  globalSetup: './test/e2e/support/clusterSetup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    locale: 'en-US',
    timezoneId: 'UTC',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    // The proxy reads this run's connections file (written by globalSetup) on every request; only that file.
    env: { MARKETSCOPE_CLICKHOUSE_FILE: clusterPaths().connections, MARKETSCOPE_CLICKHOUSE: '' },
  },
});
