// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { dehydrate, QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engineRefusal, refuseEngine } from '../engine';
import { MARKET_MODEL } from '../data/marketModel';
import { buildSnapshot, type Snapshot } from '../data/snapshot';
import summary from 'virtual:startup-summary';
import type { KpiSummary } from '../data';
import { formatCompact } from '../lib/format';
import { dashboards, newDashboard, type Dashboard } from '../state/dashboards';
import { SAVED_SNAPSHOT_PARAM } from '../state/snapshotParams';
import { installResizeObserverStub } from '../views/shared/viewTestKit';
import { switchLocale } from '../i18n';
import { PresentationPage } from './PresentationPage';

// The default overview's real results (the build-time summary computes them from the bundled data), as a snapshot
// taken on 21 Nov 2026.
const TAKEN_AT = new Date('2026-11-21T14:05:00.000Z');
let snapshot: Snapshot;

beforeAll(() => {
  installResizeObserverStub();
  const client = new QueryClient();
  for (const entry of summary.entries) client.setQueryData(entry.key, entry.data);
  snapshot = buildSnapshot(TAKEN_AT, [MARKET_MODEL], dehydrate(client));
  // As on a snapshot's page (see App): nothing may compute.
  refuseEngine('This figure is not in the snapshot.');
});
afterEach(cleanup);

/** Keeps `dashboard` in this browser, as an imported file does, and opens its presentation from there. */
function present(dashboard: Dashboard) {
  dashboards.reload();
  dashboards.save(dashboard);
  window.history.replaceState(null, '', `/?${SAVED_SNAPSHOT_PARAM}=${dashboard.id}`);
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <PresentationPage snapshot />
    </QueryClientProvider>,
  );
}

const kpisOf = (entries: readonly { key: QueryKey; data: unknown }[]) => entries.find((entry) => entry.key[0] === 'kpis')!.data as KpiSummary;

describe('a snapshot’s presentation', () => {
  it('draws the panels from the snapshot alone, under its date, with the engine refused', async () => {
    expect(engineRefusal()).not.toBeNull();
    present({ ...newDashboard('Marketplaces'), panels: [{ id: 'a', title: 'Overview', notes: '', view: 'v=1' }], snapshot });
    expect(await screen.findByTestId('snapshot-label')).toHaveProperty('textContent', expect.stringMatching(/^Snapshot of 21 Nov 2026 These figures are fixed/));
    // Taken and shown in English: nothing to say about its language.
    expect(screen.queryByTestId('snapshot-language')).toBeNull();
    const panel = await screen.findByTestId('presentation-panel');
    const total = await within(panel).findByTestId('kpi-total');
    expect(total.textContent).toContain(formatCompact(kpisOf(summary.entries).current));
    expect(within(panel).getByTestId('kpi-leader').textContent).toContain(kpisOf(summary.entries).leader!);
    expect(await within(panel).findByTestId('published-table')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so in the panel when a figure is missing, and still draws the rest', async () => {
    const withoutKpis = { ...snapshot, results: snapshot.results.filter(([key]) => key[0] !== 'kpis') };
    present({ ...newDashboard('Marketplaces'), panels: [{ id: 'a', title: 'Overview', notes: '', view: 'v=1' }], snapshot: withoutKpis });
    const panel = await screen.findByTestId('presentation-panel');
    expect((await within(panel).findByRole('alert')).textContent).toContain('This figure is not in the snapshot.');
    expect(await within(panel).findByTestId('published-table')).toBeTruthy();
  });

  it('shows a damaged snapshot’s sentence instead of the panels', async () => {
    present({ ...newDashboard('Broken'), panels: [{ id: 'a', title: 'Overview', notes: '', view: 'v=1' }], snapshot: { ...snapshot, v: 99 } });
    expect((await screen.findByTestId('presentation-error')).textContent).toContain('newer version of Marketscope');
  });
  it('taken in Russian and opened in Spanish: the chrome in Spanish, the figures as taken, formatted for the reader', async () => {
    try {
      await switchLocale('ru-RU');
      const client = new QueryClient();
      for (const entry of summary.entries) client.setQueryData(entry.key, entry.data);
      const inRussian = buildSnapshot(TAKEN_AT, [MARKET_MODEL], dehydrate(client));
      expect(inRussian.lang).toBe('ru-RU');
      await switchLocale('es-MX');
      present({ ...newDashboard('Marketplaces'), panels: [{ id: 'a', title: 'Overview', notes: '', view: 'v=1' }], snapshot: inRussian });
      expect((await screen.findByTestId('snapshot-label')).textContent).toMatch(/^Instantánea del 21 nov 2026 Estas cifras quedaron fijas/);
      expect(screen.getByTestId('presentation').textContent).toContain('1 panel · solo lectura · Explorar en Marketscope');
      expect(screen.getByTestId('snapshot-language').textContent).toBe('Se tomó en ruso: los textos que vienen con las cifras están en ese idioma.');
      const panel = await screen.findByTestId('presentation-panel');
      const total = await within(panel).findByTestId('kpi-total');
      expect(total.textContent).toContain(formatCompact(kpisOf(summary.entries).current));
      expect(formatCompact(kpisOf(summary.entries).current)).toMatch(/millones/);
      expect(screen.queryByRole('alert')).toBeNull();
    } finally {
      await switchLocale('en');
    }
  });
});
