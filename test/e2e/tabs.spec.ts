import type { Page } from '@playwright/test';
import { expect, test, waitForDashboard, chooseUpload, ENGINE_TIMEOUT } from './fixtures';

const CSV = ['month,shop,orders', '2024-01,Alpha,10', '2024-01,Beta,5', '2024-02,Alpha,7'].join('\n');

test('two tabs share the kept uploads: added, renamed and deleted in one, the other follows without a reload', async ({ guarded: first, context }) => {
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

test('a name the browser refuses to keep is not shown: the old one stays, here and in the other tab, with the reason', async ({ guarded: first, context }) => {
  await first.goto('/');
  await waitForDashboard(first);
  const second = await context.newPage();
  await second.goto('/');
  await waitForDashboard(second);
  await chooseUpload(first, 'refused.csv', CSV);
  await first.getByTestId('upload-form').getByTestId('upload-name').fill('Kept name');
  await first.getByTestId('upload-form').getByTestId('upload-load').click();
  await expect(first.getByTestId('upload-report')).toContainText('3 of 3 rows loaded');
  await expect(first.getByTestId('upload-report')).not.toContainText('for this visit only');
  const picker = second.getByTestId('filter-dataset');
  await expect(picker.locator('option', { hasText: 'Kept name' })).toHaveCount(1);

  // From now on the first tab's storage refuses every write, as a read-only or failing disk does.
  await first.evaluate(() => {
    FileSystemFileHandle.prototype.createWritable = async () => {
      throw new DOMException('the disk is read-only', 'NoModificationAllowedError');
    };
  });
  const item = first.getByTestId('dataset-list').locator('li').filter({ hasText: 'refused.csv' });
  const name = item.getByRole('textbox', { name: 'Name' });
  await name.fill('Lost name');
  await name.blur();
  await expect(item.getByRole('alert')).toContainText('“Kept name” could not be renamed');
  await expect(item.getByRole('alert')).toContainText('the disk is read-only');
  await expect(name).toHaveValue('Kept name');
  await expect(first.getByTestId('filter-dataset').locator('option', { hasText: 'Kept name' })).toHaveCount(1);
  await expect(first.getByTestId('filter-dataset').locator('option', { hasText: 'Lost name' })).toHaveCount(0);

  // The other tab, even once it reads the storage again, has the name that was kept.
  await second.reload();
  await waitForDashboard(second);
  await expect(picker.locator('option', { hasText: 'Kept name' })).toHaveCount(1);
  await expect(picker.locator('option', { hasText: 'Lost name' })).toHaveCount(0);
});

/**
 * Slow storage in one tab: every file it opens for writing waits until the test releases it
 * (`window.__storageGate.release()`), so its upload's folder stays without a manifest for as long as the test needs.
 * Another tab listing the folders meanwhile (after its own upload, or when it loads) used to take that folder for
 * an interrupted save and delete it.
 */
async function holdStorageWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const state = { waiting: 0, release };
    Object.assign(window, { __storageGate: state });
    const original = FileSystemFileHandle.prototype.createWritable;
    FileSystemFileHandle.prototype.createWritable = async function (this: FileSystemFileHandle, ...args: Parameters<typeof original>) {
      state.waiting += 1;
      await gate;
      return original.apply(this, args);
    };
  });
}

type Gated = Window & { __storageGate: { waiting: number; release: () => void } };

async function startUpload(page: Page, name: string, csv: string, label: string): Promise<void> {
  await chooseUpload(page, name, csv);
  const form = page.getByTestId('upload-form');
  await form.getByTestId('upload-name').fill(label);
  await form.getByTestId('upload-load').click();
}

async function uploadKept(page: Page, label: string): Promise<void> {
  const report = page.getByTestId('upload-report');
  await expect(report).toContainText('3 of 3 rows loaded', { timeout: ENGINE_TIMEOUT });
  await expect(report, `${label} kept in the browser`).not.toContainText('for this visit only');
}

test('two tabs uploading at the same moment both keep their datasets after a reload', async ({ guarded: first, context }) => {
  // Four engine starts (two tabs, each loaded twice more): minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  await holdStorageWrites(first);
  const second = await context.newPage();
  await Promise.all([first.goto('/'), second.goto('/')]);
  await Promise.all([waitForDashboard(first), waitForDashboard(second)]);

  const alpha = ['month,shop,orders', '2024-01,Alpha,10', '2024-01,Beta,5', '2024-02,Alpha,7'].join('\n');
  const beta = ['month,shop,orders', '2024-01,Gamma,11', '2024-02,Gamma,12', '2024-02,Delta,7'].join('\n');
  // Both started at the same moment; the first tab's save is held once its folder exists.
  await Promise.all([startUpload(first, 'alpha.csv', alpha, 'Alpha shops'), startUpload(second, 'beta.csv', beta, 'Beta shops')]);
  await first.waitForFunction(() => (window as unknown as Gated).__storageGate.waiting > 0, undefined, { timeout: ENGINE_TIMEOUT });
  // The second tab finishes its upload and lists the kept uploads, then loads again and lists them again, all while
  // the first tab's folder has no manifest yet.
  await uploadKept(second, 'Beta shops');
  await second.reload();
  await waitForDashboard(second);
  await expect(second.getByTestId('filter-dataset').locator('option', { hasText: 'Beta shops' })).toHaveCount(1);
  await first.evaluate(() => (window as unknown as Gated).__storageGate.release());
  await uploadKept(first, 'Alpha shops');

  await Promise.all([first.reload(), second.reload()]);
  for (const page of [first, second]) {
    await waitForDashboard(page);
    const picker = page.getByTestId('filter-dataset');
    await expect(picker.locator('option', { hasText: 'Alpha shops' })).toHaveCount(1);
    await expect(picker.locator('option', { hasText: 'Beta shops' })).toHaveCount(1);
    await picker.selectOption({ label: 'Alpha shops' });
    await expect(page.getByTestId('kpi-total')).toContainText('22', { timeout: ENGINE_TIMEOUT });
    await picker.selectOption({ label: 'Beta shops' });
    await expect(page.getByTestId('kpi-total')).toContainText('30', { timeout: ENGINE_TIMEOUT });
  }
});
