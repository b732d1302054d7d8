import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { expectPlannable } from '../../test/support/validateSql';
import { buildCohortCurvesQuery, buildCohortPairsQuery, type CohortCurveRow, type CohortPairRow } from './cohorts';
import { quoteIdentifier, sqlLiteral } from './literals';
import { INTERNET_USERS_TABLE } from './perInternetUser';
import { sliceParams, type SliceSpec } from './slice';

/**
 * Hand-written facts, two channels per pair in some months (summed). The data's first month with visits is 2020-01
 * (the 2019-12 row has no visits). A·RU is there from 2020-01 (entry unknown); B·RU has zeros in Jan and Feb and
 * enters in March, then skips May; C·MX enters in April and drops to zero in June; O'Brien·MX enters in February;
 * a row without a marketplace is left out.
 */
const TABLE = 'cohort "facts"';
const MP = 'market place';
type Fact = [month: string, mp: string | null, cc: string, channel: string, visits: number | null];
const FACTS: Fact[] = [
  ['2019-12-01', 'C', 'MX', 'web', null],
  ['2020-01-01', 'A', 'RU', 'web', 10],
  ['2020-01-01', 'A', 'RU', 'app', 5],
  ['2020-01-01', 'B', 'RU', 'web', 0],
  ['2020-02-01', 'A', 'RU', 'web', 12],
  ['2020-02-01', 'B', 'RU', 'web', 0],
  ['2020-02-01', "O'Brien", 'MX', 'web', 1],
  ['2020-03-01', 'A', 'RU', 'web', 14],
  ['2020-03-01', 'B', 'RU', 'web', 4],
  ['2020-03-01', 'B', 'RU', 'app', 1],
  ['2020-04-01', 'A', 'RU', 'web', 15],
  ['2020-04-01', 'B', 'RU', 'web', 6],
  ['2020-04-01', 'C', 'MX', 'web', 3],
  ['2020-05-01', 'C', 'MX', 'web', 5],
  ['2020-05-01', "O'Brien", 'MX', 'app', 2],
  ['2020-06-01', 'A', 'RU', 'web', 16],
  ['2020-06-01', 'B', 'RU', 'web', 9],
  ['2020-06-01', 'C', 'MX', 'web', 0],
  ['2020-06-01', null, 'RU', 'web', 100],
];

const slice = (range = { from: '2020-05-01', to: '2020-06-01' }, filters: SliceSpec['filters'] = []): SliceSpec => ({
  table: TABLE,
  timeColumn: 'month',
  range,
  filters,
});
const spec = (filters: SliceSpec['filters'] = [], range?: SliceSpec['range']) => ({
  slice: slice(range, filters),
  measure: { column: 'visits', overTime: 'sum' as const },
  firstColumn: MP,
  secondColumn: 'country',
});

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  const values = FACTS.map(([month, ...rest]) => `(DATE '${month}', ${rest.map((value) => sqlLiteral(value)).join(', ')})`).join(',\n');
  await engine.query(`CREATE TABLE ${quoteIdentifier(TABLE)} (month DATE, ${quoteIdentifier(MP)} VARCHAR, country VARCHAR, channel VARCHAR, visits INTEGER)`);
  await engine.query(`INSERT INTO ${quoteIdentifier(TABLE)} VALUES ${values}`);
});

const pairsOf = async (filters: SliceSpec['filters'] = [], range?: SliceSpec['range'], limit = 50) => {
  const query = buildCohortPairsQuery({ ...spec(filters, range), limit });
  // EXPLAIN cannot bind parameters: a statement with filters is checked by running it.
  if (filters.length === 0) await expectPlannable(engine, query);
  return engine.query<CohortPairRow>(query, sliceParams(slice(range, filters)));
};
const curvesOf = async (pairs: { first: string; second: string }[], filters: SliceSpec['filters'] = []) => {
  const query = buildCohortCurvesQuery({ ...spec(filters), pairs });
  if (filters.length === 0) await expectPlannable(engine, query);
  const rows = await engine.query<CohortCurveRow>(query, sliceParams(slice(undefined, filters)));
  return rows.map((row) => [row.first_key, row.second_key, row.age, row.value]);
};

describe('the cohort builders', () => {
  it('build statements DuckDB plans', async () => {
    await expectPlannable(engine, buildCohortPairsQuery({ ...spec(), limit: 10 }));
    await expectPlannable(engine, buildCohortCurvesQuery({ ...spec(), pairs: [{ first: 'A', second: 'RU' }] }));
  });
});

describe('buildCohortPairsQuery', () => {
  it('finds each pair’s entry: the first month above zero; present in the data’s first month means unknown', async () => {
    const rows = await pairsOf();
    // Ranked by May–June: A·RU 16, B·RU 9, C·MX 5, O'Brien·MX 2.
    expect(rows.map((row) => [row.first_key, row.second_key, row.entry_month, row.unknown_entry, row.period_value])).toEqual([
      ['A', 'RU', '2020-01-01', true, 16],
      ['B', 'RU', '2020-03-01', false, 9],
      ['C', 'MX', '2020-04-01', false, 5],
      ["O'Brien", 'MX', '2020-02-01', false, 2],
    ]);
    expect(rows[0]).toMatchObject({ data_first_month: '2020-01-01', data_last_month: '2020-06-01' });
    expect(rows.map((row) => Number(row.pairs_total))).toEqual([4, 4, 4, 4]);
  });

  it('ranks by the period given, keeps pairs without a value there last, and limits', async () => {
    const rows = await pairsOf([], { from: '2020-02-01', to: '2020-03-01' }, 3);
    // Feb–Mar: A·RU 26, B·RU 5, O'Brien·MX 1; C·MX none (listed last, cut by the limit).
    expect(rows.map((row) => [row.first_key, row.period_value])).toEqual([
      ['A', 26],
      ['B', 5],
      ["O'Brien", 1],
    ]);
    expect(Number(rows[0]!.pairs_total)).toBe(4);
  });

  it('applies the filters to the entries; the data’s first month stays the table’s', async () => {
    // Only the app channel: A·RU (Jan, still unknown), B·RU enters in March, O'Brien·MX in May.
    const rows = await pairsOf([{ column: 'channel', values: ['app'] }]);
    expect(rows.map((row) => [row.first_key, row.entry_month, row.unknown_entry])).toEqual([
      ["O'Brien", '2020-05-01', false],
      ['A', '2020-01-01', true],
      ['B', '2020-03-01', false],
    ]);
    const mexico = await pairsOf([{ column: 'country', values: ['MX'] }]);
    expect(mexico.map((row) => row.first_key)).toEqual(['C', "O'Brien"]);
    expect(mexico[0]!.data_first_month).toBe('2020-01-01');
  });
});

describe('buildCohortCurvesQuery', () => {
  it('aligns each chosen pair on its entry: months since entry, gaps absent, zeros kept', async () => {
    const rows = await curvesOf([
      { first: 'B', second: 'RU' },
      { first: 'C', second: 'MX' },
      { first: "O'Brien", second: 'MX' },
    ]);
    expect(rows).toEqual([
      ['B', 'RU', 0, 5],
      ['B', 'RU', 1, 6],
      ['B', 'RU', 3, 9],
      ['C', 'MX', 0, 3],
      ['C', 'MX', 1, 5],
      ['C', 'MX', 2, 0],
      ["O'Brien", 'MX', 0, 1],
      ["O'Brien", 'MX', 3, 2],
    ]);
  });

  it('starts an unknown entry at the data’s first month, and applies the filters', async () => {
    const rows = await curvesOf([{ first: 'A', second: 'RU' }, { first: 'B', second: 'RU' }], [{ column: 'channel', values: ['web'] }]);
    expect(rows).toEqual([
      ['A', 'RU', 0, 10],
      ['A', 'RU', 1, 12],
      ['A', 'RU', 2, 14],
      ['A', 'RU', 3, 15],
      ['A', 'RU', 5, 16],
      ['B', 'RU', 0, 4],
      ['B', 'RU', 1, 6],
      ['B', 'RU', 3, 9],
    ]);
  });

  it('divides a measure per internet user by the pair’s own country; without reference data, a gap but the same entry', async () => {
    // Russia has 200 internet users in 2020, Mexico none on record: B·RU's reach is its visits × 100 / 200.
    await engine.query(`CREATE TABLE ${INTERNET_USERS_TABLE} AS SELECT * FROM (VALUES ('RU', 2020, 200)) t(country, year, internet_users)`);
    const reach = { column: 'visits', overTime: 'mean' as const, perInternetUser: { countryColumn: 'country', geoColumns: ['country'], scale: 100, referenceTable: INTERNET_USERS_TABLE } };
    const pairs = await engine.query<CohortPairRow>(buildCohortPairsQuery({ ...spec(), measure: reach, limit: 10 }));
    // Mexico has no reference data: its pairs keep their entries, with no value.
    expect(pairs.map((row) => [row.first_key, row.second_key, row.entry_month, row.period_value])).toEqual([
      ['A', 'RU', '2020-01-01', 8],
      ['B', 'RU', '2020-03-01', 4.5],
      ['C', 'MX', '2020-04-01', null],
      ["O'Brien", 'MX', '2020-02-01', null],
    ]);
    const curves = await engine.query<CohortCurveRow>(buildCohortCurvesQuery({ ...spec(), measure: reach, pairs: [{ first: 'B', second: 'RU' }, { first: 'C', second: 'MX' }] }));
    expect(curves.map((row) => [row.first_key, row.age, row.value])).toEqual([
      ['B', 0, 2.5],
      ['B', 1, 3],
      ['B', 3, 4.5],
      ['C', 0, null],
      ['C', 1, null],
      ['C', 2, null],
    ]);
  });

  it('refuses a query without pairs', () => {
    expect(() => buildCohortCurvesQuery({ ...spec(), pairs: [] })).toThrow(/at least one pair/);
    expect(() => buildCohortPairsQuery({ ...spec(), limit: 0 })).toThrow(/limit/);
  });
});
