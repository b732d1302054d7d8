import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { buildWorkspaceExplain, duckdbErrorPosition, EXPLAIN_PREFIX, planOperators, workspacePlanRefusal, workspaceTokenRefusal } from './workspaceGuard';

// The guard's pieces on DuckDB's own output: its tokens, its plans and its error messages. (The whole guard on a
// hostile list runs in src/data/sqlWorkspace/runWorkspaceQuery.test.ts.)

describe('the SQL workspace guard on the real engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await engine.query("CREATE TABLE app_table AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(id, name)");
  });

  /** DuckDB's message for `sql`, run as the workspace runs it (after `prefix`). */
  async function errorOf(sql: string, prefix = ''): Promise<string> {
    const error = await engine.query(prefix + sql).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error, sql).toBeInstanceOf(Error);
    let cause: unknown = error;
    while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
    return (cause as Error).message;
  }

  it("marks where DuckDB's error points, in short and long lines, after unicode, and behind the EXPLAIN prefix", async () => {
    const cases: { sql: string; at: string }[] = [
      { sql: 'SELECT nope FROM app_table', at: 'nope' },
      { sql: 'SELECT id,\n       name,\n       missing_column\nFROM app_table', at: 'missing_column' },
      { sql: "SELECT 'Zürich · 東京 · 🇧🇷' AS place, wrong_name FROM app_table", at: 'wrong_name' },
      { sql: "SELECT '👩🏽‍💻 e\u0301 한 😀 ｱ €\tx' AS a, '名前' AS b, bad_one FROM app_table", at: 'bad_one' },
      { sql: `SELECT '${'東京🇧🇷'.repeat(30)}' AS long_text, far_bad FROM app_table`, at: 'far_bad' },
      { sql: `SELECT ${Array.from({ length: 40 }, (_, index) => `id AS alias_${index}`).join(', ')}, far_away FROM app_table`, at: 'far_away' },
      { sql: 'SELECT id FROM app_table WHERE name = 1 AND ghost > 2', at: 'ghost' },
      { sql: 'SELECT id FROM no_such_table', at: 'no_such_table' },
      { sql: 'SELECT id FROM app_table WHERE', at: '' },
      { sql: 'SELECT id FROM app_table WHERE id = = 1', at: '= 1' },
    ];
    for (const { sql, at } of cases) {
      for (const prefix of ['', EXPLAIN_PREFIX]) {
        const message = await errorOf(sql, prefix);
        const position = duckdbErrorPosition(sql, message, prefix);
        expect(position, `${prefix}${sql}\n${message}`).not.toBeNull();
        if (at === '') expect(position, sql).toBe(sql.length);
        else expect(sql.slice(position!, position! + at.length), `${prefix}${sql}\n${message}`).toBe(at);
      }
    }
    // No position in the message: none marked.
    expect(duckdbErrorPosition('SELECT 1', 'Conversion Error: Could not convert string')).toBeNull();
  });

  it('reads the operators of a plan and refuses any that writes', async () => {
    const plan = async (sql: string) => (await engine.query<{ explain_value: string }>(buildWorkspaceExplain(sql))).map((row) => String(row.explain_value)).join('\n');
    const read = await plan('SELECT name, count(*) AS n FROM app_table GROUP BY name ORDER BY n');
    expect(planOperators(read)).toEqual(expect.arrayContaining(['ORDER_BY', 'PERFECT_HASH_GROUP_BY', 'SEQ_SCAN']));
    expect(workspacePlanRefusal(read)).toBeNull();
    expect(workspacePlanRefusal(await plan("INSERT INTO app_table VALUES (3, 'c')"))).toMatch(/^this statement would INSERT/);
    expect(workspacePlanRefusal(await plan('CREATE TABLE other AS SELECT 1'))).toMatch(/would CREATE/);
    expect(workspacePlanRefusal('')).toMatch(/no plan/);
    expect(await engine.query('SELECT count(*) AS n FROM app_table')).toEqual([{ n: 2 }]);
  });

  it("decides by DuckDB's tokens: words in strings, names and comments are text, one statement only", async () => {
    const refusal = async (sql: string) => workspaceTokenRefusal(sql, await engine.tokenize(sql));
    expect(await refusal("SELECT 'DROP TABLE app_table; DELETE' AS \"INSERT\" -- UPDATE\nFROM app_table")).toBeNull();
    expect(await refusal('/* DROP */ WITH t AS (SELECT 1) SELECT * FROM t;')).toBeNull();
    expect(await refusal('(SELECT 1) UNION ALL (SELECT 2)')).toBeNull();
    expect(await refusal('SELECT 1; SELECT 2')).toMatch(/one statement/);
    expect(await refusal('SELECT 1;;')).toBeNull();
    expect(await refusal('UPDATE app_table SET id = 1')).toMatch(/^UPDATE statements cannot run here/);
    expect(await refusal('EXPLAIN ANALYZE SELECT 1')).toMatch(/EXPLAIN ANALYZE runs the statement/);
    expect(await refusal("SELECT * FROM read_csv ('x.csv')")).toMatch(/read_csv\(\) is not available/);
    expect(await refusal("SELECT * FROM app_table, 'x.parquet'")).toMatch(/file cannot be read by name/);
    expect(await refusal('-- only a comment')).toMatch(/no statement/);
  });
});
