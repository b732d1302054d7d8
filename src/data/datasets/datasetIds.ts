import { slug } from '../upload/plan';

/**
 * Ids as the app makes them (newDatasetId): never `__`, since an upload's tables are named `<id>__…` and removeUpload
 * drops every table starting with that. Ids from a link or from storage are checked against it.
 */
export const DATASET_ID_PATTERN = /^u_[a-z0-9]+(?:_[a-z0-9]+)*$/;

/** A fresh dataset id for a label: "Blog analytics" → "u_blog_analytics_k3f9". */
export function newDatasetId(label: string): string {
  const random = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return `u_${slug(label).slice(0, 28) || 'data'}_${random}`.replace(/__+/g, '_');
}
