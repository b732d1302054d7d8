import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { BUNDLED_FILES } from '../data/bundledFiles';
import { expectPlannable } from '../../test/support/validateSql';
import { buildMarketMonthlyStatement, buildRowCountQuery } from './bundledTables';
import { createBundledTables } from './sqlTestKit';

describe('bundled table statements', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createBundledTables(engine, BUNDLED_FILES);
  });

  it('are planned by DuckDB against the declared columns of the bundled files', async () => {
    await expectPlannable(engine, buildMarketMonthlyStatement());
    await expectPlannable(engine, buildRowCountQuery('published_figures'));
  });

  it('market_monthly keeps a month that has traffic but no sales, and the reverse', async () => {
    await engine.query(`INSERT INTO traffic VALUES (DATE '2014-01-01', 'A', 'RU', 10), (DATE '2014-02-01', 'A', 'RU', 12)`);
    await engine.query(`INSERT INTO sales VALUES (DATE '2014-02-01', 'A', 'RU', 5.5, 2, 1), (DATE '2014-03-01', 'A', 'RU', 7, 3, 1)`);
    await engine.query(buildMarketMonthlyStatement());
    const rows = await engine.query<{ month: string; visitors: number | null; orders: number | null }>(
      'SELECT month, visitors, orders FROM market_monthly',
    );
    expect(rows).toEqual([
      { month: '2014-01-01', visitors: 10, orders: null },
      { month: '2014-02-01', visitors: 12, orders: 2 },
      { month: '2014-03-01', visitors: null, orders: 3 },
    ]);
    const [count] = await engine.query<{ n: number }>(buildRowCountQuery('market_monthly'));
    expect(count!.n).toBe(3);
  });
});
