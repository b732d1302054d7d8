import { expect, RUSSIA_H2_2014, test, waitForDashboard } from './fixtures';

test('the default dashboard draws its key figures and charts', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  await expect(page.getByTestId('kpi-total')).toContainText('Avg. monthly visitors');
  await expect(page.getByTestId('kpi-total')).toContainText(/\d+(\.\d)?[KMB]/);
  await expect(page.getByTestId('kpi-leader')).not.toContainText('–');
  const lines = await page.locator('[data-testid=trend-chart] .recharts-line').count();
  expect(lines).toBeGreaterThan(1);
  const bars = await page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle').count();
  expect(bars).toBeGreaterThan(5);
  await expect(page.getByText('Synthetic data').first()).toBeVisible();
  await expect(page.getByTestId('engine-version')).toContainText('DuckDB v1.4');
});

test('the AliExpress story: Russia, H2 2014, matches the published figures', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  await expect(page.getByTestId('kpi-leader')).toContainText('AliExpress');
  await expect(page.getByTestId('kpi-leader')).toContainText('15.6M avg. monthly visitors');
  // 15.6M + 3.7M + 1.4M
  await expect(page.getByTestId('kpi-total')).toContainText('20.7M');

  // The same numbers as a table: the H2 averages recomputed from the monthly values shown.
  await page.getByTestId('trend-panel').getByRole('button', { name: 'Show table' }).click();
  const table = page.getByTestId('trend-table');
  await expect(table.locator('tbody tr')).toHaveCount(6);
  const headers = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  const average = (name: string) => {
    const column = headers.indexOf(name);
    const values = rows.map((cells) => Number(cells[column]!.replaceAll(',', '')));
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  expect(average('AliExpress')).toBe(15_600_000);
  expect(average('eBay')).toBe(3_700_000);
  expect(average('Amazon')).toBe(1_400_000);

  const published = page.getByTestId('published-table');
  await expect(published).toContainText('15.6M');
  await expect(published).toContainText('3.7M');
  await expect(published).toContainText('1.4M');
});

test('changing filters changes the charts and the URL, and a reload restores them', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  const totalBefore = await page.getByTestId('kpi-total').textContent();

  await page.getByTestId('filter-measure').selectOption('gmv');
  await expect(page).toHaveURL(/measure=gmv/);
  await expect(page.getByTestId('kpi-total')).toContainText('Total GMV');
  await expect(page.getByTestId('kpi-total')).toContainText('$');

  // Pick a country through the searchable multi-select.
  await page.getByTestId('filter-country').getByRole('button').first().click();
  await page.getByRole('searchbox', { name: 'Search countries' }).fill('mexi');
  await page.getByRole('option', { name: /Mexico/ }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/country=MX/);
  await waitForDashboard(page);
  await expect(page.getByTestId('filter-country')).toContainText('Mexico');
  await expect(page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle')).toHaveCount(1);

  await page.getByTestId('filter-from').selectOption('2016-01');
  await expect(page).toHaveURL(/from=2016-01/);
  await waitForDashboard(page);
  const totalAfter = await page.getByTestId('kpi-total').textContent();
  const leaderAfter = await page.getByTestId('kpi-leader').textContent();
  expect(totalAfter).not.toBe(totalBefore);

  await page.reload();
  await waitForDashboard(page);
  await expect(page.getByTestId('filter-measure')).toHaveValue('gmv');
  await expect(page.getByTestId('filter-from')).toHaveValue('2016-01');
  await expect(page.getByTestId('filter-country')).toContainText('Mexico');
  await expect(page.getByTestId('kpi-total')).toHaveText(totalAfter!);
  await expect(page.getByTestId('kpi-leader')).toHaveText(leaderAfter!);
});

test('a tampered link shows notices, not a crash, and falls back to defaults', async ({ guarded: page }) => {
  await page.goto(
    '/?v=1&from=2014-13&to=1999-01&measure=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&country=XX&country=RU' +
      '&marketplace=%27%3B%20DROP%20TABLE%20traffic%3B--&Bad%20Key=1&theme=neon',
  );
  await waitForDashboard(page);
  const notices = page.getByTestId('notices');
  await expect(notices).toBeVisible();
  await expect(notices).toContainText('from="2014-13"');
  await expect(notices).toContainText('"XX"');
  await expect(notices).toContainText('DROP TABLE');
  await expect(notices).toContainText('1999-01 is before the data starts');
  await expect(page.getByTestId('filter-measure')).toHaveValue('visitors');
  await expect(page.getByTestId('filter-to')).toHaveValue('2013-01');
  await expect(page.getByTestId('filter-from')).toHaveValue('2013-01');
  await expect(page.getByTestId('filter-country')).toContainText('Russia');
  // The link is rewritten to what is shown; the bad parts are gone.
  await expect(page).not.toHaveURL(/DROP|XX|neon|2014-13|Bad/);
  await expect(page).toHaveURL(/country=RU/);
  expect(await page.locator('img[src=x]').count()).toBe(0);
  await notices.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notices).toHaveCount(0);
});

test('a story link sets the view in one click', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  await page.getByRole('link', { name: /AliExpress leads Russia/ }).click();
  await expect(page).toHaveURL(/from=2014-07/);
  await waitForDashboard(page);
  await expect(page.getByTestId('kpi-leader')).toContainText('AliExpress');
});

test('filters and views work from the keyboard alone', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  const countries = page.getByTestId('filter-country').getByRole('button').first();
  await expect(countries).toBeEnabled();
  await countries.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('searchbox', { name: 'Search countries' })).toBeFocused();
  await page.keyboard.type('russ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/country=RU/);
  // Escape clears the search, a second Escape closes the list and returns to its button.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search countries' })).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(countries).toBeFocused();

  await page.getByTestId('tab-leaderboard').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/tab=leaderboard/);
  await expect(page.getByTestId('tab-leaderboard')).toHaveAttribute('aria-current', 'page');
});
