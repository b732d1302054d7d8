import type { Page } from '@playwright/test';
import { chooseUpload, ENGINE_TIMEOUT, expect, openView, test, waitForDashboard, VIEW_TABS } from './fixtures';

/**
 * A file without a time column is loaded into one placeholder month (2000-01). No view may show it: not as a period,
 * an axis, a month picker, a chart's accessible name or a tooltip title.
 */
const SHOPS_CSV = ['shop,country,orders', 'Alpha,RU,120', 'Beta,MX,80', 'Gamma,BR,40', 'Alpha,MX,30', 'Beta,RU,25'].join('\n');
const PLACEHOLDER_MONTH = /Jan 2000|2000-01|January 2000/;

/** Every text on the page, visible or not (options, aria-labels, titles), where the placeholder month could show. */
function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    document.body.textContent ?? '',
    ...[...document.querySelectorAll('[aria-label], [title]')].flatMap((element) => [
      element.getAttribute('aria-label') ?? '',
      element.getAttribute('title') ?? '',
    ]),
  ]);
}

test('a dataset without a time column shows no period, month or time axis in any view', async ({ guarded: page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'shops.csv', SHOPS_CSV);
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('role-0')).toHaveValue('dimension');
  await expect(form.getByTestId('role-2')).toHaveValue('measure');
  await form.getByTestId('upload-name').fill('Shops');
  await form.getByTestId('upload-load').click();
  const report = page.getByTestId('upload-report');
  await expect(report).toContainText('5 of 5 rows loaded', { timeout: ENGINE_TIMEOUT });
  await report.getByTestId('upload-open').click();
  await expect(page.getByTestId('filter-dataset')).toHaveValue(/^u_shops_/);

  // The key figures: all rows, no period, no comparison with a year earlier; no month pickers.
  await expect(page.getByTestId('kpi-total')).toContainText('All rows', { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('kpi-change')).toHaveCount(0);
  await expect(page.getByTestId('filter-from')).toHaveCount(0);
  await expect(page.getByTestId('filter-period')).toContainText('All rows');
  await expect(page.getByTestId('trend-panel')).toContainText('no time column');

  for (const tab of VIEW_TABS) {
    await openView(page, tab);
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
    if (tab === 'map') await expect(page.getByTestId('choropleth-map')).toBeVisible({ timeout: ENGINE_TIMEOUT });
    if (tab === 'countries') await expect(page.getByTestId(`view-${tab}`)).toContainText('Alpha');
    const texts = await pageTexts(page);
    expect(texts.filter((text) => PLACEHOLDER_MONTH.test(text)), `texts naming the placeholder month on ${tab}`).toEqual([]);
  }

  // The trend view says why there is no chart and leads to a view that compares without time.
  await openView(page, 'trend');
  await expect(page.getByTestId('trend-view')).toContainText('has no time column');
  await expect(page.locator('[data-testid=trend-view] .recharts-wrapper')).toHaveCount(0);
  await page.getByTestId('timeless-open-leaderboard').click();
  await expect(page.getByTestId('tab-leaderboard')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('leaderboard-panel')).toContainText('rank changes and trends need a time column');
});
