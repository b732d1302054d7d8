/**
 * The parameters of a snapshot's presentation (see src/data/snapshotShare.ts), apart from the code that reads them so
 * that the first screen can tell a snapshot page at once without loading that code. Both are hyphenated: a view's
 * parameters, dimension ids included, never are, so neither can be mistaken for a filter on an uploaded column.
 */

/** A dashboard with its figures, deflated into the link. */
export const SNAPSHOT_PARAM = 'present-snapshot';
/** The id of a dashboard with figures kept in this browser (an imported dashboard file), presented from there. */
export const SAVED_SNAPSHOT_PARAM = 'present-saved';

/** Whether a page's query string opens a snapshot: a page that shows fixed figures and never computes. */
export function isSnapshotPage(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has(SNAPSHOT_PARAM) || params.has(SAVED_SNAPSHOT_PARAM);
}
