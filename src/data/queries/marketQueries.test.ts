import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import type { DatasetModel } from '../model';
import type { ResolvedView } from '../resolveView';
import { fetchCatalog, fetchKpis, fetchRanking, type KpiSummary } from './marketQueries';
import { fetchSeries } from './comparisonQueries';
import { loadBundledIntoNode } from '../../../test/support/loadBundledIntoNode';

// A small market_monthly-shaped fixture; every expectation is recomputed from it in plain JS below.
// [month, marketplace, country, visitors, gmv_usd, orders]; null = no value (as after the traffic/sales outer join).
type Tuple = [string, string, string, number | null, number | null, number | null];
const FIXTURE: Tuple[] = [
  ['2013-01', 'A', 'RU', 100, 1000.5, 10],
  ['2013-02', 'A', 'RU', 110, 1100, 11],
  ['2013-03', 'A', 'RU', 120, 1200, 12],
  ['2013-01', 'B', 'RU', 50, 400, 5],
  ['2013-02', 'B', 'RU', 55, 440, 6],
  ['2013-03', 'B', 'RU', null, 480, 6], // sales without traffic: a month with gmv data, not with visitors
  ['2013-01', 'A', 'MX', 35, 300, 3],
  ['2013-02', 'A', 'MX', 38, 310, 3],
  ['2013-03', 'A', 'MX', 42, 320, 4],
  ['2014-01', 'A', 'RU', 130, 1300, 13],
  ['2014-02', 'A', 'RU', 140, 1400.25, 14],
  ['2014-03', 'A', 'RU', 150, 1500, 15],
  ['2014-01', 'B', 'RU', 60, 500, 6],
  ['2014-02', 'B', 'RU', 65, 520, 7],
  ['2014-03', 'B', 'RU', 70, 560, 7],
  ['2014-01', 'C', 'RU', 20, 90, 2], // C has no row in 2014-02: a gap
  ['2014-03', 'C', 'RU', 25, 110, 2],
  ['2014-01', 'A', 'MX', 40, 330, 4],
  ['2014-02', 'A', 'MX', 45, 350, 4],
  ['2014-03', 'A', 'MX', 50, 370, 5],
  ['2014-01', 'B', 'MX', 90, 700, 9],
  ['2014-02', 'B', 'MX', 90, 700, 9],
  ['2014-03', 'B', 'MX', 90, 700, 9],
  ['2014-01', 'D', 'MX', 300, 2000, 20], // D only in January
];
const ROWS = FIXTURE.map(([month, marketplace, country, visitors, gmv_usd, orders]) => ({
  month,
  marketplace,
  country,
  visitors,
  gmv_usd,
  orders,
}));
type FixtureRow = (typeof ROWS)[number];
type Column = 'visitors' | 'gmv_usd' | 'orders';

const MODEL: DatasetModel = {
  id: 'mini',
  label: 'Mini market (test)',
  table: 'mini market',
  timeColumn: 'month',
  dimensions: [
    { id: 'marketplace', column: 'marketplace', label: 'Marketplace', pluralLabel: 'Marketplaces', display: 'text' },
    { id: 'country', column: 'country', label: 'Country', pluralLabel: 'Countries', display: 'country' },
  ],
  measures: [
    { id: 'visitors', column: 'visitors', label: 'Visitors', unit: 'count', overTime: 'mean', periodLabel: '', description: '' },
    { id: 'gmv', column: 'gmv_usd', label: 'GMV', unit: 'usd', overTime: 'sum', periodLabel: '', description: '' },
    { id: 'orders', column: 'orders', label: 'Orders', unit: 'count', overTime: 'sum', periodLabel: '', description: '' },
  ],
  defaultMeasure: 'visitors',
  provenance: 'synthetic',
  sourceLine: 'test',
};

const view = (overrides: Partial<ResolvedView> = {}): ResolvedView => ({
  datasetId: 'mini',
  measureId: 'visitors',
  from: '2014-01',
  to: '2014-03',
  filters: {},
  ...overrides,
});

// ---- the reference implementation, in plain JS ----
const shift = (month: string, delta: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const measureInfo = (v: ResolvedView) => {
  const m = MODEL.measures.find((measure) => measure.id === v.measureId)!;
  return { column: m.column as Column, mean: m.overTime === 'mean' };
};
function rowsIn(v: ResolvedView, delta = 0): FixtureRow[] {
  const { column } = measureInfo(v);
  return ROWS.filter(
    (r) =>
      r.month >= shift(v.from, delta) &&
      r.month <= shift(v.to, delta) &&
      r[column] !== null &&
      (v.filters.marketplace ?? [r.marketplace]).includes(r.marketplace) &&
      (v.filters.country ?? [r.country]).includes(r.country),
  );
}
function monthlyTotals(rows: FixtureRow[], column: Column): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.month, (totals.get(r.month) ?? 0) + r[column]!);
  return totals;
}
function combine(totals: Map<string, number>, mean: boolean): number | null {
  if (totals.size === 0) return null;
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return mean ? sum / totals.size : sum;
}
// A member's averaged value is its total over the months the whole selection has data (its missing months count
// as zero), so members add up to the selection.
function byKey(rows: FixtureRow[], key: 'marketplace' | 'country', column: Column, mean: boolean) {
  const selectionMonths = monthlyTotals(rows, column).size;
  const groups = new Map<string, FixtureRow[]>();
  for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
  return [...groups].map(([name, group]) => {
    const sum = [...monthlyTotals(group, column).values()].reduce((a, b) => a + b, 0);
    return { name, value: mean ? sum / selectionMonths : sum };
  });
}
function expectedKpis(v: ResolvedView): KpiSummary {
  const { column, mean } = measureInfo(v);
  const current = monthlyTotals(rowsIn(v), column);
  const before = monthlyTotals(rowsIn(v, -12), column);
  const currentValue = combine(current, mean);
  const beforeValue = combine(before, mean);
  const previous = before.size === current.size && beforeValue ? beforeValue : null;
  const leader = byKey(rowsIn(v), 'marketplace', column, mean).sort(
    (a, b) => b.value - a.value || (a.name < b.name ? -1 : 1),
  )[0];
  return {
    current: currentValue,
    previous,
    change: previous !== null && currentValue !== null ? (currentValue - previous) / previous : null,
    leader: leader?.name ?? null,
    leaderValue: leader?.value ?? null,
    leaderShare: leader && currentValue ? leader.value / currentValue : null,
    monthsWithData: current.size,
  };
}

/** The overview trend: the measure as it is, by month, its months, series and how many series there were. */
async function fetchTrend(engine: Engine, model: DatasetModel, v: ResolvedView, by: string, limit: number) {
  const result = await fetchSeries(engine, model, v, { by, limit, grain: 'month', mode: 'absolute', base: v.from });
  return {
    months: result.periods,
    series: result.series.map(({ name, values }) => ({ name, values })),
    seriesTotal: result.seriesTotal,
  };
}

describe('market queries on a hand-made table', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const sql = (value: string | number | null) =>
      value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value}'`;
    const values = ROWS.map(
      (r) => `(DATE '${r.month}-01', ${sql(r.marketplace)}, ${sql(r.country)}, ${sql(r.visitors)}::BIGINT, ` +
        `${sql(r.gmv_usd)}::DOUBLE, ${sql(r.orders)}::BIGINT)`,
    ).join(',\n');
    await engine.query(
      `CREATE TABLE "mini market" AS SELECT * FROM (VALUES ${values}) t(month, marketplace, country, visitors, gmv_usd, orders)`,
    );
  });

  it('catalog: first and last month, row count, members largest first by the default measure', async () => {
    const weight = (key: 'marketplace' | 'country') => {
      const totals = new Map<string, number>();
      for (const r of ROWS) totals.set(r[key], (totals.get(r[key]) ?? 0) + (r.visitors ?? 0));
      return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    };
    const months = ROWS.map((r) => r.month).sort();
    expect(await fetchCatalog(engine, MODEL)).toEqual({
      firstMonth: months[0],
      lastMonth: months.at(-1),
      rowCount: ROWS.length,
      members: { marketplace: weight('marketplace'), country: weight('country') },
    });
  });

  const kpiCases: [string, Partial<ResolvedView>][] = [
    ['all rows, averaged measure', {}],
    ['one country, averaged measure', { filters: { country: ['RU'] } }],
    ['one country, summed measure', { measureId: 'gmv', filters: { country: ['RU'] } }],
    ['two marketplaces, summed measure', { measureId: 'orders', filters: { marketplace: ['A', 'B'] } }],
  ];
  for (const [name, overrides] of kpiCases) {
    it(`kpis (${name}) match the JS recomputation`, async () => {
      const kpis = await fetchKpis(engine, MODEL, view(overrides));
      const expected = expectedKpis(view(overrides));
      expect(expected.previous).not.toBeNull();
      expect(kpis.monthsWithData).toBe(expected.monthsWithData);
      for (const key of ['current', 'previous', 'change', 'leaderValue', 'leaderShare'] as const) {
        expect(kpis[key], key).toBeCloseTo(expected[key]!, 9);
      }
      expect(kpis.leader).toBe(expected.leader);
    });
  }

  it('kpis: no previous value or change when the year before has fewer months with data', async () => {
    // B in RU has visitors in 2 of the 3 months of 2013 (March has sales only); C has no 2013 rows at all.
    const selections: Record<string, string[]>[] = [{ marketplace: ['B'], country: ['RU'] }, { marketplace: ['C'] }];
    for (const filters of selections) {
      const kpis = await fetchKpis(engine, MODEL, view({ filters }));
      expect(kpis).toMatchObject({ previous: null, change: null });
      expect(kpis.current).toBeCloseTo(expectedKpis(view({ filters })).current!, 9);
    }
    // For GMV, B's March 2013 row counts, so the comparison is fair again.
    const gmv = await fetchKpis(engine, MODEL, view({ measureId: 'gmv', filters: { marketplace: ['B'], country: ['RU'] } }));
    expect(gmv.previous).toBe(400 + 440 + 480);
    expect(gmv.change).toBeCloseTo((500 + 520 + 560) / (400 + 440 + 480) - 1, 12);
  });

  it('kpis: an empty selection gives nulls and zero months', async () => {
    expect(await fetchKpis(engine, MODEL, view({ filters: { marketplace: ['D'], country: ['RU'] } }))).toEqual({
      current: null,
      previous: null,
      change: null,
      leader: null,
      leaderValue: null,
      leaderShare: null,
      monthsWithData: 0,
    });
  });

  // D has 300 visitors in January only, B 90 every month: D's January must not be read as its average month.
  it('the leader’s share of an averaged measure is at most 1 and agrees with the ranking', async () => {
    const v = view({ filters: { country: ['MX'] } });
    const kpis = await fetchKpis(engine, MODEL, v);
    const ranking = await fetchRanking(engine, MODEL, v, 'marketplace', 10);
    expect(kpis.leaderShare).toBeLessThanOrEqual(1);
    expect(kpis.leaderShare).toBeCloseTo(ranking.rows.find((row) => row.key === kpis.leader)!.share!, 9);
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

  it('ranking: members by value, shares of the total summing to 1', async () => {
    for (const v of [view({ measureId: 'gmv' }), view({ measureId: 'orders', from: '2013-01', to: '2014-03' })]) {
      const { column, mean } = measureInfo(v);
      const ranking = await fetchRanking(engine, MODEL, v, 'marketplace', 10);
      const expected = byKey(rowsIn(v), 'marketplace', column, mean).sort((a, b) => b.value - a.value);
      const sum = expected.reduce((a, b) => a + b.value, 0);
      expect(ranking.groupTotal).toBe(expected.length);
      expect(ranking.rows.map((r) => r.key)).toEqual(expected.map((e) => e.name));
      ranking.rows.forEach((row, i) => {
        expect(row.value).toBeCloseTo(expected[i]!.value, 9);
        expect(row.share).toBeCloseTo(expected[i]!.value / sum, 12);
      });
      expect(ranking.rows.reduce((a, r) => a + r.share!, 0)).toBeCloseTo(1, 12);
    }
  });

  it('ranking: a limit keeps shares of the whole and the full member count', async () => {
    const v = view({ measureId: 'gmv' });
    const ranking = await fetchRanking(engine, MODEL, v, 'country', 1);
    const expected = byKey(rowsIn(v), 'country', 'gmv_usd', false).sort((a, b) => b.value - a.value);
    const sum = expected.reduce((a, b) => a + b.value, 0);
    expect(ranking.groupTotal).toBe(expected.length);
    expect(ranking.rows).toHaveLength(1);
    expect(ranking.rows[0]!.key).toBe(expected[0]!.name);
    expect(ranking.rows[0]!.share).toBeCloseTo(expected[0]!.value / sum, 12);
    await expect(fetchRanking(engine, MODEL, v, 'channel', 5)).rejects.toThrow(/channel/);
  });
});

describe('market queries on the bundled data', () => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await loadBundledIntoNode());
  });

  it('Russia, H2 2014: AliExpress leads with 15.6 M average monthly visitors', async () => {
    const { MARKET_MODEL } = await import('../marketModel');
    const kpis = await fetchKpis(engine, MARKET_MODEL, {
      datasetId: MARKET_MODEL.id,
      measureId: 'visitors',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
    });
    expect(kpis).toMatchObject({
      leader: 'AliExpress',
      leaderValue: 15_600_000,
      current: 15_600_000 + 3_700_000 + 1_400_000,
      monthsWithData: 6,
    });
    expect(kpis.leaderShare).toBeCloseTo(15.6 / 20.7, 12);
  });
});
