import type { z } from 'zod/mini';
import { createViewStateCodec, type Setting, type SettingValues } from '../state/viewState';
import type { AnyViewDeclaration, ResolveContext } from './declaration';
import { VIEWS } from './registry';
import { t, type Message } from '../i18n';
import { tabMessages } from './messages';

/**
 * The view state, its defaults, its URL codec and the parameter names a link uses, derived from the declared views:
 * the core every view shares (src/state/viewState.ts) plus each view's own settings.
 */

type Views = typeof VIEWS;
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type SettingsOf<V> = V extends { settings: infer S extends Record<string, Setting<unknown>> } ? S : never;
type ResolvedOf<V> = V extends { resolve: (...args: never[]) => infer R } ? R : never;

/** The views' ids, in tab order. */
export type Tab = Views[number]['id'];
export const TABS = VIEWS.map((view) => view.id) as unknown as readonly [Tab, ...Tab[]];

/** Every view's settings, by field name (= URL parameter name), in registry order. */
type AllSettings = UnionToIntersection<SettingsOf<Views[number]>>;
const ALL_SETTINGS = Object.assign({}, ...VIEWS.map((view) => view.settings)) as AllSettings & Record<string, Setting<unknown>>;
/** Every view's settings, by field name (= URL parameter name): what the view state adds to the shared core. */
export const VIEW_SETTINGS: Readonly<Record<string, Setting<unknown>>> = ALL_SETTINGS;

const codec = createViewStateCodec(TABS, ALL_SETTINGS);

export type ViewState = z.infer<typeof codec.schema>;
export type DecodedViewState = ReturnType<typeof codec.decode>;
export const viewStateSchema = codec.schema;
/** The state of a link with no parameters: bundled dataset, dataset defaults for everything else. */
export const DEFAULT_VIEW_STATE: ViewState = codec.defaults;
/** Reads a view state from a query string. Never throws: whatever cannot be used is dropped with a notice. */
export const decodeViewState = codec.decode;
/** Writes a view state as a query string, leaving out whatever equals the default, in a stable order. */
export const encodeViewState = codec.encode;
export const withLookupTables = codec.withLookupTables;

/**
 * Parameter names a link uses for itself; a dataset's dimension ids must avoid them, or a filter on a column named
 * "measure" would be read as the measure (src/data/upload/plan.ts reserves them as column ids).
 */
export function reservedParameterNames(): string[] {
  return [...codec.parameterNames];
}

/** Every view's settings, checked against the dataset, merged: the options the views read. */
export type ResolvedSettings = UnionToIntersection<ResolvedOf<Views[number]>>;

/** Each view checks its own settings against the dataset; notices go to `context.notices`, in registry order. */
export function resolveViewSettings(state: ViewState, context: ResolveContext): ResolvedSettings {
  const resolved = {};
  for (const view of VIEWS as readonly AnyViewDeclaration[]) {
    const own = Object.fromEntries(Object.keys(view.settings).map((name) => [name, state[name as keyof ViewState]]));
    Object.assign(resolved, view.resolve(own as SettingValues<typeof view.settings>, context));
  }
  return resolved as ResolvedSettings;
}

/**
 * The view settings as a link should say them once checked against the dataset: what the data replaced is written
 * back, and a setting the link left to the data (null) stays null, so the link keeps following the data (the trend's
 * base month stays "the first month shown" rather than becoming a fixed month).
 */
export function canonicalViewSettings(state: ViewState, resolved: ResolvedSettings): Partial<ViewState> {
  const canonical: Record<string, unknown> = {};
  for (const name of Object.keys(ALL_SETTINGS)) {
    const given = state[name as keyof ViewState];
    canonical[name] = given === null ? null : (resolved as Record<string, unknown>)[name];
  }
  return canonical as Partial<ViewState>;
}

/** The tab bar: each view's label (its English text), by id; `tabLabel` says it in the active language. */
export const TAB_LABELS = Object.fromEntries(VIEWS.map((view) => [view.id, view.label])) as Record<Tab, string>;

/** Each view's tab label as a message (src/views/messages.ts), by id; a view with none is called by its English label. */
const TAB_MESSAGES: Partial<Record<string, Message>> = tabMessages;

/**
 * A view's tab label in the active language, at the time of the call (call it while rendering, in a component that
 * re-renders on a language change: `useT()` or `useLocale()`).
 */
export function tabLabel(tab: Tab): string {
  const message = TAB_MESSAGES[tab];
  return message && message.defaultMessage === TAB_LABELS[tab] ? t(message) : TAB_LABELS[tab];
}

/** The shapes of the query results only some views ask for, by kind (the first element of a query key). */
export const VIEW_RESULT_SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = Object.assign({}, ...VIEWS.map((view) => view.snapshot));
