import { describe, expect, it } from 'vitest';
import { t, type LocalText } from '../i18n';
import { RESERVED_IDS } from '../data/upload/plan';
import { parseSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_QUERY_KINDS, SNAPSHOT_VERSION } from '../data/snapshot';
import { VIEW_COMPONENT_IDS } from './components';
import {
  canonicalViewSettings,
  DEFAULT_VIEW_STATE,
  decodeViewState,
  encodeViewState,
  reservedParameterNames,
  resolveViewSettings,
  TAB_LABELS,
  TABS,
  VIEW_RESULT_SCHEMAS,
  VIEWS,
  viewStateSchema,
  type ViewState,
} from '.';

// What the workspace derives from the view declarations (src/views/registry.ts) must cover every declaration.

/** A value of a setting other than its default that its own schema accepts, to round-trip through a link. */
function otherValue(name: string, defaultValue: unknown): unknown {
  const setting = VIEWS.flatMap((view) => Object.entries(view.settings)).find(([key]) => key === name)![1];
  // A choice offers its own words; anything else gets a month, a member, a dimension id or a number.
  const choices = (setting.schema as { options?: readonly string[] }).options ?? (setting.read as { options?: readonly string[] }).options ?? [];
  const candidates = [...choices, '2014-09', 'Ozon', 'country', 7, 2.5];
  return candidates.find((candidate) => candidate !== defaultValue && setting.schema.safeParse(candidate).success);
}

describe('the view registry', () => {
  const settings = VIEWS.flatMap((view) => Object.entries(view.settings).map(([name, setting]) => ({ view: view.id, name, setting })));

  it('gives every view a unique id, and every setting a URL key of its own', () => {
    expect(new Set(TABS).size).toBe(VIEWS.length);
    const keys = settings.map(({ name }) => name);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of ['v', 'dataset', 'tab', 'measure', 'from', 'to', 'theme']) expect(keys).not.toContain(key);
  });

  it('round-trips every setting of every view through the URL codec, alone and with a default elsewhere', () => {
    for (const { view, name, setting } of settings) {
      expect(DEFAULT_VIEW_STATE[name as keyof ViewState], `${view}.${name}`).toEqual(setting.default);
      const value = otherValue(name, setting.default);
      expect(value, `${view}.${name} has a value to try`).toBeDefined();
      const state = { ...DEFAULT_VIEW_STATE, tab: view, [name]: value } as ViewState;
      const search = encodeViewState(state);
      expect(new URLSearchParams(search).get(name), `${view}.${name} in ${search}`).toBe(String(value));
      expect(decodeViewState(search)).toEqual({ state, notices: [] });
      // A value the setting refuses is dropped with a notice naming the parameter.
      const bad = ['@@not a value@@', 'x'.repeat(300), 'x'.repeat(20_001)].find((text) => !setting.read.safeParse(text).success)!;
      const refused = decodeViewState(`${name}=${encodeURIComponent(bad)}`);
      expect(refused.state[name as keyof ViewState]).toEqual(setting.default);
      expect(refused.notices.map((notice) => t(notice)).join(' ')).toContain(`Ignored ${name}=`);
    }
  });

  it('reserves every URL parameter for itself, in the reserved names and in the column ids of uploads', () => {
    const names = reservedParameterNames();
    for (const key of [...settings.map(({ name }) => name), ...Object.keys(DEFAULT_VIEW_STATE).filter((key) => !['filters', 'selections', 'sorts'].includes(key))]) {
      expect(names).toContain(key);
    }
    for (const name of names) {
      expect(RESERVED_IDS).toContain(name);
      expect(RESERVED_IDS).toContain(name.toLowerCase());
    }
  });

  it('lists every registered view in the tab bar, in registry order, each with a component', () => {
    expect(TABS).toEqual(VIEWS.map((view) => view.id));
    expect(Object.keys(TAB_LABELS)).toEqual([...TABS]);
    for (const view of VIEWS) expect(TAB_LABELS[view.id]).toBe(view.label);
    expect([...VIEW_COMPONENT_IDS].sort()).toEqual([...TABS].sort());
    expect(viewStateSchema.safeParse({ ...DEFAULT_VIEW_STATE, tab: 'nowhere' }).success).toBe(false);
    for (const tab of TABS) expect(viewStateSchema.safeParse({ ...DEFAULT_VIEW_STATE, tab }).success).toBe(true);
  });

  it('lets a snapshot hold each view’s own kinds of result, in the shape it declares', () => {
    const declared = VIEWS.flatMap((view) => Object.keys(view.snapshot));
    expect(declared.length).toBeGreaterThan(0);
    for (const kind of declared) {
      expect(SNAPSHOT_QUERY_KINDS).toContain(kind);
      expect(VIEW_RESULT_SCHEMAS[kind]).toBeDefined();
    }
    const snapshot = (kind: string, data: unknown) => ({
      format: SNAPSHOT_FORMAT,
      v: SNAPSHOT_VERSION,
      takenAt: '2026-11-21T10:00:00.000Z',
      datasets: [],
      results: [[[kind, { datasetId: 'market' }], data]],
    });
    // The map's shape, as the map view declares it: accepted as such, refused when it is not that shape.
    const accepted = parseSnapshot(snapshot('map', [{ code: 'RU', value: 1.5 }, { code: 'MX', value: null }]));
    expect(accepted).toMatchObject({ dropped: 0, snapshot: { results: [[['map', { datasetId: 'market' }], [{ code: 'RU', value: 1.5 }, { code: 'MX', value: null }]]] } });
    expect(parseSnapshot(snapshot('map', [{ code: 'RU', value: 'lots' }]))).toMatchObject({ dropped: 1 });
    expect(parseSnapshot(snapshot('nowhere', []))).toMatchObject({ dropped: 1 });
  });

  it('writes back what the data replaced, and keeps what the link left to the data, for every setting', () => {
    const context = {
      from: '2014-01',
      to: '2014-12',
      dimensions: [{ id: 'marketplace', label: 'Marketplace' }, { id: 'country', label: 'Country' }],
      membersOf: (id: string) => (id === 'marketplace' ? ['AliExpress', 'Ozon'] : ['RU']),
      notices: [] as LocalText[],
    };
    // Settings the data cannot use: a base month outside the range, an unknown marketplace and dimension, a
    // quarterly rolling average.
    const odd: ViewState = { ...DEFAULT_VIEW_STATE, mode: 'avg3', grain: 'quarter', base: '2010-01', by: 'nope', mapMember: 'Nobody' };
    const canonical = canonicalViewSettings(odd, resolveViewSettings(odd, context));
    expect(Object.keys(canonical).sort()).toEqual(settings.map(({ name }) => name).sort());
    expect(canonical).toMatchObject({ mode: 'avg3', grain: 'month', base: '2014-01', by: 'marketplace', mapMember: null });
    expect(context.notices).toHaveLength(4);
    // Left to the data (null), a setting stays null even though the view resolved it to a value.
    const open = canonicalViewSettings(DEFAULT_VIEW_STATE, resolveViewSettings(DEFAULT_VIEW_STATE, { ...context, notices: [] }));
    for (const { name, setting } of settings) expect(open[name as keyof ViewState], name).toEqual(setting.default);
  });
});
