import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { assertPositiveInteger, buildWhere, sliceParams } from './slice';
import { createVisitsTable, VISITS, visitsSlice } from './sqlTestKit';

describe('buildWhere', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createVisitsTable(engine);
  });

  it('numbers the filter values as parameters, in the order sliceParams binds them', async () => {
    const slice = visitsSlice({ filters: [{ column: 'country', values: ['RU'] }, { column: 'marketplace', values: ['A', "C'q"] }] });
    const where = buildWhere(slice);
    expect(where).toContain('"country" IN ($1)');
    expect(where).toContain('"marketplace" IN ($2, $3)');
    expect(sliceParams(slice)).toEqual(['RU', 'A', "C'q"]);
    const rows = await engine.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "fixture table" WHERE ${where}`, sliceParams(slice));
    const expected = VISITS.filter((r) => r.month >= '2014-01-01' && r.cc === 'RU' && (r.mp === 'A' || r.mp === "C'q"));
    expect(rows[0]!.n).toBe(expected.length);
  });

  it('is planned by DuckDB over another range, and with a filter that allows nothing', async () => {
    const slice = visitsSlice({ filters: [{ column: 'country', values: [] }] });
    await expectPlannable(engine, `SELECT * FROM "fixture table" WHERE ${buildWhere(slice, { from: '2013-01-01', to: '2013-12-01' })}`);
  });
});

describe('assertPositiveInteger', () => {
  it('lets positive integers through and names what it refuses', () => {
    expect(() => assertPositiveInteger(3, 'limit')).not.toThrow();
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => assertPositiveInteger(bad, 'limit')).toThrow(/limit must be a positive integer/);
  });
});
