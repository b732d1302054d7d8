import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { buildPushdownQuery } from '../../src/sql/clickhouse/pushdown';
import { clickHouseLiteral, clickHouseString } from '../../src/sql/clickhouse/literals';
import { readDatasetFile } from '../support/loadBundledIntoNode';
import { clusterForTests } from './support';

// The pushdown builder's SQL, run by the real cluster, against the same figures computed by DuckDB (Node build)
// straight from datasets/*.csv.
const cluster = clusterForTests();
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  for (const file of ['marketplace-traffic.csv', 'marketplace-sales.csv']) await engine.registerFileBuffer(engine.filePath(file), await readDatasetFile(file));
});
afterAll(async () => {
  await engine?.terminate();
});

const csv = (file: string, columns: string) => `read_csv('${engine.filePath(file)}', header = true, columns = {${columns}})`;
const key = (...parts: unknown[]) => parts.map(String).join('|');

describe('the pushdown on the cluster equals DuckDB on the bundled CSVs', () => {
  it('gives the Russia H2 2014 monthly averages: AliExpress 15.6M, eBay 3.7M, Amazon 1.4M', async () => {
    const { sql, columns } = buildPushdownQuery({
      table: 'traffic',
      time: 'month',
      months: { from: '2014-07', to: '2014-12' },
      filters: [{ column: 'country', values: ['RU'] }],
      dimensions: ['marketplace'],
      measures: [{ column: 'visitors' }],
    });
    const rows = await cluster.query<Record<string, string>>(sql);
    const months = new Set(rows.map((row) => row[columns.month]));
    expect([...months].sort()).toEqual(['2014-07-01', '2014-08-01', '2014-09-01', '2014-10-01', '2014-11-01', '2014-12-01']);
    const totals = new Map<string, number>();
    for (const row of rows) totals.set(row[columns.dimensions[0]!.alias]!, (totals.get(row[columns.dimensions[0]!.alias]!) ?? 0) + Number(row[columns.measures[0]!.alias]));
    const monthly = new Map([...totals].map(([name, total]) => [name, total / 6]));
    const duck = await engine.query<{ marketplace: string; monthly: number }>(
      `SELECT marketplace, sum(visitors) / 6 AS monthly FROM ${csv('marketplace-traffic.csv', "month: 'VARCHAR', marketplace: 'VARCHAR', country: 'VARCHAR', visitors: 'BIGINT'")}
       WHERE country = 'RU' AND month BETWEEN '2014-07' AND '2014-12' GROUP BY marketplace`,
    );
    expect(new Map(duck.map((row) => [row.marketplace, row.monthly]))).toEqual(monthly);
    expect(['AliExpress', 'eBay', 'Amazon'].map((name) => (monthly.get(name)! / 1e6).toFixed(1))).toEqual(['15.6', '3.7', '1.4']);
  });

  it('equals DuckDB cell by cell for the whole of traffic and sales by month × marketplace × country', async () => {
    const cases = [
      { table: 'traffic', file: 'marketplace-traffic.csv', types: "month: 'VARCHAR', marketplace: 'VARCHAR', country: 'VARCHAR', visitors: 'BIGINT'", measures: ['visitors'] },
      {
        table: 'sales',
        file: 'marketplace-sales.csv',
        types: "month: 'VARCHAR', marketplace: 'VARCHAR', country: 'VARCHAR', gmv_usd: 'DOUBLE', orders: 'BIGINT', active_sellers: 'BIGINT'",
        measures: ['gmv_usd', 'orders', 'active_sellers'],
      },
    ];
    for (const { table, file, types, measures } of cases) {
      const { sql, columns } = buildPushdownQuery({ table, time: 'month', dimensions: ['marketplace', 'country'], measures: measures.map((column) => ({ column })) });
      const rows = await cluster.query<Record<string, string | number>>(sql);
      const duck = await engine.query(
        `SELECT month || '-01' AS month, marketplace, country, ${measures.map((m) => `sum(${m}) AS ${m}`).join(', ')} FROM ${csv(file, types)} GROUP BY ALL`,
      );
      expect(rows.length, table).toBe(duck.length);
      expect(rows.length, table).toBeGreaterThan(20_000);
      const expected = new Map(duck.map((row) => [key(row.month, row.marketplace, row.country), row]));
      for (const row of rows) {
        const match = expected.get(key(row[columns.month], row[columns.dimensions[0]!.alias], row[columns.dimensions[1]!.alias]));
        expect(match, table).toBeDefined();
        columns.measures.forEach((measure) => {
          const got = Number(row[measure.alias]);
          const want = match![measure.column] as number;
          if (Number.isInteger(want)) expect(got).toBe(want);
          else expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-12);
        });
      }
    }
  });
});

const HOSTILE = [
  "it's",
  "\\'; DROP TABLE marketscope.traffic; --",
  'back`tick',
  'a\\b\\\\c',
  "line\nbreak\r\ttab",
  '\0nul\x01\x1f\x7f',
  'Москва "quoted" 🛒 ü',
  "' OR 1 = 1 OR '",
  '\\x41 is not A',
  '%_*?',
];

describe('names and values reach ClickHouse as written', () => {
  it('round-trips hostile values through ClickHouse exactly', async () => {
    const sql = `SELECT ${HOSTILE.map((value, i) => `${clickHouseString(value)} AS v${i}`).join(', ')}`;
    const [row] = await cluster.query<Record<string, string>>(sql);
    expect(HOSTILE.map((_, i) => row![`v${i}`])).toEqual(HOSTILE);
    const [numbers] = await cluster.query<Record<string, unknown>>(`SELECT ${[-1.5, 0, 1e21, 5e-7].map((n, i) => `${clickHouseLiteral(n)} AS n${i}`).join(', ')}`);
    expect(Object.values(numbers!).map(Number)).toEqual([-1.5, 0, 1e21, 5e-7]);
  });

  it('quotes odd column names, and filters by hostile values that only match their own rows', async () => {
    const odd = { time: "the month's", dimension: 'back`tick "country"', measure: 'Besucher äöü \\ n' };
    await cluster.admin('DROP TABLE IF EXISTS marketscope.odd_names');
    const quoted = (name: string) => `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
    await cluster.admin(`CREATE TABLE marketscope.odd_names (${quoted(odd.time)} Date, ${quoted(odd.dimension)} String, ${quoted(odd.measure)} UInt64) ENGINE = Memory`);
    try {
      // Loaded as JSON data, not SQL text: the values never pass through the literal helper on the way in.
      const body = HOSTILE.flatMap((value, i) => [
        JSON.stringify({ [odd.time]: '2014-07-01', [odd.dimension]: value, [odd.measure]: i + 1 }),
        JSON.stringify({ [odd.time]: '2014-08-15', [odd.dimension]: value, [odd.measure]: 100 * (i + 1) }),
      ]).join('\n');
      await cluster.admin('INSERT INTO marketscope.odd_names FORMAT JSONEachRow', { body });
      for (const [i, value] of HOSTILE.entries()) {
        const { sql, columns } = buildPushdownQuery({
          table: 'odd_names',
          time: odd.time,
          filters: [{ column: odd.dimension, values: [value] }],
          dimensions: [odd.dimension],
          measures: [{ column: odd.measure }],
        });
        const rows = await cluster.query<Record<string, string>>(sql);
        expect(rows.map((row) => [row[columns.month], row[columns.dimensions[0]!.alias], Number(row[columns.measures[0]!.alias])]), JSON.stringify(value)).toEqual([
          ['2014-07-01', value, i + 1],
          ['2014-08-01', value, 100 * (i + 1)],
        ]);
      }
      const { sql } = buildPushdownQuery({ table: 'odd_names', time: odd.time, filters: [{ column: odd.dimension, values: ["nothing' OR '1'='1"] }], measures: [{ column: odd.measure }] });
      expect(await cluster.query(sql)).toEqual([]);
    } finally {
      await cluster.admin('DROP TABLE IF EXISTS marketscope.odd_names');
    }
    expect(Number((await cluster.admin('SELECT count() FROM marketscope.traffic')).trim())).toBeGreaterThan(20_000);
  });
});
