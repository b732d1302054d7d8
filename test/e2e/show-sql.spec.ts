import { deflateInPage, ENGINE_TIMEOUT, expect, openView, RUSSIA_H2_2014, test, VIEW_TABS, waitForEngineLive } from './fixtures';

// Issue 16: "Show SQL" on a panel opens the statement behind it in the SQL workspace, its values written in, and runs
// it there; Back returns to the view. That the statement returns the panel's own numbers is proven per view in
// src/data/sqlWorkspace/showSql.test.ts; here the path through the browser, on every view.

test('Show SQL on each view opens a statement that runs in the workspace, and Back returns to the view', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForEngineLive(page);
  for (const tab of VIEW_TABS.filter((name) => name !== 'sql')) {
    await openView(page, tab);
    const view = page.getByTestId(`view-${tab}`);
    const button = view.getByRole('button', { name: 'Show SQL' }).first();
    await expect(button, tab).toBeVisible({ timeout: ENGINE_TIMEOUT });
    // The button names its panel, so a list of buttons is not nine times "Show SQL".
    await expect(button, tab).toHaveAccessibleName(/^Show SQL: \S/);
    const panelTitle = (await button.getAttribute('aria-label'))!.slice('Show SQL: '.length);
    await expect(view.getByRole('region', { name: panelTitle, exact: true }).first(), tab).toBeVisible();
    const before = new URL(page.url());
    await button.click();

    await expect(page.getByTestId('sql-view'), tab).toBeVisible({ timeout: ENGINE_TIMEOUT });
    const statement = new URL(page.url()).searchParams.get('sql') ?? '';
    // The view's filters travel as literals, not parameters.
    expect(statement, tab).toMatch(/\bSELECT\b/i);
    expect(statement, tab).not.toMatch(/\$\d+\b/);
    expect(statement, tab).toContain("'RU'");
    await expect(page.getByTestId('sql-editor'), tab).toContainText(statement.trim().split('\n')[0]!.slice(0, 40));
    await expect(page.getByTestId('sql-row-count'), tab).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expect(page.getByTestId('sql-error'), tab).toHaveCount(0);
    await expect(page.getByTestId('sql-table').locator('tbody tr:not(.sql-spacer)').first(), tab).toBeVisible();

    await page.goBack();
    await expect(page.getByTestId(`view-${tab}`), tab).toBeVisible({ timeout: ENGINE_TIMEOUT });
    expect(new URL(page.url()).search, tab).toBe(before.search);
  }

  // The overview's key figures and the workspace agree on the story: AliExpress led Russia in H2 2014.
  await openView(page, 'overview');
  await expect(page.getByTestId('kpi-leader')).toContainText('AliExpress');
});

test('a presented dashboard shows no Show SQL: it is read-only', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForEngineLive(page);
  await expect(page.getByRole('button', { name: 'Show SQL' }).first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
  const dashboard = { format: 'marketscope-dashboard', v: 1, id: 'showsql1', name: 'Russia, H2 2014', panels: [{ id: 'a', title: 'Russia', notes: '', view: RUSSIA_H2_2014.slice(2) }] };
  await page.goto(`/?present=${await deflateInPage(page, JSON.stringify(dashboard))}`);
  await expect(page.getByTestId('presentation-panel').getByTestId('kpi-total')).toContainText('20.7M', { timeout: ENGINE_TIMEOUT });
  await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });
  await expect(page.getByRole('button', { name: 'Show SQL' })).toHaveCount(0);
});
