import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import type { Dashboard } from '../state/dashboards';
import { FixedViewStateProvider } from '../views';
import { ErrorMessage } from '../ui/Panel';
import { useT } from '../i18n';
import { messages as uiMessages } from '../ui/messages';

/**
 * A dashboard's panels, one under the other, each with its title and notes and each showing its own view,
 * read-only. Each fails on its own: a panel that cannot be drawn (a damaged snapshot, a bug) says so in its place,
 * and the others stay. Both the presentation and the taking of a snapshot draw this, so that a snapshot holds
 * exactly the queries the presentation will ask for.
 */
export function PresentationPanels({ dashboard }: { dashboard: Dashboard }) {
  return (
    <>
      {dashboard.panels.map((panel) => (
        <section key={panel.id} className="presentation-panel" aria-label={panel.title} data-testid="presentation-panel">
          <h3>{panel.title}</h3>
          {panel.notes ? <p className="presentation-notes">{panel.notes}</p> : null}
          <ErrorBoundary FallbackComponent={PanelFailed}>
            <FixedViewStateProvider search={panel.view}>
              <WorkspacePage presentation />
            </FixedViewStateProvider>
          </ErrorBoundary>
        </section>
      ))}
    </>
  );
}

function PanelFailed({ error, resetErrorBoundary }: FallbackProps) {
  const tr = useT();
  return <ErrorMessage title={tr(uiMessages.panelFailed)} error={error} onRetry={resetErrorBoundary} />;
}
