import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { hydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { readPresentation } from '../features/dashboards/presentLink';
import { FixedDatasetsProvider } from '../features/workspace/fixedDatasets';
import { snapshotDatasetEntries, toDehydratedState, type Snapshot } from '../data/snapshot';
import { readSnapshotPresentation } from '../data/snapshotShare';
import { formatDay, formatMoment } from '../lib/format';
import { dashboards, type Dashboard } from '../state/dashboards';
import { ErrorMessage, Skeleton } from '../ui/Panel';
import { PresentationPanels } from './PresentationPanels';
import '../features/dashboards/dashboards.css';

type Loaded = { dashboard: Dashboard; snapshot?: Snapshot; dropped?: number; problems?: string[] } | { error: string };

/** A live dashboard's ClickHouse tables (named in its panels' views) listed in this browser before its panels ask. */
async function withClickHouseDatasets(loaded: Loaded): Promise<Loaded> {
  if ('error' in loaded || !loaded.dashboard.panels.some((panel) => panel.view.includes('need=ch.'))) return loaded;
  const { restoreClickHouseFromViews } = await import('../data/clickhouse/clickHouseLink');
  return { ...loaded, problems: await restoreClickHouseFromViews(loaded.dashboard.panels.map((panel) => panel.view)) };
}

/**
 * A shared dashboard, for whoever opens its link: read-only, no editing chrome, the panels one under the other with
 * their titles and notes. Every panel's view is checked against the data like any link; what cannot be shown is
 * said in the panel.
 *
 * With `snapshot`, the dashboard came with its figures (a link or an imported file made with "Share with data"):
 * the panels are drawn from them alone, under a label giving their date, and nothing is computed.
 */
export function PresentationPage({ snapshot: fromSnapshot = false }: { snapshot?: boolean }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    void (fromSnapshot ? readSnapshotPresentation(window.location, dashboards.get()) : readPresentation(window.location.search).then(withClickHouseDatasets)).then(setLoaded);
  }, [fromSnapshot]);
  if (!loaded) return <Skeleton height={240} label="Opening the dashboard" />;
  if ('error' in loaded) {
    return (
      <div data-testid="presentation-error">
        <ErrorMessage title="This dashboard cannot be shown" error={new Error(loaded.error)} />
        <a className="button" href="/">
          Open Marketscope
        </a>
      </div>
    );
  }
  const { dashboard, snapshot, dropped = 0, problems = [] } = loaded;
  const takenAt = snapshot ? new Date(snapshot.takenAt) : null;
  const panels = <PresentationPanels dashboard={dashboard} />;
  return (
    <div className="presentation" data-testid="presentation">
      <header className="presentation-header">
        <h2>{dashboard.name}</h2>
        {takenAt ? (
          <p className="snapshot-label" data-testid="snapshot-label">
            <strong className="snapshot-date" title={`Taken ${formatMoment(takenAt)}`}>
              Snapshot of {formatDay(takenAt)}
            </strong>{' '}
            <span>These figures are fixed as they were that day: they are not live, and do not change when the data does.</span>
          </p>
        ) : null}
        <p className="presentation-notes">
          {dashboard.panels.length} {dashboard.panels.length === 1 ? 'panel' : 'panels'} · read-only ·{' '}
          <a className="presentation-leave" href="/">
            Explore in Marketscope
          </a>
        </p>
        <button
          type="button"
          className="button presentation-leave"
          data-testid="presentation-html"
          onClick={(event) => {
            const root = event.currentTarget.closest<HTMLElement>('[data-testid=presentation]');
            if (!root) return;
            // A snapshot's page is dated by its figures, not by the day it was downloaded.
            const meta = takenAt
              ? { title: dashboard.name, generatedAt: takenAt, source: 'The figures are fixed as they were that day, not live.' }
              : { title: dashboard.name, generatedAt: new Date(), source: 'Every figure was computed in the browser.' };
            void Promise.all([import('../ui/standaloneHtml'), import('../lib/csv')]).then(([{ standaloneHtml }, { downloadFile, fileNameOf }]) =>
              downloadFile(`${fileNameOf(dashboard.name)}.html`, new Blob([standaloneHtml(root, meta)], { type: 'text/html' })),
            );
          }}
        >
          Download as one HTML file
        </button>
      </header>
      {problems.map((problem) => (
        <p key={problem} className="notices" role="alert" data-testid="presentation-clickhouse-problem">
          {problem}
        </p>
      ))}
      {dropped > 0 ? (
        <p className="notices" role="status" data-testid="snapshot-notice">
          {dropped === 1 ? 'One figure of this snapshot was' : `${dropped} figures of this snapshot were`} damaged on the way and{' '}
          {dropped === 1 ? 'is' : 'are'} left out; the panels that need {dropped === 1 ? 'it' : 'them'} say so. Ask for a new link or file
          to see {dropped === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
      {snapshot ? <SnapshotFigures snapshot={snapshot}>{panels}</SnapshotFigures> : panels}
    </div>
  );
}

/**
 * The panels below answered from the snapshot alone: a query cache of their own, filled with TanStack Query's
 * hydrate, that never goes stale, never refetches and never retries, and the snapshot's datasets in place of this
 * browser's. A panel asking for a figure the snapshot does not hold reaches the engine, which this page refuses to
 * start (see App), and says so.
 */
function SnapshotFigures({ snapshot, children }: { snapshot: Snapshot; children: ReactNode }) {
  const [client] = useState(() => {
    const client = new QueryClient({
      defaultOptions: {
        queries: { staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnMount: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      },
    });
    hydrate(client, toDehydratedState(snapshot));
    return client;
  });
  const datasets = useMemo(() => snapshotDatasetEntries(snapshot), [snapshot]);
  return (
    <QueryClientProvider client={client}>
      <FixedDatasetsProvider datasets={datasets}>{children}</FixedDatasetsProvider>
    </QueryClientProvider>
  );
}
