import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, waitForDashboard, openView, chooseUpload, ENGINE_TIMEOUT, VIEW_TABS } from './fixtures';

/**
 * Names an object inherits from Object.prototype: as headers they become column ids ("constructor") and as values
 * they become members, filter values and link parameters. A lookup in a plain object keyed by one of them finds the
 * prototype's member instead of nothing.
 */
const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
];
const SHOPS = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];
const CHANNELS = ['isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__'];
const COUNTRIES = ['RU', 'MX', 'BR'];

/**
 * Columns (file order): toString = month (time), constructor = shop, __proto__ = country, hasOwnProperty = channel
 * (dimensions), and the other eight names are measures. Two years, so that the views comparing with a year earlier
 * have something to compare.
 */
const HEADERS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', ...PROTOTYPE_NAMES.filter((name) => !['toString', 'constructor', '__proto__', 'hasOwnProperty'].includes(name))];
const ROWS: string[][] = [];
for (let month = 0; month < 24; month++) {
  const period = `${2023 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  SHOPS.forEach((shop, s) => {
    COUNTRIES.forEach((country, c) => {
      const channel = CHANNELS[(month + s + c) % CHANNELS.length]!;
      const measures = HEADERS.slice(4).map((_, m) => String(((month + 1) * (s + 2) * (c + 3) * (m + 1)) % 97 + 10));
      ROWS.push([period, shop, country, channel, ...measures]);
    });
  });
}
const CSV = [HEADERS, ...ROWS].map((row) => row.join(',')).join('\n');

async function expectNoCrash(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(page.locator('.state-error')).toHaveCount(0);
}

async function sweepViews(page: Page): Promise<void> {
  for (const tab of VIEW_TABS) {
    await openView(page, tab);
    await expectNoCrash(page);
  }
}

test('a file whose headers and values are all Object.prototype names works in every view, filter, chip, export and link', async ({
  guarded: page,
  context,
}) => {
  test.setTimeout(300_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, 'constructor.csv', CSV);
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('upload-preview')).toContainText('__defineGetter__');
  await form.getByTestId('role-0').selectOption('time');
  for (const index of [1, 2, 3]) await form.getByTestId(`role-${index}`).selectOption('dimension');
  for (let index = 4; index < HEADERS.length; index++) await form.getByTestId(`role-${index}`).selectOption('measure');
  await form.getByTestId('upload-name').fill('__proto__');
  await form.getByTestId('upload-load').click();
  await expect(page.getByTestId('upload-report')).toContainText(`${ROWS.length} of ${ROWS.length} rows loaded`, {
    timeout: ENGINE_TIMEOUT,
  });
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expectNoCrash(page);
  await sweepViews(page);

  // A filter on the column whose id is "constructor", to the member "__proto__".
  await openView(page, 'overview');
  await page.getByTestId('filter-constructor').getByRole('button').first().click();
  const shops = page.getByRole('listbox', { name: 'constructor' });
  await shops.getByRole('option', { name: '__proto__', exact: true }).click();
  await shops.getByRole('option', { name: 'valueOf', exact: true }).click();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page).toHaveURL(/[?&]constructor=__proto__/);
  await expect(page.getByTestId('chips')).toContainText('__proto__');
  await expectNoCrash(page);

  // A cross-filter selection: a click on a bar of the top-countries panel, shown as a chip.
  const bars = page.locator('[data-testid=country-panel] .recharts-bar-rectangle');
  await expect(bars.first()).toBeVisible();
  await bars.first().click();
  await expect(page).toHaveURL(/xf\.countries\.proto=/);
  await expect(page.getByTestId('selection-chip')).toBeVisible();
  await expectNoCrash(page);
  // Every view again, now with the filter and the selection applied.
  await sweepViews(page);

  // The trend's numbers as CSV: the members are there as written.
  await openView(page, 'overview');
  const trend = page.getByTestId('trend-panel');
  const [csvFile] = await Promise.all([page.waitForEvent('download'), trend.getByTestId('export-csv').click()]);
  const csv = fs.readFileSync((await csvFile.path())!, 'utf8');
  expect(csv).toContain('__proto__');
  expect(csv).toContain('valueOf');

  // The link opens the same view: the filter and the selection survive, with no notice of anything dropped.
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText(/Link copied/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.getAll('constructor').sort()).toEqual(['__proto__', 'valueOf']);
  await page.goto(link);
  await expect(page.getByTestId('kpi-total')).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expectNoCrash(page);
  await expect(page.getByTestId('chips')).toContainText('__proto__');
  await expect(page.getByTestId('selection-chip')).toBeVisible();
  await expect(page.getByTestId('notices')).toHaveCount(0);

  // The selection chip and then the filter's chips remove what they show.
  await page.getByTestId('selection-chip').getByRole('button').click();
  await expect(page).not.toHaveURL(/xf\./);
  await page.getByRole('button', { name: 'Remove the filter constructor __proto__' }).click();
  await expect(page).not.toHaveURL(/constructor=__proto__/);
  await expectNoCrash(page);
});
