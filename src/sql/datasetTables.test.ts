import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildDatasetTablesQuery, datasetTablePrefix } from './datasetTables';
import { buildDropTableStatement } from './ingest';
import { quoteIdentifier } from './literals';

describe('dataset table statements', () => {
  it('list by the `<id>__` prefix, the id as a quoted literal', () => {
    expect(datasetTablePrefix('u_shops_k3f9')).toBe('u_shops_k3f9__');
    expect(buildDatasetTablesQuery('u_shops_k3f9')).toBe(
      "SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, 'u_shops_k3f9__') ORDER BY name",
    );
    expect(buildDatasetTablesQuery("u_it's")).toContain("starts_with(table_name, 'u_it''s__')");
    expect(() => buildDatasetTablesQuery('')).toThrow(/empty dataset id/);
    expect(() => buildDatasetTablesQuery('u_a\0')).toThrow(/NUL/);
  });

  describe('on DuckDB', () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await createNodeEngine();
      for (const table of ['u_a__cube', 'u_a__rows', 'u_ab__cube', 'u_a_b__cube', 'uxa__cube', "u_it's__cube"]) {
        await engine.query(`CREATE TABLE ${quoteIdentifier(table)} (x INTEGER)`);
      }
    });

    it('are planned', async () => {
      await expectPlannable(engine, buildDatasetTablesQuery('u_a'));
      await expectPlannable(engine, buildDropTableStatement('u_a__cube'));
    });

    it("find exactly one dataset's tables (an `_` in an id is no wildcard), and drop them", async () => {
      const names = async (id: string) => (await engine.query<{ name: string }>(buildDatasetTablesQuery(id))).map((row) => row.name);
      expect(await names('u_a')).toEqual(['u_a__cube', 'u_a__rows']);
      expect(await names("u_it's")).toEqual(["u_it's__cube"]);
      expect(await names('u_none')).toEqual([]);
      for (const name of await names('u_a')) await engine.query(buildDropTableStatement(name));
      expect(await names('u_a')).toEqual([]);
      expect(await names('u_ab')).toEqual(['u_ab__cube']);
      expect(await names('u_a_b')).toEqual(['u_a_b__cube']);
    });
  });
});
