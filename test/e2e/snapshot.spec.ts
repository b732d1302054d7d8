import fs from 'node:fs';
import type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { deflateInPage, expect, RUSSIA_H2_2014, test, waitForDashboard, waitForEngineLive, chooseUpload } from './fixtures';

/**
 * "Share with data": a dashboard goes with the figures its panels show (not the rows), in a link when small and in
 * the dashboard file otherwise, and its recipient sees them without the data files and without the query engine.
 */

/** Requests that would mean the recipient's page computes: the engine (its code, worker, wasm) or a data file. */
const COMPUTING = /duckdb|\.wasm|browserEngine|\.csv(\?|$)/;

/** What a recipient must see the same: every key figure, and every table of the panels (their charts' numbers). */
async function figures(scope: Locator) {
  await expect(scope.locator('.skeleton, [aria-busy=true]')).toHaveCount(0);
  // Each click turns its button into "Show chart": click the first left until none is.
  const toggles = scope.getByRole('button', { name: 'Show table' });
  for (let left = await toggles.count(); left > 0; left--) {
    await toggles.first().click();
    await expect(toggles).toHaveCount(left - 1);
  }
  return {
    kpis: await scope.locator('[data-testid^=kpi-]').allInnerTexts(),
    subtitles: await scope.locator('.panel-subtitle').allInnerTexts(),
    tables: await scope.locator('table').allInnerTexts(),
  };
}

/** A fresh browser (no upload, no storage) that records every request, and fails the test on any console error. */
async function recipientBrowser(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { context, page, requests, errors };
}

async function uploadShops(page: Page, csv: string) {
  await chooseUpload(page, 'shops.csv', csv);
  await page.getByTestId('upload-form').getByTestId('upload-load').click();
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
}

/** The text a presentation link carries, inflated in the page as the app does. */
function inflateInPage(page: Page, packed: string): Promise<string> {
  return page.evaluate(async (input) => {
    const binary = atob(input.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }, packed);
}

test('share with data: panels over an uploaded file and the bundled data open in a fresh browser with the same figures, without the file and without the engine', async ({
  guarded: page,
  browser,
}) => {
  const csv = ['month,shop,country,orders', '2024-01,Alpha,RU,10', '2024-01,Beta,MX,5', '2024-02,Alpha,RU,7', '2024-03,Beta,RU,3', '2024-03,Gamma <b>&amp;</b>,MX,2'].join('\n');

  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  const bundled = await figures(page.getByTestId('view-overview'));
  await page.getByTestId('pin-view').click();
  await uploadShops(page, csv);
  await expect(page.getByTestId('kpi-total')).toContainText('27');
  const uploaded = await figures(page.getByTestId('view-overview'));
  expect(uploaded.tables.join('\n')).toContain('Gamma <b>&amp;</b>');
  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toHaveText('Pinned to “My dashboard” (2 panels).');

  await page.getByTestId('open-dashboards').click();
  const editor = page.getByTestId('dashboard-editor').first();
  await editor.getByTestId('dashboard-name').fill('Shops & Russia');
  await editor.getByTestId('dashboard-share-data').click();
  const result = editor.getByTestId('share-data-result');
  await expect(result).toContainText('Link with the figures', { timeout: 60_000 });
  const link = await editor.getByTestId('share-data-link').inputValue();
  expect(link.length).toBeLessThanOrEqual(8_000);
  // The figures are in the fragment: opening the link never sends them to a server (only its language goes in the query).
  expect(new URL(link).search).toBe('?lang=en');
  expect(new URL(link).hash).toMatch(/^#present-snapshot=[\w-]+$/);

  // The recipient: a fresh browser that never had the upload.
  const recipient = await recipientBrowser(browser);
  const viewer = recipient.page;
  await viewer.goto(link);
  await expect(viewer.locator('.presentation-header h2')).toHaveText('Shops & Russia');
  const label = viewer.getByTestId('snapshot-label');
  await expect(label).toBeVisible();
  await expect(label).toContainText(/^Snapshot of \d{1,2} [A-Z][a-z]{2} \d{4}/);
  await expect(label).toContainText('not live');
  const panels = viewer.getByTestId('presentation-panel');
  await expect(panels).toHaveCount(2);
  expect(await figures(panels.nth(0))).toEqual(bundled);
  expect(await figures(panels.nth(1))).toEqual(uploaded);
  // No request for a file, no notice that data is missing, and the text from the data stays text.
  await expect(viewer.getByTestId('needed-file')).toHaveCount(0);
  await expect(viewer.getByTestId('notices')).toHaveCount(0);
  await expect(viewer.locator('[data-testid=presentation] b')).toHaveCount(0);
  expect(recipient.requests.filter((url) => COMPUTING.test(url))).toEqual([]);

  // A phone: nothing wider than the screen.
  await viewer.setViewportSize({ width: 375, height: 740 });
  await expect(label).toBeVisible();
  expect(await viewer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The one-file HTML of a snapshot is dated by the snapshot and carries its figures.
  const [file] = await Promise.all([viewer.waitForEvent('download'), viewer.getByTestId('presentation-html').click()]);
  const html = fs.readFileSync((await file.path())!, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).toMatch(/Snapshot of \d{4}-\d{2}-\d{2} from Marketscope\. The figures are fixed as they were that day, not live\./);
  expect(html).toContain(bundled.kpis[0]!.split('\n').find((line) => /\d/.test(line))!);
  expect(recipient.requests.filter((url) => COMPUTING.test(url))).toEqual([]);

  // A tampered link: the damaged figure is left out with a notice, its panel says so, and nothing is computed.
  const packed = new URL(link).hash.replace('#present-snapshot=', '');
  const shared = JSON.parse(await inflateInPage(viewer, packed));
  const kpis = shared.snapshot.results.find(([key]: [string[]]) => key[0] === 'kpis' && JSON.stringify(key).includes('"RU"'));
  kpis[1].current = 'twenty million';
  await viewer.goto(`/#present-snapshot=${await deflateInPage(viewer, JSON.stringify(shared))}`);
  await expect(viewer.getByTestId('snapshot-notice')).toHaveText(/One figure of this snapshot was damaged on the way and is left out/);
  await expect(panels.nth(0).getByTestId('kpis')).toContainText('This figure is not in the snapshot');
  await expect(panels.nth(1).getByTestId('kpi-total')).toHaveText(uploaded.kpis[0]!, { useInnerText: true });
  expect(recipient.requests.filter((url) => COMPUTING.test(url))).toEqual([]);

  // A cut link and a forged one say so.
  await viewer.goto(link.slice(0, link.length - 40));
  await expect(viewer.getByTestId('presentation-error')).toContainText('damaged (was it cut short?)');
  await viewer.goto('/#present-snapshot=<img src=x onerror=alert(1)>');
  await expect(viewer.getByTestId('presentation-error')).toContainText('is not valid');

  // Opened in a tab that shows the workspace, where only the fragment changes, the link still opens the snapshot.
  await viewer.goto('/');
  await waitForDashboard(viewer);
  await viewer.goto(link);
  await expect(viewer.getByTestId('snapshot-label')).toBeVisible();
  await expect(panels.nth(1).getByTestId('kpi-total')).toHaveText(uploaded.kpis[0]!, { useInnerText: true });
  expect(recipient.errors).toEqual([]);
  await recipient.context.close();
});

test('a snapshot too large for a link goes in the dashboard file: imported in another browser and presented, it shows the same figures without computing', async ({
  guarded: page,
  browser,
}) => {
  // Three browsers, seven panels drawn twice and a snapshot taken: the longest test, given the most time.
  test.setTimeout(300_000);
  const views = [
    ['Overview', 'v=1&measure=visitors'],
    ['Leaderboard', 'v=1&tab=leaderboard&measure=gmv'],
    ['Matrix', 'v=1&tab=matrix&measure=orders'],
    ['Map', 'v=1&tab=map&measure=visitors&mapMetric=growth'],
    ['Trend', 'v=1&tab=trend&measure=sellers&grain=quarter'],
    ['Countries', 'v=1&tab=countries&measure=gmv'],
    ['Traffic × sales', 'v=1&tab=conversion'],
  ];
  const dashboard = {
    format: 'marketscope-dashboard',
    v: 1,
    id: 'every1',
    name: 'Every view',
    panels: views.map(([title, view], index) => ({ id: `p${index}`, title, notes: '', view })),
  };
  await page.goto('/');
  await waitForDashboard(page);
  await page.evaluate((value) => localStorage.setItem('marketscope-dashboards', JSON.stringify([value])), dashboard);
  await page.reload();
  await waitForDashboard(page);

  await page.getByTestId('open-dashboards').click();
  const editor = page.getByTestId('dashboard-editor').first();
  await editor.getByTestId('dashboard-share-data').click();
  const result = editor.getByTestId('share-data-result');
  await expect(result).toContainText('These figures are too large for a link', { timeout: 90_000 });
  await expect(result).toContainText('a link holds at most 8.0 kB');
  await expect(editor.getByTestId('share-data-link')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), result.getByTestId('share-data-file').click()]);
  expect(download.suggestedFilename()).toMatch(/^every-view-snapshot-\d{4}-\d{2}-\d{2}\.marketscope\.json$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text);
  expect(file.snapshot.format).toBe('marketscope-snapshot');
  expect(file.panels).toHaveLength(views.length);
  // Aggregates only: the rows of the bundled files are not in it (no row of the traffic file, for one).
  expect(text).not.toContain('2014-07,AliExpress,RU');

  // The same dashboard, live, for the figures to compare with.
  await editor.getByTestId('dashboard-present').click();
  const live = page.getByTestId('presentation-panel');
  await expect(live).toHaveCount(views.length);
  const expected = [];
  for (let index = 0; index < views.length; index++) expected.push(await figures(live.nth(index)));

  // The recipient imports the file in a browser with no data, and presents it.
  const recipient = await recipientBrowser(browser);
  const viewer = recipient.page;
  await viewer.goto('/');
  await waitForDashboard(viewer);
  await waitForEngineLive(viewer);
  await viewer.getByTestId('open-dashboards').click();
  await viewer.getByTestId('dashboard-import').setInputFiles({ name: 'every-view.marketscope.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(viewer.getByTestId('dashboards-message')).toHaveText(/^Imported “Every view” \(7 panels\) with its figures \(snapshot of \d{1,2} [A-Z][a-z]{2} \d{4}\): present it to see them\.$/);
  const imported = viewer.getByTestId('dashboard-editor').first();
  await expect(imported.getByTestId('dashboard-snapshot-label')).toContainText('Snapshot of');
  await expect(imported.getByTestId('dashboard-share-data')).toHaveCount(0);
  // Kept with its figures: its file and its link carry them again (too many for a link here).
  const [again] = await Promise.all([viewer.waitForEvent('download'), imported.getByTestId('dashboard-export').click()]);
  expect(JSON.parse(fs.readFileSync((await again.path())!, 'utf8')).snapshot.results).toEqual(file.snapshot.results);
  await imported.getByTestId('dashboard-copy-link').click();
  await expect(imported.getByTestId('share-data-result')).toContainText('These figures are too large for a link');
  const requestsBefore = recipient.requests.length;
  await imported.getByTestId('dashboard-present').click();
  await expect(viewer).toHaveURL(/present-saved=/);
  await expect(viewer.getByTestId('snapshot-label')).toContainText('Snapshot of');
  const shown = viewer.getByTestId('presentation-panel');
  await expect(shown).toHaveCount(views.length);
  for (let index = 0; index < views.length; index++) expect(await figures(shown.nth(index)), views[index]![0]).toEqual(expected[index]);
  expect(recipient.requests.slice(requestsBefore).filter((url) => COMPUTING.test(url))).toEqual([]);
  await expect(viewer.getByTestId('engine-version')).toHaveCount(0);
  expect(recipient.errors).toEqual([]);

  // Pinning a view later never adds it to the imported snapshot.
  await viewer.goto('/');
  await waitForDashboard(viewer);
  await viewer.getByTestId('pin-view').click();
  await expect(viewer.getByTestId('pin-status')).toHaveText('Pinned to “My dashboard” (1 panel).');
  await recipient.context.close();
});
