import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildSubCubeStatement } from './subCube';
import { createSalesTable, SALES } from './sqlTestKit';

describe('buildSubCubeStatement', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createSalesTable(engine);
  });

  const byCountry = { table: 'f__by_country', source: 'f', timeColumn: 'month', columns: ['country'], measureColumns: ['visitors', 'orders'] };

  it('is planned by DuckDB', async () => {
    await expectPlannable(engine, buildSubCubeStatement(byCountry));
    await expectPlannable(engine, buildSubCubeStatement({ ...byCountry, table: 'f__by_total', columns: [] }));
  });

  it('sums the measures per month and kept dimension', async () => {
    await engine.query(buildSubCubeStatement(byCountry));
    const rows = await engine.query<{ month: string; country: string; visitors: number; orders: number }>(
      `SELECT month, country, visitors, orders FROM f__by_country WHERE month = DATE '2014-02-01' AND country = 'RU'`,
    );
    const ru = SALES.filter((r) => r[0] === '2014-02-01' && r[1] === 'RU');
    expect(rows).toEqual([
      { month: '2014-02-01', country: 'RU', visitors: ru.reduce((s, r) => s + r[3], 0), orders: ru.reduce((s, r) => s + r[4], 0) },
    ]);
  });
});
