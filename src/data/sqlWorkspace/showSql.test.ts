import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { loadBundledIntoNode, readDatasetText } from '../../../test/support/loadBundledIntoNode';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { connectDatasets } from '../queries/queryTarget';
import { breakdownQuery } from '../queries/fetchBreakdown';
import { cohortsQuery } from '../queries/fetchCohorts';
import { conversionQuery } from '../queries/fetchConversion';
import { explainQuery } from '../queries/fetchExplain';
import { kpiQuery } from '../queries/fetchKpis';
import { leaderboardQuery } from '../queries/fetchLeaderboard';
import { mapQuery } from '../queries/fetchMapValues';
import { rankingQuery, type Ranking } from '../queries/fetchRanking';
import { reachCoverageQuery } from '../queries/fetchReachCoverage';
import { seriesQuery } from '../queries/fetchSeries';
import { shareShiftQuery } from '../queries/fetchShareShift';
import { hasRecordedStatements, statementsFor } from './recordedStatements';
import { sqlForResult } from './showSql';
import { runWorkspaceQueryOn, type WorkspaceResult } from './runWorkspaceQuery';

// "Show SQL" on a panel opens the statement recorded for the panel's result, its values written in as literals. Here
// every view's query runs as the app runs it (TanStack Query over the connected registry, on the bundled data), and
// the statement Show SQL gives for its result is run through the workspace (its read-only guard included): it must
// return exactly the rows the query itself got with its values bound.

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await loadBundledIntoNode());
  connectDatasets({
    engineFor: async () => engine,
    modelOf: (id) => (id === MARKET_MODEL.id ? MARKET_MODEL : undefined),
    bundledEngine: async () => engine,
  });
});

const H2_2014: QuerySlice = {
  datasetId: MARKET_MODEL.id,
  measureId: 'visitors',
  from: '2014-07',
  to: '2014-12',
  filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
};
const WIDE: QuerySlice = { datasetId: MARKET_MODEL.id, measureId: 'visitors', from: '2019-01', to: '2022-12', filters: {} };
const REACH: QuerySlice = { ...WIDE, measureId: 'reach' };

/** The query behind each view's panels (src/views/<id>), with settings as the views pass them. */
const PANELS: [string, { queryKey: QueryKey; queryFn?: unknown }][] = [
  ['overview: key figures', kpiQuery(H2_2014)],
  ['overview / trend: series by marketplace', seriesQuery(H2_2014, { by: 'marketplace', limit: 10, grain: 'month', mode: 'absolute', base: H2_2014.from })],
  ['trend: share by quarter', seriesQuery(WIDE, { by: 'marketplace', limit: 5, grain: 'quarter', mode: 'share', base: WIDE.from })],
  ['trend: index by country, reach', seriesQuery(REACH, { by: 'country', limit: 5, grain: 'month', mode: 'index', base: REACH.from })],
  ['overview / countries: ranking', rankingQuery(H2_2014, 'marketplace', 10)],
  ['countries: ranking by country', rankingQuery(WIDE, 'country', 20)],
  ['matrix: breakdown', breakdownQuery(WIDE, { rows: 'country', columns: 'marketplace', rowLimit: 12, columnLimit: 8 })],
  ['leaderboard', leaderboardQuery(WIDE, { group: 'country', member: 'marketplace' })],
  ['map: value', mapQuery(WIDE, { metric: 'value', member: null })],
  ['map: share of AliExpress', mapQuery(WIDE, { metric: 'share', member: 'AliExpress' })],
  ['map: growth', mapQuery(WIDE, { metric: 'growth', member: null })],
  ['map: by region', mapQuery(WIDE, { metric: 'value', member: null, by: 'region' })],
  ['traffic × sales: conversion', conversionQuery(WIDE)],
  ['why: explanation', explainQuery(WIDE, null)],
  ['why: share shift', shareShiftQuery(WIDE)],
  ['since launch: cohorts', cohortsQuery(WIDE, { pairs: null, includeUnknown: false, limit: 5 })],
  ['reach coverage note', reachCoverageQuery(REACH)],
];

/** A value as the workspace shows it: dates as ISO text, big integers as numbers. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'bigint') return Number(value);
  return value ?? null;
}

function expectSameRows(result: WorkspaceResult, rows: Record<string, unknown>[], label: string): void {
  expect(result.rowCount, label).toBe(rows.length);
  expect(result.truncated).toBe(false);
  const names = result.columns.map((column) => column.name);
  expect(names, label).toEqual(Object.keys(rows[0] ?? Object.fromEntries(names.map((name) => [name, null]))));
  rows.forEach((row, r) => {
    names.forEach((name, c) => {
      const expected = plain(row[name]);
      const actual = result.cell(r, c);
      if (Array.isArray(expected) && typeof actual === 'string') {
        // A list column (a leaderboard row's sparkline) is text in the workspace's table.
        const list = JSON.parse(actual) as unknown[];
        expect(list.length, `${label}: row ${r}, ${name}`).toBe(expected.length);
        list.forEach((item, i) => expect(item === null ? null : Number(item)).toBeCloseTo(expected[i] as number, 6));
      } else if (typeof expected === 'number' && typeof actual === 'number') {
        if (expected === actual) return;
        expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300), `${label}: row ${r}, ${name}`).toBeLessThan(1e-9);
      } else if (typeof expected === 'number' && typeof actual === 'string') {
        // Beyond 2^53 the workspace keeps the exact digits.
        expect(Number(actual), `${label}: row ${r}, ${name}`).toBe(expected);
      } else {
        expect(actual, `${label}: row ${r}, ${name}`).toEqual(expected);
      }
    });
  });
}

/** Panels whose figures the page computes from the statement's numbers rather than reads off them. */
const PAGE_COMPUTED = new Set(['map: share of AliExpress', 'map: growth']);

/** Every finite number in a fetcher's result, however nested. */
function numbersIn(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number' && Number.isFinite(value)) into.push(value);
  else if (typeof value === 'bigint') into.push(Number(value));
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, into));
  else if (value && typeof value === 'object' && !(value instanceof Date)) Object.values(value).forEach((item) => numbersIn(item, into));
  return into;
}

/**
 * The panel's figures, as the fetcher returned them, are in the workspace's result: each of its numbers that is not
 * a small count (months, ranks, flags) equals, to 1e-9 relative, a cell of the statement Show SQL opened; at least
 * half of them must be found, and at least one.
 */
function expectFiguresIn(result: WorkspaceResult, data: unknown, label: string): void {
  const cells: number[] = [];
  for (let r = 0; r < result.rowCount; r++) {
    for (let c = 0; c < result.columns.length; c++) {
      const cell = result.cell(r, c);
      if (typeof cell === 'number') cells.push(cell);
      else if (typeof cell === 'string' && /^\[/.test(cell)) numbersIn(JSON.parse(cell) as unknown, cells);
      else if (typeof cell === 'string' && /^-?\d+$/.test(cell)) cells.push(Number(cell));
    }
  }
  const figures = [...new Set(numbersIn(data).filter((value) => !(Number.isInteger(value) && Math.abs(value) < 100)))];
  expect(figures.length, `${label}: the panel has figures`).toBeGreaterThan(0);
  const near = (a: number, b: number) => a === b || Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)) < 1e-9;
  const found = figures.filter((figure) => cells.some((cell) => near(cell, figure)));
  expect(found.length / figures.length, `${label}: ${figures.length - found.length} of ${figures.length} figures not in the SQL's result, e.g. ${figures.find((f) => !found.includes(f))}`).toBeGreaterThanOrEqual(0.5);
}

describe('Show SQL returns the numbers of the panel it was opened from', () => {
  it.each(PANELS)('%s', async (label, options) => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const data = await client.fetchQuery(options as Parameters<QueryClient['fetchQuery']>[0]);
    const recorded = statementsFor(options.queryKey)!;
    expect(recorded.length, label).toBeGreaterThan(0);
    expect(hasRecordedStatements(client, data), label).toBe(true);
    const sql = sqlForResult(client, data);
    expect(sql, label).not.toBeNull();
    // Values are written in: nothing is left to bind.
    expect(sql).not.toMatch(/\$\d+\b/);
    // The statement that gave the panel its rows: the map's values come first, anything else's last.
    const main = recorded[options.queryKey[0] === 'map' ? 0 : recorded.length - 1]!;
    if (recorded.length > 1) {
      // The others are written out too, as comments, so the editor runs one statement.
      expect(sql!.split('\n').filter((line) => line.startsWith('-- (')).length, label).toBe(recorded.length - 1);
    }
    const shown = await runWorkspaceQueryOn(engine, sql!);
    const bound = await engine.query(main.sql, main.params);
    expect(bound.length, `${label}: the panel's statement returns rows`).toBeGreaterThan(0);
    if (options.queryKey[0] === 'conversion') {
      // The page's divisions are written around the statement: its rows, with the panel's ratios after them.
      expect(shown.columns.map((column) => column.name).slice(0, Object.keys(bound[0]!).length), label).toEqual(Object.keys(bound[0]!));
      expect(shown.rowCount, label).toBe(bound.length);
      // Every figure of the panel, row by row, from the workspace's columns of the same name in snake case.
      const column = (field: string) => shown.columns.findIndex((c) => c.name === field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));
      (data as Record<string, unknown>[]).forEach((row, r) => {
        for (const field of ['avgMonthlyVisitors', 'avgMonthlyRevenue', 'ordersPerThousandVisitors', 'averageOrderValue', 'revenuePerVisitor']) {
          const expected = row[field] as number | null;
          const actual = shown.cell(r, column(field)) as number | null;
          if (expected === null || actual === null) expect(actual, `${label}: row ${r}, ${field}`).toBe(expected);
          else expect(Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300), `${label}: row ${r}, ${field}`).toBeLessThan(1e-9);
        }
      });
    } else {
      expectSameRows(shown, bound, label);
    }
    // And the panel's own figures (the fetcher's typed result) are among the workspace's numbers, except where the
    // page computes them on top (the map's shares and growth divide two statements' numbers).
    if (!PAGE_COMPUTED.has(label)) expectFiguresIn(shown, data, label);
    // What the page does on top is said, not hidden.
    if (options.queryKey[0] === 'series') expect(sql, label).toMatch(/^-- When the trend shows a forecast, the forecast is fitted in the page/);
    if (options.queryKey[0] === 'cohorts') expect(sql, label).toMatch(/^-- .*months since its entry/m);
  });

  it('gives the Russia H2 2014 story figures: AliExpress 15.6M, eBay 3.7M, Amazon 1.4M visitors a month', async () => {
    // The expectation from the CSV itself, parsed here in plain JS.
    const [, ...lines] = (await readDatasetText('marketplace-traffic.csv')).trimEnd().split('\n');
    const monthly = (marketplace: string) =>
      lines
        .map((line) => line.split(','))
        .filter(([month, m, country]) => m === marketplace && country === 'RU' && month! >= '2014-07' && month! <= '2014-12')
        .reduce((sum, [, , , visitors]) => sum + Number(visitors), 0) / 6;
    const client = new QueryClient();
    const options = rankingQuery(H2_2014, 'marketplace', 10);
    const ranking: Ranking = await client.fetchQuery(options);
    const shown = await runWorkspaceQueryOn(engine, sqlForResult(client, ranking)!);
    const keyColumn = shown.columns.findIndex((column) => column.name === 'key');
    const valueColumn = shown.columns.findIndex((column) => column.name === 'value');
    const byKey = new Map(Array.from({ length: shown.rowCount }, (_, r) => [shown.cell(r, keyColumn), shown.cell(r, valueColumn)]));
    for (const [marketplace, millions] of [['AliExpress', 15.6], ['eBay', 3.7], ['Amazon', 1.4]] as const) {
      const expected = monthly(marketplace);
      expect((expected / 1e6).toFixed(1)).toBe(String(millions));
      const value = byKey.get(marketplace) as number;
      // The panel's figure and the workspace's are the same number.
      expect(ranking.rows.find((row) => row.key === marketplace)?.value).toBe(value);
      expect(Math.abs(value - expected) / expected).toBeLessThan(1e-12);
    }
  });

  it('gives nothing for a result no query produced (a snapshot figure, the seeded first paint)', async () => {
    const client = new QueryClient();
    await client.fetchQuery(kpiQuery(H2_2014));
    expect(sqlForResult(client, { rows: [] })).toBeNull();
    expect(sqlForResult(client, undefined)).toBeNull();
    // Seeded data (as the build-time summary is) has no recorded statement.
    const seeded = { seeded: true };
    client.setQueryData(['seeded-only'], seeded);
    expect(sqlForResult(client, seeded)).toBeNull();
    expect(hasRecordedStatements(client, seeded)).toBe(false);
    expect(hasRecordedStatements(client, undefined)).toBe(false);
  });
});
