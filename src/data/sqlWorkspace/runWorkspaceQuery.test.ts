import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { expectPlannable } from '../../../test/support/validateSql';
import { buildWorkspaceExplain } from '../../sql/workspaceGuard';
import { MEMORY_ADVICE, runWorkspaceQueryOn, WorkspaceQueryError } from './runWorkspaceQuery';

// The workspace's guard on the real engine: reads run, everything else is refused, and the app's tables stay as they were.
const HOSTILE = [
  'DROP TABLE app_table',
  'DELETE FROM app_table',
  "INSERT INTO app_table VALUES (3, 'c')",
  "UPDATE app_table SET name = 'x'",
  'CREATE TABLE copy AS SELECT * FROM app_table',
  'ALTER TABLE app_table RENAME TO gone',
  "ATTACH 'other.db' AS other",
  "COPY app_table TO 'out.csv'",
  'PRAGMA enable_profiling',
  "SET memory_limit = '1GB'",
  'INSTALL httpfs',
  'LOAD httpfs',
  'CALL pragma_version()',
  'SELECT 1; DROP TABLE app_table',
  '/* comment */ DROP TABLE app_table',
  'EXPLAIN ANALYZE CREATE TABLE copy AS SELECT 1',
  "SELECT * FROM read_csv('datasets.csv')",
  "SELECT * FROM 'app.csv'",
  "SELECT * FROM query('DROP TABLE app_table')",
  'WITH t AS (SELECT 1) DELETE FROM app_table',
];

describe('the SQL workspace on the real engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await engine.query("CREATE TABLE app_table AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(id, name)");
  });

  it('runs a read and reports its columns and rows', async () => {
    const result = await runWorkspaceQueryOn(engine, 'SELECT id, name, id * 1.5 AS half FROM app_table ORDER BY id;');
    expect(result.columns.map((column) => [column.name, column.kind])).toEqual([['id', 'number'], ['name', 'text'], ['half', 'number']]);
    expect(result.rowCount).toBe(2);
    expect([result.cell(1, 0), result.cell(1, 1), result.cell(1, 2)]).toEqual([2, 'b', 3]);
    await expectPlannable(engine, buildWorkspaceExplain('SELECT * FROM app_table').slice('EXPLAIN '.length));
  });

  it('refuses every statement that is not one read, and the app table is unchanged', async () => {
    for (const sql of HOSTILE) {
      const error = await runWorkspaceQueryOn(engine, sql).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error, sql).toBeInstanceOf(WorkspaceQueryError);
      expect((error as WorkspaceQueryError).message.length, sql).toBeGreaterThan(5);
    }
    expect(await engine.query('SELECT id, name FROM app_table ORDER BY id')).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
  });

  it("a string or a quoted name that looks like a write is only text, and an error's position points at the mistake", async () => {
    const result = await runWorkspaceQueryOn(engine, `SELECT 'x; DROP TABLE app_table' AS "DROP TABLE app_table"`);
    expect(result.cell(0, 0)).toBe('x; DROP TABLE app_table');
    const error = (await runWorkspaceQueryOn(engine, 'SELECT nope FROM app_table').catch((reason: unknown) => reason)) as WorkspaceQueryError;
    expect(error).toBeInstanceOf(WorkspaceQueryError);
    expect(error.position).toBe('SELECT '.length);
  });
});

describe('wide numbers on the real engine: exact digits beyond 2^53', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  afterAll(async () => {
    await engine.terminate();
  });

  it('gives BIGINT, UBIGINT, HUGEINT and wide DECIMAL values a double cannot hold as their exact digits', async () => {
    const result = await runWorkspaceQueryOn(
      engine,
      `SELECT 9007199254740993::BIGINT AS big, (-9223372036854775808)::BIGINT AS lowest, 18446744073709551615::UBIGINT AS unsigned,
         170141183460469231731687303715884105727::HUGEINT AS huge, 1::HUGEINT << 100 AS shifted,
         12345678901234567.89::DECIMAL(38,2) AS wide, 0.1::DECIMAL(38,2) AS tenth, 42::BIGINT AS small, 2::HUGEINT ** 100 AS power;`,
    );
    expect(result.columns.map((column) => [column.name, column.type, column.kind])).toEqual([
      ['big', 'BIGINT', 'number'],
      ['lowest', 'BIGINT', 'number'],
      ['unsigned', 'UBIGINT', 'number'],
      ['huge', 'HUGEINT', 'number'],
      ['shifted', 'HUGEINT', 'number'],
      ['wide', 'DECIMAL(38,2)', 'number'],
      ['tenth', 'DECIMAL(38,2)', 'number'],
      ['small', 'BIGINT', 'number'],
      ['power', 'DOUBLE', 'number'],
    ]);
    expect(result.columns.map((_, column) => result.cell(0, column))).toEqual([
      '9007199254740993',
      '-9223372036854775808',
      '18446744073709551615',
      '170141183460469231731687303715884105727',
      String(2n ** 100n),
      '12345678901234567.89',
      0.1,
      42,
      2 ** 100,
    ]);
  });

  it("keeps the statement's order, its trailing comment, a sum's HUGEINT and nulls; duplicate names fall back to doubles", async () => {
    const ordered = await runWorkspaceQueryOn(engine, 'SELECT range::BIGINT * 4611686018427387 AS v, range AS i FROM range(2000) ORDER BY v DESC -- largest first');
    expect(ordered.rowCount).toBe(2000);
    expect(ordered.cell(0, 0)).toBe(String(1999n * 4611686018427387n));
    expect(ordered.cell(0, 1)).toBe(1999);
    expect(ordered.cell(1999, 0)).toBe(0);
    expect(ordered.cell(1998, 0)).toBe(4611686018427387);
    expect(ordered.cell(1997, 0)).toBe('9223372036854774');
    for (let row = 1; row < 2000; row++) expect(ordered.cell(row, 1)).toBe(1999 - row);
    const summed = await runWorkspaceQueryOn(engine, 'SELECT sum(v) AS total, max(v) AS top FROM (VALUES (9007199254740993::BIGINT), (1::BIGINT), (NULL::BIGINT)) t(v)');
    expect(summed.columns.map((column) => column.type)).toEqual(['HUGEINT', 'BIGINT']);
    expect([summed.cell(0, 0), summed.cell(0, 1)]).toEqual(['9007199254740994', '9007199254740993']);
    const withNull = await runWorkspaceQueryOn(engine, 'SELECT NULL::BIGINT AS nothing, 9007199254740993::BIGINT AS big');
    expect([withNull.cell(0, 0), withNull.cell(0, 1)]).toEqual([null, '9007199254740993']);
    const duplicate = await runWorkspaceQueryOn(engine, 'SELECT 9007199254740993::BIGINT AS a, 1 AS a');
    expect(duplicate.columns.map((column) => column.name)).toEqual(['a', 'a']);
    expect(duplicate.cell(0, 0)).toBe(9007199254740992);
    // An error of the statement is placed in the statement, not in the text added around it.
    const error = (await runWorkspaceQueryOn(engine, "SELECT 9007199254740993::BIGINT AS big, 'x'::INTEGER AS bad").catch((reason: unknown) => reason)) as WorkspaceQueryError;
    expect(error).toBeInstanceOf(WorkspaceQueryError);
    expect(error.message).toMatch(/Conversion Error/);
    expect(error.position === null || (error.position >= 0 && error.position < error.sql.length)).toBe(true);
  });
});

describe('a runaway statement and one that runs out of memory, on the real engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  afterAll(async () => {
    await engine.terminate();
  });

  it('a cross join of 10^11 rows stops soon after its signal aborts, and the engine answers the next statement', async () => {
    const controller = new AbortController();
    const started = performance.now();
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort();
    }, 400);
    const error = await runWorkspaceQueryOn(engine, 'SELECT count(*) AS n FROM range(100000000) a, range(1000) b', { signal: controller.signal }).then(
      () => null,
      (reason: unknown) => reason,
    );
    const stoppedAt = performance.now();
    expect(error).toBeInstanceOf(WorkspaceQueryError);
    expect((error as WorkspaceQueryError).kind).toBe('cancelled');
    expect((error as WorkspaceQueryError).message).toMatch(/^Cancelled: /);
    // It ran until the abort (it did not fail at once), and stopped within a second or so of it (slices of ~100 ms).
    expect(abortedAt - started).toBeGreaterThanOrEqual(390);
    expect(stoppedAt - abortedAt).toBeLessThan(2_000);
    const next = await runWorkspaceQueryOn(engine, 'SELECT 6 * 7 AS answer, count(*) AS n FROM range(1000)');
    expect([next.cell(0, 0), next.cell(0, 1)]).toEqual([42, 1000]);
    // Aborted before it starts: nothing runs.
    const early = new AbortController();
    early.abort();
    await expect(runWorkspaceQueryOn(engine, 'SELECT 1', { signal: early.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  }, 60_000);

  it('a statement that needs more memory than the engine has is reported as memory, saying what to do', async () => {
    const small = await createNodeEngine({ memoryLimit: '64MB' });
    try {
      const hungry = "SELECT s, count(*) AS n FROM (SELECT (range * 7919 % 10000000)::VARCHAR || '-padding-padding' AS s FROM range(10000000)) GROUP BY s";
      const error = (await runWorkspaceQueryOn(small, hungry).catch((reason: unknown) => reason)) as WorkspaceQueryError;
      expect(error).toBeInstanceOf(WorkspaceQueryError);
      expect(error.kind).toBe('memory');
      expect(error.message.startsWith(MEMORY_ADVICE)).toBe(true);
      expect(error.message).toMatch(/\(DuckDB: Out of Memory Error: .*\)$/);
      expect(MEMORY_ADVICE).toMatch(/LIMIT/);
      // The engine is still usable, and the same question over fewer values fits.
      const fewer = await runWorkspaceQueryOn(small, hungry.replace('range(10000000)', 'range(1000)'));
      expect(fewer.rowCount).toBe(1000);
    } finally {
      await small.terminate();
    }
  }, 60_000);
});
