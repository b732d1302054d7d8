import { expect, test } from '@playwright/test';
import { e2eCluster } from './support/cluster';

// The served app's /clickhouse/ proxy over the run's local cluster (globalSetup): the page's own origin answers, the
// credentials stay on the server, and the page's CSP still allows only its own origin.
test('the preview server proxies /clickhouse/local/ to the run\'s cluster, read-only, without credentials', async ({ page, request }) => {
  const cluster = e2eCluster();
  const list = await request.get('/clickhouse/');
  expect(list.status()).toBe(200);
  const listed = await list.text();
  expect(JSON.parse(listed)).toEqual({ connections: [{ name: 'local', database: 'marketscope' }] });
  for (const secret of [cluster.info.password, cluster.info.shards[0]!.url, String(new URL(cluster.info.shards[0]!.url).port)]) {
    expect(listed).not.toContain(secret);
  }

  const answer = await request.post('/clickhouse/local/query?query_id=e2e-ru&format=JSONCompact', {
    data: "SELECT marketplace, sum(visitors) / 6 AS monthly FROM traffic WHERE country = 'RU' AND month BETWEEN '2014-07-01' AND '2014-12-01' GROUP BY marketplace ORDER BY monthly DESC",
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const rows = ((await answer.json()) as { data: [string, number][] }).data;
  const millions = Object.fromEntries(rows.map(([name, value]) => [name, (value / 1e6).toFixed(1)]));
  expect(rows[0]![0]).toBe('AliExpress');
  expect([millions.AliExpress, millions.eBay, millions.Amazon]).toEqual(['15.6', '3.7', '1.4']);

  const write = await request.post('/clickhouse/local/query', { data: 'DROP TABLE traffic' });
  expect(write.status()).toBe(400);
  expect((await write.json()).error).toMatch(/ClickHouse connection "local".*only SELECT/);

  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/connect-src 'self'(;|$)/);
  // From the page itself, as the app will ask.
  const fromPage = await page.evaluate(async () => (await fetch('/clickhouse/')).json());
  expect(fromPage).toEqual({ connections: [{ name: 'local', database: 'marketscope' }] });
});
