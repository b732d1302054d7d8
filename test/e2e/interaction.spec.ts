import type { Page } from '@playwright/test';
import { ENGINE_TIMEOUT, expect, RUSSIA_H2_2014, test, waitForDashboard, waitForEngineLive } from './fixtures';

/** How many statement batches the page has sent to the engine's worker (User Timing marks, src/engine/browserEngine.ts). */
const batchesSent = (page: Page) => page.evaluate(() => performance.getEntriesByName('engine:batch').length);

test('a filter change marks the view as updating in the frame after the input, keeps the figures, and settles right', async ({ guarded: page }) => {
  // Russia H2 2014 in GMV; the change goes to visitors, the story's figures.
  await page.goto(RUSSIA_H2_2014.replace('measure=visitors', 'measure=gmv'));
  await waitForDashboard(page);
  await waitForEngineLive(page);
  // What the first frame after the input shows: read in the first animation frame after the change event, before
  // that frame is painted.
  await page.evaluate(() => {
    const seen: Record<string, unknown>[] = [];
    (window as unknown as { __firstFrame: typeof seen }).__firstFrame = seen;
    document.addEventListener(
      'change',
      () => {
        requestAnimationFrame(() => {
          const view = document.querySelector('[data-testid^="view-"]');
          seen.push({
            viewBusy: view?.getAttribute('aria-busy'),
            measure: (document.querySelector('[data-testid="filter-measure"]') as HTMLSelectElement | null)?.value,
            kpiShown: document.querySelector('[data-testid="kpi-total"]') !== null,
            skeletons: document.querySelectorAll('.skeleton').length,
          });
        });
      },
      { capture: true, once: true },
    );
  });
  await page.getByTestId('filter-measure').selectOption('visitors');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __firstFrame: unknown[] }).__firstFrame.length)).toBe(1);
  const [first] = await page.evaluate(() => (window as unknown as { __firstFrame: Record<string, unknown>[] }).__firstFrame);
  // The control shows the new choice, the view says it is updating, and the previous figures stay (no skeleton).
  expect(first).toEqual({ viewBusy: 'true', measure: 'visitors', kpiShown: true, skeletons: 0 });

  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('kpi-leader')).toContainText('15.6M avg. monthly visitors');
  await expect(page.getByTestId('kpi-total')).toContainText('20.7M');
});

test('resting on a view tab fetches its queries ahead: the click then needs no trip to the engine', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  await waitForEngineLive(page);
  const before = await batchesSent(page);

  await page.getByTestId('tab-countries').hover();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('prefetch:done').length), { timeout: ENGINE_TIMEOUT }).toBe(1);
  const prefetched = await batchesSent(page);
  // The prefetch itself went to the engine, as one batch.
  expect(prefetched).toBe(before + 1);

  await page.getByTestId('tab-countries').click();
  // Russia's visitors, the three marketplaces together: 15.6M + 3.7M + 1.4M.
  await expect(page.getByTestId('view-countries').getByRole('img', { name: /Russia 20\.7M/ })).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
  expect(await batchesSent(page)).toBe(prefetched);
});

test('a change sends its panels’ statements to the engine as one batch', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  await waitForEngineLive(page);
  const before = await batchesSent(page);
  await page.getByTestId('filter-measure').selectOption('gmv');
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('kpi-total')).not.toContainText('20.7M');
  const sizes = await page.evaluate(
    (from) => performance.getEntriesByName('engine:batch').slice(from).map((entry) => (entry as PerformanceMark).detail.statements as number),
    before,
  );
  // Every panel of the overview asks at once: one batch with all their statements.
  expect(sizes.length).toBe(1);
  expect(sizes[0]).toBeGreaterThan(2);
});
