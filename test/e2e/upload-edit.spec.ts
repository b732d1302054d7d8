import { expect, test, waitForDashboard, chooseUpload } from './fixtures';

const SHOPS_CSV = [
  'month,shop,country,orders,revenue',
  '2024-01,Alpha,RU,10,"1,200"',
  '2024-01,Beta,MX,5,300',
  '2024-02,Alpha,RU,7,"2,000"',
  '2024-02,Beta,MX,3,150',
  '2024-03,Alpha,MX,4,80',
].join('\n');

test('a loaded dataset shows its rows, columns and roles, and its roles can be changed afterwards', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'shops.csv', SHOPS_CSV);
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('role-4')).toHaveValue('measure'); // revenue
  await form.getByTestId('upload-name').fill('Shops');
  await form.getByTestId('upload-load').click();
  await expect(page.getByTestId('upload-report')).toContainText('5 of 5 rows loaded');
  await page.getByTestId('upload-report').getByRole('button', { name: 'Close' }).click();

  const item = page.getByTestId('dataset-list').locator('li').filter({ hasText: 'shops.csv' });
  await expect(item).toContainText('shops.csv · 5 rows');
  await expect(item).toContainText('Dimensions: shop, country (→ Sub-region → Region) · Measures: orders, revenue, orders per 100 internet users, revenue per 100 internet users, Rows');

  // The researcher decides the country column is not needed and revenue is not a measure after all.
  await item.getByTestId('dataset-edit').click();
  const edit = item.getByTestId('upload-form');
  await expect(edit.getByTestId('role-2')).toHaveValue('dimension');
  await edit.getByTestId('role-2').selectOption('ignore');
  await edit.getByTestId('role-4').selectOption('ignore');
  await edit.getByTestId('upload-load').click();
  await expect(item.getByTestId('upload-report')).toContainText('5 of 5 rows loaded');
  await expect(item).toContainText('Dimensions: shop · Measures: orders, Rows');
  await item.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toContainText('29');
  // The measures now: orders, and the row count every upload has.
  await expect(page.getByTestId('filter-measure').locator('option')).toHaveText(['orders', 'Rows']);

  // The new roles are kept: after a reload the dataset still has them.
  await page.reload();
  await expect(page.getByTestId('kpi-total')).toContainText('29');
  await page.getByTestId('open-upload').click();
  await expect(page.getByTestId('dataset-list')).toContainText('Dimensions: shop · Measures: orders, Rows');
});

test('a wide file (one column per year) is turned into rows and charted by year', async ({ guarded: page }) => {
  const wide = [
    'Country Name,Country Code,2019,2020,2021,2022',
    'Mexico,MEX,100,110,120,130',
    'Brazil,BRA,200,190,210,230',
  ].join('\n');
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'wide.csv', wide);
  const form = page.getByTestId('upload-form');
  const unpivot = form.getByTestId('upload-unpivot');
  await expect(unpivot).toContainText('Turn the 4 year columns (2019 … 2022) into rows');
  await expect(unpivot.getByTestId('unpivot-on')).toBeChecked();
  await expect(form.getByTestId('role-2')).toBeDisabled();
  await unpivot.getByTestId('unpivot-value-name').fill('Sales');
  await form.getByTestId('role-1').selectOption('ignore');
  await form.getByTestId('upload-load').click();
  await expect(page.getByTestId('upload-report')).toContainText('8 of 8 values loaded (2 rows × 4 columns turned into rows)');
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toBeVisible();
  await expect(page.getByTestId('filter-measure')).toContainText('Sales');
  await expect(page.locator('[data-testid=trend-chart] .recharts-line').first()).toBeAttached();
});
