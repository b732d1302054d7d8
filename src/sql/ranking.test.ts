import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildRankingQuery } from './ranking';
import { sliceParams } from './slice';
import { AVERAGED_VISITS, createVisitsTable, inRange, SUMMED_VISITS, VISITS, visitsSlice, type VisitsRow } from './sqlTestKit';

describe('buildRankingQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createVisitsTable(engine);
  });

  it('ranking: an averaged measure divides by the selection\'s months, so shares sum to 1', async () => {
    const rows = await engine.query(buildRankingQuery(visitsSlice(), AVERAGED_VISITS, 'country', 10));
    const current = VISITS.filter((r) => inRange(r, '2014-01-01', '2014-02-01'));
    const months = new Set(current.map((r) => r.month)).size;
    const total = (rows: VisitsRow[]) => rows.reduce((sum, r) => sum + r.v, 0);
    // MX has data in February only: its January counts as zero.
    const ru = total(current.filter((r) => r.cc === 'RU')) / months;
    const mx = total(current.filter((r) => r.cc === 'MX')) / months;
    expect(rows.map((r) => r.key)).toEqual(['RU', 'MX']);
    expect(rows[0]!.value).toBeCloseTo(ru, 10);
    expect(rows[1]!.value).toBeCloseTo(mx, 10);
    expect(rows.reduce((total, r) => total + Number(r.share), 0)).toBeCloseTo(1, 10);
  });

  it('filters on hostile values bind as data, as parameters: none of them is in the SQL text', async () => {
    const hostile = visitsSlice({ filters: [{ column: 'marketplace', values: ["C'q", "x') OR 1=1 --", '$1'] }] });
    const sql = buildRankingQuery(hostile, SUMMED_VISITS, 'marketplace', 5);
    expect(sql).not.toContain('OR 1=1');
    expect(sql).not.toContain("C'q");
    const rows = await engine.query(sql, sliceParams(hostile));
    expect(rows.map((r) => r.key)).toEqual(["C'q"]);
  });

  it('an empty filter list allows nothing', async () => {
    const rows = await engine.query(buildRankingQuery(visitsSlice({ filters: [{ column: 'country', values: [] }] }), SUMMED_VISITS, 'country', 5));
    expect(rows).toEqual([]);
  });

  it('rejects a non-integer limit before any SQL is made', () => {
    expect(() => buildRankingQuery(visitsSlice(), SUMMED_VISITS, 'country', 0)).toThrow(/positive integer/);
  });

  it('is planned by DuckDB for both ways of combining over time', async () => {
    // EXPLAIN cannot bind parameters: a filter that allows nothing exercises the filter path without any.
    const filtered = visitsSlice({ filters: [{ column: 'country', values: [] }] });
    await expectPlannable(engine, buildRankingQuery(filtered, SUMMED_VISITS, 'marketplace', 5));
    await expectPlannable(engine, buildRankingQuery(visitsSlice(), AVERAGED_VISITS, 'country', 1000));
  });
});
