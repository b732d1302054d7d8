import fc from 'fast-check';
import { dehydrate, hydrate, QueryClient, type QueryKey } from '@tanstack/react-query';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine';
import { MARKET_MODEL } from './marketModel';
import { computeStartupSummary, overviewKeys } from './startupSummary';
import { fetchBreakdown } from './queries/fetchBreakdown';
import { fetchCohorts } from './queries/fetchCohorts';
import { fetchConversion } from './queries/fetchConversion';
import { fetchExplain } from './queries/fetchExplain';
import { fetchShareShift } from './queries/fetchShareShift';
import { fetchLeaderboard } from './queries/fetchLeaderboard';
import { fetchMapValues } from './queries/fetchMapValues';
import type { QuerySlice } from './querySlice';
import {
  buildSnapshot,
  describeDataset,
  MAX_SNAPSHOT_CHARS,
  parseSnapshot,
  parseSnapshotText,
  snapshotDatasetEntries,
  SNAPSHOT_FORMAT,
  SNAPSHOT_QUERY_KINDS,
  toDehydratedState,
  type Snapshot,
} from './snapshot';
import { MAX_DASHBOARD_FILE_CHARS } from '../state/dashboards';
import { loadBundledIntoNode } from '../../test/support/loadBundledIntoNode';

// Real results, from the bundled data in Node's DuckDB: every kind of panel query, under the keys the panels use.
const TAKEN_AT = new Date('2026-11-21T14:05:00.000Z');
const VIEW: QuerySlice = { datasetId: 'market', measureId: 'visitors', from: '2014-07', to: '2014-12', filters: { country: ['RU'] } };
const COHORT_OPTIONS = { pairs: null, includeUnknown: true, limit: 6 };
let engine: Engine;
let seeded: { key: QueryKey; data: unknown }[];
let sample: Snapshot;

beforeAll(async () => {
  ({ engine } = await loadBundledIntoNode());
  const overview = await computeStartupSummary(engine);
  seeded = [
    ...overview.entries,
    { key: ['breakdown', VIEW, { rows: 'marketplace', columns: 'country', rowLimit: 8, columnLimit: 8 }], data: await fetchBreakdown(engine, MARKET_MODEL, VIEW, { rows: 'marketplace', columns: 'country', rowLimit: 8, columnLimit: 8 }) },
    { key: ['leaderboard', VIEW, { group: 'country', member: 'marketplace' }], data: await fetchLeaderboard(engine, MARKET_MODEL, VIEW, { group: 'country', member: 'marketplace' }) },
    { key: ['conversion', VIEW], data: await fetchConversion(engine, MARKET_MODEL, VIEW) },
    { key: ['map', VIEW, { metric: 'growth', member: null }], data: await fetchMapValues(engine, MARKET_MODEL, VIEW, { metric: 'growth', member: null }) },
    { key: ['explain', VIEW, null], data: await fetchExplain(engine, MARKET_MODEL, VIEW, null) },
    { key: ['explain', VIEW, 'conversion'], data: await fetchExplain(engine, MARKET_MODEL, VIEW, 'conversion') },
    { key: ['shareShift', VIEW], data: await fetchShareShift(engine, MARKET_MODEL, VIEW) },
    { key: ['cohorts', VIEW, COHORT_OPTIONS], data: await fetchCohorts(engine, MARKET_MODEL, VIEW, COHORT_OPTIONS) },
    // The SQL view's result as its query holds it (src/views/sql/sqlResultQuery.ts): plain JSON, the first rows.
    {
      key: ['sqlResult', ['SELECT 1 AS n, NULL AS s']],
      data: { sql: 'SELECT 1 AS n, NULL AS s', columns: [{ name: 'n', type: 'INTEGER', kind: 'number' }, { name: 's', type: 'VARCHAR', kind: 'text' }], rows: [[1, null]], rowCount: 1, truncated: false, elapsedMs: 3 },
    },
  ];
  sample = buildSnapshot(TAKEN_AT, [MARKET_MODEL], dehydrate(clientWith(seeded)));
});

function clientWith(entries: { key: QueryKey; data: unknown }[]): QueryClient {
  const client = new QueryClient();
  for (const entry of entries) client.setQueryData(entry.key, entry.data);
  return client;
}

/** The snapshot as it travels: JSON text and back, like a link or a file. */
const overTheWire = (snapshot: unknown) => JSON.parse(JSON.stringify(snapshot)) as unknown;

describe('snapshot format', () => {
  it('holds a result of every kind of panel query, and round-trips through JSON unchanged', () => {
    expect(new Set(sample.results.map(([key]) => key[0]))).toEqual(new Set(SNAPSHOT_QUERY_KINDS));
    expect(parseSnapshot(overTheWire(sample))).toEqual({ snapshot: sample, dropped: 0 });
    expect(parseSnapshotText(JSON.stringify(sample))).toEqual({ snapshot: sample, dropped: 0 });
  });

  it('restores, with TanStack Query’s hydrate, every result under the key the panels ask for, dated when it was taken', () => {
    const reading = parseSnapshot(overTheWire(sample));
    if ('error' in reading) throw new Error(reading.error);
    const client = new QueryClient();
    hydrate(client, toDehydratedState(reading.snapshot));
    for (const { key, data } of seeded) expect(client.getQueryData(key)).toEqual(data);
    // Keys made afresh (as a panel makes them) find the same entries: the hashes do not come from the snapshot.
    expect(client.getQueryData(overviewKeys.catalog('market'))).toEqual(seeded[0]!.data);
    expect(client.getQueryState(overviewKeys.publishedFigures())?.dataUpdatedAt).toBe(TAKEN_AT.getTime());
  });

  it('describes datasets by names, labels and units only: no table or column of the data', () => {
    const [dataset] = sample.datasets;
    expect(dataset).toEqual(describeDataset(MARKET_MODEL));
    expect(JSON.stringify(dataset)).not.toMatch(/market_monthly|gmv_usd|active_sellers|"column"|"table"/);
    const [entry] = snapshotDatasetEntries(sample);
    expect(entry!.model.measures.map((measure) => [measure.id, measure.label, measure.unit])).toEqual(
      MARKET_MODEL.measures.map((measure) => [measure.id, measure.label, measure.unit]),
    );
    expect(entry!.model.table).toBe('');
  });

  it('leaves out, and counts, results that do not have their kind’s shape; keeps the rest', () => {
    const wire = overTheWire(sample) as { results: [unknown, unknown][] };
    const kpis = wire.results.findIndex(([key]) => (key as string[])[0] === 'kpis');
    wire.results[kpis]![1] = { current: 'twenty million' };
    wire.results.push([['constructor'], {}], [['__proto__'], {}], [['kpis'], null], ['not a key', 1], [[{ nested: [[[[[[[['deep']]]]]]]] }], 1]);
    wire.results.push(wire.results[0]!);
    const reading = parseSnapshot(wire);
    expect('snapshot' in reading && reading.dropped).toBe(7);
    expect('snapshot' in reading && reading.snapshot.results).toHaveLength(sample.results.length - 1);
  });

  it('refuses what is not one, a newer version, or a damaged envelope, with a sentence', () => {
    expect(parseSnapshot(null)).toEqual({ error: 'This is not a Marketscope snapshot.' });
    expect(parseSnapshot({ ...sample, format: 'other' })).toEqual({ error: 'This is not a Marketscope snapshot.' });
    expect(parseSnapshot({ ...sample, v: 2 })).toEqual({ error: expect.stringMatching(/newer version of Marketscope/) });
    expect(parseSnapshot({ ...sample, takenAt: 'yesterday' })).toEqual({ error: expect.stringMatching(/damaged \(at takenAt\)/) });
    const badDataset = { ...sample.datasets[0]!, defaultMeasure: 'nothing' };
    expect(parseSnapshot({ ...sample, datasets: [badDataset] })).toEqual({ error: expect.stringMatching(/damaged \(at datasets\.0\)/) });
    expect(parseSnapshot({ ...sample, datasets: [sample.datasets[0], sample.datasets[0]] })).toEqual({ error: expect.stringMatching(/one dataset twice/) });
    expect(parseSnapshotText('{')).toEqual({ error: 'This is not a Marketscope snapshot: it is not JSON.' });
    expect(parseSnapshotText(' '.repeat(MAX_SNAPSHOT_CHARS + 1))).toEqual({ error: expect.stringMatching(/far too large/) });
  });

  it('caps lists and texts, and refuses values JSON cannot carry', () => {
    const withResult = (key: unknown, data: unknown) => ({ ...sample, results: [[key, data]] });
    const members = { firstMonth: '2014-01', lastMonth: '2014-12', rowCount: 1 };
    expect(parseSnapshot(withResult(['catalog', 'market'], { ...members, members: { marketplace: Array(50_001).fill('x') } }))).toMatchObject({ dropped: 1 });
    expect(parseSnapshot(withResult(['catalog', 'market'], { ...members, members: { marketplace: ['x'.repeat(4_001)] } }))).toMatchObject({ dropped: 1 });
    expect(parseSnapshot(withResult(['catalog', 'market'], { ...members, members: { marketplace: ['x'] } }))).toMatchObject({ dropped: 0 });
    expect(parseSnapshot(withResult(['kpis', VIEW], { current: Number.NaN, previous: null, change: null, leader: null, leaderValue: null, leaderShare: null, monthsWithData: 1 }))).toMatchObject({ dropped: 1 });
    expect(parseSnapshot(withResult(['kpis', Infinity], { current: 1, previous: null, change: null, leader: null, leaderValue: null, leaderShare: null, monthsWithData: 1 }))).toMatchObject({ dropped: 1 });
    expect(parseSnapshot({ ...sample, results: Array(501).fill(sample.results[0]) })).toEqual({ error: expect.stringMatching(/damaged \(at results\)/) });
    // A "__proto__" member list is dropped by the schema, never set as a prototype.
    const proto = parseSnapshot(JSON.parse(`{"format":"${SNAPSHOT_FORMAT}","v":1,"takenAt":"2026-11-21T14:05:00.000Z","datasets":[],"results":[[["catalog","x"],{"firstMonth":"2014-01","lastMonth":"2014-02","rowCount":1,"members":{"__proto__":["polluted"],"shop":["A"]}}]]}`));
    expect('snapshot' in proto && Object.keys(proto.snapshot.results[0]![1] as object)).toEqual(['firstMonth', 'lastMonth', 'rowCount', 'members']);
    expect('snapshot' in proto && Object.getPrototypeOf((proto.snapshot.results[0]![1] as { members: object }).members)).toBe(Object.prototype);
  });

  it('fits a dashboard file: the largest snapshot plus the largest dashboard is within the file cap', () => {
    // 24 panels, each with the longest view and notes a dashboard allows, and the JSON around them.
    expect(MAX_SNAPSHOT_CHARS + 24 * (20_000 + 2_000 + 160 + 200)).toBeLessThanOrEqual(MAX_DASHBOARD_FILE_CHARS);
  });

  it('fuzz: 3,000 mutated snapshots (values swapped for random JSON, text cut and spliced) never throw, and whatever is kept has its shape (seeded)', () => {
    const text = JSON.stringify(sample);
    const paths = leafPaths(overTheWire(sample)).filter((path) => path.length <= 7);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom(...paths), fc.oneof(fc.jsonValue(), fc.anything())).map(([path, value]) => ({ value: replaceAt(overTheWire(sample), path, value) })),
          fc.tuple(fc.nat(text.length), fc.nat(60), fc.string({ maxLength: 20 })).map(([at, cut, insert]) => ({ text: text.slice(0, at) + insert + text.slice(at + cut) })),
          fc.jsonValue().map((value) => ({ value })),
        ),
        (input) => {
          const reading = 'text' in input ? parseSnapshotText(input.text) : parseSnapshot(input.value);
          if ('error' in reading) {
            expect(reading.error).toMatch(/snapshot|Marketscope/);
            return;
          }
          // What was kept reads again as it is, with nothing more to drop, and hydrates a cache.
          expect(parseSnapshot(overTheWire(reading.snapshot))).toEqual({ snapshot: reading.snapshot, dropped: 0 });
          hydrate(new QueryClient(), toDehydratedState(reading.snapshot));
        },
      ),
      { seed: 20261121, numRuns: 3000 },
    );
  });
});

/** Every path to a leaf or a container of the value, e.g. ['results', 3, 1, 'rows', 0, 'value']. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.slice(0, 4).forEach((item, index) => paths.push(...leafPaths(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) paths.push(...leafPaths(item, [...prefix, key]));
  return paths;
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return root;
}
