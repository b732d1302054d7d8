import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildBreakdownQuery } from './breakdown';
import { buildExplainQuery } from './explain';
import { buildKpiQuery } from './kpis';
import { buildLeaderboardQuery } from './leaderboard';
import { INTERNET_USERS_TABLE, buildReachCoverageQuery, type ReachCoverageRow } from './perInternetUser';
import { buildRankingQuery } from './ranking';
import { buildSeriesQuery } from './series';
import { buildShareShiftQuery } from './shareShift';
import { sliceParams, type MeasureSpec, type SliceSpec } from './slice';

/**
 * Measures per internet user on hand-written data, each expectation recomputed below in plain JS from the rows:
 * RU has reference data for 2013 and 2014, BR for 2014 only, XX for no year, and 2015 has none at all.
 */
const REFERENCE: Record<string, Record<number, number | null>> = {
  RU: { 2013: 100, 2014: 200, 2015: null },
  BR: { 2013: null, 2014: 50 },
};
const REGION: Record<string, string> = { RU: 'Europe', BR: 'Americas', XX: 'Americas' };
const ROWS = [
  ['2013-11-01', 'A', 'RU', 10],
  ['2013-11-01', 'B', 'RU', 5],
  ['2013-11-01', 'A', 'BR', 7],
  ['2013-11-01', 'A', 'XX', 3],
  ['2013-12-01', 'A', 'RU', 20],
  ['2013-12-01', 'A', 'BR', 9],
  ['2014-01-01', 'A', 'RU', 40],
  ['2014-01-01', 'B', 'RU', 10],
  ['2014-01-01', 'A', 'BR', 5],
  ['2014-01-01', 'A', 'XX', 4],
  ['2014-02-01', 'A', 'RU', 60],
  ['2014-02-01', 'B', 'BR', 15],
  ['2015-01-01', 'A', 'RU', 30],
  ['2015-01-01', 'A', 'BR', 2],
] as const;
type Row = (typeof ROWS)[number];

const perInternetUser = { countryColumn: 'country', geoColumns: ['country', 'region'], scale: 100, referenceTable: INTERNET_USERS_TABLE };
const REACH: MeasureSpec = { column: 'visitors', overTime: 'mean', perInternetUser };
const PER_USER_SUM: MeasureSpec = { column: 'visitors', overTime: 'sum', perInternetUser: { ...perInternetUser, scale: 1 } };

const slice = (from: string, to: string, filters: SliceSpec['filters'] = []): SliceSpec => ({
  table: 'reach fixture',
  timeColumn: 'month',
  range: { from, to },
  filters,
});

// ---- the independent calculation -------------------------------------------------------------------------------
const internetUsers = (country: string, month: string) => REFERENCE[country]?.[Number(month.slice(0, 4))] ?? null;
interface Selection {
  from: string;
  to: string;
  countries?: string[];
  marketplaces?: string[];
  groupBy?: 'marketplace' | 'country' | 'region';
  scale?: number;
}
const groupOf = (row: Row, by: Selection['groupBy']) =>
  by === 'marketplace' ? row[1] : by === 'country' ? row[2] : by === 'region' ? REGION[row[2]]! : 'total';

/** Group → month → value: the group's visitors in countries with reference data over its area's internet users. */
function monthlyValues(sel: Selection): Map<string, Map<string, number>> {
  const inSlice = (row: Row) => row[0] >= sel.from && row[0] <= sel.to && (!sel.countries || sel.countries.includes(row[2]));
  const geographic = sel.groupBy === 'country' || sel.groupBy === 'region';
  const result = new Map<string, Map<string, number>>();
  for (const row of ROWS.filter(inSlice)) {
    if (sel.marketplaces && !sel.marketplaces.includes(row[1])) continue;
    if (internetUsers(row[2], row[0]) === null) continue;
    const group = groupOf(row, sel.groupBy);
    // The denominator: countries with rows that month (any marketplace), in the group's area when it is geographic.
    const countries = new Set(ROWS.filter((r) => inSlice(r) && r[0] === row[0] && (!geographic || groupOf(r, sel.groupBy) === group)).map((r) => r[2]));
    const denominator = [...countries].reduce((sum, c) => sum + (internetUsers(c, row[0]) ?? 0), 0);
    const months = result.get(group) ?? new Map<string, number>();
    months.set(row[0], (months.get(row[0]) ?? 0) + (row[3] * (sel.scale ?? 100)) / denominator);
    result.set(group, months);
  }
  return result;
}

/** Each group's value over the period: summed, or averaged over the months in which the selection has a value. */
function periodValues(sel: Selection, overTime: 'sum' | 'mean'): Map<string, number> {
  const monthly = monthlyValues(sel);
  const months = new Set([...monthly.values()].flatMap((m) => [...m.keys()])).size;
  return new Map([...monthly].map(([group, values]) => {
    const total = [...values.values()].reduce((a, b) => a + b, 0);
    return [group, overTime === 'sum' ? total : total / months];
  }));
}

describe('measures per internet user', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    const values = ROWS.map(([month, mp, cc, v]) => `(DATE '${month}', '${mp}', '${cc}', '${REGION[cc]}', ${v})`).join(', ');
    await engine.query(`CREATE TABLE "reach fixture" AS SELECT * FROM (VALUES ${values}) t(month, marketplace, country, region, visitors)`);
    const reference = Object.entries(REFERENCE).flatMap(([cc, years]) => Object.entries(years).map(([year, users]) => `('${cc}', ${year}, ${users ?? 'NULL'})`));
    await engine.query(`CREATE TABLE internet_users AS SELECT * FROM (VALUES ${reference.join(', ')}) t(country, year, internet_users)`);
  });

  const kpi = async (s: SliceSpec, measure = REACH) => {
    const [row] = await engine.query<{ current: number | null; current_months: number; leader: string | null }>(
      buildKpiQuery(s, measure, 'marketplace', { from: '2012-01-01', to: '2012-12-01' }),
      sliceParams(s),
    );
    return row!;
  };

  it('over a partial year on each side, averages the monthly reach over the months that have one', async () => {
    const row = await kpi(slice('2013-11-01', '2014-02-01'));
    const expected = periodValues({ from: '2013-11-01', to: '2014-02-01' }, 'mean').get('total')!;
    // 2013: RU only (BR has no 2013 data, XX none); 2014: RU and BR. (15 + 20 + 22 + 30) / 4.
    expect(expected).toBeCloseTo(21.75, 10);
    expect(row.current).toBeCloseTo(expected, 10);
    expect(row.current_months).toBe(4);
  });

  it('a month without any reference data is a gap, left out of the average', async () => {
    const row = await kpi(slice('2014-01-01', '2015-01-01'));
    expect(row.current).toBeCloseTo(periodValues({ from: '2014-01-01', to: '2015-01-01' }, 'mean').get('total')!, 10);
    expect(row.current_months).toBe(2);
    const series = await engine.query<{ period: string; value: number }>(
      buildSeriesQuery({ slice: slice('2014-01-01', '2015-01-01'), measure: REACH, seriesColumn: 'marketplace', seriesLimit: 5, includeOther: true, grain: 'month', mode: 'absolute' }),
    );
    expect(new Set(series.map((r) => String(r.period).slice(0, 10)))).toEqual(new Set(['2014-01-01', '2014-02-01']));
  });

  it('several countries, one without reference data for the year: left out of numerator and denominator', async () => {
    const s = slice('2013-11-01', '2013-12-01', [{ column: 'country', values: ['RU', 'BR'] }]);
    const row = await kpi(s);
    const expected = periodValues({ from: '2013-11-01', to: '2013-12-01', countries: ['RU', 'BR'] }, 'mean').get('total')!;
    expect(expected).toBeCloseTo((15 + 20) / 2, 10);
    expect(row.current).toBeCloseTo(expected, 10);
  });

  it('a country without any reference data has no value; with one that has, only that one counts', async () => {
    expect((await kpi(slice('2013-11-01', '2014-02-01', [{ column: 'country', values: ['XX'] }]))).current).toBeNull();
    const s = slice('2013-11-01', '2014-02-01', [{ column: 'country', values: ['BR', 'XX'] }]);
    const expected = periodValues({ from: '2013-11-01', to: '2014-02-01', countries: ['BR', 'XX'] }, 'mean').get('total')!;
    expect((await kpi(s)).current).toBeCloseTo(expected, 10);
  });

  it('ranks countries and regions by their own internet users, marketplaces by the selection\'s (they add up)', async () => {
    for (const groupBy of ['country', 'region', 'marketplace'] as const) {
      const rows = await engine.query<{ key: string; value: number }>(buildRankingQuery(slice('2013-11-01', '2014-02-01'), REACH, groupBy, 10));
      const expected = periodValues({ from: '2013-11-01', to: '2014-02-01', groupBy }, 'mean');
      expect(rows.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
      for (const row of rows) expect(row.value, `${groupBy} ${row.key}`).toBeCloseTo(expected.get(row.key)!, 10);
    }
    const byMarketplace = periodValues({ from: '2013-11-01', to: '2014-02-01', groupBy: 'marketplace' }, 'mean');
    const total = periodValues({ from: '2013-11-01', to: '2014-02-01' }, 'mean').get('total')!;
    expect([...byMarketplace.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(total, 10);
  });

  it('a marketplace filter keeps the selected countries\' internet users as the denominator', async () => {
    const s = slice('2014-01-01', '2014-02-01', [{ column: 'marketplace', values: ['B'] }]);
    const expected = periodValues({ from: '2014-01-01', to: '2014-02-01', marketplaces: ['B'] }, 'mean').get('total')!;
    // January: 10 / (200 + 50) × 100; February: 15 / 250 × 100.
    expect(expected).toBeCloseTo((4 + 6) / 2, 10);
    expect((await kpi(s)).current).toBeCloseTo(expected, 10);
  });

  it('a summed measure per internet user adds up the months', async () => {
    const s = slice('2013-11-01', '2014-02-01');
    const expected = periodValues({ from: '2013-11-01', to: '2014-02-01', scale: 1 }, 'sum').get('total')!;
    expect((await kpi(s, PER_USER_SUM)).current).toBeCloseTo(expected, 10);
  });

  it('leaderboard and matrix cells by country use the country\'s own internet users', async () => {
    const s = slice('2014-01-01', '2014-02-01');
    const cells = await engine.query<{ row_key: string; column_key: string; value: number }>(
      buildBreakdownQuery({ slice: s, measure: REACH, rowColumn: 'marketplace', columnColumn: 'country', rowLimit: 10, columnLimit: 10 }),
    );
    const monthsWithData = 2;
    const ruA = (40 / 200 + 60 / 200) * 100 / monthsWithData;
    expect(cells.find((c) => c.row_key === 'A' && c.column_key === 'RU')!.value).toBeCloseTo(ruA, 10);
    const board = await engine.query<{ group_key: string; member: string; value: number }>(
      buildLeaderboardQuery({ slice: s, measure: REACH, groupColumn: 'country', rankColumn: 'marketplace', previousRange: { from: '2013-01-01', to: '2013-02-01' }, sparkGrain: 'month' }),
    );
    expect(board.find((r) => r.group_key === 'RU' && r.member === 'A')!.value).toBeCloseTo(ruA, 10);
  });

  it('no "Other" bucket sums the ratios of countries; marketplaces keep theirs, which adds up', async () => {
    const s = slice('2014-01-01', '2014-02-01');
    const byCountry = await engine.query<{ series: string | null; is_other: boolean }>(
      buildSeriesQuery({ slice: s, measure: REACH, seriesColumn: 'country', seriesLimit: 1, includeOther: true, grain: 'month', mode: 'absolute' }),
    );
    expect(byCountry.some((row) => row.is_other)).toBe(false);
    const byMarketplace = await engine.query<{ period: string; is_other: boolean; value: number }>(
      buildSeriesQuery({ slice: s, measure: REACH, seriesColumn: 'marketplace', seriesLimit: 1, includeOther: true, grain: 'month', mode: 'absolute' }),
    );
    const monthly = monthlyValues({ from: '2014-01-01', to: '2014-02-01' }).get('total')!;
    for (const [month, total] of monthly) {
      const sum = byMarketplace.filter((row) => String(row.period).startsWith(month)).reduce((a, row) => a + row.value, 0);
      expect(sum, month).toBeCloseTo(total, 10);
    }
    expect(byMarketplace.some((row) => row.is_other)).toBe(true);
    const cells = await engine.query<{ row_key: string | null; column_key: string | null }>(
      buildBreakdownQuery({ slice: s, measure: REACH, rowColumn: 'marketplace', columnColumn: 'country', rowLimit: 1, columnLimit: 1 }),
    );
    expect(cells.some((cell) => cell.column_key === null)).toBe(false);
    expect(cells.some((cell) => cell.row_key === null)).toBe(true);
  });

  it('explanations: each country\'s contribution is over the selection\'s internet users, so they add up', async () => {
    const s = slice('2014-01-01', '2014-02-01');
    const sql = buildExplainQuery({ slice: s, baseRange: { from: '2013-11-01', to: '2013-12-01' }, measure: REACH, dimensions: ['country'] });
    const rows = await engine.query<{ level: string; contribution: number }>(sql);
    const total = rows.find((r) => r.level === 'total')!.contribution;
    const parts = rows.filter((r) => r.level === 'first').reduce((sum, r) => sum + r.contribution, 0);
    expect(parts).toBeCloseTo(total, 10);
    const current = periodValues({ from: '2014-01-01', to: '2014-02-01' }, 'mean').get('total')!;
    const base = periodValues({ from: '2013-11-01', to: '2013-12-01' }, 'mean').get('total')!;
    expect(total).toBeCloseTo(current - base, 10);
  });

  it('coverage: every country-year of the slice, with or without reference data, as the numerator sees them', async () => {
    const check = async (s: SliceSpec, marketplaces?: readonly string[]) => {
      const rows = await engine.query<ReachCoverageRow>(buildReachCoverageQuery(REACH, s), sliceParams(s));
      // Independent: the fixture's rows in the range (and marketplaces), grouped by country and year.
      const expected = new Map<string, { months: Set<string>; covered: boolean; amount: number }>();
      for (const [month, mp, cc, visitors] of ROWS) {
        if (month < s.range.from || month > s.range.to || (marketplaces && !marketplaces.includes(mp))) continue;
        const key = `${cc} ${month.slice(0, 4)}`;
        const entry = expected.get(key) ?? { months: new Set<string>(), covered: internetUsers(cc, month) !== null, amount: 0 };
        entry.months.add(month);
        entry.amount += visitors;
        expected.set(key, entry);
      }
      expect(rows.map((row) => [`${row.country} ${row.year}`, row.covered, row.months, row.amount])).toEqual(
        [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([key, entry]) => [key, entry.covered, entry.months.size, entry.amount]),
      );
      return rows;
    };
    const all = await check(slice('2013-11-01', '2015-01-01'));
    // BR has no 2013 data, XX none, and 2015 none at all (RU's is NULL): those are the ones left out.
    expect(all.filter((row) => !row.covered).map((row) => `${row.country} ${row.year}`)).toEqual(['BR 2013', 'BR 2015', 'RU 2015', 'XX 2013', 'XX 2014']);
    const onlyB = slice('2014-01-01', '2014-02-01', [{ column: 'marketplace', values: ['B'] }]);
    await check(onlyB, ['B']);
    await expectPlannable(engine, buildReachCoverageQuery(REACH, slice('2014-01-01', '2014-02-01')));
    expect(() => buildReachCoverageQuery({ column: 'visitors', overTime: 'mean' }, onlyB)).toThrow(/not per internet user/);
  });

  it('every builder\'s statement plans on DuckDB, and runs with geographic filters', async () => {
    const s = slice('2013-11-01', '2014-02-01', [{ column: 'marketplace', values: ['A'] }, { column: 'region', values: ['Europe', 'Americas'] }]);
    const base = { from: '2012-11-01', to: '2013-02-01' };
    const unfiltered = slice('2013-11-01', '2014-02-01');
    await expectPlannable(engine, buildShareShiftQuery({ slice: unfiltered, baseRange: base, measure: REACH, memberColumn: 'marketplace' }));
    await expectPlannable(engine, buildExplainQuery({ slice: unfiltered, baseRange: base, measure: REACH, dimensions: ['marketplace', 'country'] }));
    await expectPlannable(engine, buildSeriesQuery({ slice: unfiltered, measure: REACH, seriesColumn: 'country', seriesLimit: 3, includeOther: true, grain: 'quarter', mode: 'yoy' }));
    // EXPLAIN cannot bind parameters: the filtered statements run.
    await engine.query(buildShareShiftQuery({ slice: s, baseRange: base, measure: REACH, memberColumn: 'marketplace' }), sliceParams(s));
    await engine.query(buildSeriesQuery({ slice: s, measure: REACH, seriesColumn: 'country', seriesLimit: 3, includeOther: true, grain: 'quarter', mode: 'yoy' }), sliceParams(s));
    // With the parameters bound, the region filter's numbers ($2, $3) follow the marketplace's ($1).
    const [row] = await engine.query<{ current: number }>(buildKpiQuery(s, REACH, 'country', base), sliceParams(s));
    const expected = periodValues({ from: '2013-11-01', to: '2014-02-01', marketplaces: ['A'] }, 'mean').get('total')!;
    expect(row!.current).toBeCloseTo(expected, 10);
  });
});
