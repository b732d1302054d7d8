import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { expectPlannable } from '../../../test/support/validateSql';
import { buildWorkspaceExplain } from '../../sql/workspaceGuard';
import { runWorkspaceQueryOn, WorkspaceQueryError } from './runWorkspaceQuery';

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
