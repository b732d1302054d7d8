/**
 * Where a snapshot's presentation is named (see src/data/snapshotShare.ts), apart from the code that reads it, so that
 * the first screen can tell a snapshot page at once without loading that code. Both names are hyphenated: a view's
 * parameters, dimension ids included, never are, so neither can be mistaken for a filter on an uploaded column.
 */

/**
 * A dashboard with its figures, deflated, in the link's fragment (`#present-snapshot=…`). A fragment is never sent
 * to a server: the figures reach whoever is given the link, and not even the server that hosts the app sees them.
 */
export const SNAPSHOT_PARAM = 'present-snapshot';
/** The id of a dashboard with figures kept in this browser (an imported dashboard file), in the query string. */
export const SAVED_SNAPSHOT_PARAM = 'present-saved';

/** The snapshot parameter of a fragment (`#present-snapshot=…`), or null. */
export function snapshotInHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(SNAPSHOT_PARAM);
}

/** Whether a page opens a snapshot: a page that shows fixed figures and never computes. */
export function isSnapshotPage(place: { search: string; hash: string }): boolean {
  return snapshotInHash(place.hash) !== null || new URLSearchParams(place.search).has(SAVED_SNAPSHOT_PARAM);
}
