import { deflateInPage, expect, RUSSIA_H2_2014, test, waitForDashboard, openView, chooseUpload } from './fixtures';

/** What a recipient must see the same: the key figures and the trend's data table. */
async function snapshot(page: import('@playwright/test').Page) {
  await waitForDashboard(page);
  const kpis = await page.locator('[data-testid^=kpi-]').allTextContents();
  await page.getByTestId('trend-panel').getByRole('button', { name: 'Show table' }).click();
  const table = await page.getByTestId('trend-table').innerText();
  return { kpis, table, measure: await page.getByTestId('filter-measure').inputValue() };
}

test('"Copy link" gives a link that opens exactly the same view in a fresh browser', async ({ guarded: page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  await page.getByTestId('filter-measure').selectOption('orders');
  await waitForDashboard(page);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText(/Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('measure')).toBe('orders');
  const original = await snapshot(page);

  const recipient = await browser.newContext();
  const other = await recipient.newPage();
  await other.goto(link);
  expect(await snapshot(other)).toEqual(original);
  await recipient.close();
});

test('a compressed link (?v=1&z=…) opens the same view; a cut one falls back with a notice', async ({ guarded: page, browser }) => {
  await page.goto(RUSSIA_H2_2014);
  const original = await snapshot(page);
  // The same query string, deflated in the page as the app's share links are (CompressionStream, base64url).
  const z = await deflateInPage(page, RUSSIA_H2_2014.slice(2));

  const recipient = await browser.newContext();
  const other = await recipient.newPage();
  await other.goto(`/?v=1&z=${z}`);
  expect(await snapshot(other)).toEqual(original);
  // The address bar shows the plain link once it has been expanded.
  expect(new URL(other.url()).searchParams.get('measure')).toBe('visitors');

  await other.goto(`/?v=1&z=${z.slice(0, Math.floor(z.length / 2))}`);
  await waitForDashboard(other);
  await expect(other.getByTestId('notices')).toContainText('compressed part of this link could not be read');
  await recipient.close();
});

test('a link to a view over an uploaded file asks the recipient for that file, checks it, and shows the same view', async ({
  guarded: page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const csv = ['month,shop,country,orders', '2024-01,Alpha,RU,10', '2024-01,Beta,MX,5', '2024-02,Alpha,RU,7', '2024-03,Beta,RU,3'].join('\n');
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'shops.csv', csv);
  await page.getByTestId('upload-form').getByTestId('upload-load').click();
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toContainText('25');
  await openView(page, 'trend');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText(/Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const recipient = await browser.newContext();
  const other = await recipient.newPage();
  await other.goto(link);
  const needed = other.getByTestId('needed-file');
  await expect(needed).toContainText('“shops.csv”');
  await expect(needed).toContainText('4 rows');
  await expect(other.getByTestId('notices')).toContainText('not in this browser');
  // Another file, even with the same name, is refused before anything is loaded.
  await other.getByTestId('needed-file-input').setInputFiles({ name: 'shops.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('10', '11')) });
  await expect(other.getByTestId('needed-file-error')).toContainText('is not the file this view was made from');
  await other.getByTestId('needed-file-input').setInputFiles({ name: 'my copy.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(needed).toBeHidden();
  await expect(other.getByTestId('view-trend')).toBeVisible();
  // The file is here now: the notice that said it was not goes.
  await expect(other.getByTestId('notices').filter({ hasText: 'not in this browser' })).toHaveCount(0);
  await expect(other.getByTestId('filter-dataset')).toHaveValue(new URL(page.url()).searchParams.get('dataset')!);
  await openView(other, 'overview');
  await expect(other.getByTestId('kpi-total')).toContainText('25');
  await recipient.close();

  // The same link compressed (as long links are shared) still asks for the file.
  const search = new URL(link).search.slice(1);
  const plain = new URLSearchParams(search).has('z')
    ? null
    : await deflateInPage(page, search);
  const compressedLink = plain ? `${new URL(link).origin}/?v=1&z=${plain}` : link;
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await secondPage.goto(compressedLink);
  await expect(secondPage.getByTestId('needed-file')).toContainText('“shops.csv”');
  await second.close();
});
