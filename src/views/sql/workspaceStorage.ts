import { t } from '../../i18n';
import { messages } from './messages';

/**
 * The editor's query tabs and the history of statements run, kept in the browser (localStorage) so they outlive a
 * reload. Never in a link: a link carries only the statement whose result it shows (the `sql` setting). Both are
 * read defensively (the storage is the user's, and another version may have written it) and capped.
 */

export interface QueryTab {
  id: string;
  title: string;
  text: string;
}
export interface TabsState {
  tabs: QueryTab[];
  active: string;
}
export interface HistoryEntry {
  sql: string;
  /** When it was run, ms since the epoch. */
  at: number;
  /** Rows it returned, or null when it failed. */
  rows: number | null;
}

export const TABS_KEY = 'marketscope-sql-tabs';
export const HISTORY_KEY = 'marketscope-sql-history';
export const MAX_TABS = 12;
export const MAX_HISTORY = 50;
export const MAX_TAB_TEXT = 20_000;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

function storage(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked for the site
  }
}

function readJson(store: KeyValueStore | null, key: string): unknown {
  try {
    return JSON.parse(store?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function writeJson(store: KeyValueStore | null, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or blocked storage: the tabs still work for this visit.
  }
}

let counter = 0;
/** A tab id unique within the browser's tabs. */
export function newTabId(existing: readonly QueryTab[]): string {
  let id: string;
  do id = `t${Date.now().toString(36)}${(counter++).toString(36)}`;
  while (existing.some((tab) => tab.id === id));
  return id;
}

/** The tabs as stored, or one tab holding `example` when there are none (first visit, damaged storage). */
export function readTabs(example: string, store: KeyValueStore | null = storage()): TabsState {
  const raw = readJson(store, TABS_KEY) as { tabs?: unknown; active?: unknown } | null;
  const tabs: QueryTab[] = [];
  if (raw && Array.isArray(raw.tabs)) {
    for (const item of raw.tabs.slice(0, MAX_TABS) as unknown[]) {
      const tab = item as Partial<QueryTab> | null;
      if (typeof tab?.id === 'string' && typeof tab.title === 'string' && typeof tab.text === 'string' && !tabs.some((t) => t.id === tab.id)) {
        tabs.push({ id: tab.id.slice(0, 40), title: tab.title.slice(0, 60), text: tab.text.slice(0, MAX_TAB_TEXT) });
      }
    }
  }
  if (tabs.length === 0) tabs.push({ id: 'q1', title: t(messages.queryTab, { n: 1 }), text: example });
  const active = typeof raw?.active === 'string' && tabs.some((tab) => tab.id === raw.active) ? raw.active : tabs[0]!.id;
  return { tabs, active };
}

export function writeTabs(state: TabsState, store: KeyValueStore | null = storage()): void {
  writeJson(store, TABS_KEY, { tabs: state.tabs.slice(0, MAX_TABS).map((tab) => ({ ...tab, text: tab.text.slice(0, MAX_TAB_TEXT) })), active: state.active });
}

/** The next free "Query n" title. */
function nextTitle(tabs: readonly QueryTab[]): string {
  let n = tabs.length + 1;
  while (tabs.some((tab) => tab.title === t(messages.queryTab, { n }))) n++;
  return t(messages.queryTab, { n });
}

/** A new tab holding `text`, made active; at the cap, the oldest tab that is not active makes room. */
export function addTab(state: TabsState, text: string): TabsState {
  let tabs = state.tabs;
  if (tabs.length >= MAX_TABS) tabs = tabs.filter((tab) => tab !== tabs.find((t) => t.id !== state.active));
  const tab = { id: newTabId(tabs), title: nextTitle(tabs), text: text.slice(0, MAX_TAB_TEXT) };
  return { tabs: [...tabs, tab], active: tab.id };
}

/** Closes a tab; the last one is never closed, it is emptied. The neighbour becomes active. */
export function closeTab(state: TabsState, id: string): TabsState {
  const index = state.tabs.findIndex((tab) => tab.id === id);
  if (index === -1) return state;
  if (state.tabs.length === 1) return { tabs: [{ ...state.tabs[0]!, text: '' }], active: state.tabs[0]!.id };
  const tabs = state.tabs.filter((tab) => tab.id !== id);
  const active = state.active === id ? tabs[Math.min(index, tabs.length - 1)]!.id : state.active;
  return { tabs, active };
}

export function setTabText(state: TabsState, id: string, text: string): TabsState {
  return { ...state, tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, text: text.slice(0, MAX_TAB_TEXT) } : tab)) };
}

/**
 * The tabs for a link's statement ("Show SQL", a shared link): unchanged when the active tab already holds it, the
 * tab that holds exactly it made active, else a new tab with it.
 */
export function tabsForStatement(state: TabsState, sql: string): TabsState {
  if (sql.trim() === '') return state;
  const active = state.tabs.find((tab) => tab.id === state.active);
  if (active?.text.includes(sql)) return state;
  const holding = state.tabs.find((tab) => tab.text.trim() === sql.trim());
  if (holding) return { ...state, active: holding.id };
  if (active && active.text.trim() === '') return setTabText(state, active.id, sql);
  return addTab(state, sql);
}

export function readHistory(store: KeyValueStore | null = storage()): HistoryEntry[] {
  const raw = readJson(store, HISTORY_KEY);
  if (!Array.isArray(raw)) return [];
  return (raw as unknown[])
    .filter((item): item is HistoryEntry => {
      const entry = item as Partial<HistoryEntry> | null;
      return typeof entry?.sql === 'string' && typeof entry.at === 'number' && (entry.rows === null || typeof entry.rows === 'number');
    })
    .slice(0, MAX_HISTORY)
    .map((entry) => ({ sql: entry.sql.slice(0, MAX_TAB_TEXT), at: entry.at, rows: entry.rows }));
}

/** The history with a run added first; an earlier run of the same statement moves up rather than repeating. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((item) => item.sql !== entry.sql)].slice(0, MAX_HISTORY);
}

export function writeHistory(history: readonly HistoryEntry[], store: KeyValueStore | null = storage()): void {
  writeJson(store, HISTORY_KEY, history.slice(0, MAX_HISTORY));
}
