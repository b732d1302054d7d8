import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { hydrate, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { readPresentation } from '../features/dashboards/presentLink';
import { FixedDatasetsProvider } from '../features/workspace/fixedDatasets';
import { snapshotDatasetEntries, toDehydratedState, type Snapshot } from '../data/snapshot';
import { readSnapshotPresentation } from '../data/snapshotShare';
import { formatDay, formatLocale, formatMoment } from '../lib/format';
import { dashboards, type Dashboard } from '../state/dashboards';
import { ErrorMessage, Skeleton } from '../ui/Panel';
import { localTextKey, useIntlShape, useLocale, useT, type LocalText, type Message } from '../i18n';
import { PresentationPanels } from './PresentationPanels';
import { messages } from './messages';
import '../features/dashboards/dashboards.css';

type Loaded = { dashboard: Dashboard; snapshot?: Snapshot; dropped?: number; problems?: LocalText[] } | { error: string };

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
  const tr = useT();
  const intl = useIntlShape();
  const locale = useLocale();
  useEffect(() => {
    void (fromSnapshot ? readSnapshotPresentation(window.location, dashboards.get()) : readPresentation(window.location.search).then(withClickHouseDatasets)).then(setLoaded);
  }, [fromSnapshot]);
  if (!loaded) return <Skeleton height={240} label={tr(messages.openingDashboard)} />;
  if ('error' in loaded) {
    return (
      <div data-testid="presentation-error">
        <ErrorMessage title={tr(messages.presentationCannotShow)} error={new Error(loaded.error)} />
        <a className="button" href="/">
          {tr(messages.presentationOpenApp)}
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
            <strong className="snapshot-date" title={tr(messages.snapshotTaken, { moment: formatMoment(takenAt) })}>
              {tr(messages.snapshotOf, { day: formatDay(takenAt) })}
            </strong> <span>{tr(messages.snapshotFixed)}</span>
            {snapshot?.lang && snapshot.lang !== locale ? (
              <>
                {' '}
                <span data-testid="snapshot-language">{tr(messages.snapshotLanguage, { language: languageName(snapshot.lang) })}</span>
              </>
            ) : null}
          </p>
        ) : null}
        <p className="presentation-notes">
          {intl.formatMessage(messages.presentationNotes as Message, {
            count: dashboard.panels.length,
            link: (parts: ReactNode[]) => (
              <a key="leave" className="presentation-leave" href="/">
                {parts}
              </a>
            ),
          })}
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
              ? { title: dashboard.name, generatedAt: takenAt, source: tr(messages.htmlSourceSnapshot) }
              : { title: dashboard.name, generatedAt: new Date(), source: tr(messages.htmlSourceLive) };
            void Promise.all([import('../ui/standaloneHtml'), import('../lib/csv')]).then(([{ standaloneHtml }, { downloadFile, fileNameOf }]) =>
              downloadFile(`${fileNameOf(dashboard.name)}.html`, new Blob([standaloneHtml(root, meta)], { type: 'text/html' })),
            );
          }}
        >
          {tr(messages.downloadHtml)}
        </button>
      </header>
      {problems.map((problem) => (
        <p key={localTextKey(problem)} className="notices" role="alert" data-testid="presentation-clickhouse-problem">
          {tr(problem)}
        </p>
      ))}
      {dropped > 0 ? (
        <p className="notices" role="status" data-testid="snapshot-notice">
          {tr(messages.snapshotDropped, { count: dropped })}
        </p>
      ) : null}
      {snapshot ? <SnapshotFigures snapshot={snapshot}>{panels}</SnapshotFigures> : panels}
    </div>
  );
}

/** A language's name in the reader's language ("Russian", «русский», "ruso"). */
function languageName(locale: string): string {
  const language = locale.split('-')[0]!;
  return new Intl.DisplayNames([formatLocale()], { type: 'language' }).of(language) ?? language;
}

/**
 * The panels below answered from the snapshot alone: a query cache of their own, filled with TanStack Query's
 * hydrate, that never goes stale, never refetches and never retries, and the snapshot's datasets in place of this
 * browser's. A panel asking for a figure the snapshot does not hold reaches the engine, which this page refuses to
 * start (see App), and says so.
 *
 * Languages (see src/data/snapshot.ts): the chrome follows the viewer's language, the figures stay as taken. A query
 * whose key names the language finds the taker's result under the viewer's locale; when the viewer switches language
 * here, the results are filed under the new one too, before the panels ask for them.
 */
function SnapshotFigures({ snapshot, children }: { snapshot: Snapshot; children: ReactNode }) {
  const locale = useLocale();
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: Infinity, gcTime: Infinity, retry: false, refetchOnMount: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
        },
      }),
  );
  // During render, not in an effect: the panels below ask for their figures in this same render. Idempotent.
  const filed = useRef(new Set<string>());
  if (!filed.current.has(locale)) {
    filed.current.add(locale);
    hydrate(client, toDehydratedState(snapshot, locale));
  }
  const datasets = useMemo(() => snapshotDatasetEntries(snapshot), [snapshot]);
  return (
    <QueryClientProvider client={client}>
      <FixedDatasetsProvider datasets={datasets}>{children}</FixedDatasetsProvider>
    </QueryClientProvider>
  );
}
