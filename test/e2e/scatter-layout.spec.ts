import { ENGINE_TIMEOUT, expect, openView, test, waitForDashboard } from './fixtures';

/**
 * The Traffic × sales scatter at phone to desktop widths: its x-axis title must not collide with the legend, the
 * tick labels or the edge of the chart (the title used to be drawn into the legend's rows).
 */
const WIDTHS = [375, 414, 768, 1024, 1280];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const width of WIDTHS) {
  test(`the scatter's x-axis title clears the legend and the ticks at ${width} px`, async ({ guarded: page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await waitForDashboard(page);
    await openView(page, 'conversion');
    const plot = page.getByTestId('scatter-plot');
    await expect(plot.locator('.recharts-scatter-symbol').first()).toBeVisible({ timeout: ENGINE_TIMEOUT });
    await expect(page.locator('[aria-busy=true]')).toHaveCount(0, { timeout: ENGINE_TIMEOUT });

    const title = plot.locator('text.recharts-label', { hasText: 'Avg monthly visitors' });
    await expect(title).toHaveCount(1);
    const titleBox = (await title.boundingBox())!;
    const legendItems = await plot.locator('.chart-legend-item, .recharts-legend-item').all();
    expect(legendItems.length).toBeGreaterThan(1);
    for (const item of legendItems) {
      const box = (await item.boundingBox())!;
      expect(overlaps(titleBox, box), `x-axis title ${JSON.stringify(titleBox)} overlaps legend item "${await item.textContent()}" ${JSON.stringify(box)}`).toBe(false);
    }
    for (const tick of await plot.locator('.recharts-xAxis-tick-labels text').all()) {
      const box = (await tick.boundingBox())!;
      expect(overlaps(titleBox, box), `x-axis title overlaps tick "${await tick.textContent()}"`).toBe(false);
    }
    // Inside the chart's own drawing, not cut off at its bottom edge.
    const svgBox = (await plot.locator('svg.recharts-surface').first().boundingBox())!;
    expect(titleBox.y + titleBox.height).toBeLessThanOrEqual(svgBox.y + svgBox.height + 0.5);
    expect(titleBox.x).toBeGreaterThanOrEqual(svgBox.x - 0.5);
    expect(titleBox.x + titleBox.width).toBeLessThanOrEqual(svgBox.x + svgBox.width + 0.5);
  });
}
