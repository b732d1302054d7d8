import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { ENGINE_TIMEOUT, expect, openView, test, waitForDashboard, waitForEngineLive } from './fixtures';

// Issue 15: reach (visitors per 100 internet users, World Bank data) as a measure like the others.

const H2_2014 = 'from=2014-07&to=2014-12';

/** The numbers of one column of a table's body, as the page shows them ("15.4", "1,234.5"). */
async function columnNumbers(table: Locator, column: number): Promise<number[]> {
  const texts = await table.locator(`tbody tr td:nth-child(${column}), tbody tr th:nth-child(${column})`).allTextContents();
  return texts.map((text) => Number(text.replace(/[^\d.-]/g, ''))).filter((value) => Number.isFinite(value));
}

async function press(page: Page, target: Locator) {
  await target.focus();
  await page.keyboard.press('Enter');
}

test('choosing reach: the filter bar says what it mixes, and the leaderboard ranks Russia by it', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?v=1&${H2_2014}&country=RU`);
  await waitForDashboard(page);
  await page.getByTestId('filter-measure').selectOption('reach');
  await expect(page).toHaveURL(/measure=reach/);
  await expect(page.getByTestId('measure-note')).toHaveText('Synthetic traffic ÷ real World Bank internet users');
  await expect(page.getByTestId('filter-measure')).toHaveAccessibleDescription(/World Bank/);

  await openView(page, 'leaderboard');
  const table = page.getByTestId('leaderboard-table');
  await expect(table.locator('tbody tr').first()).toContainText('AliExpress', { timeout: ENGINE_TIMEOUT });
  await expect(table.locator('thead')).toContainText('Reach');
  // 15.6M average monthly visitors over Russia's 101.4M internet users in 2014: about 15.4 per 100.
  await expect(table.locator('tbody tr').first()).toContainText(/15\.[34]/);
  // Russia in 2014 has World Bank data: nothing is left out, and nothing is said.
  await expect(page.getByTestId('reach-coverage')).toHaveCount(0);

  // The World Bank has no 2022 internet users for the United States (nor 2023 for anyone): the filter bar says whom
  // the reach leaves out, largest first.
  await page.goto('/?v=1&tab=leaderboard&from=2022-01&to=2022-12&measure=reach');
  const coverage = page.getByTestId('reach-coverage');
  await expect(coverage).toContainText(/^Leaves out [\d.]+% of the visitors, [\d,]+ of [\d,]+ country-months, for want of World Bank data: United States 2022/, {
    timeout: ENGINE_TIMEOUT,
  });
  await expect(page.getByTestId('filter-measure')).toHaveAccessibleDescription(/Leaves out/);
  const results = await new AxeBuilder({ page }).include('[data-testid=reach-coverage]').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test('the map ranks countries by reach, and its table shows it', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?v=1&tab=map&${H2_2014}&measure=reach`);
  await waitForEngineLive(page);
  const panel = page.getByTestId('map-panel');
  await press(page, panel.getByRole('button', { name: 'Show table' }));
  const table = page.getByTestId('map-table');
  await expect(table.locator('tbody tr').nth(10)).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(table.locator('thead')).toContainText('visitors per 100 internet users');
  const values = await columnNumbers(table, 2);
  expect(values.length).toBeGreaterThan(10);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  // Each marketplace counts its own visitors, so a country's total may pass 100 (a person visiting two counts twice).
  expect(Math.min(...values)).toBeGreaterThan(0);
});

test('the Russia story shows reach beside visitors', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await waitForDashboard(page);
  await page.getByRole('link', { name: /Reach in Russia, H2 2014/ }).click();
  await expect(page).toHaveURL(/measure=reach/);
  await expect(page).toHaveURL(/country=RU/);
  await expect(page.getByTestId('kpi-total')).toContainText(/\d/, { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('measure-note')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`reach in the leaderboard and the map fits 375 px and is axe-clean (${theme})`, async ({ guarded: page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`/?v=1&tab=leaderboard&${H2_2014}&country=RU&measure=reach&theme=${theme}`);
    await expect(page.getByTestId('leaderboard-table').locator('tbody tr').first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expect(page.locator('.tab-panel [aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-testid=leaderboard-panel]').include('[data-testid=measure-note]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

    await openView(page, 'map');
    await press(page, page.getByTestId('map-panel').getByRole('button', { name: 'Show table' }));
    await expect(page.getByTestId('map-table').locator('tbody tr').first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const mapResults = await new AxeBuilder({ page }).include('[data-testid=map-panel]').analyze();
    expect(mapResults.violations.map((violation) => violation.id)).toEqual([]);
  });
}
