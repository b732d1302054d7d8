import { describe, expect, it } from 'vitest';
import { createClickHouseClient, LITERALS_ONLY } from './clickHouseClient';

// The page's side of /features and param_ (the proxy's side: test/proxy/queryParameters.test.ts).
function fakeProxy(answer: (url: URL) => Response | Promise<Response>) {
  const asked: URL[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://page.test');
    asked.push(url);
    return answer(url);
  }) as typeof fetch;
  return { asked, client: createClickHouseClient('/clickhouse', fetchImpl) };
}

describe('the ClickHouse client and query parameters', () => {
  it('asks /features once per connection and keeps the answer', async () => {
    const { asked, client } = fakeProxy((url) =>
      Response.json(url.pathname.endsWith('/features') ? { queryParameters: url.pathname.includes('/new/'), version: 'v', connection: 'x' } : {}),
    );
    const answers = await Promise.all([client.features!('new'), client.features!('new'), client.features!('old')]);
    expect(answers).toEqual([
      { queryParameters: true, version: 'v' },
      { queryParameters: true, version: 'v' },
      { queryParameters: false, version: 'v' },
    ]);
    expect(await client.features!('new')).toEqual({ queryParameters: true, version: 'v' });
    expect(asked.map((url) => url.pathname)).toEqual(['/clickhouse/new/features', '/clickhouse/old/features']);
  });

  it('writes literals while /features fails (an older proxy, nginx, the server down) and asks again later', async () => {
    let up = false;
    const { asked, client } = fakeProxy(() => (up ? Response.json({ queryParameters: true, version: '26.1' }) : new Response('not found', { status: 404 })));
    expect(await client.features!('x')).toEqual(LITERALS_ONLY);
    up = true;
    expect(await client.features!('x')).toEqual({ queryParameters: true, version: '26.1' });
    expect(await client.features!('x')).toEqual({ queryParameters: true, version: '26.1' });
    expect(asked).toHaveLength(2);
    const aborted = new AbortController();
    aborted.abort(new Error('left'));
    await expect(client.features!('x', aborted.signal)).rejects.toThrow('left');
  });

  it('sends params as param_<name> URL parameters, the SQL as the body', async () => {
    const sent: { url: URL; body: unknown }[] = [];
    const client = createClickHouseClient('/clickhouse', (async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({ url: new URL(String(input), 'http://page.test'), body: init?.body });
      return new Response('1\n');
    }) as typeof fetch);
    const hostile = "x') OR 1=1 --\\\\ \n{p1:String}";
    await client.query('new', 'SELECT {p0:String}', { format: 'TSV', params: { p0: hostile } });
    expect(sent[0]!.body).toBe('SELECT {p0:String}');
    expect(sent[0]!.url.searchParams.get('param_p0')).toBe(hostile);
    expect([...sent[0]!.url.searchParams.keys()]).toEqual(['query_id', 'format', 'param_p0']);
    // In the shape docs/clickhouse-nginx.md passes on as written: spaces as %20 (not +), nothing but these characters.
    expect(sent[0]!.url.search).toMatch(/^\?query_id=[A-Za-z0-9_-]{1,80}&format=TSV&param_p0=[A-Za-z0-9%!'()*._~-]*$/);
    expect(sent[0]!.url.search).toContain('param_p0=x%27)%20OR%201%3D1%20--');
    await client.query('old', 'SELECT 1');
    expect([...sent[1]!.url.searchParams.keys()]).toEqual(['query_id']);
  });
});
