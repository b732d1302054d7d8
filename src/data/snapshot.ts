// zod/mini, as for view states and dashboards: a snapshot arrives from a link or a file and is checked the same way.
import { hashKey, type DehydratedState, type QueryKey } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { CURRENCY_UNITS } from '../lib/format';
import { activeLocale, matchLocale, t, type AnyLocale } from '../i18n';
import { parseJsonText } from '../state/jsonText';
import { identifier, list, MAX_TEXT, maybeNumber, maybeText, month, number, text } from '../state/resultSchemas';
import { VIEW_RESULT_SCHEMAS } from '../views';
import type { DatasetEntry } from './datasets';
import type { DatasetModel } from './model';
import { messages } from './messages';
// The result types through the barrel, whose names stay put whichever module defines them.
import type { Breakdown, DatasetCatalog, KpiSummary, MarketEvent, PublishedFigure, Ranking, SeriesResult } from '.';

/**
 * A snapshot: the figures a dashboard's panels showed at one moment, for someone who has neither the data nor the
 * query engine. It holds each query result the panels read, under the very query key the panel asks for (so a
 * TanStack Query cache filled from it answers the panels as if they had computed it), the moment it was taken, and
 * each dataset's description (names, labels, units) so the panels can be drawn. Never the rows of the data: only
 * what the queries returned — totals, series, rankings, and the catalog of months and members that views check
 * their settings against. The SQL side of a dataset's model (table and column names) is left out: nothing is ever
 * queried from a snapshot.
 *
 * It arrives in a link or a file, so it is untrusted: {@link parseSnapshot} checks every part against the shape the
 * panels expect, within caps, and drops a result that does not fit (counting it, for a notice) rather than letting a
 * panel draw it. Whatever is accepted is rebuilt from the schemas' output, so unknown fields are dropped.
 *
 * Languages. A snapshot records the language it was taken in (`lang`). Presented later, its chrome — headings,
 * buttons, axis titles, the date of the snapshot, and every number and date as formatted on screen — is in the
 * viewer's language, as the page around it; its figures are as they were taken: the numbers, and any text a query
 * result holds (dataset and measure labels, an explanation's sentences, names from the data), stay in the language of
 * the taker, since nothing can be recomputed from a snapshot. A query whose result holds text in the active language
 * carries the locale as an element of its key (e.g. `['explain', slice, null, 'ru-RU']`); {@link toDehydratedState}
 * files such results under the viewer's locale, so that the viewer's panels, whose keys name the viewer's language,
 * find them; the presentation says in which language it was taken when that is not the viewer's. A snapshot without
 * `lang` (taken before Marketscope spoke other languages) was taken in English.
 */

export const SNAPSHOT_FORMAT = 'marketscope-snapshot';
/** Bumped whenever a reader of the previous format could misread the new one. */
export const SNAPSHOT_VERSION = 1;

/**
 * The most JSON text one snapshot may take. Room for two dozen panels of aggregates, and still well within what a
 * browser keeps for a site in localStorage (about 5 million characters), where an imported dashboard is kept.
 */
export const MAX_SNAPSHOT_CHARS = 2_000_000;
/** Results in one snapshot: every query of 24 panels (a view makes at most a dozen), with room to spare. */
const MAX_RESULTS = 500;
/** Datasets one snapshot describes: one per panel at most. */
const MAX_DATASETS = 24;

// ---------------------------------------------------------------------------------------------------------------
// Datasets, as far as drawing needs them

const UNITS = ['count', 'number', 'percent', 'seconds', ...CURRENCY_UNITS] as const;

const dimensionSchema = z.object({
  id: identifier,
  label: text(200),
  pluralLabel: text(200),
  display: z.enum(['text', 'country']),
});
const measureSchema = z.object({
  id: identifier,
  label: text(200),
  unit: z.enum(UNITS),
  overTime: z.enum(['sum', 'mean']),
  periodLabel: text(200),
  description: text(2_000),
});
const datasetSchema = z.object({
  id: identifier,
  label: text(200),
  dimensions: z.array(dimensionSchema).check(z.minLength(1), z.maxLength(64)),
  measures: z.array(measureSchema).check(z.minLength(1), z.maxLength(64)),
  defaultMeasure: identifier,
  roles: z.optional(z.object({ visitors: identifier, orders: identifier, revenue: identifier })),
  provenance: z.enum(['synthetic', 'published', 'uploaded', 'clickhouse']),
  sourceLine: text(1_000),
  timeless: z.optional(z.boolean()),
});
export type SnapshotDataset = z.infer<typeof datasetSchema>;

/** The views take the default measure and the roles for granted: a description without them cannot be drawn. */
function namesItsMeasures(dataset: SnapshotDataset): boolean {
  const measures = new Set(dataset.measures.map((measure) => measure.id));
  const roles = dataset.roles ? [dataset.roles.visitors, dataset.roles.orders, dataset.roles.revenue] : [];
  return measures.has(dataset.defaultMeasure) && roles.every((role) => measures.has(role));
}

// ---------------------------------------------------------------------------------------------------------------
// Query results, one shape per kind of query (the first element of its key; see src/data/queries/fetch*.ts). The
// kinds several views share are here; a kind only one view asks for is declared with that view (src/views/*/).

/** What each shared kind of query returns, as the panels read it. */
interface ResultTypes {
  catalog: DatasetCatalog;
  kpis: KpiSummary;
  series: SeriesResult;
  ranking: Ranking;
  'published-figures': PublishedFigure[];
  events: MarketEvent[];
  breakdown: Breakdown;
}

// Typed against the app's own result types: a schema that drifts from what the queries return fails to compile.
const RESULT_SCHEMAS: { [Kind in keyof ResultTypes]: z.ZodMiniType<ResultTypes[Kind]> } = {
  catalog: z.object({
    firstMonth: month,
    lastMonth: month,
    rowCount: number,
    members: z.record(identifier, list(text())),
  }),
  kpis: z.object({
    current: maybeNumber,
    previous: maybeNumber,
    change: maybeNumber,
    leader: maybeText,
    leaderValue: maybeNumber,
    leaderShare: maybeNumber,
    monthsWithData: number,
  }),
  series: z.object({
    periods: list(month),
    partial: list(z.boolean()),
    series: list(z.object({ name: text(), isOther: z.boolean(), values: list(maybeNumber), raw: list(maybeNumber) }), 1_000),
    seriesTotal: number,
  }),
  ranking: z.object({
    rows: list(z.object({ key: text(), value: number, share: maybeNumber })),
    groupTotal: number,
  }),
  'published-figures': list(
    z.object({
      figureId: text(200),
      subject: text(),
      metric: text(),
      value: number,
      unit: text(40),
      qualifier: text(200),
      country: maybeText,
      periodStart: maybeText,
      periodEnd: maybeText,
      publication: text(),
    }),
  ),
  events: list(
    z.object({
      id: text(200),
      month,
      precision: z.enum(['day', 'month', 'year']),
      derived: z.boolean(),
      country: maybeText,
      title: text(),
      description: text(),
    }),
  ),
  breakdown: z.object({
    cells: list(z.object({ rowKey: maybeText, columnKey: maybeText, value: number })),
    rowKeys: list(maybeText),
    columnKeys: list(maybeText),
    rowTotal: number,
    columnTotal: number,
  }),
};
// A Map, not the object: a key's kind comes from the snapshot, and "constructor" or "__proto__" must find nothing.
const RESULT_SCHEMA_BY_KIND = new Map<string, z.ZodMiniType>([...Object.entries(RESULT_SCHEMAS), ...Object.entries(VIEW_RESULT_SCHEMAS)]);

/** The kinds of query a snapshot can hold; a new kind of panel query needs its shape above or in its view. */
export const SNAPSHOT_QUERY_KINDS: readonly string[] = [...RESULT_SCHEMA_BY_KIND.keys()];

/**
 * Whether a query key is plain, small JSON: strings, finite numbers, booleans, null, arrays and objects, a few
 * levels deep. A key is only ever compared (hashed) with the keys the panels make, but it still must not be a way
 * to make the page do unbounded work.
 */
function isSmallJson(value: unknown, depth = 0, budget = { nodes: 0 }): boolean {
  if (++budget.nodes > 5_000 || depth > 6) return false;
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_TEXT;
  if (Array.isArray(value)) return value.length <= 1_000 && value.every((item) => isSmallJson(item, depth + 1, budget));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    return entries.length <= 100 && entries.every(([key, item]) => key.length <= 200 && isSmallJson(item, depth + 1, budget));
  }
  return false;
}

/** A query key: a short array of small JSON, naming its kind of query first. */
function isQueryKey(value: unknown): value is QueryKey {
  return Array.isArray(value) && value.length >= 1 && value.length <= 8 && typeof value[0] === 'string' && isSmallJson(value);
}

// ---------------------------------------------------------------------------------------------------------------
// The snapshot

// Plain schemas and checks in code (no tuples, refinements or format validators): the zod code the first screen
// loads anyway covers them, so this schema adds almost nothing to it.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  v: z.literal(SNAPSHOT_VERSION),
  /**
   * The language it was taken in (absent in a snapshot taken before there were several: English). One this version
   * does not speak is not damage: it is kept out, and the figures still show.
   */
  lang: z.optional(z.string().check(z.maxLength(35))),
  /** When it was taken, as an ISO 8601 UTC timestamp (checked to be a real moment below). */
  takenAt: z.string().check(z.regex(INSTANT)),
  datasets: z.array(datasetSchema).check(z.maxLength(MAX_DATASETS)),
  /** `[query key, result]` pairs; each result is checked against its kind's shape on its own (see parseSnapshot). */
  results: z.array(z.array(z.unknown()).check(z.minLength(2), z.maxLength(2))).check(z.maxLength(MAX_RESULTS)),
});

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  v: typeof SNAPSHOT_VERSION;
  /** The language it was taken in: the text inside its results is in this language (see the top of this file). */
  lang?: AnyLocale;
  takenAt: string;
  datasets: SnapshotDataset[];
  results: [QueryKey, unknown][];
}

/** A snapshot that was read, and how many of its results were damaged and left out (0 for an intact one). */
export type SnapshotReading = { snapshot: Snapshot; dropped: number } | { error: string };

/**
 * A snapshot from untrusted JSON (already parsed). Never throws: gives the snapshot, with the number of results
 * left out because they did not have their kind's shape, or a sentence saying why it cannot be used at all.
 */
export function parseSnapshot(value: unknown): SnapshotReading {
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const looksLikeOne = typeof value === 'object' && value !== null && (value as { format?: unknown }).format === SNAPSHOT_FORMAT;
    if (looksLikeOne && (value as { v?: unknown }).v !== SNAPSHOT_VERSION) {
      return { error: t(messages.newerVersion) };
    }
    if (!looksLikeOne) return { error: t(messages.notASnapshot) };
    const issue = parsed.error.issues[0];
    return damaged(issue?.path.length ? issue.path.map(String).join('.') : null);
  }
  if (!Number.isFinite(Date.parse(parsed.data.takenAt))) return damaged('takenAt');
  const badDataset = parsed.data.datasets.findIndex((dataset) => !namesItsMeasures(dataset));
  if (badDataset >= 0) return damaged(`datasets.${badDataset}`);
  const ids = parsed.data.datasets.map((dataset) => dataset.id);
  if (new Set(ids).size !== ids.length) return { error: t(messages.datasetTwice) };

  const results: [QueryKey, unknown][] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const [key, data] of parsed.data.results) {
    const schema = isQueryKey(key) ? RESULT_SCHEMA_BY_KIND.get(key[0] as string) : undefined;
    const checked = schema?.safeParse(data);
    if (!isQueryKey(key) || !checked?.success) {
      dropped += 1;
      continue;
    }
    // Two results under one key: the first wins, as a cache would keep only one.
    const hash = hashKey(key);
    if (seen.has(hash)) {
      dropped += 1;
      continue;
    }
    seen.add(hash);
    results.push([key, checked.data]);
  }
  const lang = matchLocale(parsed.data.lang);
  return {
    snapshot: {
      format: SNAPSHOT_FORMAT,
      v: SNAPSHOT_VERSION,
      ...(lang ? { lang } : {}),
      takenAt: parsed.data.takenAt,
      datasets: parsed.data.datasets,
      results,
    },
    dropped,
  };
}

/** Why a damaged snapshot cannot be shown, naming where it is damaged when that is known. */
function damaged(where: string | null): { error: string } {
  return { error: where ? t(messages.damagedAt, { where }) : t(messages.damaged) };
}

/** {@link parseSnapshot} for JSON text, with its size cap. */
export function parseSnapshotText(text: string): SnapshotReading {
  const read = parseJsonText(text, MAX_SNAPSHOT_CHARS);
  if ('problem' in read) {
    return {
      error:
        read.problem === 'too-large' ? t(messages.tooLarge) : t(messages.notJson),
    };
  }
  return parseSnapshot(read.json);
}

// ---------------------------------------------------------------------------------------------------------------
// Taking and restoring

/** What of a dataset's model a snapshot carries: everything the panels draw with, nothing of its SQL. */
export function describeDataset(model: DatasetModel): SnapshotDataset {
  return {
    id: model.id,
    label: model.label,
    dimensions: model.dimensions.map(({ id, label, pluralLabel, display }) => ({ id, label, pluralLabel, display })),
    measures: model.measures.map(({ id, label, unit, overTime, periodLabel, description }) => ({ id, label, unit, overTime, periodLabel, description })),
    defaultMeasure: model.defaultMeasure,
    ...(model.roles ? { roles: { ...model.roles } } : {}),
    provenance: model.provenance,
    sourceLine: model.sourceLine,
    ...(model.timeless ? { timeless: true } : {}),
  };
}

/**
 * A snapshot's dataset as the panels' model. Its table and column names are blank: a snapshot is never queried (the
 * page that shows one refuses to start the engine), and the panels only read names, labels and units.
 */
export function snapshotModel(dataset: SnapshotDataset): DatasetModel {
  return {
    ...dataset,
    table: '',
    timeColumn: '',
    dimensions: dataset.dimensions.map((dimension) => ({ ...dimension, column: '' })),
    measures: dataset.measures.map((measure) => ({ ...measure, column: '' })),
  };
}

/** The snapshot's datasets as entries of a dataset list, for the panels that look their dataset up. */
export function snapshotDatasetEntries(snapshot: Snapshot): DatasetEntry[] {
  return snapshot.datasets.map((dataset) => ({
    id: dataset.id,
    model: snapshotModel(dataset),
    kind: dataset.provenance === 'uploaded' ? 'uploaded' : dataset.provenance === 'clickhouse' ? 'clickhouse' : 'bundled',
    status: 'ready',
  }));
}

/**
 * A snapshot of the successful queries of a dehydrated cache (TanStack Query's `dehydrate`), over these datasets,
 * taken in `lang` (the language the panels were drawn in: the active one).
 */
export function buildSnapshot(takenAt: Date, models: readonly DatasetModel[], cache: DehydratedState, lang: AnyLocale = activeLocale()): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    v: SNAPSHOT_VERSION,
    lang,
    takenAt: takenAt.toISOString(),
    datasets: models.map(describeDataset),
    results: cache.queries.filter((query) => query.state.status === 'success').map((query) => [query.queryKey, query.state.data]),
  };
}

/**
 * A query key of a snapshot taken in `taken`, as a viewer in `viewer` asks for it: the element naming the taker's
 * language names the viewer's (the result itself, and its text, stay as taken). Only whole elements of the key
 * that are exactly the locale change, never text inside them.
 */
export function keyForViewer(queryKey: QueryKey, taken: AnyLocale, viewer: AnyLocale): QueryKey {
  if (taken === viewer) return queryKey;
  return queryKey.map((part) => (part === taken ? viewer : part));
}

/**
 * The snapshot as TanStack Query's dehydrated state, for `hydrate`: every result a successful query, fetched at the
 * moment the snapshot was taken, under the key a panel in the `viewer`'s language asks for (see the top of this file:
 * the figures stay as taken). The hashes are computed here, never taken from the snapshot, so that they are the ones
 * the panels' keys give.
 */
export function toDehydratedState(snapshot: Snapshot, viewer: AnyLocale = activeLocale()): DehydratedState {
  const takenAt = Date.parse(snapshot.takenAt);
  const taken = snapshot.lang ?? 'en';
  return {
    mutations: [],
    queries: snapshot.results.map(([snapshotKey, data]) => ({
      queryKey: keyForViewer(snapshotKey, taken, viewer),
      queryHash: hashKey(keyForViewer(snapshotKey, taken, viewer)),
      dehydratedAt: takenAt,
      state: {
        data,
        dataUpdateCount: 1,
        dataUpdatedAt: takenAt,
        error: null,
        errorUpdateCount: 0,
        errorUpdatedAt: 0,
        fetchFailureCount: 0,
        fetchFailureReason: null,
        fetchMeta: null,
        isInvalidated: false,
        status: 'success',
        fetchStatus: 'idle',
      },
    })),
  };
}
