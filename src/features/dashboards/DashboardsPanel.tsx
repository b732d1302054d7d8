import { useId, useState, useSyncExternalStore } from 'react';
import { dashboards, newDashboard, parseDashboard, serializeDashboard, type Dashboard, type DashboardPanel } from '../../state/dashboards';
import { downloadFile, fileNameOf } from '../../lib/csv';
import { presentationUrl } from './presentLink';
import { FilePicker } from '../../ui/FilePicker';
import './dashboards.css';

/**
 * The analyst's dashboards: name them, title and annotate their panels, reorder or remove panels, then present one,
 * copy its link, or export it as a file (and import one). Panels are added with "Pin to dashboard" on any view.
 */
export function DashboardsPanel() {
  const all = useSyncExternalStore(dashboards.subscribe, dashboards.get);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const inputId = useId();

  const importFile = async (file: File) => {
    const result = parseDashboard(await file.text());
    if ('error' in result) {
      setMessage({ kind: 'alert', text: `${file.name}: ${result.error} Nothing was changed.` });
      return;
    }
    // An imported dashboard never replaces one of yours: it gets an id of its own.
    const imported = { ...newDashboard(result.dashboard.name), panels: result.dashboard.panels };
    dashboards.save(imported);
    setMessage({ kind: 'status', text: `Imported “${imported.name}” (${imported.panels.length} panels).` });
  };

  return (
    <section className="dashboards" aria-labelledby={`${inputId}-title`} data-testid="dashboards-panel">
      <h2 id={`${inputId}-title`}>Dashboards</h2>
      <p className="dashboards-lead">
        Pin any view with “Pin to dashboard”. A dashboard is kept in this browser; share it as a link that opens in
        presentation mode, or as a file.
      </p>
      <div className="dashboards-actions">
        <button type="button" className="button" onClick={() => dashboards.save(newDashboard(`Dashboard ${all.length + 1}`))}>
          New dashboard
        </button>
        <FilePicker accept=".json,application/json" testId="dashboard-import" onFiles={([file]) => void importFile(file!)}>
          Import a dashboard file…
        </FilePicker>
      </div>
      {message ? (
        <p role={message.kind} className={message.kind === 'alert' ? 'upload-error' : 'upload-note'} data-testid="dashboards-message">
          {message.text}
        </p>
      ) : null}
      {all.length === 0 ? <p className="upload-note">No dashboard yet.</p> : null}
      {all.map((dashboard) => (
        <DashboardEditor key={dashboard.id} dashboard={dashboard} onMessage={setMessage} />
      ))}
    </section>
  );
}

function DashboardEditor({ dashboard, onMessage }: { dashboard: Dashboard; onMessage: (message: { kind: 'status' | 'alert'; text: string }) => void }) {
  const save = (change: Partial<Dashboard>) => dashboards.save({ ...dashboard, ...change });
  const setPanel = (panelId: string, change: Partial<DashboardPanel>) =>
    save({ panels: dashboard.panels.map((panel) => (panel.id === panelId ? { ...panel, ...change } : panel)) });
  const move = (index: number, by: number) => {
    const panels = [...dashboard.panels];
    const [panel] = panels.splice(index, 1);
    panels.splice(index + by, 0, panel!);
    save({ panels });
  };
  const copyLink = async () => {
    const url = await presentationUrl(window.location, dashboard);
    try {
      await navigator.clipboard.writeText(url);
      onMessage({ kind: 'status', text: `Link to “${dashboard.name}” copied: it opens in presentation mode.` });
    } catch {
      onMessage({ kind: 'status', text: url });
    }
  };
  return (
    <article className="dashboard-editor" data-testid="dashboard-editor">
      <label className="field">
        <span className="field-label">Name</span>
        <input
          className="input"
          value={dashboard.name}
          maxLength={160}
          onChange={(event) => save({ name: event.target.value || 'Untitled dashboard' })}
          data-testid="dashboard-name"
        />
      </label>
      {dashboard.panels.length === 0 ? <p className="upload-note">No panel yet: pin a view.</p> : null}
      <ol className="dashboard-panels">
        {dashboard.panels.map((panel, index) => (
          <li key={panel.id} className="dashboard-panel-item" data-testid="dashboard-panel-item">
            <label className="field">
              <span className="field-label">Title</span>
              <input className="input" value={panel.title} maxLength={160} onChange={(event) => setPanel(panel.id, { title: event.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">Notes</span>
              <textarea className="input" rows={2} value={panel.notes} maxLength={2000} onChange={(event) => setPanel(panel.id, { notes: event.target.value })} />
            </label>
            <div className="dashboard-panel-actions">
              <a className="button button-quiet" href={`?${panel.view}`}>
                Open
              </a>
              <button type="button" className="button button-quiet" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${panel.title} up`}>
                ↑
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={index === dashboard.panels.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move ${panel.title} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => save({ panels: dashboard.panels.filter((item) => item.id !== panel.id) })}
                aria-label={`Remove ${panel.title}`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="dashboards-actions">
        <button
          type="button"
          className="button button-strong"
          disabled={dashboard.panels.length === 0}
          onClick={() => void presentationUrl(window.location, dashboard).then((url) => window.location.assign(url))}
          data-testid="dashboard-present"
        >
          Present
        </button>
        <button type="button" className="button" disabled={dashboard.panels.length === 0} onClick={() => void copyLink()} data-testid="dashboard-copy-link">
          Copy link
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadFile(`${fileNameOf(dashboard.name)}.marketscope.json`, new Blob([serializeDashboard(dashboard)], { type: 'application/json' }))}
          data-testid="dashboard-export"
        >
          Export file
        </button>
        <button type="button" className="button button-danger" onClick={() => dashboards.remove(dashboard.id)}>
          Delete dashboard
        </button>
      </div>
    </article>
  );
}
