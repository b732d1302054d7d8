import { useEffect, useState } from 'react';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { readPresentation } from '../features/dashboards/presentLink';
import type { Dashboard } from '../state/dashboards';
import { FixedViewStateProvider } from '../state/useViewState';
import { ErrorMessage, Skeleton } from '../ui/Panel';
import '../features/dashboards/dashboards.css';

/**
 * A shared dashboard, for whoever opens its link: read-only, no editing chrome, the panels one under the other with
 * their titles and notes. Every panel's view is checked against the data like any link; what cannot be shown is
 * said in the panel.
 */
export function PresentationPage() {
  const [loaded, setLoaded] = useState<{ dashboard: Dashboard } | { error: string } | null>(null);
  useEffect(() => {
    void readPresentation(window.location.search).then(setLoaded);
  }, []);
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
  const { dashboard } = loaded;
  return (
    <div className="presentation" data-testid="presentation">
      <header className="presentation-header">
        <h2>{dashboard.name}</h2>
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
            void Promise.all([import('../ui/standaloneHtml'), import('../lib/csv')]).then(([{ standaloneHtml }, { downloadFile, fileNameOf }]) =>
              downloadFile(
                `${fileNameOf(dashboard.name)}.html`,
                new Blob([standaloneHtml(root, { title: dashboard.name, generatedAt: new Date(), source: 'Every figure was computed in the browser.' })], {
                  type: 'text/html',
                }),
              ),
            );
          }}
        >
          Download as one HTML file
        </button>
      </header>
      {dashboard.panels.map((panel) => (
        <section key={panel.id} className="presentation-panel" aria-label={panel.title} data-testid="presentation-panel">
          <h3>{panel.title}</h3>
          {panel.notes ? <p className="presentation-notes">{panel.notes}</p> : null}
          <FixedViewStateProvider search={panel.view}>
            <DashboardPage presentation />
          </FixedViewStateProvider>
        </section>
      ))}
    </div>
  );
}
