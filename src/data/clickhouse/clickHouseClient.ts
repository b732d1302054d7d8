import { buildColumnsQuery, buildTablesQuery, columnsInTableOrder, type JsonCompactAnswer } from '../../sql/clickhouse/catalog';
import { localText, t, type Message, type ShownText } from '../../i18n';
import { messages } from './messages';
import { untilAborted } from '../../lib/untilAborted';

/**
 * The page's side of the same-origin ClickHouse proxy (scripts/clickhouse/proxy.mjs): it names connections, never
 * holds credentials, and turns the proxy's `{ error, connection, hint }` answers into a {@link ClickHouseError}.
 */

/** A connection the server offers (its credentials stay on the server). */
export interface ClickHouseConnection {
  name: string;
  database: string;
}

export interface ClickHouseColumn {
  name: string;
  type: string;
}

export interface ClickHouseTable {
  database: string;
  name: string;
  engine: string;
  columns: ClickHouseColumn[];
}

/**
 * A failure a person can act on: which connection, what went wrong, what to do. `message` and `hint` are said in the
 * language of the moment it was thrown; `localMessage` and `localHint` are what to show (src/i18n's errorText), said
 * in the language of the moment they are shown. The proxy's own words stay as it said them.
 */
export class ClickHouseError extends Error {
  readonly connection: string | null;
  readonly hint: string | null;
  readonly status: number;
  readonly localMessage: ShownText;
  readonly localHint: ShownText | null;
  constructor(message: ShownText, options: { connection?: string | null; hint?: ShownText | null; status?: number }) {
    super(t(message));
    this.name = 'ClickHouseError';
    this.connection = options.connection ?? null;
    this.localMessage = message;
    this.localHint = options.hint ?? null;
    this.hint = this.localHint === null ? null : t(this.localHint);
    this.status = options.status ?? 0;
  }
}

export interface ClickHouseQueryOptions {
  /** A ClickHouse output format (e.g. `JSONCompact`, `CSVWithNames`); the proxy passes it as default_format. */
  format?: string;
  /** Aborting ends the request and asks the server to KILL the query by its id. */
  signal?: AbortSignal;
  /**
   * Query parameters for the SQL's `{name:Type}` placeholders, by name, each value in ClickHouse's Escaped text
   * (`buildPushdownQuery(…, { values: 'params' }).params`); sent as `param_<name>` URL parameters. Only for a
   * connection whose {@link ClickHouseClient.features} say `queryParameters`.
   */
  params?: Readonly<Record<string, string>>;
}

/** What a connection's server supports (the proxy's `GET /clickhouse/<name>/features`). */
export interface ClickHouseFeatures {
  /** Whether it binds `{name:Type}` placeholders to `param_<name>` (not 18.16). */
  queryParameters: boolean;
  /** ClickHouse's version, when the proxy said. */
  version: string | null;
}

/** No query parameters: what a server without /features (an older proxy, nginx without the location) gets. */
export const LITERALS_ONLY: ClickHouseFeatures = Object.freeze({ queryParameters: false, version: null });

export interface ClickHouseClient {
  listConnections(signal?: AbortSignal): Promise<ClickHouseConnection[]>;
  /** The tables of `database` on `connection`, each with its columns and their ClickHouse types. */
  listTables(connection: string, database: string, signal?: AbortSignal): Promise<ClickHouseTable[]>;
  /** Runs one read statement and resolves to ClickHouse's text answer in `options.format`. */
  query(connection: string, sql: string, options?: ClickHouseQueryOptions): Promise<string>;
  /**
   * What `connection`'s server supports, asked once per connection in the page (kept while the page lives; a failed
   * ask is not kept, and answers {@link LITERALS_ONLY}: values written into the SQL work on every release). A client
   * without it writes values into the SQL.
   */
  features?(connection: string, signal?: AbortSignal): Promise<ClickHouseFeatures>;
}

/**
 * `&param_<name>=<value>…`, the query parameters as the client appends them to a query's URL. Spaces as %20, not
 * URLSearchParams' `+`: behind nginx (docs/clickhouse-nginx.md) the text reaches ClickHouse as it is written here.
 */
export function queryParametersInUrl(params: Readonly<Record<string, string>>): string {
  return Object.entries(params)
    .map(([name, value]) => `&param_${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('');
}

/** The page's answers from /features, per proxy and connection (the default fetch only: tests pass their own). */
const sharedFeatures = new Map<string, Promise<ClickHouseFeatures>>();

let sequence = 0;
function newQueryId(): string {
  sequence += 1;
  const random = Math.floor(Math.random() * 0xffffffff).toString(36);
  return `marketscope-${Date.now().toString(36)}-${random}-${sequence}`;
}

/** The proxy's error kinds (scripts/clickhouse/proxy.mjs PROXY_TEXTS), each a message and its hint in the catalog. */
const PROXY_MESSAGES: Readonly<Record<string, readonly [Message, Message]>> = {
  auth: [messages.proxy_auth, messages.proxy_authHint],
  shardDown: [messages.proxy_shardDown, messages.proxy_shardDownHint],
  cancelled: [messages.proxy_cancelled, messages.proxy_cancelledHint],
  timeout: [messages.proxy_timeout, messages.proxy_timeoutHint],
  tooLarge: [messages.proxy_tooLarge, messages.proxy_tooLargeHint],
  readOnly: [messages.proxy_readOnly, messages.proxy_readOnlyHint],
  unknownObject: [messages.proxy_unknownObject, messages.proxy_unknownObjectHint],
  refused: [messages.proxy_refused, messages.proxy_refusedHint],
  httpError: [messages.proxy_httpError, messages.proxy_httpErrorHint],
  connectionRefused: [messages.proxy_connectionRefused, messages.proxy_connectionRefusedHint],
  unknownHost: [messages.proxy_unknownHost, messages.proxy_unknownHostHint],
  noAnswer: [messages.proxy_noAnswer, messages.proxy_noAnswerHint],
  networkFailed: [messages.proxy_networkFailed, messages.proxy_networkFailedHint],
  noConnection: [messages.proxy_noConnection, messages.proxy_noConnectionHint],
  connectionsInvalid: [messages.proxy_connectionsInvalid, messages.proxy_connectionsInvalidHint],
  statementRefused: [messages.proxy_statementRefused, messages.proxy_statementRefusedHint],
};

/**
 * The proxy's error to show: its kind's message with its values (plain strings and numbers only), said in the
 * language of the moment it is shown; or its English as sent when the kind is unknown (a newer or older server).
 */
export function proxyErrorText(body: { error: string; hint?: string | null; kind?: unknown; values?: unknown }): {
  message: ShownText;
  hint: ShownText | null;
} {
  const pair = typeof body.kind === 'string' && Object.hasOwn(PROXY_MESSAGES, body.kind) ? PROXY_MESSAGES[body.kind] : undefined;
  if (!pair || typeof body.values !== 'object' || body.values === null) return { message: body.error, hint: body.hint ?? null };
  const values = Object.fromEntries(
    Object.entries(body.values as Record<string, unknown>).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
  return { message: localText(pair[0], values), hint: localText(pair[1], values) };
}

async function errorFrom(response: Response, connection: string | null): Promise<ClickHouseError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: string; connection?: string; hint?: string; kind?: unknown; values?: unknown };
    if (typeof body.error === 'string') {
      const said = proxyErrorText({ ...body, error: body.error });
      return new ClickHouseError(said.message, { connection: body.connection ?? connection, hint: said.hint, status: response.status });
    }
  } catch {
    // not the proxy's JSON: fall through
  }
  // What the server said, as it said it (in its own language).
  const detail = text.trim().slice(0, 300) || response.statusText;
  const status = String(response.status);
  const message = connection === null ? localText(messages.proxyAnswered, { status, detail }) : localText(messages.connectionAnswered, { connection, status, detail });
  return new ClickHouseError(message, {
    connection,
    hint: response.status === 404 ? localText(messages.noProxy) : null,
    status: response.status,
  });
}

/**
 * A client for the proxy at `base` (`/clickhouse` in the page; an absolute URL in tests). `fetchImpl` defaults to
 * the global fetch.
 */
export function createClickHouseClient(base = '/clickhouse', fetchWith?: typeof fetch): ClickHouseClient {
  const fetchImpl: typeof fetch = fetchWith ?? ((...args) => fetch(...args));
  const root = base.replace(/\/+$/, '');
  const connectionUrl = (name: string, action: 'query' | 'cancel' | 'features') => `${root}/${encodeURIComponent(name)}/${action}`;
  // Shared by every client of the page on the same proxy; a client with its own fetch keeps its own.
  const known = fetchWith === undefined ? sharedFeatures : new Map<string, Promise<ClickHouseFeatures>>();

  function features(connection: string, signal?: AbortSignal): Promise<ClickHouseFeatures> {
    const key = `${root}\n${connection}`;
    const kept = known.get(key);
    if (kept) return signal ? untilAborted(kept, signal) : kept;
    const asking = (async (): Promise<ClickHouseFeatures> => {
      // Not the caller's signal: the answer is shared, and one caller leaving must not spoil it for the others.
      const response = await fetchImpl(connectionUrl(connection, 'features'), { signal: AbortSignal.timeout(20_000) });
      if (!response.ok) throw new Error(`features: HTTP ${response.status}`);
      const body = (await response.json()) as { queryParameters?: unknown; version?: unknown };
      return { queryParameters: body.queryParameters === true, version: typeof body.version === 'string' ? body.version : null };
    })();
    // A failed ask (the server down, a proxy without /features) is not kept: values go as literals meanwhile.
    const answer: Promise<ClickHouseFeatures> = asking.catch(() => {
      if (known.get(key) === answer) known.delete(key);
      return LITERALS_ONLY;
    });
    known.set(key, answer);
    return signal ? untilAborted(answer, signal) : answer;
  }

  async function query(connection: string, sql: string, options: ClickHouseQueryOptions = {}): Promise<string> {
    const queryId = newQueryId();
    const params = new URLSearchParams({ query_id: queryId });
    if (options.format) params.set('format', options.format);
    const queryParams = queryParametersInUrl(options.params ?? {});
    const { signal } = options;
    const onAbort = () => {
      // Best effort: the request is already aborted; KILL QUERY frees the server.
      void fetchImpl(`${connectionUrl(connection, 'cancel')}?${new URLSearchParams({ query_id: queryId })}`, { method: 'POST' }).catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let response: Response;
      try {
        response = await fetchImpl(`${connectionUrl(connection, 'query')}?${params}${queryParams}`, { method: 'POST', body: sql, signal });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ClickHouseError(localText(messages.unreachableFor, { connection, reason: (error as Error).message }), {
          connection,
          hint: localText(messages.unreachableForHint),
        });
      }
      if (!response.ok) throw await errorFrom(response, connection);
      return await response.text();
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    async listConnections(signal) {
      let response: Response;
      try {
        response = await fetchImpl(`${root}/`, { signal });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ClickHouseError(localText(messages.unreachable, { reason: (error as Error).message }), { hint: localText(messages.unreachableHint) });
      }
      if (!response.ok) throw await errorFrom(response, null);
      const body = (await response.json()) as { connections?: ClickHouseConnection[] };
      return (body.connections ?? []).map((c) => ({ name: String(c.name), database: String(c.database ?? '') }));
    },

    async listTables(connection, database, signal) {
      const db = database || 'default';
      const tablesText = await query(connection, buildTablesQuery(db), { format: 'JSONCompact', signal });
      // Columns in each table's declared order, on 18.16 (no system.columns.position) and current releases.
      const columnsText = await query(connection, buildColumnsQuery(db), { format: 'JSONCompact', signal });
      const tables = (JSON.parse(tablesText) as { data: [string, string][] }).data;
      const byTable = columnsInTableOrder(JSON.parse(columnsText) as JsonCompactAnswer);
      return tables.map(([name, engine]) => ({ database: db, name, engine, columns: byTable.get(name) ?? [] }));
    },

    query,
    features,
  };
}
