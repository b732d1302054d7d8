import { describe, expect, it } from 'vitest';
import {
  addTab,
  addToHistory,
  closeTab,
  HISTORY_KEY,
  MAX_HISTORY,
  MAX_TABS,
  readHistory,
  readTabs,
  setTabText,
  tabsForStatement,
  TABS_KEY,
  writeHistory,
  writeTabs,
} from './workspaceStorage';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

describe('query tabs', () => {
  it('starts with the example, and reads back what it wrote', () => {
    const store = memoryStore();
    const first = readTabs('SELECT 1', store);
    expect(first.tabs).toEqual([{ id: 'q1', title: 'Query 1', text: 'SELECT 1' }]);
    const more = setTabText(addTab(first, 'SELECT 2'), first.tabs[0]!.id, 'SELECT 3');
    writeTabs(more, store);
    const again = readTabs('unused', store);
    expect(again).toEqual(more);
    expect(again.tabs.map((tab) => tab.title)).toEqual(['Query 1', 'Query 2']);
    expect(again.tabs.find((tab) => tab.id === again.active)!.text).toBe('SELECT 2');
  });

  it('survives damaged storage and keeps within the caps', () => {
    expect(readTabs('ex', memoryStore({ [TABS_KEY]: '{not json' })).tabs[0]!.text).toBe('ex');
    expect(readTabs('ex', memoryStore({ [TABS_KEY]: JSON.stringify({ tabs: [{ id: 1 }, null], active: 'zz' }) })).tabs).toHaveLength(1);
    let state = readTabs('x', memoryStore());
    for (let i = 0; i < MAX_TABS + 5; i++) state = addTab(state, `SELECT ${i}`);
    expect(state.tabs).toHaveLength(MAX_TABS);
    expect(state.tabs.find((tab) => tab.id === state.active)!.text).toBe(`SELECT ${MAX_TABS + 4}`);
    expect(new Set(state.tabs.map((tab) => tab.id)).size).toBe(MAX_TABS);
  });

  it('closes a tab to its neighbour, and empties rather than closes the last one', () => {
    const state = addTab(addTab(readTabs('a', memoryStore()), 'b'), 'c');
    const middle = state.tabs[1]!.id;
    const closed = closeTab({ ...state, active: middle }, middle);
    expect(closed.tabs.map((tab) => tab.text)).toEqual(['a', 'c']);
    expect(closed.active).toBe(state.tabs[2]!.id);
    const single = readTabs('only', memoryStore());
    expect(closeTab(single, single.active).tabs).toEqual([{ ...single.tabs[0]!, text: '' }]);
  });

  it('opens a link’s statement where it already is, in an empty tab, or in a new tab', () => {
    const state = addTab(readTabs('SELECT 1;\nSELECT 2', memoryStore()), 'SELECT 9');
    expect(tabsForStatement({ ...state, active: state.tabs[0]!.id }, 'SELECT 2')).toEqual({ ...state, active: state.tabs[0]!.id });
    expect(tabsForStatement(state, 'SELECT 1;\nSELECT 2').active).toBe(state.tabs[0]!.id);
    const added = tabsForStatement(state, 'SELECT 7');
    expect(added.tabs).toHaveLength(3);
    expect(added.tabs.find((tab) => tab.id === added.active)!.text).toBe('SELECT 7');
    const empty = setTabText(state, state.active, '');
    expect(tabsForStatement(empty, 'SELECT 8').tabs.find((tab) => tab.id === state.active)!.text).toBe('SELECT 8');
    expect(tabsForStatement(state, '')).toBe(state);
  });
});

describe('history', () => {
  it('puts the latest run first, moves a repeated statement up, and keeps at most MAX_HISTORY', () => {
    let history = addToHistory([], { sql: 'SELECT 1', at: 1, rows: 1 });
    history = addToHistory(history, { sql: 'SELECT 2', at: 2, rows: null });
    history = addToHistory(history, { sql: 'SELECT 1', at: 3, rows: 1 });
    expect(history.map((entry) => [entry.sql, entry.at])).toEqual([['SELECT 1', 3], ['SELECT 2', 2]]);
    for (let i = 0; i < MAX_HISTORY + 10; i++) history = addToHistory(history, { sql: `SELECT ${i + 10}`, at: i + 10, rows: 0 });
    expect(history).toHaveLength(MAX_HISTORY);
    const store = memoryStore();
    writeHistory(history, store);
    expect(readHistory(store)).toEqual(history);
    expect(readHistory(memoryStore({ [HISTORY_KEY]: JSON.stringify([{ sql: 1 }, { sql: 'ok', at: 1, rows: 2 }]) }))).toEqual([{ sql: 'ok', at: 1, rows: 2 }]);
  });
});
