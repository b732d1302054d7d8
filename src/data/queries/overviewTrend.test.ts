import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MODEL, byKey, createMiniMarket, fetchTrend, rowsIn, view } from './miniMarketTestKit';

describe('the overview trend (fetchSeries) on a hand-made table', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createMiniMarket(engine);
  });

  it('trend: one series per member, months in order, gaps as null (not 0), largest first', async () => {
    const v = view({ filters: { country: ['RU'] } });
    const trend = await fetchTrend(engine, MODEL, v, 'marketplace', 10);
    const rows = rowsIn(v);
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const names = [...new Set(rows.map((r) => r.marketplace))];
    const series = names.map((name) => ({
      name,
      values: months.map((month) => {
        const cell = rows.filter((r) => r.marketplace === name && r.month === month);
        return cell.length === 0 ? null : cell.reduce((sum, r) => sum + r.visitors!, 0);
      }),
    }));
    const total = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
    series.sort((a, b) => total(b.values) - total(a.values));
    expect(trend).toEqual({ months, series, seriesTotal: names.length });
    expect(trend.series.find((s) => s.name === 'C')?.values[months.indexOf('2014-02')]).toBeNull();
  });

  it('trend: a series limit keeps the largest series and still reports how many there were', async () => {
    const v = view({ measureId: 'gmv' });
    const trend = await fetchTrend(engine, MODEL, v, 'country', 1);
    const ranked = byKey(rowsIn(v), 'country', 'gmv_usd', false).sort((a, b) => b.value - a.value);
    expect(trend.series.map((s) => s.name)).toEqual([ranked[0]!.name]);
    expect(trend.seriesTotal).toBe(ranked.length);
    await expect(fetchTrend(engine, MODEL, v, 'channel', 5)).rejects.toThrow(/channel/);
  });
});
