import type { Page } from '@playwright/test';
import { NARROW_MAX_WIDTH, PRERENDER_LAYOUTS, PRERENDER_SCREENS } from '../../src/app/prerenderLayouts';
import { expect, test, waitForEngineLive } from './fixtures';

/**
 * index.html carries the default overview drawn at build time (scripts/prerenderPlugin.ts): the browser paints it
 * before any script runs, and the app's first render replaces it with the same DOM, live. Here, at each layout's
 * reference screen: the page with its scripts held back (what the first paint shows) and the page with the app
 * running agree in every figure, label, chart path and panel position.
 */

/** What a reader sees of the overview: where its panels are, its words and figures, and what its charts draw. */
async function overviewAsSeen(page: Page) {
  return page.evaluate(() => {
    const visible = (element: Element) => (element as HTMLElement).offsetParent !== null;
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return [Math.round(rect.x), Math.round(rect.y + scrollY), Math.round(rect.width), Math.round(rect.height)].join(',');
    };
    const main = document.querySelector('main')!;
    const panels = ['kpis', 'trend-panel', 'country-panel', 'published-panel', 'trend-chart', 'ranking-chart'].map((id) => {
      const element = [...document.querySelectorAll(`[data-testid=${id}]`)].find(visible);
      return `${id} ${element ? box(element) : 'missing'}`;
    });
    const charts = [...main.querySelectorAll('.recharts-wrapper')].filter(visible).map((wrapper) => ({
      width: (wrapper as HTMLElement).offsetWidth,
      text: [...wrapper.querySelectorAll('svg text')].map((text) => text.textContent).join('|'),
      lines: [...wrapper.querySelectorAll('.recharts-line-curve')].map((path) => path.getAttribute('d')),
      bars: [...wrapper.querySelectorAll('.recharts-bar-rectangle path')].map((path) => path.getAttribute('d')),
    }));
    return { panels, text: main.innerText, charts, header: document.querySelector('header')!.innerText };
  });
}

for (const layout of PRERENDER_LAYOUTS) {
  test(`the ${layout.name} overview drawn at build time is the one the app draws`, async ({ guarded: page, browser, baseURL }) => {
    const screen = PRERENDER_SCREENS[layout.name];
    await page.setViewportSize(screen);

    // The first paint: the HTML and its inline style, no script of the app.
    const held = await browser.newContext({ viewport: screen, baseURL });
    const before = await held.newPage();
    await before.route('**/assets/*.js', (route) => route.abort());
    await before.goto('/');
    await expect(before.locator('[data-prerendered]')).toBeVisible();
    await expect(before.locator('.boot-message')).toBeHidden();
    const drawn = await overviewAsSeen(before);
    await held.close();
    expect(drawn.charts).toHaveLength(2);
    for (const chart of drawn.charts) {
      expect(chart.width).toBe(layout.chartWidth);
      expect(chart.lines.length + chart.bars.length).toBeGreaterThan(0);
    }
    expect(drawn.text).toContain('Avg. monthly visitors');

    // Watch the hand-over: from the moment both charts are in the page, no state without them, and no placeholder.
    // Not from the first chart: the HTML parser may yield between the two drawn charts (a network chunk ends there),
    // and the observer would see the page half parsed, not half replaced.
    await page.addInitScript(() => {
      const seen = { gaps: 0, skeletons: 0, charts: false };
      (window as unknown as { __handover: typeof seen }).__handover = seen;
      new MutationObserver(() => {
        const charts = document.querySelectorAll('#main .recharts-wrapper').length > 1 && !!document.querySelector('[data-testid=ranking-chart] .recharts-wrapper');
        if (seen.charts && !document.querySelector('[data-testid=ranking-chart] .recharts-wrapper')) seen.gaps++;
        if (document.querySelector('#main .skeleton')) seen.skeletons++;
        seen.charts ||= charts;
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto('/');
    // The app's first render replaced the drawn page before the load event (src/app/main.tsx).
    await expect(page.locator('[data-prerendered]')).toHaveCount(0);
    const first = await overviewAsSeen(page);
    await waitForEngineLive(page);
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0);
    const live = await overviewAsSeen(page);
    const handover = await page.evaluate(() => (window as unknown as { __handover: unknown }).__handover);
    expect(handover).toEqual({ gaps: 0, skeletons: 0, charts: true });

    // The same panels in the same places, the same words and figures, the same paths.
    expect(first).toEqual(drawn);
    // Once the engine is live (its start-up line floats over the page, so nothing moves when it goes), the figures
    // computed in the browser are those computed at build time.
    expect(live.charts).toEqual(drawn.charts);
    expect(live.panels).toEqual(drawn.panels);
    expect(live.text).toEqual(drawn.text);
  });
}

test('any other address hides the drawn overview before the first paint', async ({ browser, baseURL }) => {
  for (const address of ['/?tab=trend', '/?v=1&measure=orders', '/#s=abc']) {
    const context = await browser.newContext({ viewport: PRERENDER_SCREENS.wide, baseURL });
    const page = await context.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto(address);
    await expect(page.locator('.boot-message'), address).toBeVisible();
    await expect(page.locator('[data-prerendered]'), address).toBeHidden();
    await context.close();
  }
});

test('between the two layouts the drawn charts fit their column', async ({ browser, baseURL }) => {
  for (const width of [NARROW_MAX_WIDTH - 40, NARROW_MAX_WIDTH + 40, 1100]) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, baseURL });
    const page = await context.newPage();
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('.recharts-wrapper')]
        .filter((wrapper) => (wrapper as HTMLElement).offsetParent !== null)
        .map((wrapper) => wrapper.getBoundingClientRect().right - wrapper.parentElement!.getBoundingClientRect().right),
    );
    expect(overflow, `charts at ${width} px`).toHaveLength(2);
    for (const pixels of overflow) expect(pixels, `chart overflow at ${width} px`).toBeLessThanOrEqual(0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width at ${width} px`).toBeLessThanOrEqual(width);
    await context.close();
  }
});

test('beside the drawn overview the document asks for one script, the entry: no module preloads compete with its first paint', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('data-testid="trend-chart"');
  expect(html).not.toContain('modulepreload');
  expect(html.match(/<script[^>]*\bsrc=/g)).toHaveLength(1);
});
