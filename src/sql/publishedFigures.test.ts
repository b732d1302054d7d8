import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { BUNDLED_FILES } from '../data/bundledFiles';
import { expectPlannable } from '../../test/support/validateSql';
import { buildPublishedFiguresQuery } from './publishedFigures';
import { createBundledTables } from './sqlTestKit';

describe('buildPublishedFiguresQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createBundledTables(engine, BUNDLED_FILES);
  });

  it('is planned by DuckDB against the declared columns of published-figures.csv', async () => {
    await expectPlannable(engine, buildPublishedFiguresQuery());
  });

  it('lists figures by period, undated ones last, then by id', async () => {
    await engine.query(`INSERT INTO published_figures (figure_id, subject, metric, value, unit, qualifier, period_start, publication)
      VALUES ('b', 's', 'm', 1, 'u', '', '2014-01', 'p'), ('a', 's', 'm', 2, 'u', '', NULL, 'p'), ('c', 's', 'm', 3, 'u', '', '2013-06', 'p'),
             ('d', 's', 'm', 4, 'u', '', '2014-01', 'p')`);
    const rows = await engine.query<{ figure_id: string }>(buildPublishedFiguresQuery());
    expect(rows.map((row) => row.figure_id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
