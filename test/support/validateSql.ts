import { expect } from 'vitest';
import type { Engine } from '../../src/engine';

/**
 * Asks DuckDB to plan a built statement without running it (`EXPLAIN`), the way Mosaic's
 * `sql/test/util/validate.ts` does, so a builder whose text is wrong cannot pass on a string comparison alone.
 * The tables the statement names must exist in `engine`. Fails with the statement and DuckDB's reason.
 */
export async function expectPlannable(engine: Engine, sql: string): Promise<void> {
  try {
    await engine.query(`EXPLAIN ${sql}`);
  } catch (error) {
    expect.fail(`DuckDB could not plan the built statement: ${error instanceof Error ? error.message : String(error)}\n${sql}`);
  }
}
