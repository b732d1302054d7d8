import fs from 'node:fs';
import { ENGINE_TIMEOUT, expect, test, waitForDashboard, openView } from './fixtures';

/**
 * A whole session as a user has it — load, filter, every view, upload, share, export — with every request recorded
 * by the `guarded` fixture: none may leave the app's origin, and the console must stay free of errors (a blocked
 * request or a CSP violation would be one).
 */
test('a full session makes no request outside the origin', async ({ guarded: page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto('/');
  await waitForDashboard(page);
  await page.getByTestId('filter-measure').selectOption('orders');
  await waitForDashboard(page);
  for (const tab of ['trend', 'countries', 'map', 'matrix', 'leaderboard', 'conversion', 'overview']) {
    await openView(page, tab);
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  }

  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles({
    name: 'session.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('month,shop,country,orders\n2024-01,Alpha,RU,10\n2024-02,Beta,MX,5\n'),
  });
  await page.getByTestId('upload-form').getByTestId('upload-load').click();
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toContainText('15');

  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText(/Link copied/);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trend-panel').getByTestId('export-png').click()]);
  expect(fs.statSync((await file.path())!).size).toBeGreaterThan(1000);

  await page.reload();
  await expect(page.getByTestId('kpi-total')).toContainText('15');

  const origin = new URL(page.url()).origin;
  const outside = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(outside).toEqual([]);
  // The session did reach the engine and the data: the wasm and the bundled datasets came from the origin.
  expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
});
