import { beforeAll, describe, expect, it } from 'vitest';
import { readDatasetText } from '../support/loadBundledIntoNode';

/**
 * Synthetic data must not show artefacts a reader would notice: a ratio pinned at one value by a clamp in the
 * generator (orders per 1,000 visitors sat at exactly 60.0 for a fifth of Amazon's and all of Wildberries Kazakhstan's
 * months), or a series running flat. The ratios are checked as the app shows them (orders per 1,000 visitors to one
 * decimal, AOV to the cent, GMV per visitor to the tenth of a cent, active sellers per order to three significant digits).
 * Thresholds sit well above what noise gives and well below what a clamp gives; the last test shows a clamp is caught.
 */

interface MonthRow {
  key: string;
  visitors: number;
  orders: number;
  gmv: number;
  sellers: number;
}

/** The plain numeric files (no quoted fields), row by row: traffic and sales share keys and order. */
function joinRows(trafficText: string, salesText: string): MonthRow[] {
  const traffic = trafficText.trim().split('\n').slice(1);
  const sales = salesText.trim().split('\n').slice(1);
  expect(sales).toHaveLength(traffic.length);
  return traffic.map((line, i) => {
    const [month, marketplace, country, visitors] = line.split(',');
    const [sMonth, sMarketplace, sCountry, gmv, orders, sellers] = sales[i]!.split(',');
    expect(`${sMonth}|${sMarketplace}|${sCountry}`).toBe(`${month}|${marketplace}|${country}`);
    return { key: `${marketplace} ${country}`, visitors: Number(visitors), orders: Number(orders), gmv: Number(gmv), sellers: Number(sellers) };
  });
}

const RATIOS: { name: string; shown: (row: MonthRow) => string }[] = [
  { name: 'orders per 1,000 visitors', shown: (row) => ((row.orders / row.visitors) * 1000).toFixed(1) },
  { name: 'average order value', shown: (row) => (row.gmv / row.orders).toFixed(2) },
  { name: 'GMV per visitor', shown: (row) => (row.gmv / row.visitors).toFixed(3) },
  { name: 'active sellers per order', shown: (row) => (row.sellers / row.orders).toPrecision(3) },
];

/** The most common value and the share of rows it holds. */
function mostCommon(values: readonly string[]): { value: string; share: number } {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = { value: '', count: 0 };
  for (const [value, count] of counts) if (count > best.count) best = { value, count };
  return { value: best.value, share: best.count / values.length };
}

/** The longest run of one value in consecutive months. */
function longestRun(values: readonly string[]): { value: string; months: number } {
  let best = { value: values[0] ?? '', months: values.length > 0 ? 1 : 0 };
  let run = 1;
  for (let i = 1; i < values.length; i++) {
    run = values[i] === values[i - 1] ? run + 1 : 1;
    if (run > best.months) best = { value: values[i]!, months: run };
  }
  return best;
}

/** Per marketplace × country, the monthly values of a ratio in month order (the files are sorted by month). */
function bySeries(rows: readonly MonthRow[], shown: (row: MonthRow) => string): Map<string, string[]> {
  const series = new Map<string, string[]>();
  for (const row of rows) {
    const values = series.get(row.key) ?? [];
    values.push(shown(row));
    series.set(row.key, values);
  }
  return series;
}

/** Natural noise: at most 0.6 % of all rows and 15 % of one series share a value, runs of 4 months; a clamp: 3 %, 100 %, 144. */
const MAX_SHARE_OF_ALL_ROWS = 0.015;
const MAX_SHARE_OF_A_SERIES = 0.25;
const MAX_RUN_MONTHS = 6;

/** Every pile-up found, as sentences; empty when the data looks natural. */
function pileUps(rows: readonly MonthRow[]): string[] {
  const problems: string[] = [];
  for (const { name, shown } of RATIOS) {
    const overall = mostCommon(rows.map(shown));
    if (overall.share > MAX_SHARE_OF_ALL_ROWS) {
      problems.push(`${name} is ${overall.value} in ${(overall.share * 100).toFixed(1)} % of all rows`);
    }
    for (const [key, values] of bySeries(rows, shown)) {
      const common = mostCommon(values);
      if (values.length >= 24 && common.share > MAX_SHARE_OF_A_SERIES) {
        problems.push(`${key}: ${name} is ${common.value} in ${(common.share * 100).toFixed(0)} % of its months`);
      }
      const run = longestRun(values);
      if (run.months > MAX_RUN_MONTHS) problems.push(`${key}: ${name} is ${run.value} for ${run.months} months in a row`);
    }
  }
  return problems;
}

let rows: MonthRow[];

beforeAll(async () => {
  rows = joinRows(await readDatasetText('marketplace-traffic.csv'), await readDatasetText('marketplace-sales.csv'));
});

describe('synthetic traffic and sales show no generator artefacts', () => {
  it('no ratio piles up at one value, overall or within a marketplace × country series, and none runs flat', () => {
    expect(rows.length).toBeGreaterThan(10_000);
    expect(pileUps(rows)).toEqual([]);
  });

  it('conversion has no spike at the top or bottom of its range', () => {
    const perThousand = rows.map((row) => (row.orders / row.visitors) * 1000).sort((a, b) => a - b);
    const low = perThousand[0]!;
    const high = perThousand.at(-1)!;
    // At a clamp the extreme value is shared by hundreds of rows; with a smooth ceiling only a few come near it.
    const nearHigh = perThousand.filter((value) => value > high - 0.5).length;
    const nearLow = perThousand.filter((value) => value < low + 0.5).length;
    expect(nearHigh, `rows within 0.5 of the highest conversion, ${high.toFixed(2)}`).toBeLessThanOrEqual(rows.length * 0.001);
    expect(nearLow, `rows within 0.5 of the lowest conversion, ${low.toFixed(2)}`).toBeLessThanOrEqual(rows.length * 0.001);
  });

  it('the check catches a clamp: conversion capped at its 97th percentile', () => {
    const conversions = rows.map((row) => row.orders / row.visitors).sort((a, b) => a - b);
    const cap = conversions[Math.floor(conversions.length * 0.97)]!;
    const clamped = rows.map((row) => ({ ...row, orders: Math.round(row.visitors * Math.min(cap, row.orders / row.visitors)) }));
    expect(pileUps(clamped).some((problem) => problem.includes('orders per 1,000 visitors'))).toBe(true);
  });
});
