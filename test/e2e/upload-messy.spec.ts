import fs from 'node:fs';
import { expect, test, waitForDashboard, chooseUpload } from './fixtures';

/**
 * The upload flow on messy data written for the project, so that it runs everywhere (upload.spec.ts does the same
 * with real corpus files when ../shared/corpus exists): an analytics export with thousands separators, percentages,
 * durations, countries by name, "(not set)" and a row that cannot be read; its rejected rows downloaded; then a file
 * that is not a CSV at all, which must change nothing; then a reload.
 */
const ANALYTICS = [
  'Country,Channel,Users,Bounce Rate,Avg. Session Duration,Page Views',
  'Spain,Organic Search,"1,701",32.30%,00:01:11,"4,210"',
  'Mexico,Direct,"1,020",41.00%,00:00:48,"2,002"',
  'Russia,(not set),856,28.5%,00:02:03,"1,999"',
  'Brazil,Referral,"12,400",19.75%,00:03:30,"40,110"',
  'Spain,Direct,310,55.10%,00:00:20,615',
  'Atlantis,Direct,12,10.00%,00:00:05,30',
  'Mexico,Organic Search,"2,250",37.40%,00:01:02,"5,400"',
  'Germany,Direct,400,44.00%,00:00:50,900',
  'France,Referral,350,39.90%,00:01:20,800',
  'Japan,Organic Search,"1,100",25.00%,00:02:10,"3,300"',
  'India,Direct,"3,000",51.00%,00:00:30,"4,100"',
  'Brazil,Direct,900,33.30%,00:01:15,"1,850"',
  'Italy,Referral,700,36.00%,00:01:00,"1,400"',
  'Canada,Direct,650,30.00%,00:01:40,"1,300"',
].join('\r\n');

test('a messy analytics export loads, its rejected row is reported and downloadable, a broken file changes nothing', async ({
  guarded: page,
}) => {
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'analytics.csv', ANALYTICS);
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('upload-preview')).toContainText('Spain');
  await expect(form.getByTestId('role-0')).toHaveValue('dimension');
  await expect(form.getByTestId('format-0')).toHaveValue(JSON.stringify({ kind: 'country', codes: 'name' }));
  await expect(form.getByTestId('role-2')).toHaveValue('measure'); // Users, "1,701"
  // Bounce Rate (32.30%) is read as a percentage, but not suggested as a measure: rates do not add up.
  await expect(form.getByTestId('format-3')).toHaveValue(/"percent":true/);
  await expect(form.getByTestId('role-3')).toHaveValue('ignore');
  await expect(form.getByTestId('format-4')).toHaveValue(JSON.stringify({ kind: 'duration' }));
  await form.getByTestId('upload-name').fill('Analytics');
  await form.getByTestId('upload-load').click();

  const report = page.getByTestId('upload-report');
  await expect(report).toContainText('13 of 14 rows loaded, 1 rejected');
  await expect(report.getByTestId('upload-rejects')).toContainText('Atlantis');
  await expect(report.getByTestId('upload-rejects')).toContainText('is not a country the app knows');
  const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Download rejected rows (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('analytics-rejected-rows.csv');
  const rejected = fs.readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(rejected[0]).toBe('line,column,value,reason');
  expect(rejected[1]).toMatch(/^7,Country,Atlantis,/);

  await report.getByTestId('upload-open').click();
  await expect(page.getByTestId('filter-dataset')).toHaveValue(/^u_analytics_/);
  // Users summed over the rows that loaded: 1,701 + 1,020 + 856 + 12,400 + 310 + 2,250 + 400 + 350 + 1,100 + 3,000 + 900 + 700 + 650.
  await page.getByTestId('filter-measure').selectOption({ label: 'Users' });
  await expect(page.getByTestId('kpi-total')).toContainText('25.6K');
  await expect(page.getByTestId('ranking-chart')).toContainText('Brazil');

  // A file that is not a CSV (a PNG named sales.csv): a clear message naming it, and nothing else changes.
  await page.getByTestId('open-upload').click();
  const datasets = page.getByTestId('filter-dataset').locator('option');
  await expect(datasets).toHaveCount(2);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.getByTestId('upload-input').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: png });
  await expect(page.getByTestId('upload-error')).toContainText('sales.csv');
  await expect(page.getByTestId('upload-error')).toContainText(/PNG/i);
  await expect(datasets).toHaveCount(2);
  await expect(page.getByTestId('kpi-total')).toContainText('25.6K');

  // After a reload the upload is still there, with the same figures.
  await page.reload();
  await expect(page.getByTestId('kpi-total')).toBeVisible();
  await page.getByTestId('filter-dataset').selectOption({ label: 'Analytics' });
  await page.getByTestId('filter-measure').selectOption({ label: 'Users' });
  await expect(page.getByTestId('kpi-total')).toContainText('25.6K');
});
