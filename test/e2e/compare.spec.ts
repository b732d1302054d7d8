import type { Page } from '@playwright/test';
import { expect, test, waitForDashboard, openView } from './fixtures';

const RUSSIA_THREE = 'country=RU&marketplace=AliExpress&marketplace=eBay&marketplace=Amazon';

/** Reads a data table as rows of cell texts, with its header. */
async function readTable(page: Page, testId: string) {
  const table = page.getByTestId(testId);
  await expect(table).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
  return { headers, rows };
}

async function waitForTrendView(page: Page) {
  await expect(page.getByTestId('trend-view')).toBeVisible();
  await expect(page.getByTestId('trend-view').locator('[aria-busy=true]')).toHaveCount(0);
  await expect(page.getByTestId('trend-view').getByTestId('series-chart')).toBeVisible();
}

test('share view: AliExpress leads Russia in every month of H2 2014, and shares sum to 100%', async ({ guarded: page }) => {
  await page.goto(`/?v=1&tab=trend&mode=share&from=2014-07&to=2014-12&${RUSSIA_THREE}`);
  await waitForTrendView(page);
  await expect(page.locator('[data-testid=trend-view] .recharts-area').first()).toBeAttached();
  await page.getByTestId('trend-view').getByRole('button', { name: 'Show table' }).click();
  const { headers, rows } = await readTable(page, 'trend-view-table');
  expect(rows).toHaveLength(6);
  const column = (name: string) => headers.indexOf(name);
  for (const cells of rows) {
    const share = (name: string) => Number(cells[column(name)]!.replace('%', ''));
    expect(share('AliExpress')).toBeGreaterThan(share('eBay'));
    expect(share('AliExpress')).toBeGreaterThan(share('Amazon'));
    // Rounded to one decimal each, so the sum is within a rounding error of 100.
    expect(Math.abs(share('AliExpress') + share('eBay') + share('Amazon') - 100)).toBeLessThanOrEqual(0.15);
  }
});

test('index view starts at 100 and the base month can be moved', async ({ guarded: page }) => {
  await page.goto(`/?v=1&tab=trend&mode=index&from=2014-07&to=2014-12&${RUSSIA_THREE}`);
  await waitForTrendView(page);
  await page.getByTestId('trend-view').getByRole('button', { name: 'Show table' }).click();
  let table = await readTable(page, 'trend-view-table');
  expect(table.rows[0]!.slice(1)).toEqual(['100.0', '100.0', '100.0']);
  expect(table.rows[1]!.slice(1)).not.toEqual(['100.0', '100.0', '100.0']);

  await page.getByTestId('trend-base').selectOption('2014-09');
  await expect(page).toHaveURL(/base=2014-09/);
  await expect(page.getByTestId('trend-view-table').locator('tbody tr').nth(2)).toContainText('100.0');
  table = await readTable(page, 'trend-view-table');
  expect(table.rows[2]!.slice(1)).toEqual(['100.0', '100.0', '100.0']);
});

test('modes and grains change the chart and the URL', async ({ guarded: page }) => {
  await page.goto(`/?v=1&tab=trend&from=2014-01&to=2016-12&country=RU`);
  await waitForTrendView(page);
  await page.getByTestId('trend-mode').selectOption('yoy');
  await expect(page).toHaveURL(/mode=yoy/);
  await page.getByTestId('trend-grain').selectOption('year');
  await expect(page).toHaveURL(/grain=year/);
  await waitForTrendView(page);
  await page.getByTestId('trend-view').getByRole('button', { name: 'Show table' }).click();
  const { rows } = await readTable(page, 'trend-view-table');
  expect(rows.map((cells) => cells[0])).toEqual(['2014', '2015', '2016']);
  expect(rows[1]!.slice(1).some((cell) => /^[+-]\d/.test(cell))).toBe(true);

  await page.getByTestId('trend-mode').selectOption('avg12');
  await expect(page).toHaveURL(/mode=avg12/);
  await expect(page).not.toHaveURL(/grain=year/);
  await expect(page.getByTestId('trend-grain')).toBeDisabled();
});

test('a cross-filter click changes the other panels and the URL, and its chip undoes it', async ({ guarded: page }) => {
  await page.goto('/?v=1&from=2014-07&to=2014-12');
  await waitForDashboard(page);
  const kpiBefore = await page.getByTestId('kpi-total').textContent();
  const trendChart = page.getByTestId('trend-chart').locator('[role=img]');
  const trendLabelBefore = await trendChart.getAttribute('aria-label');

  // Click Russia's bar in the top-countries panel; the table lists the bars in the same order.
  await page.getByTestId('country-panel').getByRole('button', { name: 'Show table' }).click();
  const order = await page.getByTestId('country-table').locator('tbody tr td:first-child').allTextContents();
  const russia = order.findIndex((label) => label.includes('Russia'));
  expect(russia).toBeGreaterThanOrEqual(0);
  await page.getByTestId('country-panel').getByRole('button', { name: 'Show chart' }).click();
  const bars = page.locator('[data-testid=country-panel] .recharts-bar-rectangle');
  await expect(bars.nth(russia)).toBeVisible();
  await bars.nth(russia).click();

  await expect(page).toHaveURL(/xf\.countries\.country=RU/);
  await expect(page.getByTestId('selection-chip')).toContainText('Russia');
  await expect(page.getByTestId('kpi-total')).not.toHaveText(kpiBefore!);
  await expect(trendChart).not.toHaveAttribute('aria-label', trendLabelBefore!);
  // The panel where the click happened is not filtered by it: it still shows every country.
  expect(await bars.count()).toBeGreaterThan(5);

  await page.getByRole('button', { name: /Remove the selection RU/ }).click();
  await expect(page).not.toHaveURL(/xf\./);
  await expect(page.getByTestId('kpi-total')).toHaveText(kpiBefore!);
});

test('every view draws on the bundled data', async ({ guarded: page }) => {
  await page.goto('/?v=1&from=2014-07&to=2014-12');
  await waitForDashboard(page);
  for (const [tab, panel, mark] of [
    ['countries', 'countries-panel', '.recharts-bar-rectangle'],
    ['map', 'map-panel', '[data-code=RU]'],
    ['matrix', 'matrix-panel', 'td'],
    ['leaderboard', 'leaderboard-panel', 'tbody tr'],
    ['conversion', 'conversion-panel', '.recharts-scatter-symbol'],
  ] as const) {
    await openView(page, tab);
    await expect(page).toHaveURL(new RegExp(`tab=${tab}`));
    await expect(page.getByTestId(panel).locator(mark).first()).toBeAttached();
  }
});

test('the leaderboard answers who leads Russia', async ({ guarded: page }) => {
  await page.goto('/?v=1&tab=leaderboard&from=2014-07&to=2014-12&country=RU');
  const rows = page.getByTestId('leaderboard-panel').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toContainText('AliExpress');
  await expect(rows.first()).toContainText('1');
});

test('the trend legend selects a marketplace from the keyboard, and the selection filters the other panels', async ({ guarded: page }) => {
  await page.goto('/?v=1&from=2014-07&to=2014-12&country=RU');
  await waitForDashboard(page);
  const kpiBefore = await page.getByTestId('kpi-total').textContent();
  const legendEntry = page.getByTestId('trend-panel').getByRole('button', { name: 'AliExpress' });
  await legendEntry.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/xf\.trend\.marketplace=AliExpress/);
  await expect(legendEntry).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('kpi-total')).not.toHaveText(kpiBefore!);
  await expect(page.getByTestId('kpi-leader')).toContainText('AliExpress');
  await expect(page.getByTestId('kpi-leader')).toContainText('15.6M avg. monthly visitors · 100% of the selection');
});
