import { deflateInPage, expect, RUSSIA_H2_2014, test, waitForDashboard } from './fixtures';

/** A4 at 96 dpi, less Chromium's default print margins (0.4 in each side): what the printed page can hold. */
const A4_PRINTABLE = { width: Math.floor((210 / 25.4) * 96 - 2 * 0.4 * 96), height: Math.floor((297 / 25.4) * 96 - 2 * 0.4 * 96) };

test('a presentation prints cleanly on A4: no editing chrome, nothing wider than the page, no chart cut between pages', async ({
  guarded: page,
}) => {
  const dashboard = {
    format: 'marketscope-dashboard',
    v: 1,
    id: 'print',
    name: 'Russia, H2 2014',
    panels: [
      { id: 'a', title: 'Visitors in Russia', notes: 'AliExpress: 15.6M a month, against 3.7M for eBay and 1.4M for Amazon.', view: RUSSIA_H2_2014.slice(2) },
      { id: 'b', title: 'GMV trend', notes: '', view: 'v=1&tab=trend&measure=gmv' },
      { id: 'c', title: 'Countries', notes: '', view: 'v=1&tab=countries&measure=visitors' },
      { id: 'd', title: 'Leaderboard', notes: '', view: 'v=1&tab=leaderboard&measure=visitors' },
    ],
  };
  await page.goto('/');
  await waitForDashboard(page);
  const packed = await deflateInPage(page, JSON.stringify(dashboard));
  await page.setViewportSize({ width: A4_PRINTABLE.width, height: A4_PRINTABLE.height });
  await page.goto(`/?present=${packed}`);
  const panels = page.getByTestId('presentation-panel');
  await expect(panels).toHaveCount(4);
  await expect(panels.nth(0).getByTestId('kpi-total')).toContainText('20.7M');
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0);

  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => {
    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      // Controls are for screens; buttons that carry content (a legend's members, a table's column names) stay.
      controls: [...document.querySelectorAll('select, input, textarea, a.button, .control-bar, button')]
        .filter((element) => element.tagName !== 'BUTTON' || /^(PNG|SVG|CSV|Download|Pin|Copy|Show|Explore)/i.test(element.textContent?.trim() ?? ''))
        .filter(visible)
        .map((element) => element.textContent?.trim() || element.outerHTML.slice(0, 80)),
      // Whatever must not be cut across a page break: each chart panel, each row of key figures.
      unbreakable: [...document.querySelectorAll('[data-testid=presentation-panel] section.panel, [data-testid=presentation-panel] .kpis')]
        .filter((element) => visible(element) && ![...element.querySelectorAll('table')].some(visible))
        .map((element) => ({
          name: element.querySelector('.panel-title')?.textContent ?? element.className,
          height: element.getBoundingClientRect().height,
          breakInside: getComputedStyle(element).breakInside,
        })),
      // Tables print whole, across pages if they must: not clipped by a scrolling box, rows never cut.
      tables: [...document.querySelectorAll('[data-testid=presentation-panel] table')].filter(visible).map((table) => {
        const box = table.parentElement!;
        return {
          name: table.closest('section.panel')?.querySelector('.panel-title')?.textContent ?? '',
          clipped: box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1,
          right: table.getBoundingClientRect().right,
          rowBreak: getComputedStyle(table.querySelector('tbody tr')!).breakInside,
        };
      }),
      svgs: [...document.querySelectorAll('[data-testid=presentation-panel] svg')].map((svg) => ({
        right: svg.getBoundingClientRect().right,
        name: `${svg.closest('[data-testid]')?.getAttribute('data-testid')} ${svg.getAttribute('class') ?? ''} ${Math.round(svg.getBoundingClientRect().left)}`,
      })),
      background: getComputedStyle(document.body).backgroundColor,
      // The innermost elements sticking out, to name them if the check fails.
      wide: [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && ![...element.children].some((child) => child.getBoundingClientRect().right > document.documentElement.clientWidth + 1)).slice(0, 8).map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`),
    };
  });
  expect(layout.scrollWidth, `no horizontal overflow at the printable width of A4 (${layout.wide.join(', ')})`).toBeLessThanOrEqual(layout.clientWidth);
  expect(layout.controls, 'no controls on paper').toEqual([]);
  expect(layout.unbreakable.length).toBeGreaterThanOrEqual(4);
  expect(layout.tables.length).toBeGreaterThanOrEqual(1);
  for (const table of layout.tables) {
    expect(table, `the ${table.name} table prints whole`).toMatchObject({ clipped: false, rowBreak: 'avoid' });
    expect(table.right).toBeLessThanOrEqual(A4_PRINTABLE.width + 1);
  }
  for (const block of layout.unbreakable) {
    expect(block.breakInside, `${block.name} is kept on one page`).toBe('avoid');
    expect(block.height, `${block.name} fits on one A4 page`).toBeLessThanOrEqual(A4_PRINTABLE.height);
  }
  // Charts are drawn for the page's width: none is cut off (inside a scrolling box, paper would lose the rest).
  for (const svg of layout.svgs) expect(svg.right, svg.name).toBeLessThanOrEqual(A4_PRINTABLE.width + 1);

  // Chromium's own print to PDF, on A4: a real document of a few pages.
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(12);
});
