import { readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { clusterPaths, e2eCluster } from './support/cluster';
import { ENGINE_TIMEOUT, expect, openView, RUSSIA_H2_2014, test, VIEW_TABS, waitForDashboard } from './fixtures';

/**
 * Issue 18 in the app: marketscope.traffic on the run's two-shard cluster (connection `local`), connected through
 * the UI, against the bundled traffic in DuckDB-wasm. ClickHouse runs the month × marketplace × country GROUP BY; the
 * views' own SQL finishes it in the browser, so every figure must be the bundled one.
 *
 * Stopping a shard fails every ClickHouse query of the run meanwhile, so every end-to-end test that uses the cluster
 * is in this file, which runs serially (the shard is started again in a finally).
 */
test.describe.configure({ mode: 'serial' });

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


/**
 * Connects to `local` / marketscope.`table` through "Connect to a table": `roles` checks or changes the suggested roles
 * before Load. Resolves to the new dataset's id, once its view is on screen.
 */
async function connectTable(page: Page, table: string, roles: (panel: Locator) => Promise<void> = async () => {}): Promise<string> {
  await page.getByTestId('open-connect').click();
  const panel = page.getByTestId('connect-panel');
  await expect(panel.getByTestId('connect-connection')).toHaveValue('local');
  await panel.getByTestId('connect-table').selectOption(table);
  await roles(panel);
  await panel.getByTestId('connect-load').click();
  // The panel closes and the new dataset opens.
  await expect(panel).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  const id = new URL(page.url()).searchParams.get('dataset');
  expect(id).toMatch(new RegExp(`^u_${table}_`));
  await waitForDashboard(page);
  return id!;
}

/** Connects marketscope.traffic, checking the roles suggested from its types. */
const connectTraffic = (page: Page) =>
  connectTable(page, 'traffic', async (panel) => {
    await expect(panel.getByRole('combobox', { name: 'Role of month' })).toHaveValue('time');
    await expect(panel.getByRole('combobox', { name: 'Role of country' })).toHaveValue('dimension');
    await expect(panel.getByRole('combobox', { name: 'Role of visitors' })).toHaveValue('measure');
  });

/** The figures a number-bearing element shows (15.6M, +40.7%, $2.41, 2014…), in order. */
const figuresOf = (text: string) => text.match(/[+−-]?[$€£]?\d[\d,]*(?:\.\d+)?[KMB%]?/g) ?? [];

/**
 * Every table of a view (each panel's "Show table" pressed), the key figures and the charts' texts, as figures by
 * test id: what a reader can read off the view, without the labels that name the dataset.
 */
async function viewFigures(page: Page, tab: string, search: string): Promise<Map<string, string[]>> {
  await page.goto(search);
  const view = page.getByTestId(`view-${tab}`);
  await expect(view).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(view.getByText('Loading…')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(view.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.skeleton')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  // A panel drawn again while its data settles forgets its switch: press them until none is left.
  const toggles = view.getByRole('button', { name: 'Show table' });
  await expect(async () => {
    for (let left = await toggles.count(); left > 0; left -= 1) await toggles.first().click({ timeout: 5_000 });
    await expect(toggles).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('.skeleton')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(view.getByText('Loading…')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  const items = await view
    .locator('table, [data-testid^=kpi-]:not([data-testid$=why]), [data-testid$=-chart], [data-testid=choropleth-map], [data-testid^=cohorts-] [role=status]')
    .evaluateAll((elements) =>
      elements.map((element, index) => [
        element.getAttribute('data-testid') ?? `${element.tagName.toLowerCase()} ${element.querySelector('caption')?.textContent ?? index}`,
        (element as HTMLElement).innerText ?? element.textContent ?? '',
      ]),
    );
  return new Map(items.map(([id, text]) => [id!, figuresOf(text!)]));
}

test('every view over the cluster shows the bundled figures; kept after a reload; restored from a share link', async ({ guarded: page, browser, context }) => {
  test.setTimeout(900_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForDashboard(page);
  const id = await connectTraffic(page);
  // Where the numbers come from, on every panel.
  await expect(page.getByText('ClickHouse · local · marketscope.traffic').first()).toBeVisible();

  // The sweep: every view, the Russia H2 2014 selection, on the bundled data and on the cluster's table. The
  // conversion view needs orders and revenue, which the traffic table has not: it says so instead (checked below).
  const compared: string[] = [];
  for (const tab of VIEW_TABS.filter((name) => name !== 'conversion' && name !== 'sql')) {
    const bundled = await viewFigures(page, tab, `${RUSSIA_H2_2014}&tab=${tab}`);
    const cluster = await viewFigures(page, tab, `${RUSSIA_H2_2014}&tab=${tab}&dataset=${id}`);
    const shared = [...cluster.keys()].filter((key) => bundled.has(key) && (bundled.get(key)!.length > 0 || cluster.get(key)!.length > 0));
    expect(shared.length, `${tab}: figures to compare (bundled ${[...bundled.keys()]}, cluster ${[...cluster.keys()]})`).toBeGreaterThan(0);
    for (const key of shared) expect(cluster.get(key), `${tab} › ${key}`).toEqual(bundled.get(key));
    compared.push(...shared.map((key) => `${tab}:${key}`));
  }
  console.log(`compared ${compared.length} panels: ${compared.join(' ')}`);

  // The Russia H2 2014 story, read off the cluster's dataset.
  await page.goto(`${RUSSIA_H2_2014}&dataset=${id}`);
  await waitForDashboard(page);
  await expect(page.getByTestId('kpi-leader')).toContainText('AliExpress');
  await expect(page.getByTestId('kpi-leader')).toContainText('15.6M');
  await page.goto(`${RUSSIA_H2_2014}&dataset=${id}&tab=countries`);
  await expect(page.getByTestId('view-countries')).toBeVisible();
  await page.getByTestId('view-countries').getByRole('button', { name: 'Show table' }).first().click();
  // AliExpress, eBay and Amazon in Russia, average month of H2 2014 (Forbes via PYMNTS: 15.6M, 3.7M, 1.4M).
  await expect(page.getByTestId('countries-table')).toContainText(/Russia\s*20,700,000\s*100%\s*15,600,000\s*3,700,000\s*1,400,000/);
  await page.goto(`${RUSSIA_H2_2014}&dataset=${id}&tab=conversion`);
  await expect(page.getByTestId('conversion-panel')).toContainText('has no visitors, orders and revenue measures');

  // A reload keeps it: listed from this browser's storage, its cube loaded again when the view needs it.
  await page.goto(`${RUSSIA_H2_2014}&dataset=${id}`);
  await waitForDashboard(page);
  const figures = (await page.getByTestId('kpi-total').textContent())!;
  await page.reload();
  await waitForDashboard(page);
  await expect(page.getByTestId('filter-dataset')).toHaveValue(id);
  await expect(page.getByTestId('kpi-total')).toHaveText(figures);

  // A share link names the connection, the table and the roles (no credentials), and restores it elsewhere.
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText(/Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const need = new URL(link).searchParams.get('need') ?? '';
  expect(need).toMatch(/^ch\./);
  const carried = Buffer.from(need.slice(3), 'base64url').toString('utf8');
  expect(JSON.parse(carried)).toMatchObject({ id, def: { connection: 'local', database: 'marketscope', table: 'traffic', time: 'month' } });
  const cluster = e2eCluster();
  for (const secret of [cluster.info.password, cluster.info.shards[0]!.url, String(new URL(cluster.info.shards[0]!.url).port)]) expect(carried).not.toContain(secret);

  const recipient = await browser.newContext();
  try {
    const other = await recipient.newPage();
    await other.goto(link);
    await waitForDashboard(other);
    await expect(other.getByTestId('filter-dataset')).toHaveValue(id);
    await expect(other.getByTestId('kpi-total')).toHaveText(figures);
    await expect(other.getByTestId('kpi-leader')).toContainText('15.6M');

    // A server that does not know the link's connection: a clear error, and the bundled data still works.
    const elsewhere = JSON.parse(carried) as { id: string; def: { connection: string } };
    elsewhere.def.connection = 'warehouse';
    elsewhere.id = 'u_traffic_elsewhere';
    const param = `ch.${Buffer.from(JSON.stringify(elsewhere)).toString('base64url')}`;
    const third = await recipient.newPage();
    await third.goto(`${RUSSIA_H2_2014}&dataset=u_traffic_elsewhere&need=${param}`);
    const error = third.getByTestId('needed-clickhouse-error');
    await expect(error).toContainText('on the connection "warehouse", which this server does not offer (it offers "local")');
    await expect(error).toContainText('add a connection named "warehouse"');
    // The view falls back to the bundled data (its defaults), which works.
    await waitForDashboard(third);
    await expect(third.getByTestId('filter-dataset')).toHaveValue('market');
    await expect(third.getByTestId('kpi-leader')).toContainText('Leading marketplace');
  } finally {
    await recipient.close();
  }
});

// The conversion view and a ratio's explanation need visitors, orders and revenue in one dataset: marketscope.market
// holds traffic and sales joined, as a team would keep them. Its roles are suggested from the column names; the
// figures must be the bundled ones (market_monthly in DuckDB-wasm) for the same selection.
test('the conversion view and a ratio explained over the cluster equal the bundled figures', async ({ guarded: page }) => {
  test.setTimeout(600_000);
  await page.goto('/');
  await waitForDashboard(page);
  const id = await connectTable(page, 'market', async (panel) => {
    await expect(panel.getByRole('combobox', { name: 'Role of orders' })).toHaveValue('measure');
    // Suggested from the names: visitors, orders and gmv_usd (revenue), three different measures.
    await expect(panel.getByTestId('connect-ratio-visitors')).toHaveValue('visitors');
    await expect(panel.getByTestId('connect-ratio-orders')).toHaveValue('orders');
    await expect(panel.getByTestId('connect-ratio-revenue')).toHaveValue('gmv_usd');
    await expect(panel.getByTestId('connect-ratio-incomplete')).toHaveCount(0);
  });

  const compared: string[] = [];
  for (const [tab, extra] of [['conversion', ''], ['explain', '&ratio=conversion'], ['explain', '&ratio=order_value']] as const) {
    const bundled = await viewFigures(page, tab, `${RUSSIA_H2_2014}&tab=${tab}${extra}`);
    const cluster = await viewFigures(page, tab, `${RUSSIA_H2_2014}&tab=${tab}${extra}&dataset=${id}`);
    await expect(page.getByTestId(`view-${tab}`).getByText(/has no visitors, orders and revenue/)).toHaveCount(0);
    const shared = [...cluster.keys()].filter((key) => bundled.has(key) && (bundled.get(key)!.length > 0 || cluster.get(key)!.length > 0));
    expect(shared.length, `${tab}${extra}: figures to compare (bundled ${[...bundled.keys()]}, cluster ${[...cluster.keys()]})`).toBeGreaterThan(0);
    for (const key of shared) expect(cluster.get(key), `${tab}${extra} › ${key}`).toEqual(bundled.get(key));
    compared.push(...shared.map((key) => `${tab}${extra}:${key}(${cluster.get(key)!.length})`));
  }
  console.log(`conversion over the cluster, compared: ${compared.join(' ')}`);
  // At least the conversion view's own table, with figures in it.
  expect(compared.some((key) => key.startsWith('conversion:') && !key.endsWith('(0)'))).toBe(true);
});


test('a dashboard over the cluster: its link restores the table elsewhere; shared with its figures, it opens without the server', async ({ guarded: page, browser, context }) => {
  test.setTimeout(600_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForDashboard(page);
  const id = await connectTraffic(page);
  await page.goto(`${RUSSIA_H2_2014}&dataset=${id}`);
  await waitForDashboard(page);
  const figures = (await page.getByTestId('kpi-total').textContent())!;
  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toContainText('Pinned');
  await page.getByTestId('open-dashboards').click();
  const editor = page.getByTestId('dashboard-editor').first();
  await editor.getByTestId('dashboard-copy-link').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('present=');
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const recipient = await browser.newContext();
  try {
    const viewer = await recipient.newPage();
    await viewer.goto(link);
    const panel = viewer.getByTestId('presentation-panel');
    await expect(panel).toHaveCount(1);
    await expect(panel.getByTestId('kpi-total')).toHaveText(figures, { timeout: ENGINE_TIMEOUT });
    await expect(panel.getByText('ClickHouse · local · marketscope.traffic').first()).toBeVisible();
    await expect(viewer.getByTestId('presentation-clickhouse-problem')).toHaveCount(0);
  } finally {
    await recipient.close();
  }

  // With its figures: a snapshot, opened where no ClickHouse (nor engine) answers.
  await editor.getByTestId('dashboard-share-data').click();
  await expect(editor.getByTestId('share-data-result')).toContainText('Link with the figures', { timeout: ENGINE_TIMEOUT });
  const snapshotLink = await editor.getByTestId('share-data-link').inputValue();
  const offline = await browser.newContext();
  try {
    const asked: string[] = [];
    offline.on('request', (request) => asked.push(request.url()));
    await offline.route('**/clickhouse/**', (route) => route.abort());
    const viewer = await offline.newPage();
    await viewer.goto(snapshotLink);
    await expect(viewer.getByTestId('snapshot-label')).toBeVisible();
    const panel = viewer.getByTestId('presentation-panel');
    await expect(panel.getByTestId('kpi-total')).toHaveText(figures);
    await expect(panel.getByText('ClickHouse · local · marketscope.traffic').first()).toBeVisible();
    expect(asked.filter((url) => /\/clickhouse\/|duckdb|\.wasm/.test(url))).toEqual([]);
  } finally {
    await offline.close();
  }
});

for (const theme of ['light', 'dark'] as const) {
  test(`the open panel is axe-clean, usable by keyboard and fits 375 px (${theme})`, async ({ guarded: page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/?v=1&theme=${theme}`);
    await waitForDashboard(page);
    await page.getByTestId('open-connect').click();
    const panel = page.getByTestId('connect-panel');
    await panel.getByTestId('connect-table').selectOption('traffic');
    // By keyboard: the country column set aside, then brought back.
    const role = panel.getByRole('combobox', { name: 'Role of country' });
    await role.focus();
    await page.keyboard.press('ArrowDown');
    await expect(role).toHaveValue('ignored');
    await page.keyboard.press('ArrowUp');
    await expect(role).toHaveValue('dimension');
    await expect(panel.getByRole('combobox', { name: 'How visitors combines over months' })).toHaveValue('mean');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-testid=connect-panel]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
  });
}

/** Runs `sql` on shard 1 as the loading user (`default`, loopback, no password): fixtures only, never the app. */
async function clusterAdmin(sql: string): Promise<string> {
  const url = new URL(e2eCluster().info.shards[0]!.url);
  url.searchParams.set('query', sql);
  const response = await fetch(url, { method: 'POST' });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse: ${text}`);
  return text;
}

// A table too big to load whole: 24 months × 30 marketplaces × 800 campaigns = 576,000 cube rows, above the app's
// 500,000 (CLICKHOUSE_CUBE_ROW_CAP). The app shows it view by view: each view's filters go into ClickHouse's WHERE.
test('a table whose cube is above the cap: each view loads its filters from ClickHouse, with ClickHouse\'s own figures', async ({ guarded: page }) => {
  test.setTimeout(600_000);
  await clusterAdmin('DROP TABLE IF EXISTS marketscope.wide_e2e');
  await clusterAdmin('CREATE TABLE marketscope.wide_e2e (month Date, marketplace String, campaign String, visitors UInt64) ENGINE = MergeTree() ORDER BY (campaign, marketplace, month)');
  await clusterAdmin(
    "INSERT INTO marketscope.wide_e2e SELECT addMonths(toDate('2020-01-01'), number % 24), concat('m', toString(intDiv(number, 24) % 30)), concat('c', toString(intDiv(number, 720))), (number * 7919) % 1000 + intDiv(number, 24) % 30 * 50 + 1 FROM numbers(576000)",
  );
  try {
    await page.goto('/');
    await waitForDashboard(page);
    const id = await connectTable(page, 'wide_e2e', async (panel) => {
      await expect(panel.getByRole('combobox', { name: 'Role of campaign' })).toHaveValue('dimension');
      await panel.getByRole('combobox', { name: 'How visitors combines over months' }).selectOption('sum');
    });
    await expect(page.getByTestId('view-cube-status')).toHaveText('This table is too big to load whole: each view loads its own filters from ClickHouse.', { timeout: ENGINE_TIMEOUT });
    // Unfiltered, each panel reads a cube of only the dimensions it groups by: the overview's (by marketplace, by
    // campaign) fit, and its total is ClickHouse's own.
    await waitForDashboard(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.goto(`/?v=1&dataset=${id}&measure=visitors&from=2021-01&to=2021-06`);
    await waitForDashboard(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const [whole] = JSON.parse(
      await clusterAdmin("SELECT toString(sum(visitors)) AS total FROM marketscope.wide_e2e WHERE month BETWEEN '2021-01-01' AND '2021-06-01' FORMAT JSON"),
    ).data as { total: string }[];
    await expect(page.getByTestId('kpi-total')).toContainText(`${(Number(whole!.total) / 1e6).toFixed(1)}M`);
    // The matrix groups by marketplace × campaign, the whole table's 576,000 cells: it says what to filter.
    await page.goto(`/?v=1&dataset=${id}&measure=visitors&from=2021-01&to=2021-06&tab=matrix`);
    const alert = page.getByTestId('view-matrix').getByRole('alert').first();
    await expect(alert).toContainText('has more than 500,000 rows', { timeout: ENGINE_TIMEOUT });
    await expect(alert).toContainText('Narrow the view (a filter on marketplace or campaign)');

    for (const [campaigns, marketplaces] of [
      [['c3', 'c17', 'c640'], ['m2', 'm11', 'm29']],
      [['c3', 'c17', 'c640', 'c799'], []],
    ] as const) {
      const filters = [...campaigns.map((c) => `campaign=${c}`), ...marketplaces.map((m) => `marketplace=${m}`)].join('&');
      await page.goto(`/?v=1&dataset=${id}&measure=visitors&from=2021-01&to=2021-06&${filters}`);
      await waitForDashboard(page);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await page.getByTestId('view-overview').getByRole('button', { name: 'Show table' }).nth(1).click();
      const table = page.getByTestId('country-table');
      await expect(table).toBeVisible();
      const shown = (await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim()))));
      const where = `campaign IN (${campaigns.map((c) => `'${c}'`).join(', ')})${marketplaces.length ? ` AND marketplace IN (${marketplaces.map((m) => `'${m}'`).join(', ')})` : ''}`;
      const direct = JSON.parse(
        await clusterAdmin(
          `SELECT campaign, toString(sum(visitors)) AS total FROM marketscope.wide_e2e WHERE ${where} AND month BETWEEN '2021-01-01' AND '2021-06-01' GROUP BY campaign ORDER BY sum(visitors) DESC FORMAT JSON`,
        ),
      ).data as { campaign: string; total: string }[];
      expect(shown.map((cells) => [cells[0], cells[1]])).toEqual(direct.map((row) => [row.campaign, Number(row.total).toLocaleString('en-US')]));
      const [sum] = JSON.parse(await clusterAdmin(`SELECT toString(sum(visitors)) AS total FROM marketscope.wide_e2e WHERE ${where} AND month BETWEEN '2021-01-01' AND '2021-06-01' FORMAT JSON`)).data as { total: string }[];
      console.log(`view cube: ${campaigns.length} campaigns × ${marketplaces.length || 30} marketplaces, total ${sum!.total}, panel rows ${shown.length}`);
      await expect(page.getByTestId('view-cube-status')).toHaveAttribute('aria-busy', 'false');
    }
  } finally {
    await clusterAdmin('DROP TABLE IF EXISTS marketscope.wide_e2e');
  }
});

// Not `guarded`: the failed requests of the stopped shard are logged by the browser as console errors, as they should.
test('a stopped shard: an error naming the connection, the bundled views keep working, and the view recovers', async ({ page }) => {
  test.setTimeout(600_000);
  const cluster = e2eCluster();
  await page.goto('/');
  await waitForDashboard(page);
  const id = await connectTraffic(page);
  const figures = (await page.getByTestId('kpi-total').textContent())!;
  await cluster.stopShard(1);
  try {
    // A new page: the cube is not in its engine, and ClickHouse cannot answer for the stopped shard's countries.
    await page.goto(`/?v=1&dataset=${id}`);
    const failed = page.getByRole('alert').filter({ hasText: 'could not be loaded' }).first();
    await expect(failed).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expect(failed).toContainText('ClickHouse connection "local"');
    await expect(failed).toContainText('Start the stopped ClickHouse server');
    // The bundled data meanwhile, in the same page and engine.
    await page.getByTestId('open-bundled').click();
    await waitForDashboard(page);
    await expect(page.getByTestId('kpi-leader')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByTestId('filter-dataset').selectOption(id);
    await expect(page.getByRole('alert').filter({ hasText: 'ClickHouse connection "local"' }).first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
  } finally {
    await cluster.startShard(1);
  }
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await waitForDashboard(page);
  await expect(page.getByTestId('kpi-total')).toHaveText(figures);
  await openView(page, 'trend');
});

// What proxy.test.ts checks below the page, as a user meets it in "Connect to a table": a connection whose password
// is wrong, and a load cancelled while ClickHouse still aggregates.
test('wrong credentials name the connection; a slow load is cancelled from the panel and ClickHouse stops it', async ({ page }) => {
  test.setTimeout(300_000);
  const { connections } = clusterPaths();
  const original = readFileSync(connections, 'utf8');
  const configured = (JSON.parse(original) as { connections: Record<string, string>[] }).connections;
  const WRONG = 'not-the-password-e2e-41b';
  // The server reads its connections file on every request: a second connection, with a wrong password.
  writeFileSync(connections, JSON.stringify({ connections: [...configured, { ...configured[0]!, name: 'locked', password: WRONG }] }));
  // Three billion rows grouped by month and marketplace: minutes of work for these two cores.
  await clusterAdmin('DROP TABLE IF EXISTS marketscope.slow_e2e');
  await clusterAdmin(
    "CREATE VIEW marketscope.slow_e2e AS SELECT toDate('2020-01-01') + number % 30 AS month, toString(number % 1000) AS marketplace, number AS visitors FROM numbers(3000000000)",
  );
  const running = async () =>
    Number((await clusterAdmin("SELECT count() FROM system.processes WHERE query LIKE '%slow_e2e%' AND query NOT LIKE '%system.processes%'")).trim());
  try {
    await page.goto('/');
    await waitForDashboard(page);
    await page.getByTestId('open-connect').click();
    const panel = page.getByTestId('connect-panel');
    await panel.getByTestId('connect-connection').selectOption('locked');
    const problem = panel.getByTestId('connect-error');
    await expect(problem).toContainText(`ClickHouse connection "locked" refused the user "${configured[0]!.user}"`, { timeout: ENGINE_TIMEOUT });
    await expect(problem).toContainText('Check the user and password of "locked"');
    expect(await page.content()).not.toContain(WRONG);
    // The proxy's error in the page's language (it sends its kind and values beside the English).
    await page.goto('/?v=1&lang=ru-RU');
    await page.getByTestId('open-connect').click();
    await panel.getByTestId('connect-connection').selectOption('locked');
    await expect(problem).toContainText(`Подключение ClickHouse «locked» отклонило пользователя «${configured[0]!.user}»`, { timeout: ENGINE_TIMEOUT });
    await expect(problem).toContainText('Проверьте пользователя и пароль «locked»');
    await page.goto('/?v=1&lang=en');
    await waitForDashboard(page);
    await page.getByTestId('open-connect').click();

    await panel.getByTestId('connect-connection').selectOption('local');
    await expect(problem).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
    await panel.getByTestId('connect-table').selectOption('slow_e2e');
    await expect(panel.getByRole('combobox', { name: 'Role of marketplace' })).toHaveValue('dimension');
    const datasets = await page.getByTestId('filter-dataset').locator('option').count();
    await panel.getByTestId('connect-load').click();
    await expect(panel.getByTestId('connect-progress')).toBeVisible();
    await expect.poll(running, { timeout: 30_000 }).toBeGreaterThan(0);
    await panel.getByTestId('connect-cancel').click();
    await expect(problem).toHaveText('Cancelled: slow_e2e was not loaded, and nothing was added.');
    // KILL QUERY by its id, through the proxy: ClickHouse no longer runs it.
    await expect.poll(running, { timeout: 30_000 }).toBe(0);
    await expect(page.getByTestId('filter-dataset').locator('option')).toHaveCount(datasets);
  } finally {
    writeFileSync(connections, original);
    await clusterAdmin('DROP TABLE IF EXISTS marketscope.slow_e2e');
  }
});
