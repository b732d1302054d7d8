import fs from 'node:fs';
import path from 'node:path';
import { expect, test, waitForDashboard } from './fixtures';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const hasCorpus = fs.existsSync(CORPUS);
if (!hasCorpus) console.log(`[upload.spec] ${CORPUS} is absent: the corpus uploads are skipped.`);

test.skip(!hasCorpus, 'needs ../shared/corpus');

test('upload two real files, use them, reload, and survive a broken upload', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  await page.getByTestId('open-upload').click();

  // 1. A Google Analytics export: thousands separators, percentages, countries by name, no time column.
  await page.getByTestId('upload-input').setInputFiles(path.join(CORPUS, 'ga-blog-analytics/blog_analytics.csv'));
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('upload-preview')).toContainText('Spain');
  await expect(form.getByTestId('role-3')).toHaveValue('dimension'); // Country
  await expect(form.getByTestId('format-3')).toHaveValue(JSON.stringify({ kind: 'country', codes: 'name' }));
  await expect(form.getByTestId('role-9')).toHaveValue('measure'); // Page Views ("1,701")
  await form.getByTestId('upload-name').fill('Blog analytics');
  await form.getByTestId('upload-load').click();
  const report = page.getByTestId('upload-report');
  await expect(report).toContainText('17,243 of 17,243 rows loaded');
  await report.getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toBeVisible();
  await expect(page.getByTestId('filter-dataset')).toHaveValue(/^u_blog_analytics_/);
  await expect(page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle').first()).toBeVisible();
  // Countries by name became codes: the ranking shows them with names again.
  await expect(page.getByTestId('ranking-chart')).toContainText('Spain');

  // 2. A World Bank panel: years, ISO-3 codes, aggregates ("World") that are not countries.
  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles(path.join(CORPUS, 'datasets-gdp/gdp.csv'));
  const gdp = page.getByTestId('upload-form');
  await expect(gdp.getByTestId('role-2')).toHaveValue('time'); // Year
  await gdp.getByTestId('role-0').selectOption('ignore'); // Country Name: the code says the same
  // Aggregates make the code column look like text; the researcher says it holds ISO-3 country codes.
  await gdp.getByTestId('format-1').selectOption(JSON.stringify({ kind: 'country', codes: 'iso3' }));
  await gdp.getByTestId('upload-name').fill('GDP');
  await gdp.getByTestId('upload-load').click();
  const gdpReport = page.getByTestId('upload-report');
  await expect(gdpReport).toContainText(/of 13,979 rows loaded, [\d,]+ rejected/);
  // The aggregates are rejected by name and line, not silently dropped.
  await expect(gdpReport.getByTestId('upload-rejects')).toContainText('is not a country the app knows');
  await gdpReport.getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toBeVisible();
  await expect(page.getByTestId('filter-dataset')).toHaveValue(/^u_gdp_/);

  // 3. A reload keeps both.
  await page.reload();
  await waitForDashboard(page).catch(() => {});
  await expect(page.getByTestId('kpi-total')).toBeVisible();
  const options = page.getByTestId('filter-dataset').locator('option');
  await expect(options).toHaveCount(3);
  await page.getByTestId('filter-dataset').selectOption({ label: 'Blog analytics' });
  await expect(page.getByTestId('ranking-chart')).toContainText('Spain');

  // 4. A broken file: a clear message, and the datasets are untouched.
  await page.getByTestId('open-upload').click();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.getByTestId('upload-input').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: png });
  await expect(page.getByTestId('upload-error')).toContainText('sales.csv');
  await expect(page.getByTestId('upload-error')).toContainText(/PNG/i);
  await expect(options).toHaveCount(3);
  await expect(page.getByTestId('dataset-list').locator('li')).toHaveCount(2);
});
