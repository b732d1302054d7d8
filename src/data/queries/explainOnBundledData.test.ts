import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../engine';
import { loadBundledIntoNode } from '../../../test/support/loadBundledIntoNode';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { fetchExplain } from './fetchExplain';
import { fetchKpis } from './fetchKpis';
import { fetchShareShift } from './fetchShareShift';

// The source story on the bundled (synthetic, calibrated) data: why did Russia's marketplace traffic move between
// H2 2013 and H2 2014? This is what the generated data shows, not a published finding.
const RUSSIA_H2_2014: QuerySlice = { datasetId: 'market', measureId: 'visitors', from: '2014-07', to: '2014-12', filters: { country: ['RU'] } };

describe('the Russia story, explained on the bundled data', () => {
  let engine: Engine;
  beforeAll(async () => {
    ({ engine } = await loadBundledIntoNode());
  });

  it('AliExpress accounts for most of the change of H2 2014 against H2 2013, and every level adds up', async () => {
    const explanation = await fetchExplain(engine, MARKET_MODEL, RUSSIA_H2_2014, null);
    // The same change as the key figures compute on their own.
    const kpis = await fetchKpis(engine, MARKET_MODEL, RUSSIA_H2_2014);
    expect(explanation.current).toBeCloseTo(kpis.current!, 3);
    expect(explanation.base).toBeCloseTo(kpis.previous!, 3);
    expect(explanation.change!).toBeGreaterThan(0);
    for (const level of ['first', 'second', 'both'] as const) {
      const sum = explanation.segments.filter((segment) => segment.level === level).reduce((total, segment) => total + segment.contribution!, 0);
      expect(sum / explanation.change!, level).toBeCloseTo(1, 9);
    }
    const byMarketplace = explanation.segments.filter((segment) => segment.level === 'first');
    const largest = [...byMarketplace].sort((a, b) => b.contribution! - a.contribution!)[0]!;
    expect(largest.first).toBe('AliExpress');
    expect(largest.contribution! / explanation.change!).toBeGreaterThan(0.5);
    // Calibrated: 15.6M average monthly visitors in H2 2014.
    expect(largest.current! / 1e6).toBeCloseTo(15.6, 1);
  });

  it('AliExpress gains the most share of Russia, the share changes sum to zero, and each change splits exactly', async () => {
    const shift = await fetchShareShift(engine, MARKET_MODEL, RUSSIA_H2_2014);
    const points = shift.members.map((member) => member.shareChangePoints ?? 0);
    expect(points.reduce((sum, value) => sum + value, 0)).toBeCloseTo(0, 9);
    expect([...shift.members].sort((a, b) => b.shareChangePoints! - a.shareChangePoints!)[0]!.member).toBe('AliExpress');
    for (const member of shift.members) {
      expect(member.marketEffect! + member.shareEffect!, member.member).toBeCloseTo(member.change, 3);
    }
  });

  it('split by region, each region contributes what its countries contribute together', async () => {
    const europe2014: QuerySlice = { datasetId: 'market', measureId: 'visitors', from: '2014-01', to: '2014-12', filters: {} };
    const byCountry = await fetchExplain(engine, MARKET_MODEL, europe2014, null);
    const byRegion = await fetchExplain(engine, MARKET_MODEL, europe2014, null, 'region');
    expect(byRegion.change).toBeCloseTo(byCountry.change!, 3);
    const regions = byRegion.segments.filter((segment) => segment.level === 'second');
    expect(regions.map((segment) => segment.second).sort()).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    expect(regions.reduce((sum, segment) => sum + segment.contribution!, 0) / byRegion.change!).toBeCloseTo(1, 9);
    // Europe's contribution, computed again from the country-level explanation of Europe alone.
    const europeOnly = await fetchExplain(engine, MARKET_MODEL, { ...europe2014, filters: { region: ['Europe'] } }, null);
    const europe = regions.find((segment) => segment.second === 'Europe')!;
    expect(europe.contribution!).toBeCloseTo(europeOnly.change!, 3);
    const countries = europeOnly.segments.filter((segment) => segment.level === 'second');
    expect(countries.map((segment) => segment.second)).toContain('RU');
    expect(countries.reduce((sum, segment) => sum + segment.contribution!, 0)).toBeCloseTo(europe.contribution!, 3);
  });

  it('the conversion ratio splits into rate and mix effects that add up to its change', async () => {
    const explanation = await fetchExplain(engine, MARKET_MODEL, RUSSIA_H2_2014, 'conversion');
    expect(explanation.change).not.toBeNull();
    const first = explanation.segments.filter((segment) => segment.level === 'first');
    const effects = first.reduce((sum, segment) => sum + segment.rateEffect! + segment.mixEffect!, 0);
    expect(effects).toBeCloseTo(explanation.change!, 9);
  });
});
