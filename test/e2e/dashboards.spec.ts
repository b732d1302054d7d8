import fs from 'node:fs';
import { deflateInPage, expect, RUSSIA_H2_2014, test, waitForDashboard } from './fixtures';

test('pin views to a dashboard, name and annotate it, share it: the recipient sees it in presentation mode on a phone', async ({
  guarded: page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  const overviewTotal = await page.getByTestId('kpi-total').textContent();
  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toHaveText('Pinned to “My dashboard” (1 panel).');
  await page.getByTestId('tab-trend').click();
  await expect(page.getByTestId('view-trend')).toBeVisible();
  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toHaveText('Pinned to “My dashboard” (2 panels).');

  await page.getByTestId('open-dashboards').click();
  const editor = page.getByTestId('dashboard-editor').first();
  await editor.getByTestId('dashboard-name').fill('Russia, H2 2014');
  const items = editor.getByTestId('dashboard-panel-item');
  await expect(items).toHaveCount(2);
  await items.nth(0).getByLabel('Notes').fill('AliExpress: 15.6M visitors a month, against 3.7M for eBay.');
  // Reordered: the trend first.
  await items.nth(1).getByRole('button', { name: /up$/ }).click();
  await expect(items.nth(0).getByLabel('Title')).toHaveValue('Trend: Visitors');

  // Exported as a file and imported back as a second dashboard.
  const [file] = await Promise.all([page.waitForEvent('download'), editor.getByTestId('dashboard-export').click()]);
  expect(file.suggestedFilename()).toBe('russia-h2-2014.marketscope.json');
  const json = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
  expect(json.panels.map((panel: { title: string }) => panel.title)).toEqual(['Trend: Visitors', 'Overview: Visitors']);
  await page.getByTestId('dashboard-import').setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await expect(page.getByTestId('dashboards-message')).toHaveText('Imported “Russia, H2 2014” (2 panels).');
  await page.getByTestId('dashboard-import').setInputFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
  await expect(page.getByTestId('dashboards-message')).toContainText('evil.json: This is not a Marketscope dashboard file');
  await expect(page.getByTestId('dashboard-editor')).toHaveCount(2);

  await editor.getByTestId('dashboard-copy-link').click();
  await expect(page.getByTestId('dashboards-message')).toHaveText('Link to “Russia, H2 2014” copied: it opens in presentation mode.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('present')).not.toBeNull();

  // The recipient: a fresh browser, a phone-sized screen.
  const recipient = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const phone = await recipient.newPage();
  await phone.goto(link);
  const presentation = phone.getByTestId('presentation');
  await expect(presentation.locator('.presentation-header h2')).toHaveText('Russia, H2 2014');
  const panels = phone.getByTestId('presentation-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.nth(0).locator('h3')).toHaveText('Trend: Visitors');
  await expect(panels.nth(1)).toContainText('AliExpress: 15.6M visitors a month');
  await expect(panels.nth(1).getByTestId('kpi-total')).toHaveText(overviewTotal!);
  await expect(panels.nth(0).locator('[data-testid=trend-view] .recharts-line').first()).toBeAttached();
  // Read-only: no filters, no view tabs, no pinning, no header actions.
  for (const chrome of ['filter-measure', 'tab-trend', 'pin-view', 'open-upload', 'copy-link']) {
    await expect(phone.getByTestId(chrome)).toHaveCount(0);
  }
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // A cut link says so.
  await phone.goto(link.slice(0, link.length - 40));
  await expect(phone.getByTestId('presentation-error')).toContainText('This dashboard link is damaged');
  await recipient.close();
});

test('a dashboard downloads as one HTML file that shows its charts offline, with no script', async ({ guarded: page, browser }) => {
  const dashboard = {
    format: 'marketscope-dashboard',
    v: 1,
    id: 'offline1',
    name: 'Russia, H2 2014 <offline>',
    panels: [
      {
        id: 'a',
        title: 'Visitors in Russia',
        notes: 'AliExpress: 15.6M a month.',
        view: RUSSIA_H2_2014.slice(2),
      },
      { id: 'b', title: 'GMV trend', notes: '', view: 'v=1&tab=trend&measure=gmv' },
    ],
  };
  await page.goto('/');
  await waitForDashboard(page);
  const packed = await deflateInPage(page, JSON.stringify(dashboard));
  await page.goto(`/?present=${packed}`);
  const panels = page.getByTestId('presentation-panel');
  await expect(panels.nth(0).getByTestId('kpi-total')).toContainText('20.7M');
  await expect(panels.nth(1).locator('.recharts-line').first()).toBeAttached();
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('presentation-html').click()]);
  const html = fs.readFileSync((await file.path())!, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('Russia, H2 2014 &#60;offline&#62;');
  expect(Buffer.byteLength(html)).toBeLessThan(500_000);

  // Opened from disk in a fresh browser with every network request refused: the charts and figures are there.
  const offline = await browser.newContext({ offline: true });
  const requests: string[] = [];
  offline.on('request', (request) => requests.push(request.url()));
  const viewer = await offline.newPage();
  const path = `${test.info().outputPath('dashboard.html')}`;
  fs.writeFileSync(path, html);
  await viewer.goto(`file://${path}`);
  await expect(viewer.locator('h1')).toHaveText('Russia, H2 2014 <offline>');
  await expect(viewer.locator('figure > svg')).toHaveCount(await page.locator('[data-testid=presentation-panel] svg.recharts-surface').count());
  await expect(viewer.locator('figure svg path[stroke^="rgb"]').first()).toBeAttached();
  await expect(viewer.locator('.kpi .value').first()).toHaveText('20.7M');
  await expect(viewer.getByText('AliExpress: 15.6M a month.')).toBeVisible();
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  await offline.close();
});

test('with localStorage full, pinning and importing say so and leave the dashboards as they were', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toHaveText('Pinned to “My dashboard” (1 panel).');
  const stored = () => page.evaluate(() => localStorage.getItem('marketscope-dashboards'));
  const before = await stored();
  expect(before).toContain('Overview: Visitors');

  // Other data takes every character the browser allows this site, to the last one.
  const filled = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let items = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`filler-${items}`, chunk);
        items += 1;
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
    return items;
  });
  expect(filled).toBeGreaterThan(1);

  await page.getByTestId('pin-view').click();
  const status = page.getByTestId('pin-status');
  await expect(status).toHaveAttribute('role', 'alert');
  await expect(status).toContainText('Not pinned. The browser has no room left for this site’s dashboards, so your dashboards were left as they were.');
  await expect(status).toContainText('Delete a dashboard you no longer need');
  await expect(status).toBeVisible();
  expect(await stored()).toBe(before);

  await page.getByTestId('open-dashboards').click();
  const imported = { format: 'marketscope-dashboard', v: 1, id: 'import1', name: 'From a colleague', panels: [] };
  await page
    .getByTestId('dashboard-import')
    .setInputFiles({ name: 'colleague.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(imported)) });
  await expect(page.getByTestId('dashboards-message')).toContainText('colleague.json was not imported. The browser has no room left');
  await expect(page.getByTestId('dashboard-editor')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-panel-item')).toHaveCount(1);
  expect(await stored()).toBe(before);

  // Still there after a reload, exactly as before.
  await page.reload();
  await waitForDashboard(page);
  await page.getByTestId('open-dashboards').click();
  await expect(page.getByTestId('dashboard-editor')).toHaveCount(1);
  await expect(page.getByTestId('dashboard-panel-item').getByLabel('Title')).toHaveValue('Overview: Visitors');
  expect(await stored()).toBe(before);
});
