import fs from 'node:fs';
import { expect, RUSSIA_H2_2014, test, waitForDashboard, openView } from './fixtures';

async function download(page: import('@playwright/test').Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

test('a chart exports as SVG (title, legend, source), PNG at 2× and CSV of its numbers', async ({ guarded: page }) => {
  await page.goto(RUSSIA_H2_2014);
  await waitForDashboard(page);
  const trend = page.getByTestId('trend-panel');

  const svg = await download(page, () => trend.getByTestId('export-svg').click());
  expect(svg.name).toBe('visitors-over-time.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/);
  for (const expected of ['Visitors over time', 'AliExpress', 'eBay', 'Amazon', 'Synthetic data calibrated to published figures']) {
    expect(text, expected).toContain(expected);
  }
  expect(text).not.toContain('<script');
  expect(text).toMatch(/<path[^>]+stroke="rgb/);
  const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(text)!.map(Number);

  const png = await download(page, () => trend.getByTestId('export-png').click());
  expect(png.name).toBe('visitors-over-time.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([width! * 2, height! * 2]);

  const csv = await download(page, () => trend.getByTestId('export-csv').click());
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  expect(lines[0]).toBe('month,AliExpress,eBay,Amazon');
  expect(lines).toHaveLength(7);
  const aliexpress = lines.slice(1).map((line) => Number(line.split(',')[1]));
  expect(aliexpress.reduce((sum, value) => sum + value, 0) / 6).toBe(15_600_000);
});

test('the other views export their numbers too: matrix and leaderboard as CSV, the map as SVG', async ({ guarded: page }) => {
  await page.goto('/?v=1&tab=matrix&from=2014-07&to=2014-12');
  await expect(page.getByTestId('matrix-panel').getByTestId('heatmap')).toBeVisible();
  const matrix = await download(page, () => page.getByTestId('matrix-panel').getByTestId('export-csv').click());
  const lines = matrix.bytes.toString('utf8').trim().split('\n');
  expect(lines[0]).toMatch(/^Marketplace,Country,/);
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines.slice(1)) expect(Number(line.split(',').at(-1))).toBeGreaterThanOrEqual(0);

  await openView(page, 'leaderboard');
  await expect(page.getByTestId('leaderboard-panel').locator('tbody tr').first()).toBeVisible();
  const board = await download(page, () => page.getByTestId('leaderboard-panel').getByTestId('export-csv').click());
  expect(board.bytes.toString('utf8').split('\n')[0]).toMatch(/^Country,Marketplace,.*,share,rank,rank a year earlier,growth$/);

  await openView(page, 'map');
  await expect(page.locator('[data-testid=map-panel] svg').first()).toBeVisible();
  const map = await download(page, () => page.getByTestId('map-panel').getByTestId('export-svg').click());
  expect(map.bytes.toString('utf8')).toMatch(/^<svg xmlns=/);
});
