import { expect, test, waitForDashboard, chooseUpload } from './fixtures';

const CSV = ['month,shop,orders', '2024-01,Alpha,10', '2024-01,Beta,5', '2024-02,Alpha,7'].join('\n');

test('two tabs share the kept uploads: added, renamed and deleted in one, the other follows without a reload', async ({ guarded: first, context }) => {
  test.setTimeout(90_000);
  await first.goto('/');
  await waitForDashboard(first);
  const second = await context.newPage();
  await second.goto('/');
  await waitForDashboard(second);

  await chooseUpload(first, 'tabs.csv', CSV);
  await first.getByTestId('upload-form').getByTestId('upload-name').fill('Shared shops');
  await first.getByTestId('upload-form').getByTestId('upload-load').click();
  await expect(first.getByTestId('upload-report')).toContainText('3 of 3 rows loaded');

  // The other tab lists it, and opens it from the browser's storage into its own engine.
  const picker = second.getByTestId('filter-dataset');
  await expect(picker.locator('option', { hasText: 'Shared shops' })).toHaveCount(1);
  await picker.selectOption({ label: 'Shared shops' });
  await expect(second.getByTestId('kpi-total')).toContainText('22');

  // Renamed in the first tab: the second shows the new name and stays on the dataset.
  const item = first.getByTestId('dataset-list').locator('li').filter({ hasText: 'tabs.csv' });
  await item.getByRole('textbox', { name: 'Name' }).fill('Renamed shops');
  await item.getByRole('textbox', { name: 'Name' }).blur();
  await expect(picker.locator('option', { hasText: 'Renamed shops' })).toHaveCount(1);
  await expect(second.getByTestId('kpi-total')).toContainText('22');

  // Deleted in the first tab: gone from the second, which falls back to the bundled data and says why.
  await item.getByRole('button', { name: 'Delete…' }).click();
  await item.getByRole('button', { name: /^Delete Renamed shops/ }).click();
  await expect(picker.locator('option', { hasText: 'Renamed shops' })).toHaveCount(0);
  await expect(second.getByTestId('notices')).toBeVisible();
  await waitForDashboard(second);
});
