import type { Engine } from '../engine';
import { buildRowCountQuery } from '../sql';

/**
 * Runs `statement` (which makes `table`) until `table` holds `expected` rows, at most `attempts` times, and returns
 * the rows it held last and how many times it ran. In Chromium, DuckDB-wasm has now and then read a registered file as empty though the same
 * statement run again read it whole (cause not known; seen since the bundled tables come from Arrow streams): the
 * callers compare with a count they made another way and refuse what still differs.
 */
export async function createCountedTable(engine: Engine, statement: string, table: string, expected: number, attempts: number): Promise<{ rows: number; runs: number }> {
  let rows = 0;
  let attempt = 1;
  for (; attempt <= attempts; attempt++) {
    await engine.query(statement);
    const [count] = await engine.query<{ n: number }>(buildRowCountQuery(table));
    rows = Number(count?.n ?? 0);
    if (rows === expected) return { rows, runs: attempt };
  }
  return { rows, runs: attempts };
}
