import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test records what its page asked for and what it logged. After the test, no request may have left the
 * app's origin and the console must hold no errors.
 */
export const test = base.extend<{ guarded: Page }>({
  guarded: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const external: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(page);
    expect(external, 'requests outside the origin').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/**
 * How long a wait that needs the query engine may take. On a 2-core machine with both cores busy the engine took
 * 13.6–20 s to go live (two busy loops beside one page) and 16–55 s at load averages of 13–21, stretched evenly over
 * every phase: downloading and compiling the 34 MB wasm (about 40%), loading the bundled datasets (20–30%) and the
 * page's own start (15–20%). A test worker may run two browsers at once. Waits for the engine and for first queries
 * are sized for that, not for an idle machine; a hang still fails.
 */
export const ENGINE_TIMEOUT = 90_000;

/** Waits until the dashboard has drawn: key figures, a line in the trend chart and a bar in the ranking. */
export async function waitForDashboard(page: Page): Promise<void> {
  await expect(page.getByTestId('kpi-total')).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[data-testid=trend-chart] .recharts-line').first()).toBeAttached({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle').first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
}

/**
 * Waits until the engine is live: DuckDB started, the datasets loaded and the first queries re-run on it (the app
 * sets `data-live` on <html> then; src/app/startupHandover.ts).
 */
export async function waitForEngineLive(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-live', 'true', { timeout: ENGINE_TIMEOUT });
}

/**
 * Switches to a view with its link in the view bar, by keyboard (Enter on the focused link), and waits until it is
 * the current one. A mouse click can miss here: when a view is replaced by a shorter one the page's height and scroll
 * position change for a frame or two, and a click aimed before that lands beside the link (seen in CI, on <main>).
 */
export async function openView(page: Page, tab: string): Promise<void> {
  const link = page.getByTestId(`tab-${tab}`);
  await link.press('Enter');
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId(`view-${tab}`)).toBeVisible();
}

/** Opens the upload screen and picks a CSV file made of `text`, as a user choosing it would. */
export async function chooseUpload(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Every view's tab, in the order of the view bar. */
export const VIEW_TABS = ['overview', 'trend', 'countries', 'map', 'matrix', 'leaderboard', 'conversion', 'explain', 'cohorts', 'sql'] as const;

export const RUSSIA_H2_2014 =
  '/?v=1&measure=visitors&from=2014-07&to=2014-12&country=RU&marketplace=AliExpress&marketplace=eBay&marketplace=Amazon';

/** Text deflated and base64url-encoded in the page, as the app writes compressed links (`z=`, `present=`). */
export function deflateInPage(page: Page, text: string): Promise<string> {
  return page.evaluate(async (input) => {
    const stream = new Blob([input]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  }, text);
}
