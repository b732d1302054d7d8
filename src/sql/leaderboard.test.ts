import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildLeaderboardQuery } from './leaderboard';
import { createSalesTable, ORDERS, salesSlice, VISITORS } from './sqlTestKit';

describe('buildLeaderboardQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createSalesTable(engine);
  });

  it('leaderboard: ranks within each group, rank a year earlier, shares and sparklines', async () => {
    const rows = await engine.query<{
      group_key: string;
      member: string;
      value: number;
      share: number;
      rank: number;
      previous_rank: number | null;
      spark: (number | null)[];
    }>(
      buildLeaderboardQuery({
        slice: salesSlice(),
        measure: VISITORS,
        groupColumn: 'country',
        rankColumn: 'marketplace',
        previousRange: { from: '2013-01-01', to: '2013-02-01' },
        sparkGrain: 'month',
      }),
    );
    const ru = rows.filter((r) => r.group_key === 'RU');
    // Visitors in Russia, 2014 (two months): A (100+120)/2 = 110, B 40/2 = 20, C 30/2 = 15.
    expect(ru.map((r) => [r.member, r.rank, r.value])).toEqual([
      ['A', 1, 110],
      ['B', 2, 20],
      ['C', 3, 15],
    ]);
    // In 2013 (two months): A (50+60)/2 = 55, B 80/2 = 40, so A was first and B second; C was absent.
    expect(ru.map((r) => r.previous_rank)).toEqual([1, 2, null]);
    expect(ru.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
    expect(ru.find((r) => r.member === 'B')!.spark).toEqual([40, null]);
    expect(ru.find((r) => r.member === 'A')!.spark).toEqual([100, 120]);
  });

  it('is planned by DuckDB at every spark grain', async () => {
    for (const sparkGrain of ['month', 'quarter', 'year'] as const) {
      await expectPlannable(
        engine,
        buildLeaderboardQuery({
          slice: salesSlice([{ column: 'marketplace', values: [] }]),
          measure: ORDERS,
          groupColumn: 'country',
          rankColumn: 'marketplace',
          previousRange: { from: '2013-01-01', to: '2013-02-01' },
          sparkGrain,
        }),
      );
    }
  });
});
