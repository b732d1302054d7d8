// Native DuckDB CSV ingest timing, the yardstick for the browser (wasm) ingest figures in the benchmark.
// The wasm build runs on one thread, so besides DuckDB's default thread count this also times `threads = 1`:
// the wasm / native-1-thread ratio is the one that says how much the browser costs.
//
//   node scripts/lib/native-ingest.mjs bench/data/ingest-100mb.csv [--runs 3]
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadNativeDuckDB } from './native-duckdb.mjs';

/** Column types of the generated benchmark files (scripts/generate-bench-data.mjs), for the explicit variant. */
export const BENCH_COLUMNS = {
  date: 'DATE',
  marketplace: 'VARCHAR',
  country: 'VARCHAR',
  device: 'VARCHAR',
  channel: 'VARCHAR',
  visitors: 'BIGINT',
  sessions: 'BIGINT',
  orders: 'BIGINT',
};

/** SQL string literal: single quotes doubled, so any path (quotes, spaces) is read as one literal. */
function sqlString(text) {
  return `'${String(text).replaceAll("'", "''")}'`;
}

/** `read_csv` with the sniffer on: what a user gets for an arbitrary file. */
export function autoReadSql(csvPath) {
  return `read_csv(${sqlString(csvPath)})`;
}

/**
 * `read_csv` with the sniffer off and the types given, like the app's typed load (src/sql/csvLoad.ts): no
 * sampling pass, no type guessing.
 */
export function explicitReadSql(csvPath, columns = BENCH_COLUMNS) {
  const map = Object.entries(columns)
    .map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`)
    .join(', ');
  return `read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${map}})`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times one `CREATE TABLE … AS SELECT * FROM <read>` on a fresh in-memory instance, so no run benefits from a
 * previous run's table or caches inside DuckDB (the OS page cache stays warm: that is the steady state we want).
 * @returns {Promise<{ ms: number, rows: number }>}
 */
async function timeCreate(readSql, threads) {
  const { DuckDBInstance } = await loadNativeDuckDB();
  const instance = await DuckDBInstance.create(':memory:', threads === undefined ? {} : { threads: String(threads) });
  const connection = await instance.connect();
  try {
    const started = performance.now();
    await connection.run(`CREATE TABLE t AS SELECT * FROM ${readSql}`);
    const ms = performance.now() - started;
    const reader = await connection.runAndReadAll('SELECT count(*) FROM t');
    return { ms, rows: Number(reader.getRows()[0][0]) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** DuckDB's own default thread count (one per core), read from a throwaway instance. */
async function defaultThreads() {
  const { DuckDBInstance } = await loadNativeDuckDB();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll("SELECT current_setting('threads')");
    return Number(reader.getRows()[0][0]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Times native DuckDB loading `csvPath` into an in-memory table, with the sniffer (`auto`) and with explicit
 * types (`explicit`), each at DuckDB's default thread count and at one thread. Runs are interleaved (auto,
 * explicit, auto@1, explicit@1 per run) so a load spike on the shared machine hits every variant alike.
 *
 * The top-level `runs`/`median*`/`mbPerSec*`/`threads` fields are the default-thread figures; `singleThread`
 * holds the same fields at `threads = 1`. MB is 10^6 bytes.
 * @param {string} csvPath
 * @param {{ runs?: number, columns?: Record<string, string> }} [options]
 */
export async function nativeIngest(csvPath, { runs = 3, columns = BENCH_COLUMNS } = {}) {
  const file = path.resolve(csvPath);
  const bytes = statSync(file).size;
  const threads = await defaultThreads();
  const auto = autoReadSql(file);
  const explicit = explicitReadSql(file, columns);
  const multi = [];
  const single = [];
  let rows;
  for (let run = 0; run < runs; run += 1) {
    const a = await timeCreate(auto, undefined);
    const e = await timeCreate(explicit, undefined);
    const a1 = await timeCreate(auto, 1);
    const e1 = await timeCreate(explicit, 1);
    // All four must load the same table; a mismatch means the sniffer or the explicit schema misread the file.
    const counts = new Set([a.rows, e.rows, a1.rows, e1.rows]);
    if (counts.size !== 1) throw new Error(`row counts differ between variants: ${[...counts].join(', ')}`);
    rows = a.rows;
    multi.push({ autoMs: a.ms, explicitMs: e.ms });
    single.push({ autoMs: a1.ms, explicitMs: e1.ms });
  }
  const summarise = (list, threadCount) => {
    const medianAutoMs = median(list.map((run) => run.autoMs));
    const medianExplicitMs = median(list.map((run) => run.explicitMs));
    return {
      runs: list,
      medianAutoMs,
      medianExplicitMs,
      mbPerSecAuto: bytes / 1e6 / (medianAutoMs / 1000),
      mbPerSecExplicit: bytes / 1e6 / (medianExplicitMs / 1000),
      threads: threadCount,
    };
  };
  return { bytes, rows, ...summarise(multi, threads), singleThread: summarise(single, 1) };
}

async function cli() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '3' } },
  });
  const runs = Number(values.runs);
  if (positionals.length !== 1 || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: node scripts/lib/native-ingest.mjs FILE.csv [--runs N]');
    process.exit(2);
  }
  const result = await nativeIngest(positionals[0], { runs });
  console.log(`${positionals[0]}: ${result.rows} rows, ${(result.bytes / 1e6).toFixed(1)} MB, ${os.cpus().length} cores, median of ${runs}`);
  const line = (label, variant) => ({
    variant: label,
    threads: variant.threads,
    'auto ms': Math.round(variant.medianAutoMs),
    'auto MB/s': Number(variant.mbPerSecAuto.toFixed(1)),
    'explicit ms': Math.round(variant.medianExplicitMs),
    'explicit MB/s': Number(variant.mbPerSecExplicit.toFixed(1)),
  });
  console.table([line('default threads', result), line('1 thread', result.singleThread)]);
}

// Run the CLI only when executed directly, not when imported by the benchmark.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await cli();
}
