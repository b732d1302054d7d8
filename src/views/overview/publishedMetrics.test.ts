import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../../i18n';
import { metricLabel } from './PublishedFiguresPanel';

const CSV = path.resolve(__dirname, '../../../datasets/published-figures.csv');

afterEach(async () => {
  await switchLocale('en');
});

describe('the published figures’ metrics', () => {
  it('each have a message: in English as the file names them, in Russian and Spanish translated', async () => {
    const rows = Papa.parse<{ metric: string }>(fs.readFileSync(CSV, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const metrics = [...new Set(rows.map((row) => row.metric))];
    expect(metrics.length).toBeGreaterThan(3);
    for (const metric of metrics) expect(metricLabel(metric)).toBe(metric);
    for (const locale of ['ru-RU', 'es-MX'] as const) {
      await switchLocale(locale);
      for (const metric of metrics) expect(metricLabel(metric), `${locale}: ${metric}`).not.toBe(metric);
    }
    expect(metricLabel('a metric the file adds later')).toBe('a metric the file adds later');
  });
});
