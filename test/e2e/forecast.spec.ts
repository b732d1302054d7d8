import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ENGINE_TIMEOUT, expect, test } from './fixtures';

// Issue 15: forecasts on the trend view, for AliExpress in Russia (bundled, synthetic data).

const ALIEXPRESS_RUSSIA = '/?v=1&tab=trend&from=2013-01&to=2025-12&country=RU&marketplace=AliExpress';

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return fs.readFileSync((await file.path())!).toString('utf8');
}

async function forecastShown(page: Page) {
  const summary = page.getByTestId('trend-forecast-summary');
  await expect(summary).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(summary).toHaveAttribute('aria-busy', 'false', { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('trend-view').locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
}

test('a forecast for AliExpress in Russia: bands, model, backtest, target, link, table and CSV', async ({ guarded: page }) => {
  await page.goto(ALIEXPRESS_RUSSIA);
  await expect(page.locator('[data-testid=trend-view] .recharts-line').first()).toBeAttached({ timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('trend-forecast')).toHaveValue('off');
  await expect(page.getByTestId('trend-forecast-summary')).toHaveCount(0);

  await page.getByTestId('trend-forecast').selectOption('12');
  await expect(page).toHaveURL(/forecast=12/);
  await forecastShown(page);
  // Fitted off the main thread, in the forecasts' own worker (its URL let through by the page's Trusted Types policy).
  expect(page.workers().some((worker) => /forecast\.worker/.test(worker.url()))).toBe(true);
  const view = page.getByTestId('trend-view');
  await expect(view.locator('.forecast-band-95').first()).toBeAttached();
  await expect(view.locator('.forecast-band-80').first()).toBeAttached();
  await expect(view.locator('.forecast-line').first()).toBeAttached();
  await expect(view.getByTestId('forecast-legend')).toContainText('Forecast');
  await expect(page.getByTestId('trend-forecast-model')).toHaveText(/^(Holt-Winters|Holt’s|Simple).*: lowest AICc of \d models tried; 156 months\.$/);
  await expect(page.getByTestId('trend-forecast-backtest')).toHaveText(/^Backtest \(last 12 months held out\): MAPE \d+(\.\d)?%, MASE \d+(\.\d+)?\.$/);

  // A target: when the forecast reaches it, and how likely.
  await view.getByLabel('Target line').fill('1B');
  await view.getByLabel('Target line').press('Enter');
  await expect(page).toHaveURL(/target=1000000000/);
  await expect(page.getByTestId('trend-forecast-target')).toHaveText(/^The forecast stays below 1B through Dec 2026; chance of reaching it by Dec 2026: 0(\.0)?%\.$/, {
    timeout: ENGINE_TIMEOUT,
  });

  // The link carries the setting.
  await page.reload();
  await expect(page.getByTestId('trend-forecast')).toHaveValue('12', { timeout: ENGINE_TIMEOUT });
  await forecastShown(page);
  await expect(page.getByTestId('trend-forecast-item')).toHaveCount(1);

  // The table alternative lists the forecast, marked as such.
  await view.getByRole('button', { name: 'Show table' }).click();
  const rows = page.getByTestId('trend-forecast-table').locator('tbody tr');
  await expect(rows).toHaveCount(12);
  await expect(rows.first()).toContainText('Jan 2026 (forecast)');
  await expect(rows.first()).toContainText(' to ');

  // The CSV marks measured and forecast rows, with the interval columns.
  const csv = (await download(page, () => view.getByTestId('export-csv').click())).trim().split('\n');
  expect(csv[0]).toBe('month,kind,AliExpress,AliExpress forecast 80% low,AliExpress forecast 80% high,AliExpress forecast 95% low,AliExpress forecast 95% high');
  expect(csv.filter((line) => line.split(',')[1] === 'measured')).toHaveLength(156);
  const forecastRows = csv.filter((line) => line.split(',')[1] === 'forecast');
  expect(forecastRows).toHaveLength(12);
  const [, , mean, low80, high80, low95, high95] = forecastRows[0]!.split(',').map(Number);
  expect(low95).toBeLessThan(low80!);
  expect(low80).toBeLessThan(mean!);
  expect(mean).toBeLessThan(high80!);
  expect(high80).toBeLessThan(high95!);

  // Elsewhere than as measured, the control says why it is off.
  await page.getByTestId('trend-mode').selectOption('index');
  await expect(page.getByTestId('trend-forecast')).toBeDisabled();
  await expect(page.getByTestId('trend-forecast-reason')).toContainText('As measured');
  await expect(page.getByTestId('trend-forecast-summary')).toHaveCount(0);
});

test('a trend with a forecast, pinned and shared with its figures, shows the same forecast in a fresh browser', async ({ guarded: page, browser }) => {
  test.setTimeout(180_000);
  await page.goto(`${ALIEXPRESS_RUSSIA}&forecast=12`);
  await forecastShown(page);
  const live = page.getByTestId('trend-view');
  const model = await page.getByTestId('trend-forecast-model').innerText();
  const backtest = await page.getByTestId('trend-forecast-backtest').innerText();
  await live.getByRole('button', { name: 'Show table' }).click();
  const forecastRows = await page.getByTestId('trend-forecast-table').locator('tbody tr').allInnerTexts();
  expect(forecastRows).toHaveLength(12);
  expect(forecastRows[0]).toMatch(/^AliExpress\tJan 2026 \(forecast\)\t[\d,]+\t[\d,]+ to [\d,]+\t/);
  await live.getByRole('button', { name: 'Show chart' }).click();
  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toContainText('Pinned to');

  await page.getByTestId('open-dashboards').click();
  const editor = page.getByTestId('dashboard-editor').first();
  await editor.getByTestId('dashboard-share-data').click();
  await expect(editor.getByTestId('share-data-result')).toContainText('Link with the figures', { timeout: 60_000 });
  const link = await editor.getByTestId('share-data-link').inputValue();

  // The recipient: a fresh browser, no data, no engine; the forecast is fitted again from the snapshot's figures.
  const context = await browser.newContext();
  const viewer = await context.newPage();
  const errors: string[] = [];
  viewer.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await viewer.goto(link);
  await expect(viewer.getByTestId('snapshot-label')).toContainText('not live');
  const panel = viewer.getByTestId('presentation-panel');
  await expect(panel).toHaveCount(1);
  const summary = panel.getByTestId('trend-forecast-summary');
  await expect(summary).toHaveAttribute('aria-busy', 'false', { timeout: ENGINE_TIMEOUT });
  await expect(panel.getByTestId('trend-forecast-model')).toHaveText(model);
  await expect(panel.getByTestId('trend-forecast-backtest')).toHaveText(backtest);
  await expect(panel.locator('.forecast-line').first()).toBeAttached();
  await panel.getByRole('button', { name: 'Show table' }).click();
  expect(await panel.getByTestId('trend-forecast-table').locator('tbody tr').allInnerTexts()).toEqual(forecastRows);
  expect(errors).toEqual([]);
  await context.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the trend with a forecast is axe-clean and fits 375 px (${theme})`, async ({ guarded: page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${ALIEXPRESS_RUSSIA}&forecast=12&target=20000000&theme=${theme}`);
    await forecastShown(page);
    await expect(page.getByTestId('trend-forecast-target')).toBeVisible();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-testid=trend-view]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    const toggle = page.getByTestId('trend-view').getByRole('button', { name: 'Show table' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('trend-forecast-table')).toBeVisible();
    const tableResults = await new AxeBuilder({ page }).include('[data-testid=trend-view]').analyze();
    expect(tableResults.violations.map((violation) => violation.id)).toEqual([]);
  });
}

test('the forecast summary in Russian and Mexican Spanish: model, choice and backtest in the language', async ({ guarded: page }) => {
  for (const [lang, choice, backtest] of [
    ['ru-RU', /: наименьший AICc из \d проверенных моделей; 156 месяцев\.$/, /^Бэктест \(отложены последние 12 месяцев\): MAPE /],
    ['es-MX', /: el AICc más bajo de \d modelos probados; 156 meses\.$/, /^Prueba retrospectiva \(se reservaron los últimos 12 meses\): MAPE /],
  ] as const) {
    await page.goto(`${ALIEXPRESS_RUSSIA}&forecast=12&lang=${lang}`);
    await forecastShown(page);
    await expect(page.getByTestId('trend-forecast-model')).toHaveText(choice);
    await expect(page.getByTestId('trend-forecast-model')).not.toContainText(/Holt’s|seasonality|trend/);
    await expect(page.getByTestId('trend-forecast-backtest')).toHaveText(backtest);
  }
});
