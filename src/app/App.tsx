import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ErrorBoundary } from 'react-error-boundary';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { hasRecordedStatements, loadShowSql, restoreUploadList } from '../data';
import { refuseEngine } from '../engine';
import type { Dashboard } from '../state/dashboards';
import { isSnapshotPage } from '../state/snapshotParams';
import { useViewState, writeViewState } from '../views';
import { THEMES, type Theme } from '../state/viewState';
import { decodeViewState, DEFAULT_VIEW_STATE } from '../views';
import { ErrorMessage, Skeleton } from '../ui/Panel';
import { ShowSqlContext, type ShowSqlLink } from '../ui/QueryView';
import { EngineIncidentNotice } from './EngineIncidentNotice';
import { CopyLinkButton } from './CopyLinkButton';
import { seedWithSummary, startWithSummary } from './startupHandover';
import { EngineVersion, StartupStatus } from './StartupStatus';
import { LanguagePicker } from './LanguagePicker';
import { messages } from './messages';
import { t, useT } from '../i18n';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Local data does not go stale behind our back; every parameter is in the key.
        staleTime: Infinity,
        gcTime: 5 * 60_000,
        retry: 1,
        refetchOnWindowFocus: false,
      },
    },
  });
}

/**
 * The app. `prerendering` draws the default overview from the build-time summary alone, never starting the engine
 * nor reading what the browser kept: the build writes that into index.html (src/app/prerender.tsx).
 */
export function App({ prerendering = false }: { prerendering?: boolean }) {
  const [{ queryClient, snapshot }] = useState(() => {
    const client = createQueryClient();
    // A snapshot's page shows fixed figures: the engine is never started, nor the datasets downloaded.
    const snapshot = isSnapshotPage(window.location);
    // What a panel of a snapshot says when it asks for a figure the snapshot does not hold.
    if (snapshot) refuseEngine(t(messages.notInSnapshot));
    else if (prerendering) {
      refuseEngine(t(messages.buildTime));
      seedWithSummary(client);
    } else startWithSummary(client);
    return { queryClient: client, snapshot };
  });
  return (
    <QueryClientProvider client={queryClient}>
      <Shell snapshot={snapshot} prerendering={prerendering} />
    </QueryClientProvider>
  );
}

/** Takes a dashboard's snapshot for "Share with data"; its code (and the panels drawn out of sight) load on first use. */
const captureSnapshot = (dashboard: Dashboard) => import('./snapshotCapture').then((module) => module.captureSnapshot(dashboard));

// A shared dashboard's link opens it in presentation mode: read-only, without the editing chrome.
const NeededFile = lazy(() => import('../features/upload/NeededFile').then((module) => ({ default: module.NeededFile })));
const PresentationPage = lazy(() => import('./PresentationPage').then((module) => ({ default: module.PresentationPage })));
const DashboardManager = lazy(() =>
  import('../features/dashboards/DashboardManager').then((module) => ({ default: module.DashboardManager })),
);

// The upload screen (sniffing, papaparse, the mapping table) loads when it is first opened.
const UploadPanel = lazy(() => import('../features/upload/UploadPanel').then((module) => ({ default: module.UploadPanel })));
// "Connect to a table" (ClickHouse through this server's proxy) and a link to a view over one: on first use too.
const ConnectPanel = lazy(() => import('../features/connect/ConnectPanel').then((module) => ({ default: module.ConnectPanel })));
const NeededClickHouse = lazy(() => import('../features/connect/NeededClickHouse').then((module) => ({ default: module.NeededClickHouse })));
/** A link's `need` naming a ClickHouse table rather than an uploaded file (src/data/clickhouse/clickHouseLink.ts). */
const isClickHouseNeed = (param: string) => param.startsWith('ch.');

function Shell({ snapshot, prerendering }: { snapshot: boolean; prerendering: boolean }) {
  const { state, update } = useViewState();
  const showSql = useShowSql();
  const [uploadOpen, setUploadOpen] = useState(false);
  const [dashboardsOpen, setDashboardsOpen] = useState(false);
  const [connectOpen, setConnectOpen] = useState(false);
  const tr = useT();
  // Read once, at the first render: after a compressed link has been expanded (main.tsx), and before the view
  // rewrites the address. A shared dashboard opens in presentation mode; a view over someone's upload names the file
  // it needs.
  const [{ PRESENTING, NEEDED, SEARCH }] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    return { PRESENTING: snapshot || params.has('present'), NEEDED: params.get('need'), SEARCH: window.location.search };
  });
  useEffect(() => {
    document.documentElement.dataset.theme = state.theme;
  }, [state.theme]);
  useEffect(() => {
    // Lists the datasets kept from earlier visits, after the first paint; a link to one waits for this. A snapshot
    // brings its own.
    if (!snapshot && !prerendering) void restoreUploadList().catch(() => {});
  }, [snapshot, prerendering]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {tr(messages.skipLink)}
      </a>
      <header className="app-header">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <div>
            <h1 className="brand-name">{PRODUCT_NAME}</h1>
            <p className="brand-tagline">{tr(messages.tagline)}</p>
          </div>
        </div>
        {PRESENTING ? null : <div className="header-actions">
          <CopyLinkButton />
          <RegionToggle open={dashboardsOpen} onToggle={setDashboardsOpen} region="dashboards-region" testId="open-dashboards">
            {tr(dashboardsOpen ? messages.closeDashboards : messages.openDashboards)}
          </RegionToggle>
          <RegionToggle open={uploadOpen} onToggle={setUploadOpen} region="upload-region" testId="open-upload">
            {tr(uploadOpen ? messages.closeUpload : messages.openUpload)}
          </RegionToggle>
          <RegionToggle open={connectOpen} onToggle={setConnectOpen} region="connect-region" testId="open-connect">
            {tr(connectOpen ? messages.closeConnect : messages.openConnect)}
          </RegionToggle>
          <ThemePicker theme={state.theme} onChange={(theme) => update({ theme })} />
          <LanguagePicker />
        </div>}
      </header>
      {snapshot ? null : <StartupStatus />}
      <main id="main" className="app-main">
        <EngineIncidentNotice />
        {NEEDED && !PRESENTING ? (
          <Suspense fallback={null}>
            {isClickHouseNeed(NEEDED) ? <NeededClickHouse param={NEEDED} view={SEARCH} /> : <NeededFile param={NEEDED} />}
          </Suspense>
        ) : null}
        {dashboardsOpen && !PRESENTING ? (
          <div id="dashboards-region">
            <Suspense fallback={<Skeleton height={160} label={tr(messages.loadingDashboards)} />}>
              <DashboardManager captureSnapshot={captureSnapshot} />
            </Suspense>
          </div>
        ) : null}
        {uploadOpen && !PRESENTING ? (
          <div id="upload-region">
            <Suspense fallback={<Skeleton height={160} label={tr(messages.loadingUpload)} />}>
              <UploadPanel
                onOpen={(dataset) => {
                  writeViewState({ ...DEFAULT_VIEW_STATE, dataset, theme: state.theme });
                  setUploadOpen(false);
                }}
              />
            </Suspense>
          </div>
        ) : null}
        {connectOpen && !PRESENTING ? (
          <div id="connect-region">
            <Suspense fallback={<Skeleton height={160} label={tr(messages.loadingConnect)} />}>
              <ConnectPanel
                onOpen={(dataset) => {
                  writeViewState({ ...DEFAULT_VIEW_STATE, dataset, theme: state.theme });
                  setConnectOpen(false);
                }}
              />
            </Suspense>
          </div>
        ) : null}
        <ErrorBoundary FallbackComponent={({ error, resetErrorBoundary }) => (
          <ErrorMessage title={tr(messages.stopped)} error={error} onRetry={resetErrorBoundary} />
        )}>
          {PRESENTING ? (
            <Suspense fallback={<Skeleton height={240} label={tr(messages.openingDashboard)} />}>
              <PresentationPage snapshot={snapshot} />
            </Suspense>
          ) : (
            // "Show SQL" on the analyst's own panels; a presented dashboard is read-only and has none.
            <ShowSqlContext.Provider value={showSql}>
              <WorkspacePage />
            </ShowSqlContext.Provider>
          )}
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        {snapshot ? (
          <p>{tr(messages.footerSnapshot)}</p>
        ) : (
          <p>{tr(messages.footerLive)}</p>
        )}
        <EngineVersion />
      </footer>
    </div>
  );
}

/**
 * "Show SQL": the statement recorded for the result a panel shows, its values written in, opened in the SQL view as
 * a new history entry (Back returns to the panel's view).
 */
function useShowSql(): ShowSqlLink {
  const client = useQueryClient();
  return useMemo(
    () => ({
      available: (data: unknown) => hasRecordedStatements(client, data),
      open(data: unknown) {
        void loadShowSql().then(({ sqlForResult }) => {
          const sql = sqlForResult(client, data);
          if (sql === null) return;
          window.history.pushState(window.history.state, '', window.location.href);
          writeViewState({ ...decodeViewState(window.location.search).state, tab: 'sql', sql });
          window.scrollTo({ top: 0 });
        });
      },
    }),
    [client],
  );
}

/** A header button that shows or hides a screen region below the header. */
function RegionToggle(props: { open: boolean; onToggle: (open: boolean) => void; region: string; testId: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button"
      aria-expanded={props.open}
      aria-controls={props.region}
      onClick={() => props.onToggle(!props.open)}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}

/** The product's name, the same in every language. */
const PRODUCT_NAME = 'Marketscope';

const THEME_NAMES = { system: messages.themeSystem, light: messages.themeLight, dark: messages.themeDark } as const;

function ThemePicker({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  const tr = useT();
  return (
    <label className="theme-picker">
      <span className="field-label">{tr(messages.theme)}</span>
      <select className="select" value={theme} onChange={(event) => onChange(event.target.value as Theme)} data-testid="theme">
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {tr(THEME_NAMES[option])}
          </option>
        ))}
      </select>
    </label>
  );
}
