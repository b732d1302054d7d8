// Runs CI (`.ci/run`) several times in a row on a clean clone of this checkout's HEAD while busy loops keep every
// core loaded, and says whether every run passed with nothing retried or flaky. A flaky test keeps good work from
// landing; this is how the suite is shown not to be one.
//
//   node scripts/ci-under-load.mjs [--runs 3] [--busy 2] [--keep]
//
// The clone goes into a new temporary folder; `../shared` (the corpus for the conformance suite) is linked beside
// it when this checkout has one, as CI lays it out. Each run's full output is kept in that folder as run-N.log.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const runs = option('runs', 3);
const busy = option('busy', cpus().length);
const keep = args.includes('--keep');

const work = mkdtempSync(join(tmpdir(), 'marketscope-ci-load-'));
const clone = join(work, 'main');
const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
console.log(`Clean clone of ${head.slice(0, 12)} in ${clone}`);
if (spawnSync('git', ['clone', '--quiet', root, clone], { stdio: 'inherit' }).status !== 0) process.exit(2);
spawnSync('git', ['checkout', '--quiet', head], { cwd: clone, stdio: 'inherit' });
const shared = resolve(root, '..', 'shared');
if (existsSync(shared)) symlinkSync(shared, join(work, 'shared'));

// Busy loops: one plain Node process each, spinning until killed.
const loops = Array.from({ length: busy }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoops = () => loops.forEach((loop) => loop.kill('SIGKILL'));
process.on('exit', stopLoops);
process.on('SIGINT', () => process.exit(130));
console.log(`${busy} busy loop(s) started (pids ${loops.map((loop) => loop.pid).join(', ')})`);

const results = [];
for (let run = 1; run <= runs; run++) {
  // Each run starts from a clean clone, as CI does: nothing built or installed by the run before.
  spawnSync('git', ['clean', '-xdfq'], { cwd: clone });
  const log = join(work, `run-${run}.log`);
  const started = Date.now();
  const child = spawnSync('bash', ['.ci/run'], {
    cwd: clone,
    env: { ...process.env, CI: 'true' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const output = `${child.stdout ?? ''}${child.stderr ?? ''}`;
  writeFileSync(log, output);
  const summary = output.match(/^tests: (\d+) passed, (\d+) failed/gm)?.at(-1) ?? 'no summary line';
  const report = join(clone, 'test-results', 'e2e-report.json');
  const stats = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')).stats : null;
  const result = {
    run,
    status: child.status,
    seconds,
    summary,
    flaky: stats?.flaky ?? null,
    unexpected: stats?.unexpected ?? null,
  };
  results.push(result);
  console.log(
    `run ${run}: exit ${result.status}, ${seconds} s, ${summary}; end-to-end flaky ${result.flaky ?? '?'}, unexpected ${result.unexpected ?? '?'} (log: ${log})`,
  );
}
stopLoops();

const ok = results.every((result) => result.status === 0 && result.flaky === 0 && result.unexpected === 0);
console.log(`\n${results.filter((r) => r.status === 0).length} of ${runs} runs passed under ${busy} busy loop(s); retries are 0 in playwright.config.ts`);
if (!keep && ok) rmSync(work, { recursive: true, force: true });
else console.log(`Logs kept in ${work}`);
process.exit(ok ? 0 : 1);
