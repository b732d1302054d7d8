import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { BUNDLED_FILES } from '../data/bundledFiles';
import { expectPlannable } from '../../test/support/validateSql';
import { buildMarketMonthlyStatement, buildRowCountQuery } from './bundledTables';
import { buildRegionCodesCheckQuery, buildWithRegionsStatement, UNKNOWN_GROUP, UNKNOWN_REGION, UNKNOWN_SUBREGION } from './regions';
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
    await expectPlannable(engine, buildRegionCodesCheckQuery('regions'));
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

  it('market_monthly rolls each country up to its M49 region and each marketplace to its group, losing no row', async () => {
    await engine.query('DELETE FROM traffic');
    await engine.query('DELETE FROM sales');
    await engine.query(`INSERT INTO regions VALUES ('RU', '643', 'Europe', 'Eastern Europe'), ('MX', '484', 'Americas', 'Latin America and the Caribbean')`);
    await engine.query(`INSERT INTO marketplaces VALUES ('A', 'Group A', 'CN', 2010), ('B', 'Group A', 'US', 1999)`);
    // RU and MX are in the regions table, TW is not (as in M49); marketplace C is not in marketplaces.
    await engine.query(
      `INSERT INTO traffic VALUES (DATE '2014-01-01', 'A', 'RU', 10), (DATE '2014-01-01', 'B', 'MX', 20), (DATE '2014-01-01', 'C', 'TW', 30)`,
    );
    await engine.query(`INSERT INTO sales VALUES (DATE '2014-01-01', 'A', 'RU', 1.5, 1, 1), (DATE '2014-02-01', 'B', 'TW', 2.5, 2, 1)`);
    await engine.query(buildMarketMonthlyStatement());
    const rows = await engine.query<Record<string, unknown>>(
      'SELECT month, marketplace, country, region, subregion, "group", visitors, orders FROM market_monthly',
    );
    expect(rows).toEqual([
      { month: '2014-01-01', marketplace: 'A', country: 'RU', region: 'Europe', subregion: 'Eastern Europe', group: 'Group A', visitors: 10, orders: 1 },
      { month: '2014-01-01', marketplace: 'B', country: 'MX', region: 'Americas', subregion: 'Latin America and the Caribbean', group: 'Group A', visitors: 20, orders: null },
      { month: '2014-01-01', marketplace: 'C', country: 'TW', region: UNKNOWN_REGION, subregion: UNKNOWN_SUBREGION, group: UNKNOWN_GROUP, visitors: 30, orders: null },
      { month: '2014-02-01', marketplace: 'B', country: 'TW', region: UNKNOWN_REGION, subregion: UNKNOWN_SUBREGION, group: 'Group A', visitors: null, orders: 2 },
    ]);
    // Rows add up: one per key of the traffic ⟗ sales join, and the regions' totals are the countries'.
    const [keys] = await engine.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT month, marketplace, country FROM traffic UNION SELECT month, marketplace, country FROM sales)',
    );
    const [count] = await engine.query<{ n: number }>(buildRowCountQuery('market_monthly'));
    expect(count!.n).toBe(keys!.n);
    const [codes] = await engine.query<{ n: number; distinct_codes: number }>(buildRegionCodesCheckQuery('regions'));
    expect(codes).toEqual({ n: 2, distinct_codes: 2 });
  });

  it('adds region and sub-region columns to any table with country codes, keeping its rows and sums', async () => {
    await engine.query(
      `CREATE TABLE cube AS SELECT * FROM (VALUES (DATE '2014-01-01', 'RU', 'MX', 3), (DATE '2014-01-01', 'XK', 'RU', 4), (DATE '2014-02-01', 'MX', NULL, 5)) t(month, c1, "c 2", __rows)`,
    );
    const spec = {
      table: 'cube_with_regions',
      source: 'cube',
      regionsTable: 'regions',
      columns: [
        { country: 'c1', region: 'c1__region', subregion: 'c1__subregion' },
        { country: 'c 2', region: 'c 2__region', subregion: 'c 2__subregion' },
      ],
    };
    await expectPlannable(engine, buildWithRegionsStatement(spec));
    await engine.query(buildWithRegionsStatement(spec));
    const rows = await engine.query<Record<string, unknown>>('SELECT * FROM cube_with_regions ORDER BY __rows');
    expect(rows).toEqual([
      { month: '2014-01-01', c1: 'RU', 'c 2': 'MX', __rows: 3, c1__region: 'Europe', c1__subregion: 'Eastern Europe', 'c 2__region': 'Americas', 'c 2__subregion': 'Latin America and the Caribbean' },
      { month: '2014-01-01', c1: 'XK', 'c 2': 'RU', __rows: 4, c1__region: UNKNOWN_REGION, c1__subregion: UNKNOWN_SUBREGION, 'c 2__region': 'Europe', 'c 2__subregion': 'Eastern Europe' },
      // A null country (an empty cell) has no region either: it is in the unknown one, not lost.
      { month: '2014-02-01', c1: 'MX', 'c 2': null, __rows: 5, c1__region: 'Americas', c1__subregion: 'Latin America and the Caribbean', 'c 2__region': UNKNOWN_REGION, 'c 2__subregion': UNKNOWN_SUBREGION },
    ]);
    expect(() => buildWithRegionsStatement({ table: 't', source: 's', regionsTable: 'regions', columns: [] })).toThrow(/no country column/);
  });
});
