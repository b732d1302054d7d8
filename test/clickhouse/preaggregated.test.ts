import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { createClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { clickHouseCubeSpec, suggestClickHouseDataset } from '../../src/data/clickhouse/clickHouseModel';
import { loadClickHouseCube } from '../../src/data/clickhouse/loadClickHouseCube';
import { clusterForTests, startProxy, type TestProxy } from './support';

// A dataset pointed at a pre-aggregated table, as the README describes it: a materialized view on each shard feeds a
// SummingMergeTree by month from the raw (daily) table, and a Distributed table reads both shards. The rows of a
// SummingMergeTree are summed only when its parts merge, at some later time: with merges stopped and two inserts,
// every month × marketplace × country has two rows, and the pushdown's sum() must still give the raw figures.
const cluster = clusterForTests();
let engine: Engine;
let proxy: TestProxy;
const DB = 'marketscope';

beforeAll(async () => {
  engine = await createNodeEngine();
  proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);
  for (const shard of [0, 1]) {
    const run = (sql: string) => cluster.admin(sql, { shard });
    await run(`CREATE TABLE ${DB}.visits_local (date Date, marketplace String, country String, visitors UInt64) ENGINE = MergeTree() PARTITION BY toYear(date) ORDER BY (country, marketplace, date)`);
    await run(`CREATE TABLE ${DB}.visits AS ${DB}.visits_local ENGINE = Distributed(marketscope_two_shards, ${DB}, visits_local, cityHash64(country))`);
    await run(`CREATE TABLE ${DB}.visits_monthly_local (month Date, marketplace String, country String, visitors UInt64) ENGINE = SummingMergeTree() PARTITION BY toYear(month) ORDER BY (country, marketplace, month)`);
    await run(
      `CREATE MATERIALIZED VIEW ${DB}.visits_monthly_mv TO ${DB}.visits_monthly_local AS SELECT toStartOfMonth(date) AS month, marketplace, country, sum(visitors) AS visitors FROM ${DB}.visits_local GROUP BY month, marketplace, country`,
    );
    await run(`CREATE TABLE ${DB}.visits_monthly AS ${DB}.visits_monthly_local ENGINE = Distributed(marketscope_two_shards, ${DB}, visits_monthly_local, cityHash64(country))`);
    await run(`SYSTEM STOP MERGES ${DB}.visits_monthly_local`);
  }
  // The bundled traffic as daily rows, in two inserts (a third of each month on the 1st, the rest on the 15th).
  const insert = (sql: string) => cluster.admin(`INSERT INTO ${DB}.visits ${sql}`, { settings: { insert_distributed_sync: 1 } });
  await insert(`SELECT month AS date, marketplace, country, intDiv(visitors, 3) FROM ${DB}.traffic`);
  await insert(`SELECT month + 14 AS date, marketplace, country, visitors - intDiv(visitors, 3) FROM ${DB}.traffic`);
});
afterAll(async () => {
  for (const shard of [0, 1]) {
    for (const table of ['visits_monthly', 'visits_monthly_mv', 'visits_monthly_local', 'visits', 'visits_local']) {
      await cluster.admin(`DROP TABLE IF EXISTS ${DB}.${table}`, { shard }).catch(() => undefined);
    }
  }
  await proxy?.close();
  await engine?.terminate();
});

describe('a dataset on a pre-aggregated SummingMergeTree table', () => {
  it('has unmerged parts: two rows per month × marketplace × country', async () => {
    const [counts] = await cluster.query<{ rows: string; groups: string }>(
      `SELECT toString(count()) AS rows, toString(uniqExact(month, marketplace, country)) AS groups FROM visits_monthly`,
    );
    expect(Number(counts!.rows)).toBe(2 * Number(counts!.groups));
    const [traffic] = await cluster.query<{ n: string }>('SELECT toString(count()) AS n FROM traffic');
    expect(Number(counts!.groups)).toBe(Number(traffic!.n));
  });

  it('is listed with its engine, gets roles suggested, and its cube equals the raw table cell by cell', async () => {
    const client = createClickHouseClient(proxy.url);
    const tables = await client.listTables('local', DB);
    expect(tables.find((t) => t.name === 'visits_monthly_local')?.engine).toBe('SummingMergeTree');
    const monthly = tables.find((t) => t.name === 'visits_monthly')!;
    expect(monthly.columns.map((c) => c.name)).toEqual(['month', 'marketplace', 'country', 'visitors']);
    const def = suggestClickHouseDataset('local', monthly)!;
    expect(def.time).toBe('month');
    const pre = await loadClickHouseCube(engine, client, clickHouseCubeSpec(def), 'pre_cube');
    expect(pre.sql).toMatch(/sum\(`visitors`\)/);
    const raw = await loadClickHouseCube(engine, client, { connection: 'local', table: 'visits', time: 'date', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] }, 'raw_cube');
    const traffic = await loadClickHouseCube(engine, client, { connection: 'local', table: 'traffic', time: 'month', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] }, 'traffic_cube');
    expect(pre.rows).toBe(raw.rows);
    expect(pre.rows).toBe(traffic.rows);
    const [diff] = await engine.query<{ cells: number; missing: number; wrong: number; wrongTraffic: number }>(
      `SELECT count(*)::DOUBLE AS cells,
              count(*) FILTER (WHERE r.date IS NULL OR t.month IS NULL)::DOUBLE AS missing,
              count(*) FILTER (WHERE p.visitors <> r.visitors)::DOUBLE AS wrong,
              count(*) FILTER (WHERE p.visitors <> t.visitors)::DOUBLE AS "wrongTraffic"
       FROM pre_cube p
       LEFT JOIN raw_cube r ON r.date = p.month AND r.marketplace = p.marketplace AND r.country = p.country
       LEFT JOIN traffic_cube t ON t.month = p.month AND t.marketplace = p.marketplace AND t.country = p.country`,
    );
    expect(diff).toEqual({ cells: pre.rows, missing: 0, wrong: 0, wrongTraffic: 0 });
    const story = await engine.query<{ marketplace: string; monthly: number }>(
      `SELECT marketplace, sum(visitors) / 6 AS monthly FROM pre_cube WHERE country = 'RU' AND month BETWEEN DATE '2014-07-01' AND DATE '2014-12-01' GROUP BY marketplace`,
    );
    const monthlyByName = new Map(story.map((r) => [r.marketplace, (r.monthly / 1e6).toFixed(1)]));
    expect(['AliExpress', 'eBay', 'Amazon'].map((m) => monthlyByName.get(m))).toEqual(['15.6', '3.7', '1.4']);
  });

  it('pushes a view past the row cap into the pre-aggregated table too', async () => {
    const client = createClickHouseClient(proxy.url);
    const spec = { connection: 'local', table: 'visits_monthly', time: 'month', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] };
    const view = { filters: [{ column: 'country', values: ['RU'] }], months: { from: '2014-07', to: '2014-12' } };
    const result = await loadClickHouseCube(engine, client, spec, 'pre_view', { view, rowCap: 1000 });
    expect(result.scope).toBe('view');
    const [row] = await engine.query<{ monthly: number }>(`SELECT sum(visitors) / 6 AS monthly FROM pre_view WHERE marketplace = 'AliExpress'`);
    expect((row!.monthly / 1e6).toFixed(1)).toBe('15.6');
  });
});
