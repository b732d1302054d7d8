import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { createClickHouseClient, type ClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import { CLICKHOUSE_CUBE_ROW_CAP, loadClickHouseCube, type ClickHouseCubeSpec } from '../../src/data/clickhouse/loadClickHouseCube';
import { clusterForTests, startProxy, type TestProxy } from './support';

// Past the row cap (500,000 cube rows): a table generated from numbers() whose whole cube (24 months × 30
// marketplaces × 800 countries = 576,000 rows) is above the cap, while a view's selection is far below it. The
// view's filters must reach ClickHouse's WHERE, and the loaded cube must hold exactly what the view shows.
const cluster = clusterForTests();
let engine: Engine;
let proxy: TestProxy;

const MONTHS = 24;
const MARKETPLACES = 30;
const COUNTRIES = 800;
const spec: ClickHouseCubeSpec = { connection: 'local', table: 'wide', time: 'month', dimensions: ['marketplace', 'country'], measures: [{ column: 'visitors' }] };
const countries = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

/** The client, recording every SQL it sends. */
function recording(client: ClickHouseClient, sent: string[]): ClickHouseClient {
  return { ...client, query: (connection, sql, options) => (sent.push(sql), client.query(connection, sql, options)) };
}

beforeAll(async () => {
  engine = await createNodeEngine();
  proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);
  await cluster.admin('CREATE TABLE marketscope.wide (month Date, marketplace String, country String, visitors UInt64) ENGINE = MergeTree() ORDER BY (country, marketplace, month)');
  await cluster.admin(
    `INSERT INTO marketscope.wide SELECT addMonths(toDate('2020-01-01'), number % ${MONTHS}) AS month, concat('m', toString(intDiv(number, ${MONTHS}) % ${MARKETPLACES})) AS marketplace, concat('c', toString(intDiv(number, ${MONTHS * MARKETPLACES}))) AS country, number % 997 + 1 AS visitors FROM numbers(${MONTHS * MARKETPLACES * COUNTRIES})`,
  );
});
afterAll(async () => {
  await cluster.admin('DROP TABLE IF EXISTS marketscope.wide').catch(() => undefined);
  await proxy?.close();
  await engine?.terminate();
});

describe('a ClickHouse cube above the row cap', () => {
  it('is refused whole, with what to do', async () => {
    expect(MONTHS * MARKETPLACES * COUNTRIES).toBeGreaterThan(CLICKHOUSE_CUBE_ROW_CAP);
    const whole = loadClickHouseCube(engine, createClickHouseClient(proxy.url), spec, 'wide_whole');
    await expect(whole).rejects.toMatchObject({ status: 413, connection: 'local', hint: expect.stringMatching(/pre-aggregated table/), scope: 'table' });
    await expect(whole).rejects.toThrow(/the cube of wide has more than 500,000 rows/);
    await expect(engine.query('SELECT 1 FROM wide_whole')).rejects.toThrow();
  });

  it("loads the view's selection, filtered in ClickHouse, with the same figures as the table", async () => {
    const sent: string[] = [];
    const client = recording(createClickHouseClient(proxy.url), sent);
    // A hostile member among the selected ones: it reaches ClickHouse as an escaped value, matching nothing.
    const view = {
      filters: [
        { column: 'country', values: [...countries(10), "c1' OR 1 = 1 --"] },
        { column: 'marketplace', values: ['m0', 'm7', 'm29'] },
      ],
      months: { from: '2020-06', to: '2021-05' },
    };
    const result = await loadClickHouseCube(engine, client, spec, 'wide_view', { view });
    expect(result).toMatchObject({ scope: 'view', rows: 12 * 10 * 3 });
    // First the whole cube (no filter), then the view's: its WHERE has the members and the months.
    expect(sent).toHaveLength(2);
    expect(sent[0]).not.toMatch(/WHERE/);
    expect(sent[1]).toMatch(/`country` IN \('c0', .*'c1\\' OR 1 = 1 --'\)/);
    expect(sent[1]).toMatch(/`marketplace` IN \('m0', 'm7', 'm29'\)/);
    expect(result.sql).toBe(sent[1]!.replace(/\nLIMIT \d+$/, ''));

    const cube = await engine.query<{ month: string; marketplace: string; country: string; visitors: number }>(
      // The cube's month is a DATE (the first of the month), read back here as YYYY-MM.
      "SELECT strftime(month, '%Y-%m') AS month, marketplace, country, visitors FROM wide_view ORDER BY month, marketplace, country",
    );
    expect(new Set(cube.map((r) => r.country))).toEqual(new Set(countries(10)));
    expect(new Set(cube.map((r) => r.marketplace))).toEqual(new Set(['m0', 'm7', 'm29']));
    expect([cube[0]!.month, cube.at(-1)!.month]).toEqual(['2020-06', '2021-05']);
    const direct = await cluster.query<{ yyyymm: string; marketplace: string; country: string; total: string }>(
      // (Not `AS month`: ClickHouse would substitute the alias into the WHERE.)
      `SELECT toString(toYYYYMM(month)) AS yyyymm, marketplace, country, toString(sum(visitors)) AS total FROM wide
       WHERE country IN (${countries(10).map((c) => `'${c}'`).join(', ')}) AND marketplace IN ('m0', 'm7', 'm29') AND month BETWEEN '2020-06-01' AND '2021-05-01'
       GROUP BY yyyymm, marketplace, country ORDER BY yyyymm, marketplace, country`,
    );
    expect(cube.map((r) => [r.month, r.marketplace, r.country, r.visitors])).toEqual(
      direct.map((r) => [`${r.yyyymm.slice(0, 4)}-${r.yyyymm.slice(4)}`, r.marketplace, r.country, Number(r.total)]),
    );

    // A dataset known to be too big skips the whole-table attempt: one query.
    sent.length = 0;
    const again = await loadClickHouseCube(engine, client, spec, 'wide_view_again', { view, scope: 'view' });
    expect(again).toMatchObject({ scope: 'view', rows: 360 });
    expect(sent).toHaveLength(1);
  });

  it('says what to do when even the view is above the cap', async () => {
    const view = { filters: [{ column: 'country', values: countries(700) }] };
    const failed = loadClickHouseCube(engine, createClickHouseClient(proxy.url), spec, 'wide_too_big', { view, scope: 'view' });
    await expect(failed).rejects.toMatchObject({ status: 413, hint: expect.stringMatching(/^Narrow the view \(fewer country members, a filter on marketplace\), map fewer dimensions, or point the dataset at a pre-aggregated table/), scope: 'view' });
    await expect(failed).rejects.toThrow(/the cube of wide for this view \(country: 700 selected\) has more than 500,000 rows .*even with the view's filters applied in ClickHouse/);
    await expect(engine.query('SELECT 1 FROM wide_too_big')).rejects.toThrow();
  });

  it('keeps a cube that fits as the whole table, with the view given or not', async () => {
    const small: ClickHouseCubeSpec = { ...spec, dimensions: ['marketplace'] };
    const result = await loadClickHouseCube(engine, createClickHouseClient(proxy.url), small, 'wide_small', { view: { filters: [{ column: 'country', values: ['c1'] }] } });
    expect(result).toMatchObject({ scope: 'table', rows: MONTHS * MARKETPLACES });
  });
});
