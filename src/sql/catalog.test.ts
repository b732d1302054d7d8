import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildDimensionMembersQuery, buildTimeExtentQuery } from './catalog';
import { createVisitsTable, VISITS } from './sqlTestKit';

describe('catalog queries', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createVisitsTable(engine);
  });

  it('dimension members and time extent', async () => {
    const members = await engine.query(buildDimensionMembersQuery('fixture table', 'marketplace', 'visits'));
    expect(members.map((m) => m.value)).toEqual(['A', 'B', "C'q"]);
    const [extent] = await engine.query(buildTimeExtentQuery('fixture table', 'month'));
    expect(extent).toEqual({ first_month: '2013-01-01', last_month: '2014-02-01', row_count: VISITS.length });
  });

  it('are planned by DuckDB', async () => {
    await expectPlannable(engine, buildDimensionMembersQuery('fixture table', 'country', 'visits'));
    await expectPlannable(engine, buildTimeExtentQuery('fixture table', 'month'));
  });
});
