import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseHandler, parseConnectionsVariable, urlParameterRefusal } from '../../scripts/clickhouse/proxy.mjs';

// The proxy's URL parameter rules and its /features probe, against a fake ClickHouse that records what it was sent
// (test/clickhouse/proxy.test.ts runs the same against the real 18.16 cluster, test/chdb the SQL on a current release).
interface Sent {
  url: URL;
  body: string;
}
let sent: Sent[] = [];
let binds = true; // whether the fake server has query parameters
let server: Server;
let base: string;

const fakeClickHouse: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  const body = String(init?.body ?? '');
  sent.push({ url, body });
  const params = [...url.searchParams.keys()].filter((key) => key.startsWith('param_'));
  if (body === 'SELECT version()') return new Response(binds ? '26.7.2.1\n' : '18.16.1\n');
  if (params.length > 0 && !binds) return new Response(`Code: 115, e.displayText() = DB::Exception: Unknown setting ${params[0]}`, { status: 500 });
  if (body === 'SELECT {x:UInt8}') return new Response(`${url.searchParams.get('param_x')}\n`);
  return new Response(JSON.stringify(Object.fromEntries(params.map((key) => [key, url.searchParams.get(key)]))), { headers: { 'content-type': 'application/json' } });
};

beforeAll(async () => {
  const connections = parseConnectionsVariable('new=http://127.0.0.1:1;user=u;password=secret;database=db other=http://127.0.0.1:2;user=u', 'the test');
  const handler = createClickHouseHandler(connections, { fetchImpl: fakeClickHouse });
  server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}/clickhouse`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, body = 'SELECT 1') => fetch(`${base}${path}`, { method: 'POST', body });

describe('the proxy and query parameters', () => {
  it('takes only the URL parameters each endpoint needs', () => {
    expect(urlParameterRefusal(new URLSearchParams('query_id=a&format=CSV&param_p0=x&param__y_1=2'), 'query')).toBeNull();
    expect(urlParameterRefusal(new URLSearchParams('param_' + 'a'.repeat(64)), 'query')).toBeNull();
    for (const bad of ['param_' + 'a'.repeat(65), 'param_0', 'param_', 'param_a-b', 'param_a.b', 'param_ä', 'PARAM_a']) {
      expect(urlParameterRefusal(new URLSearchParams({ [bad]: '1' }), 'query'), bad).not.toBeNull();
    }
    expect(urlParameterRefusal(new URLSearchParams('readonly=0'), 'query')).toMatch(/unknown URL parameter "readonly"/);
    expect(urlParameterRefusal(new URLSearchParams('param_p0=1&param_p0=2'), 'query')).toMatch(/twice/);
    expect(urlParameterRefusal(new URLSearchParams('query_id=a'), 'cancel')).toBeNull();
    expect(urlParameterRefusal(new URLSearchParams('param_p0=1'), 'cancel')).toMatch(/unknown/);
    expect(urlParameterRefusal(new URLSearchParams('x=1'), 'features')).toMatch(/unknown URL parameter "x"/);
    expect(urlParameterRefusal(new URLSearchParams('x=1'), '')).toMatch(/unknown/);
  });

  it('probes a connection once and says whether it binds query parameters', async () => {
    sent = [];
    binds = true;
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${base}/new/features`).then((r) => r.json())));
    for (const answer of answers) expect(answer).toEqual({ queryParameters: true, version: '26.7.2.1', connection: 'new' });
    expect(sent.map((s) => s.body)).toEqual(['SELECT version()', 'SELECT {x:UInt8}']);
    expect(sent[1]!.url.searchParams.get('param_x')).toBe('1');
    expect(sent[1]!.url.searchParams.get('max_result_rows')).toBe('2000000');
    binds = false;
    expect(await (await fetch(`${base}/other/features`)).json()).toEqual({ queryParameters: false, version: '18.16.1', connection: 'other' });
    expect((await post('/new/features')).status).toBe(405);
    expect((await fetch(`${base}/new/features?x=1`)).status).toBe(400);
  });

  it('forwards param_ values as URL parameters, unchanged and never in the SQL', async () => {
    binds = true;
    sent = [];
    const hostile = "x') OR 1=1 --\\\\ {p1:String} \u0000\n";
    const query = new URLSearchParams({ query_id: 'q1', format: 'JSONCompact', param_p0: hostile, param_p1: 'RU' });
    const response = await post(`/new/query?${query}`, 'SELECT {p0:String}, {p1:String}');
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toEqual({ param_p0: hostile, param_p1: 'RU' });
    const [upstream] = sent;
    expect(upstream!.body).toBe('SELECT {p0:String}, {p1:String}');
    expect(upstream!.url.searchParams.get('query_id')).toBe('marketscope-q1');
    expect(upstream!.url.searchParams.get('readonly')).toBe('1');
  });

  it('refuses a bad param_ name, an unknown URL parameter, and params for a server without them', async () => {
    sent = [];
    for (const [query, said] of [
      ['param_0x=1', /"param_0x" is not a query parameter name/],
      ['param_a-b=1', /not a query parameter name/],
      ['readonly=0', /unknown URL parameter "readonly"/],
      ['max_result_rows=0', /unknown URL parameter "max_result_rows"/],
      ['query_id=a&query_id=b', /twice/],
    ] as const) {
      const response = await post(`/new/query?${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error, query).toMatch(said);
    }
    expect((await post('/new/cancel?query_id=a&param_p0=1')).status).toBe(400);
    expect(sent).toEqual([]);
    binds = false;
    const refused = await post('/other/query?param_p0=1', 'SELECT {p0:String}');
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/its server \(18\.16\.1\) has no query parameters/);
    expect(sent).toEqual([]);
    // Without params, the same server runs the query as before.
    expect((await post('/other/query?query_id=ok&format=JSONCompact', 'SELECT 1')).status).toBe(200);
  });
});
