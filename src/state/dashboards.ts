// zod/mini, as for view states: dashboards arrive from files and links, so they are validated the same way.
import { z } from 'zod/mini';
import { parseJsonText } from './jsonText';
import { inflate } from './shareLink';
import { t } from '../i18n';
import { messages } from './messages';

/**
 * Dashboards: views an analyst pinned, each with a title and notes, in an order, under a name. Kept in this
 * browser (localStorage), exported to and imported from a small JSON file, and shared as a link that opens in
 * presentation mode. A panel's view is a view-state query string, checked like any link when it is shown.
 */

export const DASHBOARD_FORMAT = 'marketscope-dashboard';
export const DASHBOARD_VERSION = 1;
export const MAX_PANELS = 24;
/**
 * The longest dashboard file read. A dashboard alone is far smaller; one shared with its figures carries a snapshot
 * of up to 2,000,000 characters (MAX_SNAPSHOT_CHARS in src/data/snapshot.ts; a test checks the two agree).
 */
export const MAX_DASHBOARD_FILE_CHARS = 3_000_000;

const id = z.string().check(z.regex(/^[a-z0-9]{1,24}$/));
const panelSchema = z.object({
  id,
  title: z.string().check(z.maxLength(160)),
  notes: z.string().check(z.maxLength(2000)),
  /** The view, as the query string of its link (`v=1&measure=…`). */
  view: z.string().check(z.maxLength(20_000)),
});
export const dashboardSchema = z.object({
  format: z.literal(DASHBOARD_FORMAT),
  v: z.literal(DASHBOARD_VERSION),
  id,
  name: z.string().check(z.minLength(1), z.maxLength(160)),
  panels: z.array(panelSchema).check(z.maxLength(MAX_PANELS)),
  /**
   * The figures the panels showed when the dashboard was shared with them (a file or link made with "Share with
   * data"). Opaque here, so that the first screen does not carry the snapshot's schema: it is checked by
   * src/data/snapshot.ts wherever it is read, like everything from a file or a link.
   */
  snapshot: z.optional(z.unknown()),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
export type DashboardPanel = z.infer<typeof panelSchema>;

export function newId(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

export function newDashboard(name = t(messages.newDashboard)): Dashboard {
  return { format: DASHBOARD_FORMAT, v: DASHBOARD_VERSION, id: newId(), name, panels: [] };
}

/**
 * A dashboard from untrusted JSON text (a file, a link). Never throws: gives the dashboard or a sentence saying why
 * it cannot be used. Whatever is accepted is re-built from the schema's output, so unknown fields are dropped.
 */
export function parseDashboard(text: string): { dashboard: Dashboard } | { error: string } {
  const read = parseJsonText(text, MAX_DASHBOARD_FILE_CHARS);
  if ('problem' in read) {
    return { error: t(read.problem === 'too-large' ? messages.notDashboardTooLarge : messages.notDashboardJson) };
  }
  const parsed = dashboardSchema.safeParse(read.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: issue?.path.length ? t(messages.notDashboardAt, { path: issue.path.join('.') }) : t(messages.notDashboard) };
  }
  return { dashboard: parsed.data };
}

/**
 * A dashboard from the packed (deflated, base64url) text of a link: checked for its alphabet and length, inflated,
 * then read like a file. `link` names the kind of link in the messages ("This dashboard link").
 */
export async function unpackDashboard(packed: string, maxLength: number, link: string): Promise<{ dashboard: Dashboard } | { error: string }> {
  if (!/^[A-Za-z0-9_-]+$/.test(packed) || packed.length > maxLength) return { error: `${link} is not valid.` };
  let text: string;
  try {
    text = await inflate(packed);
  } catch {
    return { error: `${link} is damaged (was it cut short?).` };
  }
  return parseDashboard(text);
}

export function serializeDashboard(dashboard: Dashboard): string {
  return JSON.stringify(dashboard, null, 2);
}

// ---------------------------------------------------------------------------------------------------------------
// Kept in this browser

const STORAGE_KEY = 'marketscope-dashboards';
type Listener = () => void;
const listeners = new Set<Listener>();
let cache: Dashboard[] | null = null;

function read(): Dashboard[] {
  if (cache) return cache;
  let items: unknown;
  try {
    items = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]');
  } catch {
    items = [];
  }
  cache = Array.isArray(items)
    ? items.flatMap((item) => {
        const parsed = dashboardSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  return cache;
}

/**
 * A change to the dashboards that the browser refused to keep (its storage for this site is full, or blocked). The
 * stored dashboards and the ones on screen are exactly as they were; the message says why and what to do, and reads
 * after a word saying what was not done ("Not pinned. …").
 */
export class DashboardsNotSavedError extends Error {
  override readonly name = 'DashboardsNotSavedError';
}

function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || (error instanceof DOMException && error.code === 22);
}

/** What to tell the user when the browser refuses to keep the dashboards. */
export function dashboardsNotSavedMessage(error: unknown): string {
  if (isQuotaError(error)) {
    return t(messages.storageFull);
  }
  return error instanceof Error || error instanceof DOMException
    ? t(messages.storageRefusedReason, { reason: `${error.name}: ${error.message}` })
    : t(messages.storageRefused);
}

/** Stores the whole list in one item (written whole or not at all); the copy in memory changes only once it is. */
function write(next: Dashboard[]): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch (error) {
    throw new DashboardsNotSavedError(dashboardsNotSavedMessage(error), { cause: error });
  }
  cache = next;
  for (const listener of listeners) listener();
}

export const dashboards = {
  get: (): readonly Dashboard[] => read(),
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Adds or replaces a dashboard. Throws DashboardsNotSavedError, changing nothing, when the browser refuses. */
  save(dashboard: Dashboard): void {
    const all = read();
    write(all.some((item) => item.id === dashboard.id) ? all.map((item) => (item.id === dashboard.id ? dashboard : item)) : [...all, dashboard]);
  },
  /** Throws DashboardsNotSavedError, changing nothing, when the browser refuses. */
  remove(dashboardId: string): void {
    write(read().filter((item) => item.id !== dashboardId));
  },
  /**
   * Adds a view to the first dashboard (made if there is none); returns the dashboard. Never to a dashboard holding
   * a snapshot: its figures are fixed, and a live view among them would have none. Throws DashboardsNotSavedError,
   * changing nothing, when the browser refuses to keep it.
   */
  pin(panel: Omit<DashboardPanel, 'id'>): Dashboard {
    const target = read().find((dashboard) => dashboard.snapshot === undefined) ?? newDashboard();
    const next = { ...target, panels: [...target.panels, { ...panel, id: newId() }].slice(-MAX_PANELS) };
    dashboards.save(next);
    return next;
  },
  /** For tests: forget the cache (another tab or a test changed the storage). */
  reload(): void {
    cache = null;
  },
};

// Another tab changed the dashboards: read them again.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (event.key !== STORAGE_KEY) return;
  cache = null;
  for (const listener of listeners) listener();
});
