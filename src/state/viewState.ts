// zod/mini: the same validation as zod's classic API in a fraction of the entry bundle (it is on the first screen).
import { z } from 'zod/mini';

/**
 * The view state: everything that decides what the analyst sees, kept in the URL so that a reload or a pasted
 * link restores the view exactly. This module checks syntax only (shapes, lengths, formats); whether a measure, a
 * dimension or a filter value exists in the data is checked against the dataset in `src/data`.
 */

export const VIEW_STATE_VERSION = 1;

/** A month as links, snapshots and the data write it (`2014-07`). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A dataset, measure or dimension id (`u_blog_analytics_3`, `visitors`). */
export const IDENTIFIER = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_VALUE_LENGTH = 200;
const MAX_VALUES_PER_FILTER = 500;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** The views of the workspace; each is a tab. */
export const TABS = ['overview', 'trend', 'countries', 'map', 'matrix', 'leaderboard', 'conversion'] as const;
export type Tab = (typeof TABS)[number];
/** How a measure over time is compared: as it is, indexed, against a year earlier, as a share, smoothed. */
export const MODES = ['absolute', 'index', 'yoy', 'share', 'avg3', 'avg12'] as const;
export type Mode = (typeof MODES)[number];
export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];
export const CHART_KINDS = ['line', 'area'] as const;
export const STACKINGS = ['stacked', 'grouped'] as const;
export const MAP_METRICS = ['value', 'share', 'growth'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];
export const CELL_METRICS = ['value', 'share'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;

const monthSchema = z.string().check(z.regex(MONTH));
const identifierSchema = z.string().check(z.regex(IDENTIFIER));
const filterValueSchema = z.string().check(z.minLength(1), z.maxLength(MAX_VALUE_LENGTH));
const valuesSchema = z.array(filterValueSchema).check(z.maxLength(MAX_VALUES_PER_FILTER));
const sortSchema = z.object({ column: identifierSchema, direction: z.enum(SORT_DIRECTIONS) });
export type SortState = z.infer<typeof sortSchema>;

export const viewStateSchema = z.object({
  v: z.literal(VIEW_STATE_VERSION),
  dataset: identifierSchema,
  tab: z.enum(TABS),
  measure: z.nullable(identifierSchema),
  from: z.nullable(monthSchema),
  to: z.nullable(monthSchema),
  /** Dimension id → allowed members; applies to every view. */
  filters: z.record(identifierSchema, valuesSchema),
  /** Cross-filter selections made by clicking in a view: view id → dimension id → members. A view's own
   *  selection filters the other views, never itself. */
  selections: z.partialRecord(z.enum(TABS), z.record(identifierSchema, valuesSchema)),
  mode: z.enum(MODES),
  /** Base month of the indexed mode; null = the first month shown. */
  base: z.nullable(monthSchema),
  grain: z.enum(GRAINS),
  /** Dimension the trend draws one series per member of; null = the dataset's first dimension. */
  by: z.nullable(identifierSchema),
  chart: z.enum(CHART_KINDS),
  /** A reference value drawn across the trend (e.g. a GMV goal). */
  target: z.nullable(z.number().check(z.gte(-1e15), z.lte(1e15))),
  /** How many members the ranked views show before the "Other" bucket; null = the view's default. */
  top: z.nullable(z.int().check(z.gte(1), z.lte(50))),
  stack: z.enum(STACKINGS),
  mapMetric: z.enum(MAP_METRICS),
  /** Marketplace (member of the first dimension) the map shows; null = all. */
  mapMember: z.nullable(filterValueSchema),
  cell: z.enum(CELL_METRICS),
  /** Sort order per view with a sortable table. */
  sorts: z.partialRecord(z.enum(TABS), sortSchema),
  theme: z.enum(THEMES),
});

export type ViewState = z.infer<typeof viewStateSchema>;

/** The state of a link with no parameters: bundled dataset, dataset defaults for everything else. */
export const DEFAULT_VIEW_STATE: ViewState = Object.freeze({
  v: VIEW_STATE_VERSION,
  dataset: 'market',
  tab: 'overview',
  measure: null,
  from: null,
  to: null,
  filters: {},
  selections: {},
  mode: 'absolute',
  base: null,
  grain: 'month',
  by: null,
  chart: 'line',
  target: null,
  top: null,
  stack: 'stacked',
  mapMetric: 'value',
  mapMember: null,
  cell: 'value',
  sorts: {},
  theme: 'system',
}) as ViewState;

/** Scalar fields: URL parameter name = field name; how each is read from text. */
const SCALARS = {
  dataset: { schema: identifierSchema, expected: 'a dataset name' },
  tab: { schema: z.enum(TABS), expected: TABS.join(', ') },
  measure: { schema: identifierSchema, expected: 'a measure name' },
  from: { schema: monthSchema, expected: 'a month such as 2014-07' },
  to: { schema: monthSchema, expected: 'a month such as 2014-12' },
  mode: { schema: z.enum(MODES), expected: MODES.join(', ') },
  base: { schema: monthSchema, expected: 'a month such as 2014-07' },
  grain: { schema: z.enum(GRAINS), expected: GRAINS.join(', ') },
  by: { schema: identifierSchema, expected: 'a dimension name' },
  chart: { schema: z.enum(CHART_KINDS), expected: CHART_KINDS.join(' or ') },
  target: { schema: z.coerce.number().check(z.gte(-1e15), z.lte(1e15)), expected: 'a number' },
  top: { schema: z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), expected: 'a whole number from 1 to 50' },
  stack: { schema: z.enum(STACKINGS), expected: STACKINGS.join(' or ') },
  mapMetric: { schema: z.enum(MAP_METRICS), expected: MAP_METRICS.join(', ') },
  mapMember: { schema: filterValueSchema, expected: 'a marketplace' },
  cell: { schema: z.enum(CELL_METRICS), expected: CELL_METRICS.join(' or ') },
  theme: { schema: z.enum(THEMES), expected: 'light, dark or system' },
} as const satisfies Record<string, { schema: z.ZodMiniType; expected: string }>;

type ScalarName = keyof typeof SCALARS;
/** The parameter of a compressed share link (see shareLink.ts). */
export const COMPRESSED_PARAM = 'z';
/** The parameter describing the uploaded file a shared view was made from (see src/data/neededDataset.ts). */
export const NEEDED_DATASET_PARAM = 'need';
/**
 * Parameter names a link uses for itself; a dataset's dimension ids must avoid them, or a filter on a column named
 * "measure" would be read as the measure (src/data/upload/plan.ts keeps a copy; a test checks they agree).
 */
export function reservedParameterNames(): string[] {
  // 'present' opens a presentation (src/features/dashboards/presentLink.ts): a column may never be called that.
  return ['v', COMPRESSED_PARAM, NEEDED_DATASET_PARAM, 'present', ...Object.keys(SCALARS)];
}
const SCALAR_NAMES = Object.keys(SCALARS) as ScalarName[];
const SELECTION_PREFIX = 'xf.';
const SORT_PREFIX = 'sort.';

export interface DecodedViewState {
  state: ViewState;
  /** One sentence per part of the link that could not be used and was replaced by a default. */
  notices: string[];
}

/** Reads a view state from a query string. Never throws: whatever cannot be used is dropped with a notice. */
export function decodeViewState(search: string): DecodedViewState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const state: Record<string, unknown> = { ...DEFAULT_VIEW_STATE, filters: lookupTable(), selections: lookupTable(), sorts: lookupTable() };
  const filters = state.filters as Record<string, string[]>;
  const selections = state.selections as Record<string, Record<string, string[]>>;
  const sorts = state.sorts as Record<string, SortState>;

  const version = params.get('v');
  if (version !== null && version !== String(VIEW_STATE_VERSION)) {
    notices.push(`This link was made by an unknown version (v=${truncate(version)}); it was read as version ${VIEW_STATE_VERSION}.`);
  }

  for (const name of SCALAR_NAMES) {
    const raw = params.get(name);
    if (raw === null) continue;
    const parsed = (SCALARS[name].schema as z.ZodMiniType).safeParse(raw);
    if (parsed.success) state[name] = parsed.data;
    else notices.push(`Ignored ${name}=${quote(raw)}: expected ${SCALARS[name].expected}.`);
  }

  for (const key of new Set(params.keys())) {
    if (key === 'v' || Object.hasOwn(SCALARS, key)) continue;
    if (key === NEEDED_DATASET_PARAM) continue; // read by the app before the view (see neededDataset.ts)
    if (key === COMPRESSED_PARAM) {
      // Expanded before the app starts (see shareLink.ts); still here means it could not be.
      notices.push('The compressed part of this link could not be read (was it cut short?); showing the default view.');
      continue;
    }
    if (key.startsWith(SORT_PREFIX)) {
      const view = key.slice(SORT_PREFIX.length);
      const [column, direction] = (params.get(key) ?? '').split(':');
      const parsed = z.enum(TABS).safeParse(view).success ? sortSchema.safeParse({ column, direction }) : null;
      if (parsed?.success) sorts[view] = parsed.data;
      else notices.push(`Ignored the sort order ${quote(`${key}=${params.get(key) ?? ''}`)}.`);
      continue;
    }
    if (key.startsWith(SELECTION_PREFIX)) {
      const [view = '', dimension = ''] = key.slice(SELECTION_PREFIX.length).split('.');
      if (!z.enum(TABS).safeParse(view).success || !IDENTIFIER.test(dimension)) {
        notices.push(`Ignored the selection ${quote(key)}.`);
        continue;
      }
      const values = readValues(params.getAll(key), key, notices);
      if (values.length > 0) (selections[view] ??= lookupTable())[dimension] = values;
      continue;
    }
    if (!IDENTIFIER.test(key)) {
      notices.push(`Ignored the unknown parameter ${quote(key)}.`);
      continue;
    }
    const values = readValues(params.getAll(key), key, notices);
    if (values.length > 0) filters[key] = values;
  }

  // Belt and braces: whatever the code above built must satisfy the schema.
  const checked = viewStateSchema.safeParse(state);
  if (!checked.success) {
    return { state: cloneDefault(), notices: [...notices, 'The link could not be read; showing the default view.'] };
  }
  return { state: withLookupTables(checked.data), notices };
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
export function withLookupTables(state: ViewState): ViewState {
  return {
    ...state,
    filters: lookupTable(Object.entries(state.filters)),
    selections: lookupTable(
      Object.entries(state.selections).map(([view, byDimension]) => [view, lookupTable(Object.entries(byDimension ?? {}))]),
    ),
    sorts: lookupTable(Object.entries(state.sorts)),
  };
}

function readValues(raw: string[], key: string, notices: string[]): string[] {
  const values: string[] = [];
  for (const value of raw) {
    if (!filterValueSchema.safeParse(value).success) {
      notices.push(`Ignored ${key}=${quote(value)}: a value must be 1 to ${MAX_VALUE_LENGTH} characters.`);
    } else if (!values.includes(value)) {
      values.push(value);
    }
  }
  if (values.length > MAX_VALUES_PER_FILTER) {
    notices.push(`Kept the first ${MAX_VALUES_PER_FILTER} of ${values.length} values for ${key}.`);
    values.length = MAX_VALUES_PER_FILTER;
  }
  return values;
}

/** Writes a view state as a query string, leaving out whatever equals the default, in a stable order. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('v', String(VIEW_STATE_VERSION));
  for (const name of SCALAR_NAMES) {
    if (name === 'theme') continue;
    const value = state[name];
    if (value !== null && value !== DEFAULT_VIEW_STATE[name]) params.set(name, String(value));
  }
  for (const key of Object.keys(state.filters).sort()) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  for (const view of Object.keys(state.selections).sort() as (keyof ViewState['selections'])[]) {
    const byDimension = state.selections[view] ?? {};
    for (const dimension of Object.keys(byDimension).sort()) {
      for (const value of byDimension[dimension] ?? []) params.append(`${SELECTION_PREFIX}${view}.${dimension}`, value);
    }
  }
  for (const view of Object.keys(state.sorts).sort() as (keyof ViewState['sorts'])[]) {
    const sort = state.sorts[view];
    if (sort) params.set(`${SORT_PREFIX}${view}`, `${sort.column}:${sort.direction}`);
  }
  if (state.theme !== DEFAULT_VIEW_STATE.theme) params.set('theme', state.theme);
  return params.toString();
}

function cloneDefault(): ViewState {
  return { ...DEFAULT_VIEW_STATE, filters: lookupTable(), selections: lookupTable(), sorts: lookupTable() };
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function quote(text: string): string {
  return JSON.stringify(truncate(text));
}
