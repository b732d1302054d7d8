import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildDecodedTableRead } from './arrowSource';

describe('buildDecodedTableRead', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await engine.query(`CREATE TABLE "decoded ""x""" AS SELECT 'a' AS f0, '1' AS f1, 'extra' AS f2`);
  });
  afterAll(() => engine.terminate());

  it('selects exactly the read columns, in order, from a quoted table name', async () => {
    const sql = buildDecodedTableRead('decoded "x"', 2);
    expect(sql).toBe('(SELECT "f0", "f1" FROM "decoded ""x""")');
    await expectPlannable(engine, `SELECT * FROM ${buildDecodedTableRead('decoded "x"', 2)}`);
    expect(await engine.query(`SELECT * FROM ${sql}`)).toEqual([{ f0: 'a', f1: '1' }]);
  });

  it('refuses a table without columns', () => {
    expect(() => buildDecodedTableRead('t', 0)).toThrow(/at least one column/);
  });
});
