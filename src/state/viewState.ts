import { z } from 'zod';

/**
 * The view state: everything that decides what the dashboard shows, kept in the URL so that a reload or a pasted
 * link restores the view. This module checks syntax only (shapes, lengths, formats); whether a measure or a filter
 * value exists in the data is checked against the dataset in `src/data`.
 */

export const VIEW_STATE_VERSION = 1;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const IDENTIFIER = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_VALUE_LENGTH = 200;
const MAX_VALUES_PER_FILTER = 500;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const monthSchema = z.string().regex(MONTH);
const identifierSchema = z.string().regex(IDENTIFIER);
const filterValueSchema = z.string().min(1).max(MAX_VALUE_LENGTH);

export const viewStateSchema = z.object({
  v: z.literal(VIEW_STATE_VERSION),
  dataset: identifierSchema,
  measure: identifierSchema.nullable(),
  from: monthSchema.nullable(),
  to: monthSchema.nullable(),
  filters: z.record(identifierSchema, z.array(filterValueSchema).max(MAX_VALUES_PER_FILTER)),
  theme: z.enum(THEMES),
});

export type ViewState = z.infer<typeof viewStateSchema>;

/** The state of a link with no parameters: bundled dataset, dataset defaults for everything else. */
export const DEFAULT_VIEW_STATE: ViewState = {
  v: VIEW_STATE_VERSION,
  dataset: 'market',
  measure: null,
  from: null,
  to: null,
  filters: {},
  theme: 'system',
};

/** Parameter names with a fixed meaning; any other parameter names a dimension filter. */
const RESERVED = new Set(['v', 'dataset', 'measure', 'from', 'to', 'theme']);

export interface DecodedViewState {
  state: ViewState;
  /** One sentence per part of the link that could not be used and was replaced by a default. */
  notices: string[];
}

/** Reads a view state from a query string. Never throws: whatever cannot be used is dropped with a notice. */
export function decodeViewState(search: string): DecodedViewState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE, filters: {} };

  const version = params.get('v');
  if (version !== null && version !== String(VIEW_STATE_VERSION)) {
    notices.push(`This link was made by an unknown version (v=${truncate(version)}); it was read as version ${VIEW_STATE_VERSION}.`);
  }

  const readSingle = <T>(name: string, schema: z.ZodType<T>, describe: string): T | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    notices.push(`Ignored ${name}=${quote(raw)}: expected ${describe}.`);
    return undefined;
  };

  state.dataset = readSingle('dataset', identifierSchema, 'a dataset name') ?? state.dataset;
  state.measure = readSingle('measure', identifierSchema, 'a measure name') ?? null;
  state.from = readSingle('from', monthSchema, 'a month such as 2014-07') ?? null;
  state.to = readSingle('to', monthSchema, 'a month such as 2014-12') ?? null;
  state.theme = readSingle('theme', z.enum(THEMES), 'light, dark or system') ?? state.theme;

  for (const key of new Set(params.keys())) {
    if (RESERVED.has(key)) continue;
    if (!IDENTIFIER.test(key)) {
      notices.push(`Ignored the unknown parameter ${quote(key)}.`);
      continue;
    }
    const values: string[] = [];
    for (const raw of params.getAll(key)) {
      if (!filterValueSchema.safeParse(raw).success) {
        notices.push(`Ignored ${key}=${quote(raw)}: a filter value must be 1 to ${MAX_VALUE_LENGTH} characters.`);
      } else if (!values.includes(raw)) {
        values.push(raw);
      }
    }
    if (values.length > MAX_VALUES_PER_FILTER) {
      notices.push(`Kept the first ${MAX_VALUES_PER_FILTER} of ${values.length} values for ${key}.`);
      values.length = MAX_VALUES_PER_FILTER;
    }
    if (values.length > 0) state.filters[key] = values;
  }

  // Belt and braces: whatever the code above built must satisfy the schema.
  const checked = viewStateSchema.safeParse(state);
  if (!checked.success) return { state: { ...DEFAULT_VIEW_STATE, filters: {} }, notices: [...notices, 'The link could not be read; showing the default view.'] };
  return { state: checked.data, notices };
}

/** Writes a view state as a query string, leaving out whatever equals the default, in a stable order. */
export function encodeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('v', String(VIEW_STATE_VERSION));
  if (state.dataset !== DEFAULT_VIEW_STATE.dataset) params.set('dataset', state.dataset);
  if (state.measure) params.set('measure', state.measure);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  for (const key of Object.keys(state.filters).sort()) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  if (state.theme !== DEFAULT_VIEW_STATE.theme) params.set('theme', state.theme);
  return params.toString();
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function quote(text: string): string {
  return JSON.stringify(truncate(text));
}
