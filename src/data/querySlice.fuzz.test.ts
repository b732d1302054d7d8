import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeViewState } from '../views';
import { MARKET_MODEL } from './marketModel';
import { resolveQuerySlice, type DatasetCatalog } from './querySlice';

/** The bundled model with a small catalog: what a link is checked against before anything reaches SQL. */
const CATALOG: DatasetCatalog = {
  firstMonth: '2012-01',
  lastMonth: '2025-12',
  rowCount: 1000,
  members: Object.fromEntries(
    MARKET_MODEL.dimensions.map((dimension, index) => [dimension.id, index === 0 ? ['AliExpress', 'eBay', 'Amazon', 'Ozon'] : ['RU', 'MX', 'BR']]),
  ),
};
const measures = new Set(MARKET_MODEL.measures.map((measure) => measure.id));
const dimensions = new Set(MARKET_MODEL.dimensions.map((dimension) => dimension.id));

describe('links checked against the data (fuzz)', () => {
  it('10,000 random and hostile links: only real measures, dimensions, members and months reach a query', () => {
    const keys = ['measure', 'from', 'to', 'base', 'by', 'mapMember', 'tab', 'top', ...dimensions, 'xf.map.country', 'xf.trend.marketplace', 'sort.leaderboard', 'nope'];
    const hostile = ["'; DROP TABLE market_monthly; --", 'RU\' OR \'1\'=\'1', '<script>window.__pwned=1</script>', '2014-13', '1999-00', 'AliExpress', 'RU', 'visitors', 'gmv', '9'.repeat(400)];
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 30 }))), { maxLength: 8 }),
        (pairs) => {
          runs += 1;
          const search = pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
          const { state } = decodeViewState(search);
          const { view, options } = resolveQuerySlice(state, MARKET_MODEL, CATALOG);
          expect(measures.has(view.measureId)).toBe(true);
          expect(view.from >= CATALOG.firstMonth && view.to <= CATALOG.lastMonth && view.from <= view.to).toBe(true);
          for (const [dimension, members] of Object.entries(view.filters)) {
            expect(dimensions.has(dimension)).toBe(true);
            for (const value of members) expect(CATALOG.members[dimension]).toContain(value);
          }
          for (const byDimension of Object.values(options.selections)) {
            for (const [dimension, members] of Object.entries(byDimension ?? {})) {
              for (const value of members) expect(CATALOG.members[dimension]).toContain(value);
            }
          }
          expect(dimensions.has(options.by)).toBe(true);
          if (options.mapMember !== null) expect(CATALOG.members[MARKET_MODEL.dimensions[0]!.id]).toContain(options.mapMember);
        },
      ),
      { seed: 2026, numRuns: 10_000, interruptAfterTimeLimit: 20_000 },
    );
    expect(runs).toBe(10_000);
  });
});
