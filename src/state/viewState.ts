// zod/mini: the same validation as zod's classic API in a fraction of the entry bundle (it is on the first screen).
import { z } from 'zod/mini';
import { localText, type LocalText } from '../i18n';
import { messages } from './messages';

/**
 * The building blocks of the view state: everything that decides what the analyst sees, kept in the URL so that a
 * reload or a pasted link restores the view exactly. This module knows no view: the views declare their own
 * settings (src/views/<name>/declaration.ts) and src/views/viewState.ts builds the concrete state and its URL codec
 * from them with {@link createViewStateCodec}. It checks syntax only (shapes, lengths, formats); whether a measure, a
 * dimension or a filter value exists in the data is checked against the dataset in `src/data`.
 */

export const VIEW_STATE_VERSION = 1;

/** A month as links, snapshots and the data write it (`2014-07`). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A dataset, measure or dimension id (`u_blog_analytics_3`, `visitors`). */
export const IDENTIFIER = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_VALUE_LENGTH = 200;
const MAX_VALUES_PER_FILTER = 500;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
/**
 * What the period is compared with: the same months a year earlier (the default), the previous period of equal
 * length, or any period the analyst names (`cfrom`–`cto`). Half-years, quarters and year to date are periods the
 * filter bar offers, compared with the same months a year earlier.
 */
export const COMPARISONS = ['year', 'previous', 'custom'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const monthSchema = z.string().check(z.regex(MONTH));
export const identifierSchema = z.string().check(z.regex(IDENTIFIER));
export const filterValueSchema = z.string().check(z.minLength(1), z.maxLength(MAX_VALUE_LENGTH));
const valuesSchema = z.array(filterValueSchema).check(z.maxLength(MAX_VALUES_PER_FILTER));
export const sortSchema = z.object({ column: identifierSchema, direction: z.enum(SORT_DIRECTIONS) });
export type SortState = z.infer<typeof sortSchema>;

/**
 * One setting of the view state: one field of the state and one URL parameter of the same name. `schema` checks the
 * field in a state; `read` checks the parameter's text (it may coerce; null is never read from a link).
 */
export interface Setting<T> {
  schema: z.ZodMiniType<T>;
  read: z.ZodMiniType;
  /** What the parameter should have been, for the notice when a link's value cannot be used (said when shown). */
  expected: LocalText;
  default: T;
}

/**
 * What a setting chosen from a list of words expects: the words as the link writes them (they are never translated),
 * listed (`month, quarter, year`) or, with `or`, as alternatives (`line or area`, in the active language's words).
 */
export function expectedChoices(values: readonly string[], join: 'list' | 'or' = 'list'): LocalText {
  return join === 'or' && values.length > 1
    ? localText(messages.expectedChoicesOr, { choices: values.slice(0, -1).join(', '), last: values[values.length - 1]! })
    : localText(messages.expectedChoices, { choices: values.join(', ') });
}

/** A setting chosen from a list of words (`grain=quarter`). */
export function choiceSetting<const V extends readonly [string, ...string[]]>(
  values: V,
  defaultValue: V[number],
  expected: LocalText = expectedChoices(values),
): Setting<V[number]> {
  return { schema: z.enum(values), read: z.enum(values), expected, default: defaultValue };
}

/** A setting that may be left to the data (null, the default, written as no parameter at all). */
export function optionalSetting<T>(schema: z.ZodMiniType<T>, expected: LocalText, read: z.ZodMiniType = schema): Setting<T | null> {
  return { schema: z.nullable(schema), read, expected, default: null };
}

/** The value type of a setting. */
export type SettingValue<S> = S extends Setting<infer T> ? T : never;
export type SettingValues<S extends Record<string, Setting<unknown>>> = { -readonly [K in keyof S]: SettingValue<S[K]> };

/** The part of the view state every view shares: dataset, period, filters, cross-filter selections, sorting. */
export interface CoreViewState<Tab extends string> {
  v: typeof VIEW_STATE_VERSION;
  dataset: string;
  tab: Tab;
  measure: string | null;
  from: string | null;
  to: string | null;
  /** What the period is compared with (key figures, ranks, the map's change, explanations). */
  compare: Comparison;
  /** The comparison period when `compare` is custom; null = derived (see src/data/querySlice.ts). */
  cfrom: string | null;
  cto: string | null;
  /** Dimension id → allowed members; applies to every view. */
  filters: Record<string, string[]>;
  /** Cross-filter selections made by clicking in a view: view id → dimension id → members. A view's own
   *  selection filters the other views, never itself. */
  selections: Partial<Record<Tab, Record<string, string[]>>>;
  /** Sort order per view with a sortable table. */
  sorts: Partial<Record<Tab, SortState>>;
  theme: Theme;
}

export interface DecodedState<State> {
  state: State;
  /** One sentence per part of the link that could not be used and was replaced by a default (said when shown). */
  notices: LocalText[];
}

/** The parameter of a compressed share link (see shareLink.ts). */
export const COMPRESSED_PARAM = 'z';
/** The parameter describing the uploaded file a shared view was made from (see src/data/neededDataset.ts). */
export const NEEDED_DATASET_PARAM = 'need';
/** The language a link opens in (src/i18n/locales.ts's LANG_PARAM; read by the app, not part of the view). */
export const LANGUAGE_PARAM = 'lang';
/** Opens a presentation (src/features/dashboards/presentLink.ts): a column may never be called that. */
const PRESENT_PARAM = 'present';
const SELECTION_PREFIX = 'xf.';
const SORT_PREFIX = 'sort.';

/**
 * The view state, its defaults and its URL codec for a set of tabs and the settings their views declare. The
 * parameters come in a stable order: dataset, tab, measure, period, comparison, then the views' settings in the order given,
 * then the theme.
 */
export function createViewStateCodec<const Tabs extends readonly [string, ...string[]], S extends Record<string, Setting<unknown>>>(
  tabs: Tabs,
  viewSettings: S,
) {
  type Tab = Tabs[number];
  type State = CoreViewState<Tab> & SettingValues<S>;
  const tabSchema = z.enum(tabs);
  const scalars: Record<string, Setting<unknown>> = {
    dataset: { schema: identifierSchema, read: identifierSchema, expected: localText(messages.expectedDataset), default: 'market' },
    tab: { schema: tabSchema, read: tabSchema, expected: expectedChoices(tabs), default: tabs[0] },
    measure: optionalSetting(identifierSchema, localText(messages.expectedMeasure)),
    from: optionalSetting(monthSchema, expectedMonth('2014-07')),
    to: optionalSetting(monthSchema, expectedMonth('2014-12')),
    compare: choiceSetting(COMPARISONS, 'year'),
    cfrom: optionalSetting(monthSchema, expectedMonth('2013-07')),
    cto: optionalSetting(monthSchema, expectedMonth('2013-12')),
    ...viewSettings,
    theme: choiceSetting(THEMES, 'system', expectedChoices(['light', 'dark', 'system'], 'or')),
  };
  const scalarNames = Object.keys(scalars);

  const schema = z.object({
    v: z.literal(VIEW_STATE_VERSION),
    ...Object.fromEntries(scalarNames.map((name) => [name, scalars[name]!.schema])),
    filters: z.record(identifierSchema, valuesSchema),
    selections: z.partialRecord(tabSchema, z.record(identifierSchema, valuesSchema)),
    sorts: z.partialRecord(tabSchema, sortSchema),
  }) as unknown as z.ZodMiniType<State>;

  const defaults = Object.freeze({
    v: VIEW_STATE_VERSION,
    ...Object.fromEntries(scalarNames.map((name) => [name, scalars[name]!.default])),
    filters: {},
    selections: {},
    sorts: {},
  }) as unknown as State;

  const isTab = (text: string) => tabSchema.safeParse(text).success;

  /** Reads a view state from a query string. Never throws: whatever cannot be used is dropped with a notice. */
  function decode(search: string): DecodedState<State> {
    const params = new URLSearchParams(search);
    const notices: LocalText[] = [];
    const state: Record<string, unknown> = { ...defaults, filters: lookupTable(), selections: lookupTable(), sorts: lookupTable() };
    const version = params.get('v');
    if (version !== null && version !== String(VIEW_STATE_VERSION)) {
      notices.push(localText(messages.unknownVersion, { version: truncate(version), current: VIEW_STATE_VERSION }));
    }
    for (const name of scalarNames) {
      const raw = params.get(name);
      if (raw === null) continue;
      const parsed = scalars[name]!.read.safeParse(raw);
      if (parsed.success) state[name] = parsed.data;
      else notices.push(localText(messages.ignoredValue, { name, value: quote(raw), expected: scalars[name]!.expected }));
    }
    for (const key of new Set(params.keys())) readKeyed(params, key, state, notices);
    // Belt and braces: whatever the code above built must satisfy the schema.
    const checked = schema.safeParse(state);
    if (!checked.success) return { state: withLookupTables(defaults), notices: [...notices, localText(messages.unreadable)] };
    return { state: withLookupTables(checked.data), notices };
  }

  /** Filters, selections and sorts: the parameters whose names carry data (a dimension id, a view). */
  function readKeyed(params: URLSearchParams, key: string, state: Record<string, unknown>, notices: LocalText[]): void {
    if (key === 'v' || Object.hasOwn(scalars, key)) return;
    if (key === NEEDED_DATASET_PARAM) return; // read by the app before the view (see neededDataset.ts)
    if (key === LANGUAGE_PARAM) return; // read by the app before the view (see src/i18n/startup.ts)
    if (key === COMPRESSED_PARAM) {
      // Expanded before the app starts (see shareLink.ts); still here means it could not be.
      notices.push(localText(messages.compressedUnreadable));
      return;
    }
    if (key.startsWith(SORT_PREFIX)) {
      const view = key.slice(SORT_PREFIX.length);
      const [column, direction] = (params.get(key) ?? '').split(':');
      const parsed = isTab(view) ? sortSchema.safeParse({ column, direction }) : null;
      if (parsed?.success) (state.sorts as Record<string, SortState>)[view] = parsed.data;
      else notices.push(localText(messages.ignoredSort, { sort: quote(`${key}=${params.get(key) ?? ''}`) }));
      return;
    }
    if (key.startsWith(SELECTION_PREFIX)) {
      const [view = '', dimension = ''] = key.slice(SELECTION_PREFIX.length).split('.');
      if (!isTab(view) || !IDENTIFIER.test(dimension)) {
        notices.push(localText(messages.ignoredSelection, { key: quote(key) }));
        return;
      }
      const values = readValues(params.getAll(key), key, notices);
      const selections = state.selections as Record<string, Record<string, string[]>>;
      if (values.length > 0) (selections[view] ??= lookupTable())[dimension] = values;
      return;
    }
    if (!IDENTIFIER.test(key)) {
      notices.push(localText(messages.ignoredParameter, { key: quote(key) }));
      return;
    }
    const values = readValues(params.getAll(key), key, notices);
    if (values.length > 0) (state.filters as Record<string, string[]>)[key] = values;
  }

  /** Writes a view state as a query string, leaving out whatever equals the default, in a stable order. */
  function encode(state: State): string {
    const params = new URLSearchParams();
    params.set('v', String(VIEW_STATE_VERSION));
    const fields = state as unknown as Record<string, unknown>;
    for (const name of scalarNames) {
      if (name === 'theme') continue;
      const value = fields[name];
      if (value !== null && value !== scalars[name]!.default) params.set(name, String(value));
    }
    for (const key of Object.keys(state.filters).sort()) {
      for (const value of state.filters[key] ?? []) params.append(key, value);
    }
    const selections = state.selections as Record<string, Record<string, string[]> | undefined>;
    for (const view of Object.keys(selections).sort()) {
      const byDimension = selections[view] ?? {};
      for (const dimension of Object.keys(byDimension).sort()) {
        for (const value of byDimension[dimension] ?? []) params.append(`${SELECTION_PREFIX}${view}.${dimension}`, value);
      }
    }
    const sorts = state.sorts as Record<string, SortState | undefined>;
    for (const view of Object.keys(sorts).sort()) {
      const sort = sorts[view];
      if (sort) params.set(`${SORT_PREFIX}${view}`, `${sort.column}:${sort.direction}`);
    }
    if (state.theme !== 'system') params.set('theme', state.theme);
    return params.toString();
  }

  /**
   * Parameter names a link uses for itself; a dataset's dimension ids must avoid them, or a filter on a column named
   * "measure" would be read as the measure (src/data/upload/plan.ts derives its reserved column ids from these).
   */
  const parameterNames: readonly string[] = ['v', COMPRESSED_PARAM, NEEDED_DATASET_PARAM, PRESENT_PARAM, LANGUAGE_PARAM, ...scalarNames];

  return { schema, defaults, decode, encode, parameterNames, withLookupTables: withLookupTables<State> };
}

/**
 * A table without a prototype (src/lib/lookupTable.ts has the same for the layers above; this layer imports nothing):
 * `table.constructor` is undefined unless a link set it.
 */
function lookupTable<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const table = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) table[key] = value;
  return table;
}

/**
 * The state with its keyed parts (dimension id → members, view → …) as tables without a prototype, as zod's
 * records are plain objects: `filters.constructor` is then nothing rather than Object, for every reader.
 */
function withLookupTables<State extends CoreViewState<string>>(state: State): State {
  return {
    ...state,
    filters: lookupTable(Object.entries(state.filters)),
    selections: lookupTable(
      Object.entries(state.selections).map(([view, byDimension]) => [view, lookupTable(Object.entries(byDimension ?? {}))]),
    ),
    sorts: lookupTable(Object.entries(state.sorts)),
  };
}

function readValues(raw: string[], key: string, notices: LocalText[]): string[] {
  const values: string[] = [];
  for (const value of raw) {
    if (!filterValueSchema.safeParse(value).success) {
      notices.push(localText(messages.valueTooLong, { key, value: quote(value), max: MAX_VALUE_LENGTH }));
    } else if (!values.includes(value)) {
      values.push(value);
    }
  }
  if (values.length > MAX_VALUES_PER_FILTER) {
    notices.push(localText(messages.keptFirst, { max: MAX_VALUES_PER_FILTER, count: values.length, key }));
    values.length = MAX_VALUES_PER_FILTER;
  }
  return values;
}

/** What a month parameter expects: a month such as `example`. */
export function expectedMonth(example: string): LocalText {
  return localText(messages.expectedMonth, { example });
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function quote(text: string): string {
  return JSON.stringify(truncate(text));
}
