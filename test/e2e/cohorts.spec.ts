import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseUpload, ENGINE_TIMEOUT, expect, openView, test, waitForDashboard } from './fixtures';

// Issue 15: launch-aligned cohorts on the bundled, synthetic data. AliExpress was in Russia before the data starts
// (Jan 2013): its entry is unknown, drawn only when unknown entries are included.

const ALIEXPRESS_RU = 'AliExpress · Russia (entry unknown, Jan 2013 or earlier)';
const THREE_PAIRS = '/?v=1&tab=cohorts&cohortPairs=AliExpress~RU,Temu~US,Shopee~BR&cohortUnknown=include';

async function cohortsShown(page: Page) {
  await expect(page.getByTestId('cohorts-summary')).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('.tab-panel [aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
}

const legend = (page: Page) => page.getByTestId('cohorts-chart').locator('.chart-legend li');

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return fs.readFileSync((await file.path())!).toString('utf8');
}

test('since launch: largest pairs, unknown entries, picked pairs, indexed, table, CSV and the link', async ({ guarded: page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForDashboard(page);
  await openView(page, 'cohorts');
  await cohortsShown(page);
  // By default the largest pairs with a known entry; AliExpress in Russia is left out, and the page says why.
  expect(await legend(page).count()).toBeGreaterThanOrEqual(3);
  await expect(legend(page).filter({ hasText: 'AliExpress · Russia' })).toHaveCount(0);
  await expect(page.getByTestId('cohorts-notes')).toContainText('already there in Jan 2013');

  // Include unknown entries, then pick three pairs from the keyboard-operable picker.
  await page.getByTestId('cohorts-unknown').check();
  await expect(page).toHaveURL(/cohortUnknown=include/);
  await cohortsShown(page);
  // From the keyboard: open the picker, search, arrow down to the match, select it.
  await page.getByTestId('cohorts-pairs').getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await page.getByRole('searchbox').fill('AliExpress · Russia');
  await expect(page.getByRole('dialog').getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/cohortPairs=AliExpress%7ERU/);
  for (const name of ['Temu · United States', 'Shopee · Brazil']) {
    await page.getByRole('searchbox').fill(name);
    await page.getByRole('option', { name }).click();
  }
  await page.getByRole('button', { name: 'Done' }).click();
  // The picker keeps the pairs in its order, largest first.
  for (const pair of ['AliExpress%7ERU', 'Temu%7EUS', 'Shopee%7EBR']) await expect(page).toHaveURL(new RegExp(`cohortPairs=[^&]*${pair}`));
  await cohortsShown(page);
  await expect(legend(page)).toHaveCount(3);
  const names = await legend(page).allTextContents();
  expect([...names].sort()).toEqual([ALIEXPRESS_RU, 'Shopee · Brazil', 'Temu · United States']);
  // The unknown entry alone is dashed, in the plot and in the legend.
  await expect(page.getByTestId('cohorts-chart').locator('path.recharts-line-curve[stroke-dasharray="3 3"]')).toHaveCount(1);
  await expect(legend(page).filter({ has: page.getByTestId('legend-swatch-dashed') })).toHaveText([ALIEXPRESS_RU]);
  await expect(page.getByTestId('cohorts-summary')).toContainText(/months? after entry, (Temu in the United States|Shopee in Brazil) had/);

  // Indexed at entry.
  await page.getByTestId('cohorts-mode').selectOption('indexed');
  await expect(page).toHaveURL(/cohortMode=indexed/);
  await expect(page.getByTestId('cohorts-summary')).toContainText('(entry month = 100)');

  // The table alternative and the CSV export.
  const panel = page.getByTestId('cohorts-panel');
  await panel.getByRole('button', { name: 'Show table' }).click();
  await expect(page.getByTestId('cohorts-entries')).toContainText('Jan 2013 or earlier (entry unknown)');
  await expect(page.getByTestId('cohorts-entries')).toContainText('Sep 2022');
  await expect(page.getByTestId('cohorts-table').locator('tbody tr').first()).toContainText('100.0');
  const csv = (await download(page, () => panel.getByTestId('export-csv').click())).trim().split('\n');
  const entries: Record<string, string> = {
    [ALIEXPRESS_RU]: 'AliExpress · Russia (entry 2013-01 or earlier)',
    'Temu · United States': 'Temu · United States (entry 2022-09)',
    'Shopee · Brazil': 'Shopee · Brazil (entry 2019-11)',
  };
  expect(csv[0]).toBe(['months since entry', ...names.map((name) => entries[name])].join(','));
  // 36 months after entry by default: months 0–36, each curve indexed to 100 at month 0.
  expect(csv).toHaveLength(38);
  expect(csv[1]).toBe('0,100,100,100');

  // The link keeps everything.
  const link = page.url();
  await page.goto('/');
  await waitForDashboard(page);
  await page.goto(link);
  await cohortsShown(page);
  await expect(page.getByTestId('cohorts-mode')).toHaveValue('indexed');
  await expect(page.getByTestId('cohorts-unknown')).toBeChecked();
  await expect(legend(page)).toHaveText(names);
});

test('an upload with a month and two dimensions aligns its pairs on entry', async ({ guarded: page }) => {
  test.setTimeout(180_000);
  const csv = ['month,shop,market,revenue', '2021-01,North,Paris,50', '2021-02,North,Paris,60', '2021-03,South,Paris,7', '2021-04,South,Paris,8', '2021-04,South,Lyon,2', '2021-05,South,Lyon,3'].join('\n');
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'shops.csv', csv);
  const form = page.getByTestId('upload-form');
  await form.getByTestId('upload-name').fill('Shops');
  await form.getByTestId('upload-load').click();
  const report = page.getByTestId('upload-report');
  await expect(report).toContainText('6 of 6 rows loaded', { timeout: ENGINE_TIMEOUT });
  await report.getByTestId('upload-open').click();
  await openView(page, 'cohorts');
  await cohortsShown(page);
  // North was there in the data's first month: unknown, left out. South enters Paris in March and Lyon in April.
  await expect(legend(page)).toHaveText(['South · Paris', 'South · Lyon']);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Since launch view is axe-clean and fits 375 px (${theme})`, async ({ guarded: page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${THREE_PAIRS}&theme=${theme}`);
    await cohortsShown(page);
    await expect(legend(page)).toHaveCount(3);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-testid=cohorts-view]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    // The table alternative, from the keyboard.
    const toggle = page.getByTestId('cohorts-panel').getByRole('button', { name: 'Show table' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cohorts-table')).toBeVisible();
    const tableResults = await new AxeBuilder({ page }).include('[data-testid=cohorts-view]').analyze();
    expect(tableResults.violations.map((violation) => violation.id)).toEqual([]);
  });
}
