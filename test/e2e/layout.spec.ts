import { expect, RUSSIA_H2_2014, test, waitForDashboard } from './fixtures';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the dashboard fits 375 px without horizontal scrolling', async ({ guarded: page }) => {
    await page.goto(RUSSIA_H2_2014);
    await waitForDashboard(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('kpi-leader').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('kpi-leader')).toBeInViewport();
    await page.getByTestId('trend-panel').scrollIntoViewIfNeeded();
    const chartWidth = await page.getByTestId('trend-chart').evaluate((chart) => chart.getBoundingClientRect().width);
    expect(chartWidth).toBeGreaterThan(250);
    expect(chartWidth).toBeLessThanOrEqual(375);
  });
});

test.describe('every view on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('no view scrolls the page sideways', async ({ guarded: page }) => {
    for (const tab of ['trend', 'countries', 'map', 'matrix', 'leaderboard', 'conversion']) {
      await page.goto(`/?v=1&tab=${tab}&from=2014-07&to=2014-12`);
      await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('.tab-panel [aria-busy=true]')).toHaveCount(0);
      await expect(page.locator('.tab-panel .panel').first()).toBeVisible();
      // Charts take their measured width in the frames after the data arrives: wait for two frames, not for a time.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${tab} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
});

test('light and dark themes, chosen in the page and kept in the URL', async ({ guarded: page }) => {
  await page.goto('/');
  await waitForDashboard(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByTestId('theme').selectOption('dark');
  await expect(page).toHaveURL(/theme=dark/);
  const dark = await background();
  await page.getByTestId('theme').selectOption('light');
  const light = await background();
  expect(luminance(dark)).toBeLessThan(0.1);
  expect(luminance(light)).toBeGreaterThan(0.8);
});

test('start-up shows progress instead of a blank page', async ({ guarded: page }) => {
  // Hold back the engine's wasm so the start-up state can be seen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByTestId('startup-progress')).toBeVisible();
  await expect(page.getByTestId('startup-progress')).toContainText(/query engine/i);
  release();
  await waitForDashboard(page);
  await expect(page.getByTestId('startup-progress')).toHaveCount(0);
});

function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
