import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildKpiQuery } from './kpis';
import { sliceParams } from './slice';
import { AVERAGED_VISITS, createVisitsTable, inRange, SUMMED_VISITS, VISITS, visitsSlice, type VisitsRow } from './sqlTestKit';

function monthlyTotals(rows: VisitsRow[]) {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.month, (totals.get(row.month) ?? 0) + row.v);
  return [...totals.values()];
}
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const YEAR_BEFORE = { from: '2013-01-01', to: '2013-02-01' };

describe('buildKpiQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createVisitsTable(engine);
  });

  it('kpi: period vs the year before, and the leader', async () => {
    const filtered = visitsSlice({ filters: [{ column: 'country', values: ['RU'] }] });
    const [row] = await engine.query(buildKpiQuery(filtered, AVERAGED_VISITS, 'marketplace', YEAR_BEFORE), sliceParams(filtered));
    const ru = VISITS.filter((r) => r.cc === 'RU');
    const current = ru.filter((r) => inRange(r, '2014-01-01', '2014-02-01'));
    const previous = ru.filter((r) => inRange(r, '2013-01-01', '2013-02-01'));
    expect(row).toEqual({
      current: average(monthlyTotals(current)),
      current_months: 2,
      previous: average(monthlyTotals(previous)),
      previous_months: 2,
      leader: 'A',
      leader_value: average(monthlyTotals(current.filter((r) => r.mp === 'A'))),
    });
  });

  it('kpi: an empty slice gives nulls, not zeros', async () => {
    const empty = visitsSlice({ filters: [{ column: 'country', values: ['ZZ'] }] });
    const [row] = await engine.query(buildKpiQuery(empty, SUMMED_VISITS, 'marketplace', YEAR_BEFORE), sliceParams(empty));
    expect(row).toMatchObject({ current: null, current_months: 0, leader: null });
  });

  it('is planned by DuckDB for both ways of combining over time', async () => {
    await expectPlannable(engine, buildKpiQuery(visitsSlice(), SUMMED_VISITS, 'country', YEAR_BEFORE));
    await expectPlannable(engine, buildKpiQuery(visitsSlice(), AVERAGED_VISITS, 'marketplace', YEAR_BEFORE));
  });
});
