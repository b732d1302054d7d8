import { describe, expect, it } from 'vitest';
import { newDashboard, serializeDashboard, type Dashboard } from '../state/dashboards';
import { deflate } from '../state/shareLink';
import { SAVED_SNAPSHOT_PARAM, SNAPSHOT_PARAM, isSnapshotPage } from '../state/snapshotParams';

/** A page's place from its address: what the app reads. */
function at(url: string): { search: string; hash: string } {
  const { search, hash } = new URL(url, 'https://marketscope.example/');
  return { search, hash };
}
import { describeDataset, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from './snapshot';
import { MARKET_MODEL } from './marketModel';
import {
  linkOrFile,
  MAX_SNAPSHOT_LINK_LENGTH,
  parseDashboardFile,
  readSnapshotPresentation,
  shareSnapshot,
  snapshotFile,
} from './snapshotShare';

const PAGE = { origin: 'https://marketscope.example', pathname: '/' };
const dashboard: Dashboard = {
  ...newDashboard('Russia, H2 2014'),
  panels: [{ id: 'a1', title: 'Visitors', notes: 'AliExpress leads.', view: 'v=1&measure=visitors&from=2014-07&to=2014-12&country=RU' }],
};
const kpis = { current: 20_700_000, previous: 15_000_000, change: 0.38, leader: 'AliExpress', leaderValue: 15_600_000, leaderShare: 0.75, monthsWithData: 6 };

/** A snapshot of `count` results, with numbers that differ (as real figures do), so that they do not deflate to nothing. */
function snapshotOf(count: number): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    v: SNAPSHOT_VERSION,
    takenAt: '2026-11-21T14:05:00.000Z',
    datasets: [describeDataset(MARKET_MODEL)],
    results: Array.from({ length: count }, (_, index) => [['kpis', { datasetId: 'market', measureId: 'visitors', from: '2014-07', to: '2014-12', filters: { n: [String(index)] } }], { ...kpis, current: Math.abs(Math.sin(index + 1)) * 1e9, leaderShare: Math.abs(Math.cos(index + 1)) }]),
  };
}

describe('sharing a dashboard with its figures', () => {
  it('puts the figures in the link up to 8,000 characters, and in the file past that', () => {
    expect(MAX_SNAPSHOT_LINK_LENGTH).toBe(8_000);
    const url = (length: number) => `https://m.example/#${SNAPSHOT_PARAM}=${'a'.repeat(length - `https://m.example/#${SNAPSHOT_PARAM}=`.length)}`;
    expect(linkOrFile(url(8_000))).toEqual({ kind: 'link', url: url(8_000) });
    expect(linkOrFile(url(8_001))).toEqual({ kind: 'file', linkLength: 8_001 });
  });

  it('a small snapshot goes in the fragment of a link (never sent to a server), which reads back to the same dashboard and figures', async () => {
    const snapshot = snapshotOf(3);
    const shared = await shareSnapshot(PAGE, dashboard, snapshot);
    if (shared.kind !== 'link') throw new Error(`expected a link, got a file of ${shared.linkLength}`);
    // Only the language goes in the query (sent to the server); the figures stay in the fragment.
    expect(new URL(shared.url).search).toBe('?lang=en');
    expect(new URL(shared.url).hash.length).toBeGreaterThan(100);
    expect(isSnapshotPage(at(shared.url))).toBe(true);
    expect(isSnapshotPage(at('/?v=1&measure=gmv#bench'))).toBe(false);
    expect(await readSnapshotPresentation(at(shared.url), [])).toEqual({ dashboard: { ...dashboard, snapshot }, snapshot, dropped: 0 });
  });

  it('a large one goes in the file, which imports with its figures and presents from this browser', async () => {
    const snapshot = snapshotOf(400);
    const shared = await shareSnapshot(PAGE, dashboard, snapshot);
    expect(shared).toEqual({ kind: 'file', linkLength: expect.any(Number) });
    expect(shared.kind === 'file' && shared.linkLength).toBeGreaterThan(MAX_SNAPSHOT_LINK_LENGTH);
    const imported = parseDashboardFile(snapshotFile(dashboard, snapshot));
    expect(imported).toEqual({ dashboard: { ...dashboard, snapshot }, snapshot, dropped: 0 });
    const kept = { ...(imported as { dashboard: Dashboard }).dashboard, id: 'kept1' };
    expect(await readSnapshotPresentation(at(`?${SAVED_SNAPSHOT_PARAM}=kept1`), [kept])).toEqual({ dashboard: kept, snapshot, dropped: 0 });
    expect(await readSnapshotPresentation(at(`?${SAVED_SNAPSHOT_PARAM}=gone1`), [kept])).toEqual({ error: expect.stringMatching(/not kept in this browser/) });
  });

  it('a plain dashboard file still imports, without figures', () => {
    expect(parseDashboardFile(serializeDashboard(dashboard))).toEqual({ dashboard, snapshot: null, dropped: 0 });
  });

  it('says what is wrong with a cut, forged or figure-less link, or a file with unreadable figures', async () => {
    const shared = await shareSnapshot(PAGE, dashboard, snapshotOf(3));
    const url = (shared as { url: string }).url;
    expect(await readSnapshotPresentation(at(url.slice(0, url.length - 30)), [])).toEqual({ error: expect.stringMatching(/damaged \(was it cut short\?\)/) });
    expect(await readSnapshotPresentation(at(`#${SNAPSHOT_PARAM}=<script>`), [])).toEqual({ error: expect.stringMatching(/not valid/) });
    expect(await readSnapshotPresentation(at(`#${SNAPSHOT_PARAM}=${'a'.repeat(MAX_SNAPSHOT_LINK_LENGTH + 1)}`), [])).toEqual({ error: expect.stringMatching(/not valid/) });
    const plain = await deflate(JSON.stringify(dashboard));
    expect(await readSnapshotPresentation(at(`#${SNAPSHOT_PARAM}=${plain}`), [])).toEqual({ error: expect.stringMatching(/holds no figures/) });
    const forged = await deflate(JSON.stringify({ ...dashboard, snapshot: { format: SNAPSHOT_FORMAT, v: 9 } }));
    expect(await readSnapshotPresentation(at(`#${SNAPSHOT_PARAM}=${forged}`), [])).toEqual({ error: expect.stringMatching(/newer version/) });
    expect(parseDashboardFile(JSON.stringify({ ...dashboard, snapshot: 'figures' }))).toEqual({
      error: 'The figures in this dashboard file cannot be used. This is not a Marketscope snapshot.',
    });
  });
});
