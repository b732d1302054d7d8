import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openView, RUSSIA_H2_2014, test, waitForDashboard } from './fixtures';

// Issue 14: why did it move? The source story (Russia, H2 2014 against H2 2013) on the bundled, synthetic data.

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!).toString('utf8') };
}

async function explanationShown(page: Page) {
  await expect(page.getByTestId('explain-summary')).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('.tab-panel [aria-busy=true]')).toHaveCount(0);
}

test('the story link explains Russia’s H2 2014: AliExpress accounts for most of it; drill, compare, export', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  await page.getByRole('link', { name: /Why AliExpress pulled ahead in Russia/ }).click();
  await expect(page).toHaveURL(/tab=explain/);
  await explanationShown(page);
  await expect(page.getByTestId('explain-periods')).toHaveText('Jul 2014 – Dec 2014 against the same months a year earlier (Jul 2013 – Dec 2013)');
  const summary = page.getByTestId('explain-summary');
  await expect(summary).toContainText(/^Visitors rose from .* in H2 2013 to .* in H2 2014/);
  await expect(summary).toContainText(/AliExpress accounts for \d+(\.\d)?% of the rise \(\+[\d.]+M\)/);
  await expect(page.getByTestId('share-shift-summary')).toContainText('AliExpress gained the most share');
  await expect(page.getByTestId('share-shift-summary')).toContainText('aggregates cannot say');
  await expect(page.getByTestId('waterfall-chart').locator('.recharts-bar-rectangle').first()).toBeAttached();

  const panel = page.getByTestId('explain-panel');
  const svg = await download(page, () => panel.getByTestId('export-svg').click());
  expect(svg.text).toMatch(/^<svg xmlns=/);
  expect(svg.text).toContain('AliExpress');

  // The table lists each marketplace's contribution; they add up to the change in the CSV too.
  await panel.getByRole('button', { name: 'Show table' }).click();
  await expect(page.getByTestId('explain-table').locator('tbody tr').first()).toContainText('AliExpress');
  const csv = await download(page, () => panel.getByTestId('export-csv').click());
  const lines = csv.text.trim().split('\n');
  expect(lines[0]).toBe('Marketplace,Visitors H2 2013,Visitors H2 2014,contribution,status');
  const contributions = lines.slice(1, -1).map((line) => Number(line.split(',').at(-2)));
  const total = Number(lines.at(-1)!.split(',').at(-2));
  expect(total).toBeGreaterThan(0);
  expect(Math.abs(contributions.reduce((sum, value) => sum + value, 0) - total)).toBeLessThan(1e-6 * total);

  // Drill: AliExpress's change, explained by country (Russia only here).
  await page.getByTestId('explain-table').getByRole('button', { name: 'AliExpress' }).click();
  await expect(page).toHaveURL(/split=second/);
  await expect(page).toHaveURL(/marketplace=AliExpress/);
  await explanationShown(page);

  // Another comparison: the previous six months.
  await page.getByTestId('filter-compare').selectOption('previous');
  await expect(page).toHaveURL(/compare=previous/);
  await expect(page.getByTestId('explain-periods')).toHaveText('Jul 2014 – Dec 2014 against the previous 6 months (Jan 2014 – Jun 2014)');
  await explanationShown(page);
  // The link keeps it.
  await page.reload();
  await expect(page.getByTestId('filter-compare')).toHaveValue('previous');
});

test('a custom comparison period and the period presets, carried by the link to the key figures', async ({ guarded: page }) => {
  await page.goto('/?v=1&country=RU');
  await waitForDashboard(page);
  await page.getByTestId('filter-period-preset').selectOption({ label: 'H2 2014' });
  await expect(page).toHaveURL(/from=2014-07&to=2014-12/);
  await expect(page.getByTestId('kpi-change')).toContainText('vs a year earlier');
  await page.getByTestId('filter-compare').selectOption('custom');
  await expect(page).toHaveURL(/compare=custom&cfrom=2013-07&cto=2013-12/);
  await page.getByTestId('filter-compare-from').selectOption('2013-01');
  await expect(page).toHaveURL(/cfrom=2013-01&cto=2013-12/);
  await page.getByTestId('filter-compare-to').selectOption('2013-06');
  await expect(page).toHaveURL(/cfrom=2013-01&cto=2013-06/);
  await expect(page.getByTestId('kpi-change')).toContainText('vs Jan 2013 – Jun 2013');
  // Why? from the key figure opens the explanation of the same pair.
  await page.getByTestId('kpi-why').click();
  await expect(page).toHaveURL(/tab=explain/);
  await expect(page.getByTestId('explain-periods')).toHaveText('Jul 2014 – Dec 2014 against Jan 2013 – Jun 2013');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Why? view is axe-clean and fits 375 px (${theme})`, async ({ guarded: page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`/?v=1&tab=explain&from=2014-07&to=2014-12&country=RU&theme=${theme}`);
    await explanationShown(page);
    await expect(page.getByTestId('share-shift-summary')).toBeVisible();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-testid=explain-view]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    // The table alternative, from the keyboard.
    const toggle = page.getByTestId('explain-panel').getByRole('button', { name: 'Show table' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('explain-table')).toBeVisible();
    const tableResults = await new AxeBuilder({ page }).include('[data-testid=explain-view]').analyze();
    expect(tableResults.violations.map((violation) => violation.id)).toEqual([]);
  });
}

test('Why? on the leader key figure and on a row of the country table explains that member', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014.replace('&marketplace=AliExpress&marketplace=eBay&marketplace=Amazon', ''));
  await waitForDashboard(page);
  // The leader's change, explained by its countries.
  await expect(page.getByTestId('kpi-leader')).toContainText('AliExpress');
  await page.getByTestId('kpi-leader-why').click();
  await expect(page).toHaveURL(/tab=explain/);
  await expect(page).toHaveURL(/split=second/);
  await expect(page).toHaveURL(/marketplace=AliExpress/);
  await explanationShown(page);
  await expect(page.getByTestId('explain-split')).toHaveValue('second');

  // A country's change, from its row in the country comparison table, explained by marketplace.
  await page.goto(RUSSIA_H2_2014.replace('&country=RU&marketplace=AliExpress&marketplace=eBay&marketplace=Amazon', ''));
  await waitForDashboard(page);
  await openView(page, 'countries');
  const panel = page.getByTestId('countries-panel');
  await panel.getByRole('button', { name: 'Show table' }).click();
  const russia = page.getByTestId('countries-table').locator('tbody tr').filter({ hasText: 'Russia' });
  await russia.getByRole('button', { name: 'Why?' }).click();
  await expect(page).toHaveURL(/tab=explain/);
  await expect(page).toHaveURL(/country=RU/);
  await explanationShown(page);
  await expect(page.getByTestId('explain-split')).toHaveValue('first');
  await expect(page.getByTestId('explain-summary')).toContainText('AliExpress');
});
