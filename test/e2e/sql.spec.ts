import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ENGINE_TIMEOUT, expect, test, waitForEngineLive } from './fixtures';

// Issue 16: the SQL workspace. Statements over DuckDB's own table functions (range) need no dataset; completion and
// the refused write use the first table the schema browser lists, whatever the engine names it.

const MONTHLY = "SELECT (DATE '2024-01-01' + INTERVAL (i) MONTH)::DATE AS month, i * 10 AS visits, 100 - i AS orders FROM range(12) t(i)";
const link = (sql: string, extra = '') => `/?v=1&tab=sql&sql=${encodeURIComponent(sql)}${extra}`;

async function openWorkspace(page: Page, path = '/?v=1&tab=sql') {
  await page.goto(path);
  await waitForEngineLive(page);
  await expect(page.getByTestId('sql-view')).toBeVisible({ timeout: ENGINE_TIMEOUT });
}

/** Replaces the editor's text, as typed (so completion and the editor's own handling run). */
async function typeStatement(page: Page, text: string) {
  const editor = page.getByTestId('sql-editor');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function runWithKeyboard(page: Page) {
  await page.keyboard.press('ControlOrMeta+Enter');
}

const rowCount = (page: Page) => page.getByTestId('sql-row-count');

test('write with completion, run with Ctrl+Enter, see an error marked, cancel a runaway, a refused write, a million rows', async ({ guarded: page }) => {
  test.setTimeout(240_000);
  await openWorkspace(page);
  // The schema browser lists the engine's tables; the first one is completed from its first letters.
  const firstTable = page.getByTestId('sql-schema-table').first().locator('code');
  await expect(firstTable).toBeVisible({ timeout: ENGINE_TIMEOUT });
  const table = (await firstTable.textContent())!;
  await typeStatement(page, `SELECT * FROM ${table.slice(0, 3)}`);
  await page.keyboard.press('Control+Space');
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: table.replace(/^"|"$/g, '') }).first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page.getByTestId('sql-editor')).toContainText(`FROM ${table.replace(/^"|"$/g, '')}`);
  await page.keyboard.insertText(' LIMIT 3');
  await runWithKeyboard(page);
  // At most 3 rows, whichever table is first; the table shows as many as counted.
  await expect(rowCount(page)).toHaveText(/^[0-3] rows?$/, { timeout: ENGINE_TIMEOUT });
  const limited = Number((await rowCount(page).textContent())!.split(' ')[0]);
  await expect(page).toHaveURL(/[?&]sql=SELECT/);
  await expect(page.getByTestId('sql-table').locator('tbody tr:not(.sql-spacer)')).toHaveCount(limited);

  // Only the statement at the cursor runs.
  await typeStatement(page, 'SELECT 1 AS one;\nSELECT 2 AS two, 3 AS three');
  await runWithKeyboard(page);
  await expect(page.getByTestId('sql-table').locator('thead')).toContainText('two');
  await expect(page.getByTestId('sql-table').locator('thead')).toContainText('INTEGER');

  // A bad statement: DuckDB's message, and its position marked in the editor.
  // The same bad statement stands twice: the one run (at the cursor, the last) is marked.
  await typeStatement(page, 'SELECT nosuchcolumn FROM range(3);\nSELECT 1 AS fine;\nSELECT nosuchcolumn FROM range(3)');
  await runWithKeyboard(page);
  await expect(page.getByTestId('sql-error')).toContainText('nosuchcolumn', { timeout: ENGINE_TIMEOUT });
  await expect(page.locator('.cm-lintRange-error')).toHaveText('nosuchcolumn');
  await expect(page.locator('.cm-line').nth(2).locator('.cm-lintRange-error')).toHaveCount(1);

  // A runaway cross join: Cancel stops it and the engine answers the next statement.
  await typeStatement(page, 'SELECT count(*) FROM range(100000000) a, range(1000) b');
  await runWithKeyboard(page);
  await expect(page.getByTestId('sql-running')).toContainText('Running…');
  await page.getByTestId('sql-cancel').click();
  await expect(page.getByTestId('sql-cancelled')).toBeVisible({ timeout: 30_000 });
  await typeStatement(page, "SELECT '=1+1' AS formula, 2.5 AS x");
  await page.getByTestId('sql-run').click();
  await expect(rowCount(page)).toHaveText('1 row', { timeout: ENGINE_TIMEOUT });
  // The CSV is formula-safe.
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-csv').click()]);
  expect(fs.readFileSync((await file.path())!, 'utf8')).toBe(`formula,x\n"'=1+1",2.5\n`);

  // Integers beyond 2^53 keep every digit in the table and the CSV (the engine hands them over as doubles).
  await typeStatement(page, 'SELECT 9007199254740993::BIGINT AS big, (-170141183460469231731687303715884105727)::HUGEINT AS huge, 42::BIGINT AS small');
  await runWithKeyboard(page);
  const bigCells = page.getByTestId('sql-table').locator('tbody tr:not(.sql-spacer) td');
  await expect(bigCells).toHaveText(['9,007,199,254,740,993', '-170,141,183,460,469,231,731,687,303,715,884,105,727', '42'], { timeout: ENGINE_TIMEOUT });
  const [bigFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-csv').click()]);
  expect(fs.readFileSync((await bigFile.path())!, 'utf8')).toBe('big,huge,small\n9007199254740993,-170141183460469231731687303715884105727,42\n');

  // A write is refused, and says why.
  await typeStatement(page, `DROP TABLE ${table}`);
  await runWithKeyboard(page);
  await expect(page.getByTestId('sql-error')).toContainText('Refused', { timeout: ENGINE_TIMEOUT });
  await typeStatement(page, `SELECT count(*) AS n FROM ${table}`);
  await runWithKeyboard(page);
  await expect(rowCount(page)).toHaveText('1 row', { timeout: ENGINE_TIMEOUT });

  // A million rows: counted, sorted by a click, scrolled to the end.
  await typeStatement(page, 'SELECT range AS n, range % 7 AS r FROM range(1000000)');
  await runWithKeyboard(page);
  await expect(rowCount(page)).toHaveText('1,000,000 rows', { timeout: ENGINE_TIMEOUT });
  const rows = page.getByTestId('sql-table').locator('tbody tr:not(.sql-spacer)');
  expect(await rows.count()).toBeLessThan(100);
  await page.getByTestId('sql-column-header').first().click();
  await page.getByTestId('sql-column-header').first().click();
  await expect(page.getByTestId('sql-table').locator('th').first()).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('td').first()).toHaveText('999,999');
  await page.getByTestId('sql-table').evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(rows.last().locator('td').first()).toHaveText('0');

  // Every run is in the history, newest first; a pick opens it in the editor.
  await page.getByTestId('sql-history').locator('summary').click();
  await expect(page.getByTestId('sql-history').locator('li').first()).toContainText('FROM range(1000000)');
  await expect(page.getByTestId('sql-history')).toContainText('failed');
});

test('chart a result in one click, change it, pin it, and open the dashboard in a fresh browser', async ({ guarded: page, browser, context }) => {
  test.setTimeout(240_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWorkspace(page, link(MONTHLY));
  // A link's statement runs, and is in the editor.
  await expect(rowCount(page)).toHaveText('12 rows', { timeout: ENGINE_TIMEOUT });
  await expect(page.getByTestId('sql-editor')).toContainText('range(12)');
  await page.getByTestId('sql-chart-it').click();
  await expect(page).toHaveURL(/sqlChart=auto/);
  await expect(page.getByTestId('sql-chart')).toHaveAttribute('data-chart-type', 'line');
  await expect(page.locator('[data-testid=sql-chart] .recharts-line')).toHaveCount(2);
  // One measure only.
  await page.getByTestId('sql-chart-y').selectOption('orders');
  await expect(page).toHaveURL(/sqlY=orders/);
  await expect(page.locator('[data-testid=sql-chart] .recharts-line')).toHaveCount(1);
  // As a scatter of the two numbers, then back to the suggested line for both.
  await page.getByTestId('sql-chart-type').selectOption('scatter');
  await expect(page.getByTestId('sql-chart')).toHaveAttribute('data-chart-type', 'scatter');
  await page.getByTestId('sql-chart-type').selectOption('line');
  await page.getByTestId('sql-chart-y').selectOption('');
  await expect(page.locator('[data-testid=sql-chart] .recharts-line')).toHaveCount(2);

  await page.getByTestId('pin-view').click();
  await expect(page.getByTestId('pin-status')).toContainText('Pinned to');
  await page.getByTestId('open-dashboards').click();
  // The pinned panel is titled by its statement's start, not by the view's name.
  await expect(page.getByTestId('dashboard-editor').first().getByTestId('dashboard-panel-item').last().getByLabel('Title')).toHaveValue(
    "SELECT (DATE '2024-01-01' + INTERVAL (i) MONTH)::DATE AS…",
  );
  await page.getByTestId('dashboard-editor').first().getByTestId('dashboard-copy-link').click();
  // The link is written after it is compressed: wait for the page to say so (the clipboard may still hold an earlier
  // test's link, as it once did in CI).
  await expect(page.getByTestId('dashboards-message')).toContainText('copied');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('present=');
  const shared = await page.evaluate(() => navigator.clipboard.readText());

  const recipient = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const phone = await recipient.newPage();
  await phone.goto(shared);
  const panel = phone.getByTestId('presentation-panel');
  await expect(panel.getByTestId('sql-row-count')).toHaveText('12 rows', { timeout: ENGINE_TIMEOUT });
  await expect(panel.locator('[data-testid=sql-chart] .recharts-line')).toHaveCount(2);
  await expect(panel.getByTestId('sql-table').locator('tbody tr:not(.sql-spacer)').first()).toContainText('2024-01-01');
  // Read-only: the result, no editor.
  await expect(panel.getByTestId('sql-editor')).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Shared with its figures: the snapshot holds the result (not the data behind it), drawn with no statement run.
  await page.getByTestId('dashboard-editor').first().getByTestId('dashboard-share-data').click();
  await expect(page.getByTestId('share-data-result')).toContainText('Link with the figures', { timeout: 60_000 });
  const withData = await page.getByTestId('share-data-link').inputValue();
  await phone.goto(withData);
  await expect(phone.getByTestId('snapshot-label')).toBeVisible({ timeout: ENGINE_TIMEOUT });
  await expect(panel.getByTestId('sql-row-count')).toHaveText('12 rows');
  await expect(panel.locator('[data-testid=sql-chart] .recharts-line')).toHaveCount(2);
  await expect(panel.getByTestId('sql-table').locator('tbody tr:not(.sql-spacer)').first()).toContainText('2024-01-01');
  await recipient.close();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the SQL view is axe-clean, keyboard-operable and fits 375 px (${theme})`, async ({ guarded: page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 375, height: 740 });
    await openWorkspace(page, link(MONTHLY, `&sqlChart=auto&theme=${theme}`));
    await expect(rowCount(page)).toHaveText('12 rows', { timeout: ENGINE_TIMEOUT });
    await expect(page.locator('[data-testid=sql-chart] .recharts-line')).toHaveCount(2);
    // Tab leaves the editor: it never traps the focus.
    await page.getByTestId('sql-editor').click();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-testid=sql-view]').analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
