import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { utils, write } from '@e965/xlsx';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { expect, test, waitForDashboard } from './fixtures';

/**
 * A Parquet file and an Excel workbook, written by the same libraries the app reads them with (into a temp folder,
 * as files a researcher picks), uploaded like a CSV: preview, roles, load report with its rejects, the charts, and
 * both kept over a reload.
 */
function writeTestFiles(): { parquet: string; workbook: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'marketscope-formats-'));
  const parquet = path.join(folder, 'traffic.parquet');
  fs.writeFileSync(
    parquet,
    Buffer.from(
      parquetWriteBuffer({
        columnData: [
          { name: 'month', data: ['2024-01', '2024-01', '2024-02', '2024-02', null], type: 'STRING' },
          { name: 'marketplace', data: ['Parquet Mart', 'Other Mart', 'Parquet Mart', 'Other Mart', 'Parquet Mart'], type: 'STRING' },
          { name: 'visits', data: [1200n, 300n, 1500n, 450n, 10n], type: 'INT64' },
        ],
        // Gzip: the page must fetch and run the decompressors it loads only for such files.
        codec: 'GZIP',
        compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)) },
      }),
    ),
  );
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([]), 'Cover');
  utils.book_append_sheet(book, utils.aoa_to_sheet([['month', 'shop', 'orders'], ['2024-01', 'Excel Shop', 5], ['2024-02', 'Excel Shop', 7]]), 'Orders');
  utils.book_append_sheet(book, utils.aoa_to_sheet([['month', 'shop', 'returns'], ['2024-01', 'Sheet Two Shop', 1], ['2024-02', 'Sheet Two Shop', 2], ['2024-03', 'Sheet Two Shop', 3]]), 'Returns');
  const workbook = path.join(folder, 'shops.xlsx');
  fs.writeFileSync(workbook, Buffer.from(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  return { parquet, workbook };
}

test('upload a Parquet file and an Excel sheet, see them charted, and keep them over a reload', async ({ guarded: page }) => {
  const files = writeTestFiles();
  await page.goto('/');
  await waitForDashboard(page);

  // 1. Parquet: one record has no month; it cannot be placed in time, so it is rejected and shown, the rest load.
  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles(files.parquet);
  const form = page.getByTestId('upload-form');
  await expect(form.getByTestId('upload-preview')).toContainText('Parquet Mart');
  await expect(form.getByTestId('role-0')).toHaveValue('time');
  await expect(form.getByTestId('role-2')).toHaveValue('measure');
  await form.getByTestId('upload-name').fill('Parquet traffic');
  await form.getByTestId('upload-load').click();
  const report = page.getByTestId('upload-report');
  await expect(report).toContainText('4 of 5 rows loaded, 1 rejected');
  await expect(report.getByTestId('upload-rejects')).toContainText('month');
  await report.getByTestId('upload-open').click();
  await expect(page.getByTestId('filter-dataset')).toHaveValue(/^u_parquet_traffic_/);
  await expect(page.locator('[data-testid=ranking-chart] .recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('ranking-chart')).toContainText('Parquet Mart');

  // 2. Excel: the preview starts on the first sheet with data; the researcher picks the other one.
  await page.getByTestId('open-upload').click();
  await page.getByTestId('upload-input').setInputFiles(files.workbook);
  const sheetForm = page.getByTestId('upload-form');
  await expect(sheetForm.getByTestId('upload-preview')).toContainText('Excel Shop');
  await sheetForm.getByLabel('Sheet').selectOption('Returns');
  await expect(sheetForm.getByTestId('upload-preview')).toContainText('Sheet Two Shop');
  await expect(sheetForm.getByTestId('role-2')).toHaveValue('measure');
  await sheetForm.getByTestId('upload-name').fill('Excel returns');
  await sheetForm.getByTestId('upload-load').click();
  const sheetReport = page.getByTestId('upload-report');
  await expect(sheetReport).toContainText('3 of 3 rows loaded');
  await sheetReport.getByTestId('upload-open').click();
  await expect(page.getByTestId('filter-dataset')).toHaveValue(/^u_excel_returns_/);
  await expect(page.getByTestId('ranking-chart')).toContainText('Sheet Two Shop');

  // 3. Both are kept in the browser's storage and load again after a reload.
  await page.reload();
  await expect(page.getByTestId('kpi-total')).toBeVisible({ timeout: 90_000 });
  const options = page.getByTestId('filter-dataset').locator('option');
  await expect(options).toHaveCount(3);
  await page.getByTestId('filter-dataset').selectOption({ label: 'Parquet traffic' });
  await expect(page.getByTestId('ranking-chart')).toContainText('Parquet Mart');
});
