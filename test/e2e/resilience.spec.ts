import { ENGINE_TIMEOUT, expect, test, waitForDashboard, chooseUpload } from './fixtures';

/** A small upload written for this test: two shops, two countries, three months. */
const SHOPS_CSV = [
  'month,shop,country,orders',
  '2024-01,Alpha,RU,10',
  '2024-01,Beta,MX,5',
  '2024-02,Alpha,RU,7',
  '2024-02,Beta,MX,3',
  '2024-03,Alpha,MX,4',
].join('\n');

test('the engine worker dies mid-session: it restarts by itself, says so, and every dataset is still there', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));

  await page.goto('/#bench');
  await waitForDashboard(page);
  const bundledTotal = await page.getByTestId('kpi-total').textContent();

  // An upload, so that the restart has something of the user's to restore.
  await chooseUpload(page, 'shops.csv', SHOPS_CSV);
  const form = page.getByTestId('upload-form');
  await form.getByTestId('upload-name').fill('Shops');
  await form.getByTestId('upload-load').click();
  await expect(page.getByTestId('upload-report')).toContainText('5 of 5 rows loaded');
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toContainText('29');
  const uploadTotal = await page.getByTestId('kpi-total').textContent();

  // The worker fails with an uncaught error, as a wasm trap would.
  await page.evaluate(() => (window as unknown as { __marketscopeBench: { crashEngine(): Promise<void> } }).__marketscopeBench.crashEngine());
  const notice = page.getByTestId('engine-incident');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-state', 'restarted', { timeout: ENGINE_TIMEOUT });
  await expect(notice).toContainText('simulated engine crash');

  // The upload is loaded again into the new engine and shows the same figures…
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('kpi-total')).toHaveText(uploadTotal!);
  // …a new query works (another measure view of it)…
  await page.getByTestId('filter-dataset').selectOption({ index: 0 });
  await waitForDashboard(page);
  // …and so does the bundled data, loaded again too.
  await expect(page.getByTestId('kpi-total')).toHaveText(bundledTotal!);
  await page.getByTestId('filter-dataset').selectOption({ label: 'Shops' });
  await expect(page.getByTestId('kpi-total')).toHaveText(uploadTotal!);

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
  // The only errors logged are the crash itself, as reported by the worker and by DuckDB-wasm's client.
  expect(errors.filter((error) => !/simulated engine crash|error in duckdb worker|^ErrorEvent$/i.test(error))).toEqual([]);
});
