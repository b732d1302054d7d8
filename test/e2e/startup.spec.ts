import { ENGINE_TIMEOUT, expect, test } from './fixtures';

test('the first charts come from the build-time summary, and equal the live results that replace them', async ({ guarded: page }) => {
  // Hold the engine's wasm back: whatever is drawn meanwhile cannot come from DuckDB.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('[data-testid=trend-chart] .recharts-line').first()).toBeAttached();
  await expect(page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('startup-progress')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.live)).toBeUndefined();

  const read = async () => {
    await page.getByTestId('trend-panel').getByRole('button', { name: /Show (table|chart)/ }).first().click();
    await page.getByTestId('country-panel').getByRole('button', { name: /Show (table|chart)/ }).first().click();
    const values = {
      total: await page.getByTestId('kpi-total').textContent(),
      change: await page.getByTestId('kpi-change').textContent(),
      leader: await page.getByTestId('kpi-leader').textContent(),
      trend: await page.getByTestId('trend-table').textContent(),
      countries: await page.getByTestId('country-table').textContent(),
    };
    await page.getByTestId('trend-panel').getByRole('button', { name: 'Show chart' }).click();
    await page.getByTestId('country-panel').getByRole('button', { name: 'Show chart' }).click();
    return values;
  };
  const fromSummary = await read();
  expect(fromSummary.trend).toMatch(/\d/);

  release();
  // Set once the engine has loaded the datasets and the same queries have run live.
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('startup-progress')).toHaveCount(0);
  expect(await read()).toEqual(fromSummary);
});

test('with data saving on, a reader of the default view never downloads the engine; the first change starts it', async ({ guarded: page }) => {
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(request.url());
  });
  // Chromium sets saveData from the system's or the user's data saver; here the page is told so directly.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  await page.goto('/');
  await expect(page.locator('[data-testid=trend-chart] .recharts-line').first()).toBeAttached();
  await expect(page.getByTestId('startup-deferred')).toContainText('starts when you change the view');
  await expect(page.getByTestId('startup-progress')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(wasm).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.dataset.live)).toBeUndefined();

  // A change the summary does not hold: the engine downloads, the notice gives way to its progress, and the view
  // goes live.
  await page.getByTestId('filter-measure').selectOption({ index: 1 });
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: ENGINE_TIMEOUT });
  expect(wasm).toHaveLength(1);
  await expect(page.getByTestId('startup-deferred')).toHaveCount(0);
});

test('the hand-over to the engine leaves the drawn overview untouched: no panel is marked busy or redrawn', async ({ guarded: page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  // The app's first render has replaced the overview drawn at build time (on a loaded machine that can come after the
  // drawn charts are visible), and draws the same charts from the build's summary, the engine still held back.
  await expect(page.locator('[data-prerendered]')).toHaveCount(0);
  await expect(page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.locator('[data-testid=trend-chart] .recharts-line').first()).toBeAttached();
  // From now on, every change the panels go through: a busy mark, or any node added to or taken from a chart.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __handover: string[] }).__handover = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target as Element;
        if (record.type === 'attributes' && target.getAttribute('aria-busy') === 'true') seen.push(`busy: ${target.closest('[data-testid]')?.getAttribute('data-testid')}`);
        if (record.type === 'childList' && target.closest('[data-testid=trend-chart], [data-testid=ranking-chart]')) seen.push(`redrawn: ${target.closest('[data-testid]')?.getAttribute('data-testid')}`);
      }
    }).observe(document.getElementById('root')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  });
  release();
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: ENGINE_TIMEOUT });
  // Every result the engine gave equals the summary's, so none replaced it.
  expect(await page.evaluate(() => document.documentElement.dataset.handoverChanged)).toBe('0');
  expect(await page.evaluate(() => (window as unknown as { __handover: string[] }).__handover)).toEqual([]);
});

test('over the drawn overview, the engine’s worker runs and downloads the wasm before the app’s first render', async ({ guarded: page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop()!;
    if (/\.wasm$|^duckdb-browser-.*\.worker.*\.js$/.test(name)) requests.push(name.endsWith('.wasm') ? 'wasm' : 'duckdb worker script');
  });
  await page.goto('/');
  await page.waitForFunction(() => document.documentElement.dataset.live === 'true', null, { timeout: ENGINE_TIMEOUT });
  // The worker asks for the wasm first, then loads DuckDB's own script (which holds its thread for a while).
  expect(requests).toEqual(['wasm', 'duckdb worker script']);
  // It was started before the first render, long before DuckDB's client (which can only start after it); when it
  // ran depends on the machine's load (the render waits for it a little).
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])));
  expect(marks['engine:prestart']).toBeLessThan(marks['app:start']! + 50);
  expect(marks['engine:prestart']).toBeLessThan(marks['engine:start']!);
  expect(marks['engine:worker-started']).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.documentElement.dataset.handoverChanged)).toBe('0');
});
