import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { createClickHouseClient, type ClickHouseClient } from '../../src/data/clickhouse/clickHouseClient';
import type { ClickHouseDatasetDef } from '../../src/data/clickhouse/clickHouseModel';
import { CLICKHOUSE_CUBE_ROW_CAP } from '../../src/data/clickhouse/loadClickHouseCube';
import { acquireViewCube, keptViewCubes, VIEW_CUBE_ROWS_KEPT, VIEW_CUBES_KEPT } from '../../src/data/clickhouse/viewCubes';
import { viewCubeLoads } from '../../src/data/clickhouse/viewCubeProgress';
import { addClickHouseDataset, loadClickHouseDataset } from '../../src/data/datasets/addClickHouseDataset';
import { listKeptClickHouseDatasets, readKeptClickHouseDatasets } from '../../src/data/datasets/keptClickHouse';
import { findDataset, resetRegistry } from '../../src/data/datasets/registry';
import { setUploadDependencies } from '../../src/data/datasets/uploadDependencies';
import { breakdownQuery } from '../../src/data/queries/fetchBreakdown';
import { catalogQuery } from '../../src/data/queries/fetchCatalog';
import { kpiQuery } from '../../src/data/queries/fetchKpis';
import { mapQuery } from '../../src/data/queries/fetchMapValues';
import { rankingQuery } from '../../src/data/queries/fetchRanking';
import { connectDatasets } from '../../src/data/queries/queryTarget';
import type { QuerySlice } from '../../src/data/querySlice';
import { clusterForTests, startProxy, type TestProxy } from './support';

// Issue 18, a table too big to load whole, in the app's data layer: 24 months × 30 marketplaces × 800 countries =
// 576,000 cube rows, above the 500,000 cap. The dataset is listed anyway; its catalog comes from ClickHouse, and each
// view's queries read a cube that ClickHouse cut to the view's filters, with the figures ClickHouse computes itself.
const cluster = clusterForTests();
let engine: Engine;
let proxy: TestProxy;
let client: ClickHouseClient;
const sent: string[] = [];

const MONTHS = 24;
const MARKETPLACES = 30;
const COUNTRIES = 800;
const ID = 'u_wide_app';
const def: ClickHouseDatasetDef = {
  connection: 'local',
  database: 'marketscope',
  table: 'wide_app',
  label: 'Wide',
  time: 'month',
  dimensions: [
    { column: 'marketplace', label: 'Marketplace', display: 'text' },
    { column: 'country', label: 'Country', display: 'country' },
  ],
  measures: [{ column: 'visitors', label: 'Visitors', unit: 'count', overTime: 'mean' }],
};

beforeAll(async () => {
  engine = await createNodeEngine();
  setUploadDependencies({ engine: async () => engine });
  proxy = await startProxy([{ name: 'local', ...cluster.connection(0) }]);
  const real = createClickHouseClient(proxy.url);
  client = { ...real, query: (connection, sql, options) => (sent.push(sql), real.query(connection, sql, options)) };
  // The app's queries, through this test's client (the page's own /clickhouse/ is not reachable from Node).
  connectDatasets({
    engineFor: async () => engine,
    modelOf: (id) => findDataset(id)?.model,
    bundledEngine: async () => engine,
    catalogOf: (id) => findDataset(id)?.viewScope?.catalog,
    modelForView: async (on, model, view, options) => {
      const entry = findDataset(view.datasetId);
      return entry?.viewScope ? acquireViewCube(on, client, entry.clickhouse!, model, view, options) : { model, release: () => {} };
    },
  });
  await cluster.admin('CREATE TABLE marketscope.wide_app (month Date, marketplace String, country String, visitors UInt64) ENGINE = MergeTree() ORDER BY (country, marketplace, month)');
  // Visitors vary by marketplace and country, so that rankings and leaders are not ties.
  await cluster.admin(
    `INSERT INTO marketscope.wide_app SELECT addMonths(toDate('2020-01-01'), number % ${MONTHS}) AS month, concat('m', toString(intDiv(number, ${MONTHS}) % ${MARKETPLACES})) AS marketplace, concat('c', toString(intDiv(number, ${MONTHS * MARKETPLACES}))) AS country, (number * 7919) % 1000 + intDiv(number, ${MONTHS}) % ${MARKETPLACES} * 50 + 1 AS visitors FROM numbers(${MONTHS * MARKETPLACES * COUNTRIES})`,
  );
});
afterAll(async () => {
  await cluster.admin('DROP TABLE IF EXISTS marketscope.wide_app').catch(() => undefined);
  resetRegistry();
  await proxy?.close();
  await engine?.terminate();
});

const slice = (filters: Record<string, string[]>): QuerySlice => ({ datasetId: ID, measureId: 'visitors', from: '2021-01', to: '2021-06', filters });
const run = <T>(options: { queryFn?: unknown; queryKey: readonly unknown[] }) =>
  (options.queryFn as (context: { queryKey: readonly unknown[] }) => Promise<T>)({ queryKey: options.queryKey });
const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

describe('a ClickHouse dataset whose whole cube is above the cap', () => {
  it('is listed, shown view by view, with its catalog read from ClickHouse', async () => {
    expect(MONTHS * MARKETPLACES * COUNTRIES).toBeGreaterThan(CLICKHOUSE_CUBE_ROW_CAP);
    const entry = await addClickHouseDataset(def, { client, datasetId: ID });
    expect(entry).toMatchObject({ status: 'ready', viewScope: { catalog: { firstMonth: '2020-01', lastMonth: '2021-12' } } });
    // No whole cube in the engine.
    await expect(engine.query(`SELECT 1 FROM ${ID}__cube`)).rejects.toThrow();
    const catalog = await run<{ members: Record<string, string[]> }>(catalogQuery(ID));
    const byWeight = async (column: string) =>
      (await cluster.query<{ value: string }>(`SELECT ${column} AS value FROM marketscope.wide_app GROUP BY value ORDER BY sum(visitors) DESC, value`)).map((r) => r.value);
    expect(catalog.members.marketplace).toEqual(await byWeight('marketplace'));
    expect(catalog.members.country).toEqual(await byWeight('country'));
    expect(catalog.members.country).toHaveLength(COUNTRIES);
  });

  it("answers a view's queries from a cube ClickHouse cut to its filters, loaded once for them", async () => {
    const countries = ['c3', 'c17', 'c640'];
    const marketplaces = ['m2', 'm11', 'm29'];
    const view = slice({ country: countries, marketplace: marketplaces });
    sent.length = 0;
    const loads: number[] = [];
    const stop = viewCubeLoads.subscribe(() => loads.push(viewCubeLoads.get()[ID] ?? 0));
    const [kpis, ranking] = await Promise.all([run<{ current: number; previous: number; leader: string }>(kpiQuery(view)), run<{ rows: { key: string; value: number }[] }>(rankingQuery(view, 'country', 10))]);
    stop();
    // One ClickHouse query for both, with the view's members in its WHERE; its progress counted while it ran.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/`country` IN \('c17', 'c3', 'c640'\)/);
    expect(sent[0]).toMatch(/`marketplace` IN \('m11', 'm2', 'm29'\)/);
    expect(loads).toEqual([1, 0]);
    const tables = await engine.query<{ n: number }>(`SELECT count(*)::INT AS n FROM ${keptViewCubes(engine, ID)[0]}`);
    expect(tables[0]!.n).toBe(MONTHS * countries.length * marketplaces.length);

    const where = `country IN (${quoted(countries)}) AND marketplace IN (${quoted(marketplaces)})`;
    const [direct] = await cluster.query<{ current: number; previous: number }>(
      `SELECT sumIf(visitors, month BETWEEN '2021-01-01' AND '2021-06-01') / 6 AS current, sumIf(visitors, month BETWEEN '2020-01-01' AND '2020-06-01') / 6 AS previous FROM marketscope.wide_app WHERE ${where}`,
    );
    expect(kpis.current).toBeCloseTo(direct!.current, 6);
    expect(kpis.previous).toBeCloseTo(direct!.previous, 6);
    const [leader] = await cluster.query<{ marketplace: string }>(
      `SELECT marketplace FROM marketscope.wide_app WHERE ${where} AND month BETWEEN '2021-01-01' AND '2021-06-01' GROUP BY marketplace ORDER BY sum(visitors) DESC LIMIT 1`,
    );
    expect(kpis.leader).toBe(leader!.marketplace);
    const byCountry = await cluster.query<{ country: string; monthly: number }>(
      `SELECT country, sum(visitors) / 6 AS monthly FROM marketscope.wide_app WHERE ${where} AND month BETWEEN '2021-01-01' AND '2021-06-01' GROUP BY country ORDER BY monthly DESC`,
    );
    expect(ranking.rows.map((r) => [r.key, Math.round(r.value * 1000)])).toEqual(byCountry.map((r) => [r.country, Math.round(r.monthly * 1000)]));

    // The same filters again: no ClickHouse query.
    sent.length = 0;
    await run(kpiQuery({ ...view, from: '2020-07', to: '2020-12' }));
    expect(sent).toHaveLength(0);
  });

  it("reads every member of a dimension whose filter the query lifts (a member's share on the map)", async () => {
    const view = slice({ marketplace: ['m29'], country: ['c5', 'c6'] });
    sent.length = 0;
    const shares = await run<{ code: string; value: number | null }[]>(mapQuery(view, { metric: 'share', member: null }));
    // The map's share needs every marketplace of those countries: the marketplace filter stays out of the WHERE.
    expect(sent.at(-1)).not.toMatch(/`marketplace` IN/);
    const direct = await cluster.query<{ country: string; share: number }>(
      `SELECT country, sumIf(visitors, marketplace = 'm29') / sum(visitors) AS share FROM marketscope.wide_app WHERE country IN ('c5', 'c6') AND month BETWEEN '2021-01-01' AND '2021-06-01' GROUP BY country ORDER BY country`,
    );
    expect(direct.every((r) => r.share > 0 && r.share < 1)).toBe(true);
    expect([...shares].sort((a, b) => a.code.localeCompare(b.code)).map((s) => [s.code, s.value!.toFixed(9)])).toEqual(direct.map((r) => [r.country, r.share.toFixed(9)]));
  });

  it('keeps a few cubes, dropping the least recently used', async () => {
    for (let n = 0; n < VIEW_CUBES_KEPT + 2; n += 1) await run(kpiQuery(slice({ country: [`c${100 + n}`] })));
    // Eviction runs after a query releases its cube.
    await expect.poll(() => keptViewCubes(engine, ID).length).toBe(VIEW_CUBES_KEPT);
    const tables = async () =>
      (await engine.query<{ n: number }>(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE regexp_full_match(table_name, '${ID}__view[0-9]+')`))[0]!.n;
    await expect.poll(tables).toBe(VIEW_CUBES_KEPT);
  });

  it('reads only the dimensions a query filters or groups by: unfiltered, a query by marketplace works', async () => {
    // The KPIs group by the first dimension (the leader): months × 30 marketplaces, not × 800 countries as well.
    sent.length = 0;
    const kpis = await run<{ current: number; leader: string }>(kpiQuery(slice({})));
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/country/);
    const [direct] = await cluster.query<{ current: number }>(
      "SELECT sumIf(visitors, month BETWEEN '2021-01-01' AND '2021-06-01') / 6 AS current FROM marketscope.wide_app",
    );
    expect(kpis.current).toBeCloseTo(direct!.current, 6);
    const [leader] = await cluster.query<{ marketplace: string }>(
      "SELECT marketplace FROM marketscope.wide_app WHERE month BETWEEN '2021-01-01' AND '2021-06-01' GROUP BY marketplace ORDER BY sum(visitors) DESC LIMIT 1",
    );
    expect(kpis.leader).toBe(leader!.marketplace);

    // A country filter on a ranking of countries: months × the filtered countries, one query with the filter in it.
    sent.length = 0;
    const ranking = await run<{ rows: { key: string }[] }>(rankingQuery(slice({ country: ['c1', 'c2'] }), 'country', 10));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/`country` IN \('c1', 'c2'\)/);
    expect(sent[0]).not.toMatch(/marketplace/);
    expect(ranking.rows.map((r) => r.key).sort()).toEqual(['c1', 'c2']);
    // The KPIs of the same filters read marketplace too: a cube of their own. Asked again, a kept cube answers.
    sent.length = 0;
    await run(kpiQuery(slice({ country: ['c1', 'c2'] })));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/marketplace/);
    sent.length = 0;
    await run(rankingQuery({ ...slice({ country: ['c1', 'c2'] }), from: '2020-01', to: '2020-06' }, 'country', 10));
    await run(kpiQuery({ ...slice({ country: ['c1', 'c2'] }), from: '2020-01', to: '2020-06' }));
    expect(sent).toHaveLength(0);
    // A query reading fewer dimensions than a loaded cube of the same filters reads that cube: no query.
    await run(kpiQuery(slice({ country: ['c7'] })));
    sent.length = 0;
    const one = await run<{ rows: { key: string; value: number }[] }>(rankingQuery(slice({ country: ['c7'] }), 'country', 10));
    expect(sent).toHaveLength(0);
    const [c7] = await cluster.query<{ monthly: number }>(
      "SELECT sum(visitors) / 6 AS monthly FROM marketscope.wide_app WHERE country = 'c7' AND month BETWEEN '2021-01-01' AND '2021-06-01'",
    );
    expect(one.rows.map((r) => [r.key, Math.round(r.value * 1000)])).toEqual([['c7', Math.round(c7!.monthly * 1000)]]);
  });

  it('keeps at most two capfuls of rows, whatever the number of cubes', async () => {
    // Five cubes of 24 months × 30 marketplaces × 350 countries = 252,000 rows each: 1,260,000 in all.
    const wide = (n: number) => slice({ country: Array.from({ length: 350 }, (_, i) => `c${(i + n * 90) % COUNTRIES}`) });
    for (let n = 0; n < 5; n += 1) await run(kpiQuery(wide(n)));
    const rowsKept = async () => {
      let total = 0;
      for (const table of keptViewCubes(engine, ID)) total += (await engine.query<{ n: number }>(`SELECT count(*)::INT AS n FROM ${table}`))[0]!.n;
      return total;
    };
    await expect.poll(rowsKept).toBeLessThanOrEqual(VIEW_CUBE_ROWS_KEPT);
    // The newest is kept: asked again, no ClickHouse query.
    sent.length = 0;
    await run(kpiQuery({ ...wide(4), from: '2020-07', to: '2020-12' }));
    expect(sent).toHaveLength(0);
    // The oldest went: asked again, ClickHouse is asked.
    await run(kpiQuery({ ...wide(0), from: '2020-07', to: '2020-12' }));
    expect(sent).toHaveLength(1);
  });

  it('says what to filter when even the view is above the cap', async () => {
    const matrix = (filters: Record<string, string[]>) =>
      run(breakdownQuery(slice(filters), { rows: 'marketplace', columns: 'country', rowLimit: 10, columnLimit: 10 }));
    const failed = matrix({ country: Array.from({ length: 700 }, (_, i) => `c${i}`) });
    await expect(failed).rejects.toThrow(
      /the cube of wide_app for this view \(country: 700 selected\) has more than 500,000 rows.*Narrow the view \(fewer country members, a filter on marketplace\)/,
    );
    // Unfiltered, marketplace × country is the whole table: every dimension is one to filter on.
    await expect(matrix({})).rejects.toThrow(/\(no filter\).*Narrow the view \(a filter on marketplace or country\)/);
  });
});

describe('a kept ClickHouse dataset found too big before', () => {
  it('goes view by view after a reload, without aggregating the whole table first', async () => {
    const store = new Map<string, string>();
    const hadStorage = 'localStorage' in globalThis;
    if (!hadStorage) {
      Object.defineProperty(globalThis, 'localStorage', {
        configurable: true,
        value: { getItem: (key: string) => store.get(key) ?? null, setItem: (key: string, value: string) => void store.set(key, String(value)), removeItem: (key: string) => void store.delete(key) },
      });
    }
    // The whole-table attempt: months by both dimensions, no WHERE (the catalog reads months by one dimension).
    const wholeTable = (sql: string) => sql.includes('GROUP BY `__month`, `__d0`, `__d1`') && !/\bWHERE\b/.test(sql);
    try {
      const id = 'u_wide_kept';
      sent.length = 0;
      await addClickHouseDataset(def, { client, datasetId: id });
      expect(sent.filter(wholeTable)).toHaveLength(1);
      expect(readKeptClickHouseDatasets().find((item) => item.id === id)).toEqual({ id, def, overCap: true });

      // A reload: the registry starts again from what this browser kept.
      resetRegistry();
      listKeptClickHouseDatasets();
      expect(findDataset(id)).toMatchObject({ status: 'stored', overCap: true });
      sent.length = 0;
      await loadClickHouseDataset(engine, id, def, { client });
      expect(findDataset(id)).toMatchObject({ status: 'ready', viewScope: { catalog: { firstMonth: '2020-01', lastMonth: '2021-12' } } });
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.filter(wholeTable)).toEqual([]);

      // Added again (a new definition, or the table shrank): tried whole first again.
      sent.length = 0;
      await addClickHouseDataset({ ...def, label: 'Wide again' }, { client, datasetId: id });
      expect(sent.filter(wholeTable)).toHaveLength(1);
    } finally {
      if (!hadStorage) Reflect.deleteProperty(globalThis, 'localStorage');
    }
  });
});
