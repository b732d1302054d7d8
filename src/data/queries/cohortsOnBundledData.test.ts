import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { loadBundledIntoNode } from '../../../test/support/loadBundledIntoNode';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { fetchCohorts } from './fetchCohorts';
import { fetchKpis } from './fetchKpis';

// Launch-aligned cohorts on the bundled (synthetic, calibrated) data: AliExpress was in Russia before the data starts;
// Temu entered the US and Shopee Brazil within it. Month 0 is checked against the key figures of that one month. The
// World Bank has no US internet users for 2022 or later: Temu's reach in the US is a gap, its entry the same.
const VIEW: QuerySlice = { datasetId: 'market', measureId: 'visitors', from: '2024-01', to: '2024-06', filters: {} };
const PAIRS = 'AliExpress~RU,Temu~US,Shopee~BR';

describe('cohorts on the bundled data', () => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await loadBundledIntoNode());
  });

  const monthOf = async (measureId: string, marketplace: string, country: string, month: string) =>
    (await fetchKpis(engine, MARKET_MODEL, { datasetId: 'market', measureId, from: month, to: month, filters: { marketplace: [marketplace], country: [country] } })).current;

  for (const measureId of ['visitors', 'reach']) {
    it(`${measureId}: AliExpress in Russia has an unknown entry, Temu in the US and Shopee in Brazil known ones`, async () => {
      const cohorts = await fetchCohorts(engine, MARKET_MODEL, { ...VIEW, measureId }, { pairs: PAIRS, includeUnknown: true, limit: 6 });
      expect(cohorts.series.map((series) => [series.first, series.second, series.unknownEntry])).toEqual([
        ['AliExpress', 'RU', true],
        ['Temu', 'US', false],
        ['Shopee', 'BR', false],
      ]);
      expect(cohorts.series[0]!.entryMonth).toBe(cohorts.dataFirstMonth);
      expect(cohorts.series.map((series) => series.entryMonth).slice(1)).toEqual(['2022-09', '2019-11']);
      for (const series of cohorts.series) {
        const expected = await monthOf(measureId, series.first, series.second, series.entryMonth);
        if (expected === null) expect(series.values[0], `${series.first} · ${series.second}`).toBeNull();
        else expect(series.values[0], `${series.first} · ${series.second}`).toBeCloseTo(expected, 6);
      }
      // The entry is a month with visitors above zero, whatever the measure (a year without World Bank data is a gap).
      for (const series of cohorts.series) expect(await monthOf('visitors', series.first, series.second, series.entryMonth)).toBeGreaterThan(0);
    });
  }
});
