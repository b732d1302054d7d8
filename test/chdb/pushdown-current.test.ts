import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chdb } from '../../scripts/lib/chdb.mjs';
import { buildPushdownQuery, type PushdownQuery, type PushdownSpec } from '../../src/sql/clickhouse/pushdown';
import { quoteClickHouseIdentifier } from '../../src/sql/clickhouse/literals';
import { DATASETS_DIR } from '../support/loadBundledIntoNode';
import { chdbWithTraffic, needChdb } from './support';

// The pushdown builder's SQL in BOTH modes (values as literals, values as query parameters) on a current ClickHouse
// release: chDB, ClickHouse as a library (scripts/lib/chdb.mjs installs it into .cache/chdb). The cluster's 18.16
// (test/clickhouse) has no query parameters, so this is where params mode runs. The params reach ClickHouse's own
// binding in the text the proxy forwards as `param_<name>`, so their escaping is ClickHouse's to check here.
let chdb: Chdb;

beforeAll(() => {
  const loaded = chdbWithTraffic();
  if (loaded) chdb = loaded;
});

type Row = Record<string, string | number | null>;

/** Runs a pushdown as the app's proxy would send it: the SQL, and in params mode its param_ values apart. */
function run({ sql, params }: PushdownQuery): Row[] {
  const text = Object.keys(params).length > 0 ? chdb.queryWithParams(sql, params, 'JSONEachRow') : chdb.query(sql, 'JSONEachRow');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Row);
}

/** The same spec in both modes: the SQL of params mode holds no value, and both give the same rows. */
function both(spec: PushdownSpec): { rows: Row[]; literal: PushdownQuery; withParams: PushdownQuery } {
  const literal = buildPushdownQuery(spec, { values: 'literals' });
  const withParams = buildPushdownQuery(spec, { values: 'params' });
  expect(literal.params).toEqual({});
  const rows = run(literal);
  expect(run(withParams)).toEqual(rows);
  return { rows, literal, withParams };
}

const HOSTILE = [
  "it's",
  "\\'; DROP TABLE marketscope.traffic; --",
  "x') OR 1=1 --",
  'back`tick',
  'a\\b\\\\c',
  "line\nbreak\r\ttab",
  '\0nul\x01\x1f\x7f',
  'Москва "quoted" 🛒 ü',
  "' OR 1 = 1 OR '",
  '\\x41 is not A',
  '{p0:String}',
  '}{',
  '{x:Identifier}',
  '%_*?',
  '\\N',
];

describe('the pushdown on a current ClickHouse (chDB), values as literals and as query parameters', () => {
  it('runs on a release with query parameters', (context) => {
    needChdb(context);
    expect(Number(chdb.version.split('.')[0])).toBeGreaterThanOrEqual(23);
    expect(chdb.queryWithParams('SELECT {x:UInt8}', { x: '1' }, 'TabSeparated').trim()).toBe('1');
  });

  it('gives the Russia H2 2014 monthly averages of the 18.16 cluster in both modes: AliExpress 15.6M, eBay 3.7M, Amazon 1.4M', (context) => {
    needChdb(context);
    const { rows, literal, withParams } = both({
      database: 'marketscope',
      table: 'traffic',
      time: 'month',
      months: { from: '2014-07', to: '2014-12' },
      filters: [{ column: 'country', values: ['RU'] }],
      dimensions: ['marketplace'],
      measures: [{ column: 'visitors' }],
    });
    expect(withParams.sql).toContain('>= {p0:Date}');
    expect(withParams.sql).toContain('`country` IN ({p2:String})');
    expect(withParams.params).toEqual({ p0: '2014-07-01', p1: '2014-12-01', p2: 'RU' });
    expect(literal.sql).toContain("`country` IN ('RU')");
    const { month, dimensions, measures } = withParams.columns;
    expect([...new Set(rows.map((row) => row[month]))].sort()).toEqual(['2014-07-01', '2014-08-01', '2014-09-01', '2014-10-01', '2014-11-01', '2014-12-01']);
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(String(row[dimensions[0]!.alias]), (totals.get(String(row[dimensions[0]!.alias])) ?? 0) + Number(row[measures[0]!.alias]));
    expect(['AliExpress', 'eBay', 'Amazon'].map((name) => (totals.get(name)! / 6 / 1e6).toFixed(1))).toEqual(['15.6', '3.7', '1.4']);
  });

  it('equals the bundled CSV cell by cell (month × marketplace × country), in both modes, with several filter values', (context) => {
    needChdb(context);
    const [header, ...lines] = readFileSync(`${DATASETS_DIR}marketplace-traffic.csv`, 'utf8').trim().split('\n');
    expect(header).toBe('month,marketplace,country,visitors');
    const countries = ['RU', 'DE', 'BR', 'US'];
    const expected = new Map<string, number>();
    for (const line of lines) {
      const [month, marketplace, country, visitors] = line.split(',') as [string, string, string, string];
      if (!countries.includes(country) || month < '2013-03' || month > '2015-10') continue;
      const key = `${month}-01|${marketplace}|${country}`;
      expected.set(key, (expected.get(key) ?? 0) + Number(visitors));
    }
    const { rows, withParams } = both({
      database: 'marketscope',
      table: 'traffic',
      time: 'month',
      months: { from: '2013-03', to: '2015-10' },
      filters: [{ column: 'country', values: countries }],
      dimensions: ['marketplace', 'country'],
      measures: [{ column: 'visitors' }],
    });
    const { month, dimensions, measures } = withParams.columns;
    const got = new Map(rows.map((row) => [`${row[month]}|${row[dimensions[0]!.alias]}|${row[dimensions[1]!.alias]}`, Number(row[measures[0]!.alias])]));
    expect(got.size).toBeGreaterThan(500);
    expect(got).toEqual(expected);
    // The whole table, no filter: the same in both modes (no params at all).
    const whole = both({ database: 'marketscope', table: 'traffic', time: 'month', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] });
    expect(whole.withParams.params).toEqual({});
    expect(whole.rows.length).toBe(lines.length);
  });

  it('matches hostile values only as values: zero rows on the real table, no error, nothing injected', (context) => {
    needChdb(context);
    const before = chdb.query('SELECT count() FROM marketscope.traffic', 'TabSeparated');
    for (const value of HOSTILE) {
      const { rows, withParams } = both({
        database: 'marketscope',
        table: 'traffic',
        time: 'month',
        filters: [{ column: 'country', values: [value] }, { column: 'marketplace', values: [value, 'AliExpress'] }],
        dimensions: ['marketplace'],
        measures: [{ column: 'visitors' }],
      });
      expect(rows, JSON.stringify(value)).toEqual([]);
      // The value is in the params only: the SQL is the builder's own text.
      expect(withParams.sql.replace(/\{p\d+:String\}/g, '?'), JSON.stringify(value)).not.toMatch(/['\\\0\r\t"%]|DROP|OR 1/);
      expect(withParams.sql.split('\n'), JSON.stringify(value)).toHaveLength(5);
    }
    expect(chdb.query('SELECT count() FROM marketscope.traffic', 'TabSeparated')).toBe(before);
  });

  it('round-trips hostile values through ClickHouse: each filter matches only its own rows, in both modes', (context) => {
    needChdb(context);
    const odd = { time: "the month's", dimension: 'back`tick "country" {x:String}', measure: 'Besucher äöü \\ n' };
    chdb.query('DROP TABLE IF EXISTS marketscope.odd_names');
    chdb.query(
      `CREATE TABLE marketscope.odd_names (${quoteClickHouseIdentifier(odd.time)} Date, ${quoteClickHouseIdentifier(odd.dimension)} String, ${quoteClickHouseIdentifier(odd.measure)} UInt64) ENGINE = Memory`,
    );
    // Loaded as JSON data, not SQL text: the values never pass through the builder on the way in.
    const body = HOSTILE.flatMap((value, i) => [
      JSON.stringify({ [odd.time]: '2014-07-01', [odd.dimension]: value, [odd.measure]: i + 1 }),
      JSON.stringify({ [odd.time]: '2014-08-15', [odd.dimension]: value, [odd.measure]: 100 * (i + 1) }),
    ]).join('\n');
    chdb.query(`INSERT INTO marketscope.odd_names FORMAT JSONEachRow\n${body}`);
    expect(Number(chdb.query('SELECT count() FROM marketscope.odd_names', 'TabSeparated'))).toBe(HOSTILE.length * 2);
    for (const [i, value] of HOSTILE.entries()) {
      const { rows, withParams } = both({
        database: 'marketscope',
        table: 'odd_names',
        time: odd.time,
        months: { from: '2014-07' },
        filters: [{ column: odd.dimension, values: [value] }],
        dimensions: [odd.dimension],
        measures: [{ column: odd.measure }],
      });
      const { month, dimensions, measures } = withParams.columns;
      expect(rows.map((row) => [row[month], row[dimensions[0]!.alias], Number(row[measures[0]!.alias])]), JSON.stringify(value)).toEqual([
        ['2014-07-01', value, i + 1],
        ['2014-08-01', value, 100 * (i + 1)],
      ]);
    }
    chdb.query('DROP TABLE marketscope.odd_names');
  });

  it("takes no table function's or setting's name from a parameter (the proxy's allow-list sees every name)", (context) => {
    needChdb(context);
    for (const [sql, params] of [
      ['SELECT * FROM {f:Identifier}(3)', { f: 'numbers' }],
      ["SELECT * FROM {f:Identifier}('http://127.0.0.1:9/', 'CSV')", { f: 'url' }],
      ['SELECT count() FROM numbers(3) SETTINGS {s:Identifier} = 1', { s: 'max_threads' }],
    ] as const) {
      expect(() => chdb.queryWithParams(sql, params, 'TSV'), sql).toThrow(/Syntax error/);
    }
  });

  it('filters columns of other types with String, number and boolean params as it does with literals', (context) => {
    needChdb(context);
    chdb.query('DROP TABLE IF EXISTS marketscope.typed');
    chdb.query(`CREATE TABLE marketscope.typed (
      day Date, lc LowCardinality(Nullable(String)), e Enum8('a' = 1, 'b''c' = 2), fs FixedString(2), d Date, n UInt8, i Int64, f Float64, v UInt64
    ) ENGINE = Memory`);
    chdb.query(`INSERT INTO marketscope.typed VALUES
      ('2014-07-03', 'x', 'a', 'RU', '2014-07-01', 1, -5, 1.5, 10),
      ('2014-07-04', NULL, 'b''c', 'DE', '2014-08-01', 0, 7, 2.25, 20),
      ('2014-08-05', 'y\\'z', 'a', 'US', '2014-07-01', 1, 9007199254740993, -0.5, 40)`);
    const cases: [PushdownSpec['filters'], number][] = [
      [[{ column: 'lc', values: ['x', null] }], 30],
      [[{ column: 'lc', values: ["y'z"] }], 40],
      [[{ column: 'e', values: ["b'c"] }], 20],
      [[{ column: 'fs', values: ['RU', 'US'] }], 50],
      [[{ column: 'd', values: ['2014-07-01'] }], 50],
      [[{ column: 'n', values: [true] }], 50],
      [[{ column: 'n', values: [0] }], 20],
      [[{ column: 'i', values: [-5, 9007199254740993n] }], 50],
      [[{ column: 'f', values: [2.25, -0.5] }], 60],
      [[{ column: 'lc', values: [] }], 0],
    ];
    for (const [filters, total] of cases) {
      const { rows, withParams } = both({ database: 'marketscope', table: 'typed', time: 'day', filters, measures: [{ column: 'v' }] });
      expect(rows.reduce((sum, row) => sum + Number(row[withParams.columns.measures[0]!.alias]), 0), JSON.stringify(filters, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).toBe(total);
    }
    chdb.query('DROP TABLE marketscope.typed');
  });
});
