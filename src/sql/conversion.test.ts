import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildConversionQuery } from './conversion';
import { createSalesTable, isCurrent, SALES, salesSlice } from './sqlTestKit';

describe('buildConversionQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createSalesTable(engine);
  });

  it('conversion: sums over the months where all three measures exist, per pair', async () => {
    const rows = await engine.query<{ first_key: string; second_key: string; months: number; visitor_months: number; orders: number; revenue: number }>(
      buildConversionQuery({
        slice: salesSlice([{ column: 'country', values: ['RU'] }]),
        visitorsColumn: 'visitors',
        ordersColumn: 'orders',
        revenueColumn: 'revenue',
        dimensions: ['marketplace', 'country'],
      }),
      ['RU'],
    );
    const a = SALES.filter((r) => isCurrent(r) && r[1] === 'RU' && r[2] === 'A');
    expect(rows.find((r) => r.first_key === 'A')).toEqual({
      first_key: 'A',
      second_key: 'RU',
      months: a.length,
      visitor_months: a.reduce((s, r) => s + r[3], 0),
      orders: a.reduce((s, r) => s + r[4], 0),
      revenue: a.reduce((s, r) => s + r[5], 0),
    });
    expect(rows.map((r) => r.first_key)).toEqual(['A', 'B', 'C']);
  });

  it('is planned by DuckDB', async () => {
    await expectPlannable(
      engine,
      buildConversionQuery({
        slice: salesSlice(),
        visitorsColumn: 'visitors',
        ordersColumn: 'orders',
        revenueColumn: 'revenue',
        dimensions: ['country', 'marketplace'],
      }),
    );
  });
});
