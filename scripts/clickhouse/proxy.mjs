// The same-origin ClickHouse proxy that `npm start` mounts at /clickhouse/ (issue 18). The page only talks to its own
// origin; this adds the credentials server-side, makes every query read-only and bounded, and lets a query be
// cancelled by its id. Node only: never imported by the browser bundle.
//
//   GET  /clickhouse/                         → { connections: [{ name, database }] }   (no URLs, no users)
//   GET  /clickhouse/<name>/features          → { queryParameters, version, connection }   (probed once per connection)
//   POST /clickhouse/<name>/query?query_id=…   body: one SELECT / WITH / DESCRIBE / SHOW / EXISTS statement
//        optional &format=JSONCompact (ClickHouse's default_format) and &param_<name>=… (query parameters, on
//        releases that have them); the answer is ClickHouse's, streamed
//   POST /clickhouse/<name>/cancel?query_id=…  → KILL QUERY WHERE query_id = … (the app's own ids only)
// Any other URL parameter is refused (400): ClickHouse reads unknown URL parameters as settings.
//
// Errors are JSON { error, connection, hint, kind, values } and name the connection and what to do; the page says
// `kind` with `values` in its own language (its catalog has the same English, src/data/clickhouse/messages.ts).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ENV_VARIABLE = 'MARKETSCOPE_CLICKHOUSE';
export const FILE_VARIABLE = 'MARKETSCOPE_CLICKHOUSE_FILE';
export const DEFAULT_FILE = 'marketscope.connections.json';
export const QUERY_ID_PREFIX = 'marketscope-';

const DEFAULT_LIMITS = { maxExecutionTime: 30, maxResultRows: 2_000_000, maxResultBytes: 256 * 1024 * 1024 };
const MAX_BODY_BYTES = 1024 * 1024;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const QUERY_ID = /^[A-Za-z0-9_-]{1,80}$/;
// A query parameter: `param_<name>` in the URL, `{<name>:Type}` in the SQL. Any other `param_…` is refused.
export const QUERY_PARAMETER = /^param_[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** The URL parameters each endpoint takes from the page (besides query parameters on `query`). */
const URL_PARAMETERS = { '': [], features: [], query: ['query_id', 'format'], cancel: ['query_id'] };

/**
 * The errors the page shows, in English: `kind` names the text, `values` fill it. The page's catalog has each one as
 * `clickhouse.proxy.<kind>` (and `<kind>Hint`) with the same English, so that it can say them in its language;
 * src/data/clickhouse/proxyMessages.test.ts checks that both say the same.
 */
export const PROXY_TEXTS = {
  auth: {
    error: (v) => `ClickHouse connection "${v.connection}" refused the user "${v.user}": ${v.detail}`,
    hint: (v) => `Check the user and password of "${v.connection}" in ${v.where}.`,
  },
  shardDown: {
    error: (v) => `ClickHouse connection "${v.connection}": a shard or replica is not answering: ${v.detail}`,
    hint: () => "Start the stopped ClickHouse server (npm run cluster for the local one) or check the cluster's remote_servers; then retry.",
  },
  cancelled: { error: (v) => `ClickHouse connection "${v.connection}": the query was cancelled.`, hint: () => 'Run it again when needed.' },
  timeout: {
    error: (v) => `ClickHouse connection "${v.connection}": the query took longer than ${v.seconds} s and was stopped (${v.detail}).`,
    hint: () => 'Narrow the months or filters, or point the dataset at a pre-aggregated table.',
  },
  tooLarge: {
    error: (v) => `ClickHouse connection "${v.connection}": the result is larger than this server allows (${v.detail}).`,
    hint: (v) => `Group by fewer dimensions or filter more; the limits are ${v.rows} rows and ${v.bytes} bytes (maxResultRows / maxResultBytes in ${v.where}).`,
  },
  readOnly: {
    error: (v) => `ClickHouse connection "${v.connection}" is read-only: ${v.detail}`,
    hint: () => 'Only SELECT, DESCRIBE, SHOW and EXISTS queries run through Marketscope.',
  },
  unknownObject: {
    error: (v) => `ClickHouse connection "${v.connection}": ${v.detail}`,
    hint: (v) => `Check the database and table names (database "${v.database}" in ${v.where}).`,
  },
  refused: { error: (v) => `ClickHouse connection "${v.connection}": ${v.detail}`, hint: () => 'ClickHouse refused the query.' },
  httpError: {
    error: (v) => `ClickHouse connection "${v.connection}": ${v.detail}`,
    hint: (v) => `ClickHouse answered HTTP ${v.status}; check the URL of "${v.connection}" in ${v.where}.`,
  },
  connectionRefused: {
    error: (v) => `ClickHouse connection "${v.connection}" refused the connection at ${v.host}.`,
    hint: (v) => `Start the cluster (npm run cluster for the local one) or check the URL of "${v.connection}" in ${v.where}.`,
  },
  unknownHost: {
    error: (v) => `ClickHouse connection "${v.connection}": the host ${v.host} is unknown.`,
    hint: (v) => `Check the URL of "${v.connection}" in ${v.where}.`,
  },
  noAnswer: {
    error: (v) => `ClickHouse connection "${v.connection}" did not answer at ${v.host}.`,
    hint: (v) => `Check that the server is up and the URL of "${v.connection}" in ${v.where}.`,
  },
  networkFailed: {
    error: (v) => `ClickHouse connection "${v.connection}" failed at ${v.host}: ${v.detail}.`,
    hint: (v) => `Check the server and the URL of "${v.connection}" in ${v.where}.`,
  },
  noConnection: {
    error: (v) => `No ClickHouse connection "${v.connection}" on this server (it has ${v.none === 'yes' ? 'none' : v.known}).`,
    hint: (v) => `Add it to ${v.variable} or ${v.file} where Marketscope is served.`,
  },
  connectionsInvalid: {
    error: () => 'The ClickHouse connections configured on this server are not valid.',
    hint: (v) => `See the server's log, then fix ${v.variable} or ${v.file}.`,
  },
  statementRefused: {
    error: (v) => `Refused for ClickHouse connection "${v.connection}": ${v.detail}.`,
    hint: () => 'Marketscope only reads: SELECT, DESCRIBE, SHOW, EXISTS.',
  },
};

/** An error the page shows: its English, and its kind and values for the page's language. */
function problem(status, kind, values) {
  const text = PROXY_TEXTS[kind];
  return { status, kind, values, error: text.error(values), hint: text.hint(values) };
}

function connection(fields, where) {
  const { name, url, user = 'default', password = '', database = '' } = fields;
  if (typeof name !== 'string' || !NAME.test(name)) throw new Error(`${where}: a connection name must be 1–64 letters, digits, _ . or - (got ${JSON.stringify(name)})`);
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${where}: connection "${name}" has no valid url (http://host:8123)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${where}: connection "${name}": the url must be http or https`);
  if (parsed.username || parsed.password) throw new Error(`${where}: connection "${name}": put the user and password in their own fields, not in the url`);
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS)) {
    if (fields[key] === undefined) continue;
    const value = Number(fields[key]);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${where}: connection "${name}": ${key} must be a positive whole number`);
    limits[key] = value;
  }
  return { name, url: parsed.origin + parsed.pathname.replace(/\/+$/, ''), user: String(user), password: String(password), database: String(database), limits, where };
}

/**
 * `name=http://host:8123;user=u;password=p;database=d` entries, separated by whitespace; values are percent-decoded
 * (write `%3B` for `;`, `%20` for a space, `%25` for `%`).
 */
export function parseConnectionsVariable(value, where = ENV_VARIABLE) {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [head, ...rest] = entry.split(';');
      const eq = head.indexOf('=');
      if (eq <= 0) throw new Error(`${where}: expected name=url;user=…;password=…;database=… (got ${JSON.stringify(head.slice(0, 40))})`);
      const fields = { name: head.slice(0, eq), url: decodeURIComponent(head.slice(eq + 1)) };
      for (const pair of rest) {
        if (pair === '') continue;
        const at = pair.indexOf('=');
        if (at <= 0) throw new Error(`${where}: expected key=value in connection "${fields.name}"`);
        fields[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
      }
      return connection(fields, where);
    });
}

/**
 * The connections the server offers: MARKETSCOPE_CLICKHOUSE, then the JSON file (MARKETSCOPE_CLICKHOUSE_FILE or
 * ./marketscope.connections.json): `{ "connections": [{ "name", "url", "user", "password", "database" }] }`.
 */
export function loadConnections({ env = process.env, cwd = process.cwd() } = {}) {
  const list = [];
  if (env[ENV_VARIABLE]) list.push(...parseConnectionsVariable(env[ENV_VARIABLE]));
  const file = env[FILE_VARIABLE] ? resolve(cwd, env[FILE_VARIABLE]) : resolve(cwd, DEFAULT_FILE);
  if (env[FILE_VARIABLE] && !existsSync(file)) throw new Error(`${FILE_VARIABLE}=${env[FILE_VARIABLE]}: no such file`);
  if (existsSync(file)) {
    let json;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${error.message})`, { cause: error });
    }
    const entries = Array.isArray(json) ? json : json.connections;
    if (!Array.isArray(entries)) throw new Error(`${file}: expected { "connections": [ … ] }`);
    list.push(...entries.map((entry) => connection(entry ?? {}, file)));
  }
  const seen = new Set();
  for (const c of list) {
    if (seen.has(c.name)) throw new Error(`${c.where}: connection "${c.name}" is defined twice`);
    seen.add(c.name);
  }
  return list;
}

// ---- which statements may pass -------------------------------------------------------------------------------

const ALLOWED_FIRST_WORDS = new Set(['SELECT', 'WITH', 'DESCRIBE', 'DESC', 'SHOW', 'EXISTS']);
// Table functions reach files, URLs and other servers (url, file, remote, cluster, mysql, s3, …). readonly=1 forbids
// them all, but a user whose profile is readonly=2 (so that limits can be set per query) may call any of them: the
// proxy lets through only these, which read nothing outside the server's own memory. Marketscope itself uses none.
// ClickHouse matches table function names case-sensitively (18.16 says "Unknown table function URL"); the check is
// case-insensitive all the same, as later releases add case-insensitive aliases.
export const ALLOWED_TABLE_FUNCTIONS = new Set(['numbers', 'numbers_mt', 'zeros', 'zeros_mt', 'values']);
// Where a table expression may stand: after these words (and after a comma in a FROM clause), `name(` is a table
// function. IN is included although ClickHouse (18.16 at least) reads `x IN f(…)` as an ordinary function: refusing
// `IN tuple(…)` costs the app nothing.
const TABLE_POSITION_WORDS = new Set(['FROM', 'JOIN', 'TABLE', 'DESCRIBE', 'DESC', 'IN']);
// These end a FROM clause (a comma after them separates expressions, not tables). ON, USING, SAMPLE, FINAL and AS do
// not: `FROM a JOIN b ON a.x = b.x, url(…)` is another table.
const CLAUSE_WORDS = new Set(['SELECT', 'WHERE', 'PREWHERE', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'UNION', 'FORMAT', 'SETTINGS', 'INTO', 'WITH', 'BY']);

/** Splits SQL into words, quoted names and punctuation, skipping comments and string literals. */
function tokens(sql) {
  const out = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) i++;
    else if (sql.startsWith('--', i) || c === '#') i = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
    else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Error('an unclosed /* comment');
      i = end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) throw new Error(`an unclosed ${c} quote`);
        if (sql[j] === '\\') {
          text += sql[j + 1] ?? '';
          j += 2;
        } else if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j += 2;
        } else if (sql[j] === c) break;
        else text += sql[j++];
      }
      out.push(c === "'" ? { kind: 'string' } : { kind: 'word', text, quoted: true });
      i = j + 1;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let j = i;
      while (j < sql.length && /[A-Za-z0-9_$\u0080-\uffff]/.test(sql[j])) j++;
      out.push({ kind: 'word', text: sql.slice(i, j) });
      i = j;
    } else {
      out.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return out;
}

/**
 * The first table function call outside {@link ALLOWED_TABLE_FUNCTIONS}, or null. A name (bare, in backticks or in
 * double quotes; comments and line breaks between it and its parenthesis are skipped by the tokenizer) followed by
 * `(` is a table function where a table may stand: after FROM, JOIN (not ARRAY JOIN), TABLE, DESCRIBE, DESC or IN,
 * or after a comma at the same parenthesis depth within a FROM clause.
 */
function tableFunctionCall(list) {
  const inFrom = [false]; // per parenthesis depth
  for (let k = 0; k < list.length; k++) {
    const token = list[k];
    const depth = inFrom.length - 1;
    if (token.kind === 'punct') {
      if (token.text === '(') inFrom.push(false);
      else if (token.text === ')' && inFrom.length > 1) inFrom.pop();
      continue;
    }
    if (token.kind !== 'word') continue;
    const upper = token.quoted ? null : token.text.toUpperCase();
    const previous = list[k - 1];
    const afterArray = previous?.kind === 'word' && !previous.quoted && previous.text.toUpperCase() === 'ARRAY';
    // After ARRAY JOIN, commas separate array expressions (ClickHouse reads `ARRAY JOIN a AS x, f(…)` as one list).
    if (upper === 'FROM' || (upper === 'JOIN' && !afterArray)) inFrom[depth] = true;
    else if (upper === 'JOIN' || (upper !== null && CLAUSE_WORDS.has(upper))) inFrom[depth] = false;
    const next = list[k + 1];
    if (!(next?.kind === 'punct' && next.text === '(')) continue;
    if (previous?.kind === 'punct' && previous.text === '.') continue; // db.name( is not a call ClickHouse accepts
    const afterWord = previous?.kind === 'word' && !previous.quoted ? previous.text.toUpperCase() : null;
    const beforeWord = list[k - 2];
    const arrayJoin = afterWord === 'JOIN' && beforeWord?.kind === 'word' && !beforeWord.quoted && beforeWord.text.toUpperCase() === 'ARRAY';
    const tablePosition = (afterWord !== null && TABLE_POSITION_WORDS.has(afterWord) && !arrayJoin) || (previous?.kind === 'punct' && previous.text === ',' && inFrom[depth]);
    if (tablePosition && !ALLOWED_TABLE_FUNCTIONS.has(token.text.toLowerCase())) return token.text;
  }
  return null;
}

/** Returns null when the statement may run, otherwise why not. */
export function refusal(sql) {
  let list;
  try {
    list = tokens(sql);
  } catch (error) {
    return `the query has ${error.message}`;
  }
  while (list.length > 0 && list[list.length - 1].kind === 'punct' && list[list.length - 1].text === ';') list.pop();
  const first = list[0];
  if (!first || first.kind !== 'word' || first.quoted || !ALLOWED_FIRST_WORDS.has(first.text.toUpperCase())) {
    return `only SELECT, WITH, DESCRIBE, SHOW and EXISTS statements are allowed (got ${first ? JSON.stringify(first.text ?? first.kind) : 'an empty query'})`;
  }
  for (let k = 0; k < list.length; k++) {
    const token = list[k];
    if (token.kind === 'punct' && token.text === ';') return 'only one statement per request';
    if (token.kind !== 'word') continue;
    const upper = token.text.toUpperCase();
    // `system.settings` is a table, not the clause.
    const afterDot = list[k - 1]?.kind === 'punct' && list[k - 1].text === '.';
    if (!token.quoted && !afterDot && upper === 'SETTINGS') return 'a SETTINGS clause is not allowed: the server sets the limits';
    if (!token.quoted && upper === 'INTO' && list[k + 1]?.text?.toUpperCase() === 'OUTFILE') return 'INTO OUTFILE is not allowed';
  }
  const tableFunction = tableFunctionCall(list);
  if (tableFunction !== null) {
    return `the table function ${tableFunction}() is not allowed (only ${[...ALLOWED_TABLE_FUNCTIONS].join(', ')} are, as they read nothing outside the server)`;
  }
  return null;
}

// ---- errors ----------------------------------------------------------------------------------------------------

function clickHouseCode(text) {
  const match = /Code:\s*(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

function cleanMessage(text) {
  const match = /e\.displayText\(\) = (?:DB::Exception: )?([\s\S]*?)(?:, e\.what\(\) = [\w:]+)?\s*$/.exec(text) ?? /DB::Exception: ([\s\S]*?)(?: \(\w+\))?(?: \(version [^)]*\))?\s*$/.exec(text);
  return (match ? match[1] : text).trim().slice(0, 2000);
}

/** Turns ClickHouse's error into one that names the connection and says what to do. */
export function describeClickHouseError(conn, status, text, context = {}) {
  const code = clickHouseCode(text);
  const message = cleanMessage(text);
  const base = { connection: conn.name, detail: message, where: conn.where };
  if (code === 192 || code === 193 || code === 516 || status === 401 || status === 403) return problem(502, 'auth', { ...base, user: conn.user });
  if (code === 279 || code === 210 || code === 209 || code === 519) return problem(503, 'shardDown', base);
  if (code === 394) return problem(409, 'cancelled', base);
  if (code === 159) return problem(504, 'timeout', { ...base, seconds: context.maxExecutionTime ?? conn.limits.maxExecutionTime });
  if (code === 396) return problem(413, 'tooLarge', { ...base, rows: conn.limits.maxResultRows, bytes: conn.limits.maxResultBytes });
  if (code === 164) return problem(403, 'readOnly', base);
  if (code === 81 || code === 60 || code === 47 || code === 16) return problem(400, 'unknownObject', { ...base, database: conn.database || 'default' });
  if (code === null) return problem(status >= 500 ? 502 : 400, 'httpError', { ...base, status });
  return problem(400, 'refused', base);
}

function networkError(conn, error) {
  const cause = error?.cause?.code ?? error?.code ?? error?.name;
  const base = { connection: conn.name, host: new URL(conn.url).host, where: conn.where };
  if (cause === 'ECONNREFUSED') return problem(503, 'connectionRefused', base);
  if (cause === 'ENOTFOUND' || cause === 'EAI_AGAIN') return problem(503, 'unknownHost', base);
  if (cause === 'TimeoutError' || cause === 'UND_ERR_CONNECT_TIMEOUT') return problem(504, 'noAnswer', base);
  return problem(502, 'networkFailed', { ...base, detail: cause ?? error?.message ?? 'unknown error' });
}

// ---- the handler -----------------------------------------------------------------------------------------------

/**
 * Null when the request's URL parameters are all ones `action` takes (each at most once; `param_<name>` on `query`
 * only, with a strict name), otherwise why not.
 */
export function urlParameterRefusal(searchParams, action) {
  const allowed = URL_PARAMETERS[action] ?? [];
  const seen = new Set();
  for (const key of searchParams.keys()) {
    const shown = JSON.stringify(key.slice(0, 80));
    if (seen.has(key)) return `the URL parameter ${shown} is given twice`;
    seen.add(key);
    if (allowed.includes(key)) continue;
    if (action === 'query' && key.startsWith('param_')) {
      if (!QUERY_PARAMETER.test(key)) return `${shown} is not a query parameter name (param_ then a letter or _, then up to 63 letters, digits or _)`;
      continue;
    }
    return `unknown URL parameter ${shown} (${action || 'the list'} takes ${allowed.length > 0 ? allowed.join(', ') : 'none'}${action === 'query' ? ' and param_<name>' : ''})`;
  }
  return null;
}

function redact(text, conns) {
  let out = String(text);
  for (const c of conns) {
    if (c.password) out = out.split(c.password).join('•••');
    const basic = Buffer.from(`${c.user}:${c.password}`).toString('base64');
    out = out.split(basic).join('•••');
  }
  return out;
}

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('the query is larger than 1 MiB'), { status: 413 }));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const SETTING_MODES = ['readonly', 'limits', 'none'];

/**
 * Connect-style middleware `(req, res, next)` for `/clickhouse/…`; anything else goes to `next`.
 * `connections` is a list, or a function returning the list, called on every request (so that an edited connections
 * file applies without a restart, and a file written after the server started is found). `fetchImpl` is for tests;
 * `log` receives one line per failed request, with every configured password removed.
 */
export function createClickHouseHandler(source, { prefix = '/clickhouse', fetchImpl = fetch, log = () => {} } = {}) {
  const load = typeof source === 'function' ? source : () => source;
  // Whether a connection's user accepts readonly=1 and limits per query; learnt from the first answer, per
  // connection as configured (a changed url or user starts again).
  const modes = new Map();
  const modeKey = (conn) => `${conn.name}\n${conn.url}\n${conn.user}`;
  const running = new Map(); // query_id → connection name
  // What each connection's server supports, probed once per connection as configured (a failed probe is not kept).
  const features = new Map();
  let connections = [];
  // Every password ever configured while this server runs: a request that started before the file changed still
  // answers with the old one's text.
  const secrets = [];

  const send = (res, status, body) => {
    const text = redact(JSON.stringify(body), secrets);
    if (status >= 400) log(redact(`ClickHouse proxy: HTTP ${status}: ${body.error}${body.hint ? ` ${body.hint}` : ''}`, secrets));
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(text);
  };

  const post = (conn, sql, params, signal) => {
    const target = new URL(`${conn.url}/`);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, String(value));
    return fetchImpl(target, {
      method: 'POST',
      body: sql,
      signal,
      headers: { Authorization: `Basic ${Buffer.from(`${conn.user}:${conn.password}`).toString('base64')}`, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  };

  const settingsFor = (conn, mode) => {
    if (mode === 'none') return {};
    const limits = {
      max_execution_time: conn.limits.maxExecutionTime,
      max_result_rows: conn.limits.maxResultRows,
      max_result_bytes: conn.limits.maxResultBytes,
      result_overflow_mode: 'throw',
    };
    // readonly last: ClickHouse applies URL settings in order, and after readonly=1 none can be set.
    return mode === 'readonly' ? { ...limits, readonly: 1 } : limits;
  };

  /**
   * Runs one read with the limits, learning whether the user takes readonly=1 and limits per query (see modes).
   * Resolves to ClickHouse's response; `text` is its body when it is an error. `learn: false` keeps what was learnt
   * (the feature probe: on 18.16 its param_x is refused as a setting, which says nothing about the user's mode).
   */
  const runRead = async (conn, sql, base, signal, { learn = true } = {}) => {
    let mode = modes.get(modeKey(conn)) ?? SETTING_MODES[0];
    let response;
    let text;
    for (;;) {
      response = await post(conn, sql, { ...base, ...settingsFor(conn, mode) }, signal);
      if (response.ok) break;
      text = await response.text();
      // A user whose profile is already read-only may not set readonly (and, at readonly=1, any setting).
      const next = SETTING_MODES[SETTING_MODES.indexOf(mode) + 1];
      if (learn && clickHouseCode(text) === 164 && /readonly|read-only/i.test(text) && /setting|overrid|modify/i.test(text) && next) {
        mode = next;
        continue;
      }
      break;
    }
    if (learn) modes.set(modeKey(conn), mode);
    return { response, text };
  };

  /**
   * `{ queryParameters, version }`: ClickHouse's version(), and whether it binds `{x:UInt8}` to `param_x=1` (18.16
   * does not: it reads param_x as an unknown setting and {x:UInt8} as a syntax error). Rejects with the proxy's
   * error when the server cannot be asked; that answer is not kept.
   */
  const probe = (conn) => {
    const key = modeKey(conn);
    let pending = features.get(key);
    if (pending) return pending;
    pending = (async () => {
      const base = { ...(conn.database ? { database: conn.database } : {}), default_format: 'TabSeparated' };
      const signal = () => AbortSignal.timeout(Math.min(conn.limits.maxExecutionTime, 10) * 1000 + 5_000);
      let asked;
      try {
        asked = await runRead(conn, 'SELECT version()', base, signal());
      } catch (error) {
        throw networkError(conn, error);
      }
      if (!asked.response.ok) throw describeClickHouseError(conn, asked.response.status, asked.text);
      const version = (await asked.response.text()).trim().slice(0, 40);
      let bound;
      try {
        bound = await runRead(conn, 'SELECT {x:UInt8}', { ...base, param_x: 1 }, signal(), { learn: false });
      } catch (error) {
        throw networkError(conn, error);
      }
      const queryParameters = bound.response.ok && (await bound.response.text()).trim() === '1';
      return { queryParameters, version };
    })();
    features.set(key, pending);
    pending.catch(() => features.delete(key));
    return pending;
  };

  const cancel = async (conn, queryId) => {
    const sql = `KILL QUERY WHERE query_id = '${queryId}' ASYNC`; // queryId matched QUERY_ID: letters, digits, _ and -
    const response = await post(conn, sql, conn.database ? { database: conn.database } : {}, AbortSignal.timeout(10_000));
    const text = await response.text();
    return { response, text };
  };

  return async function clickHouseHandler(req, res, next) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return next?.();
    try {
      try {
        connections = load();
      } catch (error) {
        // The detail may quote the file (a JSON parse error shows its text): it goes to the server's log only.
        log(redact(`ClickHouse proxy: the connections are not valid: ${error.message}`, secrets));
        const { status, ...body } = problem(500, 'connectionsInvalid', { variable: ENV_VARIABLE, file: DEFAULT_FILE });
        return send(res, status, body);
      }
      for (const c of connections) {
        if (!secrets.some((s) => s.user === c.user && s.password === c.password)) secrets.push({ user: c.user, password: c.password });
      }
      const byName = new Map(connections.map((c) => [c.name, c]));
      const parts = url.pathname.slice(prefix.length).split('/').filter(Boolean);
      if (parts.length === 0) {
        if (req.method !== 'GET') return send(res, 405, { error: 'use GET to list the connections' });
        const unknown = urlParameterRefusal(url.searchParams, '');
        if (unknown) return send(res, 400, { error: `Refused: ${unknown}.` });
        return send(res, 200, { connections: connections.map((c) => ({ name: c.name, database: c.database || null })) });
      }
      const [name, action, ...more] = parts;
      const conn = byName.get(decodeURIComponent(name));
      if (!conn) {
        const known = connections.map((c) => `"${c.name}"`).join(', ');
        const values = { connection: decodeURIComponent(name), known, none: connections.length === 0 ? 'yes' : 'no', variable: ENV_VARIABLE, file: DEFAULT_FILE };
        const { status, ...body } = problem(404, 'noConnection', values);
        return send(res, status, body);
      }
      if (more.length > 0 || (action !== 'query' && action !== 'cancel' && action !== 'features')) {
        return send(res, 404, { error: `Unknown path; use ${prefix}/${conn.name}/query, /cancel or /features.`, connection: conn.name });
      }
      const unknown = urlParameterRefusal(url.searchParams, action);
      if (unknown) return send(res, 400, { error: `Refused for ClickHouse connection "${conn.name}": ${unknown}.`, connection: conn.name });
      if (action === 'features') {
        if (req.method !== 'GET') return send(res, 405, { error: 'use GET', connection: conn.name });
        try {
          return send(res, 200, { ...(await probe(conn)), connection: conn.name });
        } catch (described) {
          const { status, ...body } = described;
          return send(res, status ?? 500, { ...body, connection: conn.name });
        }
      }
      if (req.method !== 'POST') return send(res, 405, { error: 'use POST', connection: conn.name });
      const requestedId = url.searchParams.get('query_id');
      if (requestedId !== null && !QUERY_ID.test(requestedId)) return send(res, 400, { error: 'query_id must be 1–80 letters, digits, _ or -', connection: conn.name });
      const queryId = `${QUERY_ID_PREFIX}${requestedId ?? crypto.randomUUID()}`;

      if (action === 'cancel') {
        if (requestedId === null) return send(res, 400, { error: 'cancel needs ?query_id=', connection: conn.name });
        let result;
        try {
          result = await cancel(conn, queryId);
        } catch (error) {
          const described = networkError(conn, error);
          return send(res, described.status, { ...described, connection: conn.name });
        }
        if (!result.response.ok) {
          const described = describeClickHouseError(conn, result.response.status, result.text);
          return send(res, described.status, { ...described, connection: conn.name });
        }
        return send(res, 200, { cancelled: result.text.includes(queryId), queryId: requestedId, connection: conn.name });
      }

      const sql = await readBody(req);
      const why = refusal(sql);
      if (why) {
        const { status, ...body } = problem(400, 'statementRefused', { connection: conn.name, detail: why });
        return send(res, status, { ...body, connection: conn.name });
      }
      const format = url.searchParams.get('format');
      if (format !== null && !/^[A-Za-z]{1,40}$/.test(format)) return send(res, 400, { error: 'format must be a ClickHouse format name', connection: conn.name });
      // Query parameters go to ClickHouse as URL parameters, as the page sent them (ClickHouse binds each to its
      // {name:Type} placeholder; nothing is spliced into the SQL), and only to a server that binds them: on one that
      // does not (18.16), a param_ would be read as a setting.
      const queryParameters = Object.fromEntries([...url.searchParams].filter(([key]) => key.startsWith('param_')));
      if (Object.keys(queryParameters).length > 0) {
        let supported;
        try {
          supported = await probe(conn);
        } catch (described) {
          const { status, ...body } = described;
          return send(res, status ?? 500, { ...body, connection: conn.name, queryId: requestedId });
        }
        if (!supported.queryParameters) {
          return send(res, 400, {
            error: `Refused for ClickHouse connection "${conn.name}": its server (${supported.version}) has no query parameters; write the values into the query.`,
            connection: conn.name,
          });
        }
      }

      const controller = new AbortController();
      let finished = false;
      res.on('close', () => {
        if (!finished) {
          // The browser went away (or aborted): stop the upstream request and the query itself.
          controller.abort();
          cancel(conn, queryId).catch(() => {});
        }
      });
      running.set(queryId, conn.name);
      let response;
      let text;
      try {
        // wait_end_of_query: ClickHouse buffers the answer (in memory, then in a temporary file) until the query has
        // finished, so that an error met while rows stream (a result limit, a shard failing mid-way) arrives as an
        // error status rather than as HTTP 200 with a cut body. It is an HTTP parameter, not a setting: it passes
        // whatever the user's readonly mode. The answer is bounded by max_result_bytes anyway.
        const base = {
          ...queryParameters,
          query_id: queryId,
          wait_end_of_query: 1,
          ...(conn.database ? { database: conn.database } : {}),
          ...(format ? { default_format: format } : {}),
        };
        ({ response, text } = await runRead(conn, sql, base, controller.signal));
      } catch (error) {
        finished = true;
        running.delete(queryId);
        if (controller.signal.aborted) return undefined;
        const described = networkError(conn, error);
        return send(res, described.status, { ...described, connection: conn.name, queryId: requestedId });
      }
      if (!response.ok) {
        finished = true;
        running.delete(queryId);
        const described = describeClickHouseError(conn, response.status, text);
        return send(res, described.status, { ...described, connection: conn.name, queryId: requestedId });
      }
      res.statusCode = 200;
      res.setHeader('Content-Type', response.headers.get('content-type') ?? 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Marketscope-Connection', conn.name);
      const summary = response.headers.get('x-clickhouse-summary');
      if (summary) res.setHeader('X-ClickHouse-Summary', summary);
      try {
        for await (const chunk of response.body ?? []) {
          if (!res.write(chunk)) await new Promise((resolveDrain) => res.once('drain', resolveDrain));
        }
        finished = true;
        res.end();
      } catch {
        // An error after the first bytes (ClickHouse reports it inside the body) or a closed client: end the response.
        finished = true;
        res.destroy();
      } finally {
        running.delete(queryId);
      }
      return undefined;
    } catch (error) {
      return send(res, error.status ?? 500, { error: error.message });
    }
  };
}

/**
 * A Vite plugin that mounts the proxy on the preview server (npm start, vite preview) and the dev server. Without an
 * argument it reads the connections on every request (loadConnections: MARKETSCOPE_CLICKHOUSE, then the file); with
 * none configured, GET /clickhouse/ answers an empty list.
 */
export function clickHouseProxyPlugin(connections = () => loadConnections(), { log = (line) => console.error(line) } = {}) {
  const handler = createClickHouseHandler(connections, { log });
  return {
    name: 'marketscope-clickhouse-proxy',
    configurePreviewServer(server) {
      server.middlewares.use(handler);
    },
    configureServer(server) {
      server.middlewares.use(handler);
    },
  };
}
