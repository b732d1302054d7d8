import { t, withLanguage } from '../i18n';
import { parseDashboard, unpackDashboard, type Dashboard } from '../state/dashboards';
import { deflate } from '../state/shareLink';
import { SAVED_SNAPSHOT_PARAM, SNAPSHOT_PARAM, snapshotInHash } from '../state/snapshotParams';
import { parseSnapshot, type Snapshot } from './snapshot';
import { messages } from './messages';

/**
 * How a dashboard travels with its figures: in the link when the snapshot is small, otherwise in the dashboard file
 * (the JSON export, with a `snapshot` field). Both are read back here, and checked, for the presentation.
 */

/**
 * The longest link that carries a snapshot, in characters. Long links fare badly on their way to someone: mail
 * clients wrap or cut them, chat apps and link previews shorten or refuse them, and a link that arrives cut is
 * worse than a file. About 8,000 characters still travels well (it is also what common servers accept in a request
 * line — nginx's default buffer is 8 kB, Apache's limit 8,190 bytes — though the figures, in the fragment, never
 * reach a server). Past this, the figures go in the dashboard file instead.
 */
export const MAX_SNAPSHOT_LINK_LENGTH = 8_000;

/** A link that opens the dashboard with its figures, or why it cannot be one (the snapshot is for the file). */
export type SnapshotShare = { kind: 'link'; url: string } | { kind: 'file'; linkLength: number };

/** The link, when it is short enough to be one (see {@link MAX_SNAPSHOT_LINK_LENGTH}); otherwise the file it needs. */
export function linkOrFile(url: string): SnapshotShare {
  return url.length <= MAX_SNAPSHOT_LINK_LENGTH ? { kind: 'link', url } : { kind: 'file', linkLength: url.length };
}

/** The dashboard with its figures, as one value (what the link and the file carry). */
export function withSnapshot(dashboard: Dashboard, snapshot: Snapshot): Dashboard {
  return { ...dashboard, snapshot };
}

/** How to share a dashboard with its figures from this page: a link if it fits, otherwise the file. */
export async function shareSnapshot(location: { origin: string; pathname: string }, dashboard: Dashboard, snapshot: Snapshot): Promise<SnapshotShare> {
  const packed = await deflate(snapshotFile(dashboard, snapshot));
  // In the analyst's language, for a recipient who has not chosen one.
  return linkOrFile(`${location.origin}${location.pathname}?${withLanguage('')}#${SNAPSHOT_PARAM}=${packed}`);
}

/**
 * The dashboard file with its figures. Compact JSON, unlike a plain dashboard's file: the figures are for the app to
 * read, and indenting them would make the file half as large again.
 */
export function snapshotFile(dashboard: Dashboard, snapshot: Snapshot): string {
  return JSON.stringify(withSnapshot(dashboard, snapshot));
}

/** A dashboard with its figures, checked; `dropped` counts the results left out as damaged. */
export type SnapshotPresentation = { dashboard: Dashboard; snapshot: Snapshot; dropped: number } | { error: string };

function withCheckedSnapshot(dashboard: Dashboard): SnapshotPresentation {
  if (dashboard.snapshot === undefined) return { error: t(messages.noFigures) };
  const reading = parseSnapshot(dashboard.snapshot);
  if ('error' in reading) return reading;
  return { dashboard: { ...dashboard, snapshot: reading.snapshot }, snapshot: reading.snapshot, dropped: reading.dropped };
}

/**
 * The dashboard and figures of a snapshot page: from the link (`#present-snapshot=…`), or from a dashboard kept in
 * this browser (`?present-saved=<id>`, an imported dashboard file). Never throws; says why it cannot be shown.
 */
export async function readSnapshotPresentation(place: { search: string; hash: string }, kept: readonly Dashboard[]): Promise<SnapshotPresentation> {
  const savedId = new URLSearchParams(place.search).get(SAVED_SNAPSHOT_PARAM);
  if (savedId !== null) {
    const dashboard = kept.find((item) => item.id === savedId);
    if (!dashboard) {
      return { error: t(messages.notKept) };
    }
    return withCheckedSnapshot(dashboard);
  }
  // Links with figures are made no longer than MAX_SNAPSHOT_LINK_LENGTH: anything longer was not made by the app.
  const parsed = await unpackDashboard(snapshotInHash(place.hash) ?? '', MAX_SNAPSHOT_LINK_LENGTH, 'This link to a dashboard with its figures');
  return 'error' in parsed ? parsed : withCheckedSnapshot(parsed.dashboard);
}

/**
 * A dashboard file, with its figures checked when it has some (`snapshot` null when it has none). A file whose
 * figures cannot be read at all is refused as a whole: importing the panels alone would show live views over data
 * the recipient does not have.
 */
export function parseDashboardFile(text: string): { dashboard: Dashboard; snapshot: Snapshot | null; dropped: number } | { error: string } {
  const parsed = parseDashboard(text);
  if ('error' in parsed) return parsed;
  if (parsed.dashboard.snapshot === undefined) return { dashboard: parsed.dashboard, snapshot: null, dropped: 0 };
  const checked = withCheckedSnapshot(parsed.dashboard);
  if ('error' in checked) return { error: t(messages.fileFiguresUnusable, { reason: checked.error }) };
  return checked;
}
