import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { errorMessage } from '../../lib/errors';
import { dashboards, newDashboard, serializeDashboard, type Dashboard, type DashboardPanel } from '../../state/dashboards';
import { SAVED_SNAPSHOT_PARAM } from '../../state/snapshotParams';
import { parseSnapshot, type Snapshot } from '../../data/snapshot';
import { MAX_SNAPSHOT_LINK_LENGTH, parseDashboardFile, shareSnapshot, snapshotFile } from '../../data/snapshotShare';
import { downloadFile, fileNameOf } from '../../lib/csv';
import { formatBytes, formatDay } from '../../lib/format';
import { presentationUrl } from './presentLink';
import { FilePicker } from '../../ui/FilePicker';
import { t, useT } from '../../i18n';
import { messages } from './messages';
import './dashboards.css';

/** Takes a snapshot of a dashboard's figures (given by the app: it draws the panels, which this feature cannot). */
export type CaptureSnapshot = (dashboard: Dashboard) => Promise<{ snapshot: Snapshot } | { error: string }>;

type Message = { kind: 'status' | 'alert'; text: string };

/** The arrows of the move buttons (each button has its words in its label). */
const UP = '↑';
const DOWN = '↓';

/**
 * Runs a change to the kept dashboards; when the browser refuses it (storage full or blocked: nothing was changed),
 * gives the sentence to show: `refused` ("Not saved. {reason}") with the browser's reason.
 */
function tryToKeep(change: () => void, refused: (reason: string) => string): string | null {
  try {
    change();
    return null;
  } catch (error) {
    return refused(errorMessage(error));
  }
}

/**
 * The analyst's dashboards: name them, title and annotate their panels, reorder or remove panels, then present one,
 * copy its link, or export it as a file (and import one). Panels are added with "Pin to dashboard" on any view.
 * "Share with data" sends the figures along: whoever opens it needs neither the data nor the query engine.
 */
export function DashboardManager({ captureSnapshot }: { captureSnapshot?: CaptureSnapshot } = {}) {
  const all = useSyncExternalStore(dashboards.subscribe, dashboards.get);
  const [message, setMessage] = useState<Message | null>(null);
  const inputId = useId();
  const tr = useT();

  const importFile = async (file: File) => {
    const result = parseDashboardFile(await file.text());
    if ('error' in result) {
      setMessage({ kind: 'alert', text: t(messages.importRefused, { file: file.name, reason: result.error }) });
      return;
    }
    // An imported dashboard never replaces one of yours: it gets an id of its own.
    const imported: Dashboard = {
      ...newDashboard(result.dashboard.name),
      panels: result.dashboard.panels,
      ...(result.snapshot ? { snapshot: result.snapshot } : {}),
    };
    // The browser's storage for this site may be full (figures can take a megabyte or two).
    const refused = tryToKeep(() => dashboards.save(imported), (reason) => t(messages.importNotKept, { file: file.name, reason }));
    if (refused) {
      setMessage({ kind: 'alert', text: refused });
      return;
    }
    const count = imported.panels.length;
    const done = result.snapshot
      ? t(messages.importedWithFigures, { name: imported.name, count, day: formatDay(new Date(result.snapshot.takenAt)) })
      : t(messages.imported, { name: imported.name, count });
    const damaged = result.dropped > 0 ? t(messages.importedDamaged, { count: result.dropped }) : null;
    setMessage({ kind: 'status', text: damaged ? `${done} ${damaged}` : done });
  };

  return (
    <section className="dashboards" aria-labelledby={`${inputId}-title`} data-testid="dashboards-panel">
      <h2 id={`${inputId}-title`}>{tr(messages.title)}</h2>
      <p className="dashboards-lead">{tr(messages.lead)}</p>
      <div className="dashboards-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            const refused = tryToKeep(
              () => dashboards.save(newDashboard(tr(messages.defaultName, { number: all.length + 1 }))),
              (reason) => t(messages.notMade, { reason }),
            );
            if (refused) setMessage({ kind: 'alert', text: refused });
          }}
          data-testid="dashboard-new"
        >
          {tr(messages.newDashboard)}
        </button>
        <FilePicker accept=".json,application/json" testId="dashboard-import" onFiles={([file]) => void importFile(file!)}>
          {tr(messages.importFile)}
        </FilePicker>
      </div>
      {message ? (
        <p role={message.kind} className={message.kind === 'alert' ? 'dashboards-error' : 'dashboards-note'} data-testid="dashboards-message">
          {message.text}
        </p>
      ) : null}
      {all.length === 0 ? <p className="dashboards-note">{tr(messages.none)}</p> : null}
      {all.map((dashboard) => (
        <DashboardEditor key={dashboard.id} dashboard={dashboard} onMessage={setMessage} captureSnapshot={captureSnapshot} />
      ))}
    </section>
  );
}

function DashboardEditor({
  dashboard,
  onMessage,
  captureSnapshot,
}: {
  dashboard: Dashboard;
  onMessage: (message: Message) => void;
  captureSnapshot?: CaptureSnapshot;
}) {
  // An imported dashboard file may hold figures: then this dashboard is that snapshot, and is shared as one.
  const held = useMemo(() => {
    if (dashboard.snapshot === undefined) return null;
    const reading = parseSnapshot(dashboard.snapshot);
    return 'snapshot' in reading ? reading.snapshot : null;
  }, [dashboard.snapshot]);
  const [share, setShare] = useState<ShareState>({ kind: 'idle' });
  const tr = useT();
  // A change the browser refused, shown in this dashboard until one is kept: the fields show what is kept.
  const [refused, setRefused] = useState<string | null>(null);
  const keep = (change: () => void, refusal: (reason: string) => string) => setRefused(tryToKeep(change, refusal));
  const save = (change: Partial<Dashboard>) => keep(() => dashboards.save({ ...dashboard, ...change }), (reason) => t(messages.notSaved, { reason }));
  const setPanel = (panelId: string, change: Partial<DashboardPanel>) =>
    save({ panels: dashboard.panels.map((panel) => (panel.id === panelId ? { ...panel, ...change } : panel)) });
  const move = (index: number, by: number) => {
    const panels = [...dashboard.panels];
    const [panel] = panels.splice(index, 1);
    panels.splice(index + by, 0, panel!);
    save({ panels });
  };
  const offer = async (snapshot: Snapshot) => {
    const shared = await shareSnapshot(window.location, dashboard, snapshot);
    if (shared.kind === 'file') {
      setShare({ kind: 'file', snapshot, linkLength: shared.linkLength });
      return;
    }
    let copied = true;
    try {
      await navigator.clipboard.writeText(shared.url);
    } catch {
      copied = false;
    }
    setShare({ kind: 'link', snapshot, url: shared.url, copied });
  };
  const shareWithData = async () => {
    if (!captureSnapshot) return;
    setShare({ kind: 'busy' });
    const taken = await captureSnapshot(dashboard).catch((error: unknown) => ({ error: errorMessage(error) }));
    if ('error' in taken) setShare({ kind: 'error', text: taken.error });
    else await offer(taken.snapshot);
  };
  const downloadWithFigures = (snapshot: Snapshot) =>
    downloadFile(
      `${fileNameOf(dashboard.name)}-snapshot-${snapshot.takenAt.slice(0, 10)}.marketscope.json`,
      new Blob([snapshotFile(dashboard, snapshot)], { type: 'application/json' }),
    );
  const present = () => {
    if (held) window.location.assign(`${window.location.pathname}?${SAVED_SNAPSHOT_PARAM}=${dashboard.id}`);
    else void presentationUrl(window.location, dashboard).then((url) => window.location.assign(url));
  };
  const copyLink = async () => {
    if (held) {
      await offer(held);
      return;
    }
    const url = await presentationUrl(window.location, dashboard);
    try {
      await navigator.clipboard.writeText(url);
      onMessage({ kind: 'status', text: t(messages.linkCopied, { name: dashboard.name }) });
    } catch {
      onMessage({ kind: 'status', text: url });
    }
  };
  return (
    <article className="dashboard-editor" data-testid="dashboard-editor">
      <label className="field">
        <span className="field-label">{tr(messages.name)}</span>
        <input
          className="input"
          value={dashboard.name}
          maxLength={160}
          onChange={(event) => save({ name: event.target.value || tr(messages.untitled) })}
          data-testid="dashboard-name"
        />
      </label>
      {refused ? (
        <p role="alert" className="dashboards-error" data-testid="dashboard-not-saved">
          {refused}
        </p>
      ) : null}
      {held ? (
        <p className="snapshot-label" data-testid="dashboard-snapshot-label">
          <strong className="snapshot-date">{tr(messages.snapshotOf, { day: formatDay(new Date(held.takenAt)) })}</strong> <span>{tr(messages.snapshotFixed)}</span>
        </p>
      ) : null}
      {dashboard.panels.length === 0 ? <p className="dashboards-note">{tr(messages.noPanel)}</p> : null}
      <ol className="dashboard-panels">
        {dashboard.panels.map((panel, index) => (
          <li key={panel.id} className="dashboard-panel-item" data-testid="dashboard-panel-item">
            <label className="field">
              <span className="field-label">{tr(messages.panelTitle)}</span>
              <input className="input" value={panel.title} maxLength={160} onChange={(event) => setPanel(panel.id, { title: event.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{tr(messages.panelNotes)}</span>
              <textarea className="input" rows={2} value={panel.notes} maxLength={2000} onChange={(event) => setPanel(panel.id, { notes: event.target.value })} />
            </label>
            <div className="dashboard-panel-actions">
              <a className="button button-quiet" href={`?${panel.view}`}>
                {tr(messages.open)}
              </a>
              <button type="button" className="button button-quiet" disabled={index === 0} onClick={() => move(index, -1)} aria-label={tr(messages.moveUp, { title: panel.title })}>
                {UP}
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={index === dashboard.panels.length - 1}
                onClick={() => move(index, 1)}
                aria-label={tr(messages.moveDown, { title: panel.title })}
              >
                {DOWN}
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => save({ panels: dashboard.panels.filter((item) => item.id !== panel.id) })}
                aria-label={tr(messages.removePanel, { title: panel.title })}
              >
                {tr(messages.remove)}
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
          onClick={present}
          data-testid="dashboard-present"
        >
          {tr(messages.present)}
        </button>
        <button type="button" className="button" disabled={dashboard.panels.length === 0} onClick={() => void copyLink()} data-testid="dashboard-copy-link">
          {tr(messages.copyLink)}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            held
              ? downloadWithFigures(held)
              : downloadFile(`${fileNameOf(dashboard.name)}.marketscope.json`, new Blob([serializeDashboard(dashboard)], { type: 'application/json' }))
          }
          data-testid="dashboard-export"
        >
          {tr(messages.exportFile)}
        </button>
        {captureSnapshot && !held ? (
          <button
            type="button"
            className="button"
            disabled={dashboard.panels.length === 0 || share.kind === 'busy'}
            aria-busy={share.kind === 'busy'}
            onClick={() => void shareWithData()}
            data-testid="dashboard-share-data"
          >
            {tr(messages.shareWithData)}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-danger"
          onClick={() => keep(() => dashboards.remove(dashboard.id), (reason) => t(messages.notDeleted, { reason }))}
        >
          {tr(messages.deleteDashboard)}
        </button>
      </div>
      <ShareResult state={share} onDownload={downloadWithFigures} />
    </article>
  );
}

type ShareState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'link'; snapshot: Snapshot; url: string; copied: boolean }
  | { kind: 'file'; snapshot: Snapshot; linkLength: number }
  | { kind: 'error'; text: string };

/** What "Share with data" made: the link (copied, and shown to copy by hand), or the file when a link cannot hold it. */
function ShareResult({ state, onDownload }: { state: ShareState; onDownload: (snapshot: Snapshot) => void }) {
  const tr = useT();
  if (state.kind === 'idle') return null;
  if (state.kind === 'busy') {
    return (
      <p role="status" className="share-data" data-testid="share-data-result">
        {tr(messages.computing)}
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p role="alert" className="share-data share-data-error" data-testid="share-data-result">
        {state.text}
      </p>
    );
  }
  const day = formatDay(new Date(state.snapshot.takenAt));
  return (
    <div className="share-data" data-testid="share-data-result">
      {state.kind === 'link' ? (
        <>
          <p role="status">{tr(state.copied ? messages.shareCopied : messages.shareReady, { size: formatBytes(state.url.length), day })}</p>
          <label className="field">
            <span className="field-label">{tr(messages.shareLink)}</span>
            <input
              className="input share-data-link"
              readOnly
              value={state.url}
              onFocus={(event) => event.currentTarget.select()}
              data-testid="share-data-link"
            />
          </label>
        </>
      ) : (
        <p role="status">{tr(messages.shareTooLarge, { size: formatBytes(state.linkLength), max: formatBytes(MAX_SNAPSHOT_LINK_LENGTH) })}</p>
      )}
      <button type="button" className="button" onClick={() => onDownload(state.snapshot)} data-testid="share-data-file">
        {tr(state.kind === 'link' ? messages.downloadInstead : messages.downloadFile)}
      </button>
    </div>
  );
}
