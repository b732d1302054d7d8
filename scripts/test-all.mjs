// `npm test`: every check and test, in the order a newcomer would want them to fail:
// type check, lint, dataset determinism, unit tests (Vitest, real DuckDB-wasm for Node), production build,
// end-to-end tests (Playwright driving Debian's Chromium). Ends with one line: `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

// The config loads TypeScript plugins; Vite's notice about its future config loader is not for us to act on.
const env = { ...process.env, TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
const results = []; // { name, passed, failed, note }
mkdirSync('test-results', { recursive: true });

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;
}

function check(name, command, args) {
  const status = run(command, args);
  results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  return status === 0;
}


check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint', 'npx', ['eslint', '.']);
check('datasets are reproducible', 'node', ['scripts/generate-datasets.mjs', '--check']);
// Regenerated from ../shared/reference when it is here; without it the script says so and the data test checks the file.
check('internet users dataset is reproducible', 'node', ['scripts/generate-internet-users.mjs', '--check']);

// Unit tests: counts come from Vitest's JSON report, not from its console output. Every Vitest project runs: unit,
// clickhouse (the local 18.16 cluster) and chdb (a current ClickHouse, installed into .cache/chdb on first use).
const unitReport = 'test-results/unit-report.json';
rmSync(unitReport, { force: true });
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
results.push(countVitest(unitReport, unitStatus));

const built = check('production build', 'npx', ['vite', 'build']);

let chromium = null;
try {
  chromium = findChromium();
} catch (error) {
  console.error(`\n${error.message}\nThe end-to-end tests cannot run without it.`);
}
if (!chromium) {
  results.push({ name: 'end-to-end tests', passed: 0, failed: 1 });
} else if (!built) {
  console.error('\nThe production build failed, so the end-to-end tests were not run.');
  results.push({ name: 'end-to-end tests', passed: 0, failed: 1 });
} else {
  const e2eReport = 'test-results/e2e-report.json';
  rmSync(e2eReport, { force: true });
  const e2eStatus = run('npx', ['playwright', 'test']);
  results.push(countPlaywright(e2eReport, e2eStatus));
}

console.log('\nSummary');
for (const result of results) {
  console.log(`  ${result.failed === 0 ? 'ok  ' : 'FAIL'} ${result.name}: ${result.passed} passed, ${result.failed} failed${result.note ? ` (${result.note})` : ''}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function countVitest(file, status) {
  if (!existsSync(file)) return { name: 'unit tests', passed: 0, failed: 1, note: 'no report: Vitest did not finish' };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let passedTests = report.numPassedTests;
  let failedTests = report.numFailedTests;
  // A test file that fails to load has no tests in it; count it as a failure rather than losing it.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failedTests += brokenFiles;
  if (status !== 0 && failedTests === 0) failedTests = 1;
  const skipped = report.numPendingTests + report.numTodoTests;
  return { name: 'unit tests', passed: passedTests, failed: failedTests, note: skipped ? `${skipped} skipped` : '' };
}

function countPlaywright(file, status) {
  if (!existsSync(file)) return { name: 'end-to-end tests', passed: 0, failed: 1, note: 'no report: Playwright did not finish' };
  const { stats, errors } = JSON.parse(readFileSync(file, 'utf8'));
  let failedTests = stats.unexpected + stats.flaky + (errors?.length ?? 0);
  if (status !== 0 && failedTests === 0) failedTests = 1;
  return { name: 'end-to-end tests', passed: stats.expected, failed: failedTests, note: stats.skipped ? `${stats.skipped} skipped` : '' };
}
