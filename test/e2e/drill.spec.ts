import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { ENGINE_TIMEOUT, expect, test, waitForEngineLive } from './fixtures';

// Issue 14, "Drill down": countries roll up to UN M49 sub-regions and regions; every view grouping by country shows a
// level, and a click drills one level down. Checked on the bundled (synthetic) data, H2 2014.

const PERIOD = 'from=2014-07&to=2014-12';

/** The countries table's rows: the first cell's text and the total (second cell), as shown. */
async function tableRows(page: Page): Promise<{ name: string; total: number }[]> {
  const table = page.getByTestId('countries-table');
  await expect(table).toBeVisible();
  await expect(page.locator('[data-testid=countries-panel] [aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = (row as HTMLTableRowElement).cells;
      return { name: cells[0]!.textContent ?? '', total: Number((cells[1]!.textContent ?? '').replace(/[^\d.]/g, '')) };
    }),
  );
}

/** Presses a control from the keyboard, as a keyboard user would. */
async function press(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.tab-panel [aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

test('countries: regions, drilled to Europe, Eastern Europe and Russia, add up; up again; the link keeps the level', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?v=1&tab=countries&${PERIOD}`);
  await waitForEngineLive(page);
  const panel = page.getByTestId('countries-panel');
  await expect(panel.getByRole('heading', { name: 'Country comparison' })).toBeVisible();
  // The level filters wait behind "More filters" while none of them filters: the first screen keeps one row.
  await expect(page.getByTestId('filter-region')).toHaveCount(0);
  await expect(page.getByTestId('filter-more')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('filter-more')).toHaveText('More filters: regions, sub-regions, marketplace groups');

  await page.getByTestId('countries-level-select').selectOption('region');
  await expect(page).toHaveURL(/level=region/);
  await expect(panel.getByRole('heading', { name: 'Region comparison' })).toBeVisible();
  await press(panel.getByRole('button', { name: 'Show table' }));
  const regions = await tableRows(page);
  expect(regions.map((row) => row.name).sort()).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);

  // Europe → its sub-regions.
  await press(page.getByTestId('countries-table').getByRole('button', { name: 'Europe', exact: true }));
  await expect(page).toHaveURL(/level=subregion/);
  await expect(page).toHaveURL(/region=Europe/);
  await expect(panel.getByRole('heading', { name: 'Sub-region comparison' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Drill-down path' })).toContainText('Europe');
  const subregions = await tableRows(page);
  expect(subregions.map((row) => row.name)).toContain('Eastern Europe');
  expect(subregions.map((row) => row.name)).not.toContain('Western Asia');
  const europe = regions.find((row) => row.name === 'Europe')!.total;
  const subregionSum = subregions.reduce((sum, row) => sum + row.total, 0);
  // Values are shown rounded to whole visitors: sums of rounded values may differ by one per row.
  expect(Math.abs(subregionSum - europe)).toBeLessThanOrEqual(subregions.length);

  // Eastern Europe → its countries; they add up to Eastern Europe's total.
  const eastern = subregions.find((row) => row.name === 'Eastern Europe')!.total;
  await press(page.getByTestId('countries-table').getByRole('button', { name: 'Eastern Europe', exact: true }));
  // Country is the default level: the link says no level at all.
  await expect(page).not.toHaveURL(/level=/);
  await expect(page).toHaveURL(/subregion=Eastern\+Europe/);
  await expect(panel.getByRole('heading', { name: 'Country comparison' })).toBeVisible();
  const countries = await tableRows(page);
  expect(countries.map((row) => row.name)).toEqual(expect.arrayContaining(['🇷🇺 Russia', '🇵🇱 Poland', '🇺🇦 Ukraine']));
  expect(countries.map((row) => row.name)).not.toContain('🇩🇪 Germany');
  const countrySum = countries.reduce((sum, row) => sum + row.total, 0);
  expect(Math.abs(countrySum - eastern)).toBeLessThanOrEqual(countries.length);
  expect(eastern).toBeGreaterThan(0);

  // Russia, at country level, is selected as before levels existed: a chip says so, the other views are filtered.
  await press(page.getByTestId('countries-table').getByRole('button', { name: '🇷🇺 Russia' }));
  await expect(page.getByTestId('selection-chip')).toContainText('Russia');

  // Up one level: Europe's sub-regions again; the Eastern Europe filter is gone, the Europe one stays.
  await press(page.getByTestId('countries-level-up'));
  await expect(page).toHaveURL(/level=subregion/);
  await expect(page).not.toHaveURL(/subregion=/);
  await expect(page).toHaveURL(/region=Europe/);
  expect((await tableRows(page)).map((row) => row.name)).toContain('Eastern Europe');

  // The link keeps the level: reloaded, the view shows Europe's sub-regions, and the region filter is on show.
  await page.reload();
  await expect(page.getByTestId('filter-more')).toHaveAttribute('aria-expanded', 'true', { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('filter-region')).toContainText('Europe');
  await press(page.getByTestId('filter-more'));
  await expect(page.getByTestId('filter-region')).toHaveCount(0);
  await press(page.getByTestId('filter-more'));
  await expect(page.getByTestId('filter-region')).toContainText('Europe');
  await expect(page.getByTestId('countries-level-select')).toHaveValue('subregion', { timeout: ENGINE_TIMEOUT });
  await expect(page.getByRole('navigation', { name: 'Drill-down path' })).toContainText('Europe');
  await expect(panel.getByRole('heading', { name: 'Sub-region comparison' })).toBeVisible();

  // Back to every region from the path.
  await press(page.getByRole('navigation', { name: 'Drill-down path' }).getByRole('button', { name: 'All regions' }));
  await expect(page).toHaveURL(/level=region/);
  await expect(page).not.toHaveURL(/region=Europe/);
});

test('the map at region level colours each country by its region and drills into it on a click', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?v=1&tab=map&${PERIOD}&level=region`);
  await waitForEngineLive(page);
  const panel = page.getByTestId('map-panel');
  await expect(panel).toContainText('each country shows its region’s value');
  await press(panel.getByRole('button', { name: 'Show table' }));
  const table = page.getByTestId('map-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(5, { timeout: ENGINE_TIMEOUT });
  await expect(table).toContainText('Europe');
  // Back to the map: Russia and Poland (both Europe) have the same fill; Russia drills into Europe.
  await press(panel.getByRole('button', { name: 'Show chart' }));
  const russia = page.locator('[data-code=RU]');
  await expect(russia).toBeVisible({ timeout: ENGINE_TIMEOUT });
  const fill = async (code: string) => page.locator(`[data-code=${code}]`).evaluate((shape) => shape.getAttribute('fill'));
  expect(await fill('RU')).toBe(await fill('PL'));
  expect(await fill('RU')).not.toBe(await fill('BR'));
  await press(russia);
  await expect(page).toHaveURL(/level=subregion/);
  await expect(page).toHaveURL(/region=Europe/);
});

for (const theme of ['light', 'dark'] as const) {
  test(`drilled views fit 375 px and are axe-clean (${theme})`, async ({ guarded: page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 375, height: 740 });
    for (const tab of ['countries', 'map', 'matrix', 'leaderboard', 'trend']) {
      const by = tab === 'trend' ? '&by=country' : '';
      await page.goto(`/?v=1&tab=${tab}&${PERIOD}&level=subregion&region=Europe${by}&theme=${theme}`);
      await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-current', 'page');
      await expect(page.getByTestId(`${tab}-level`)).toBeVisible({ timeout: ENGINE_TIMEOUT });
      await settled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${tab} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).include(`[data-testid=${tab}-level]`).analyze();
      expect(results.violations.map((violation) => `${tab} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    // The whole drilled countries view, chart and table.
    await page.goto(`/?v=1&tab=countries&${PERIOD}&level=subregion&region=Europe&theme=${theme}`);
    await settled(page);
    const chart = await new AxeBuilder({ page }).include('[data-testid=view-countries]').analyze();
    expect(chart.violations.map((violation) => violation.id)).toEqual([]);
    await press(page.getByTestId('countries-panel').getByRole('button', { name: 'Show table' }));
    await settled(page);
    const table = await new AxeBuilder({ page }).include('[data-testid=view-countries]').analyze();
    expect(table.violations.map((violation) => violation.id)).toEqual([]);
  });
}

test('the explanation splits by region too, and a region drills into its sub-regions', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?v=1&tab=explain&split=second&level=region&${PERIOD}`);
  await waitForEngineLive(page);
  await expect(page.getByTestId('explain-split').locator('option:checked')).toHaveText('Region');
  await expect(page.getByTestId('explain-summary')).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await settled(page);
  const panel = page.getByTestId('explain-panel');
  await press(panel.getByRole('button', { name: 'Show table' }));
  const table = page.getByTestId('explain-table');
  await expect(table.locator('tbody')).toContainText('Europe');
  await expect(table.locator('tbody')).not.toContainText('Russia');
  await press(table.getByRole('button', { name: 'Europe', exact: true }));
  await expect(page).toHaveURL(/level=subregion/);
  await expect(page).toHaveURL(/region=Europe/);
  await expect(page.getByTestId('explain-split').locator('option:checked')).toHaveText('Sub-region');
  await settled(page);
  await expect(page.getByTestId('explain-table').locator('tbody')).toContainText('Eastern Europe');
});
