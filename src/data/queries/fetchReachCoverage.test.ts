import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { loadBundledIntoNode } from '../../../test/support/loadBundledIntoNode';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { fetchReachCoverage, formatYearRanges } from './fetchReachCoverage';

// The World Bank file itself, read independently of the engine: which country-years have internet users.
const covered = new Set(
  readFileSync(new URL('../../../datasets/internet-users.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((fields) => fields[4] !== '')
    .map(([country, year]) => `${country} ${year}`),
);

describe('reach coverage on the bundled data', () => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await loadBundledIntoNode());
  });

  it('names every country-year without World Bank data, and only those', async () => {
    const view: QuerySlice = { datasetId: 'market', measureId: 'reach', from: '2021-07', to: '2024-06', filters: {} };
    const coverage = await fetchReachCoverage(engine, MARKET_MODEL, view);
    // The countries' months in the range, from the traffic table itself.
    const months = await engine.query<{ country: string; year: number; months: number; visitors: number }>(
      `SELECT country, CAST(year(month) AS INTEGER) AS year, CAST(COUNT(DISTINCT month) AS INTEGER) AS months, SUM(visitors)::DOUBLE AS visitors
       FROM market_monthly WHERE month BETWEEN DATE '2021-07-01' AND DATE '2024-06-01' AND visitors IS NOT NULL GROUP BY ALL`,
    );
    const missing = months.filter((row) => !covered.has(`${row.country} ${row.year}`));
    expect(coverage.countryMonths).toBe(months.reduce((sum, row) => sum + row.months, 0));
    expect(coverage.leftOutCountryMonths).toBe(missing.reduce((sum, row) => sum + row.months, 0));
    expect(coverage.leftOut.flatMap((entry) => entry.years.map((year) => `${entry.country} ${year}`)).sort()).toEqual(
      missing.map((row) => `${row.country} ${row.year}`).sort(),
    );
    const visitors = (rows: typeof months) => rows.reduce((sum, row) => sum + row.visitors, 0);
    expect(coverage.leftOutShare).toBeCloseTo(visitors(missing) / visitors(months), 12);
    // Largest first: each country's visitors in its left-out years.
    const amounts = coverage.leftOut.map((entry) => entry.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(coverage.leftOut[0]!.amount).toBeCloseTo(Math.max(...coverage.leftOut.map((entry) => visitors(missing.filter((row) => row.country === entry.country)))), 6);
    // The World Bank has no 2022+ figure for the United States: it is among those left out, for 2022–2024.
    expect(coverage.leftOut.find((entry) => entry.country === 'US')?.years).toEqual([2022, 2023, 2024]);
  });

  it('follows the filters, and is complete for Russia in 2014', async () => {
    const russia: QuerySlice = { datasetId: 'market', measureId: 'reach', from: '2014-07', to: '2014-12', filters: { country: ['RU'] } };
    const coverage = await fetchReachCoverage(engine, MARKET_MODEL, russia);
    expect(coverage).toEqual({ countryMonths: 6, leftOutCountryMonths: 0, leftOutShare: 0, leftOut: [] });
    await expect(fetchReachCoverage(engine, MARKET_MODEL, { ...russia, measureId: 'visitors' })).rejects.toThrow(/not per internet user/);
  });
});

describe('formatYearRanges', () => {
  it('joins consecutive years', () => {
    expect(formatYearRanges([2013, 2022, 2023, 2024])).toBe('2013, 2022–2024');
    expect(formatYearRanges([2020])).toBe('2020');
    expect(formatYearRanges([])).toBe('');
    expect(formatYearRanges([2010, 2011, 2013, 2014])).toBe('2010–2011, 2013–2014');
  });
});
