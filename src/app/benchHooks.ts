import { getEngine } from '../engine';

/**
 * Hooks for `npm run bench`, installed only when the page is opened with `#bench`: a bare DuckDB-wasm `read_csv` of
 * a file in this same page and engine, to compare the upload pipeline against, and DuckDB's own memory figure.
 * They read only files the benchmark hands to the page and change no dataset.
 */
export function installBenchHooks(): void {
  let calls = 0;
  Object.assign(window, {
    __marketscopeBench: {
      async bareReadCsv(file: File): Promise<{ ms: number; rows: number }> {
        const engine = await getEngine();
        // A new name per call: DuckDB-wasm read a re-registered name as an empty file (0 rows in 4 ms, measured).
        const name = engine.filePath(`bench_bare_${++calls}.csv`);
        await engine.registerFile(name, file);
        try {
          const started = performance.now();
          await engine.query(`CREATE OR REPLACE TABLE bench_bare AS SELECT * FROM read_csv('${name}')`);
          const ms = performance.now() - started;
          const [row] = await engine.query<{ n: number }>('SELECT COUNT(*) AS n FROM bench_bare');
          return { ms, rows: row?.n ?? 0 };
        } finally {
          await engine.query('DROP TABLE IF EXISTS bench_bare');
          await engine.dropFile(name);
        }
      },
      /** Makes the engine's worker fail as a crash would (for the crash test); the app restarts it. */
      async crashEngine(): Promise<void> {
        const { crashEngineWorker } = await import('../engine/browserEngine');
        crashEngineWorker();
      },
      async duckdbMemoryBytes(): Promise<number> {
        const engine = await getEngine();
        const [row] = await engine.query<{ bytes: number }>('SELECT SUM(memory_usage_bytes) AS bytes FROM duckdb_memory()');
        return row?.bytes ?? 0;
      },
    },
  });
}
