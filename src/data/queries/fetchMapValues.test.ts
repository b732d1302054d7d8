import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import type { QuerySlice } from '../querySlice';
import { fetchMapValues } from './fetchMapValues';
import { type Row, REGION_OF, createMarketMonthly, monthCount, near, slice, total, view } from './marketMonthlyTestKit';

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createMarketMonthly(engine);
});

describe('fetchMapValues', () => {
  const map = async (v: QuerySlice, metric: 'value' | 'share' | 'growth', member: string | null = null) =>
    Object.fromEntries((await fetchMapValues(engine, MARKET_MODEL, v, { metric, member })).map((x) => [x.code, x.value]));
  const perCountry = (rows: Row[]) => { // country → total ÷ selection months
    const out: Record<string, number> = {};
    for (const r of rows) out[r.country] = (out[r.country] ?? 0) + r.visitors! / monthCount(rows);
    return out;
  };

  it('value: the per-country value, for all members or one', async () => {
    expect(await map(view(), 'value')).toEqual(Object.fromEntries(Object.entries(perCountry(slice(view()))).map(([c, x]) => [c, near(x)])));
    const a = view({ filters: { marketplace: ['A'] } });
    expect(await map(view(), 'value', 'A')).toEqual(Object.fromEntries(Object.entries(perCountry(slice(a))).map(([c, x]) => [c, near(x)])));
  });

  it('share: the member’s part of all members in each country', async () => {
    const result = await map(view({ filters: { marketplace: ['B'] } }), 'share', 'A'); // the member filter is replaced
    const rows = slice(view());
    const share = (c: string) => total(rows.filter((r) => r.country === c && r.marketplace === 'A')) / total(rows.filter((r) => r.country === c));
    expect(result).toEqual({ RU: near(share('RU')), MX: near(share('MX')) });
    expect(Object.values(result).every((x) => x! > 0 && x! <= 1)).toBe(true);
  });

  it('growth: against the same months a year earlier, null where there was no data', async () => {
    const now = perCountry(slice(view()));
    const before = perCountry(slice(view(), -12));
    expect(await map(view(), 'growth')).toEqual({
      RU: near((now.RU! - before.RU!) / before.RU!), MX: near((now.MX! - before.MX!) / before.MX!), KZ: null,
    });
  });

  // D has visitors in 1 of the 6 months: member and total are combined over the same months.
  it('share of an averaged measure stays at most 1 for a member with fewer months than the selection', async () => {
    const result = await map(view(), 'share', 'D');
    const mx = slice(view()).filter((r) => r.country === 'MX');
    expect(result.MX).toBeCloseTo(total(mx.filter((r) => r.marketplace === 'D')) / total(mx), 9);
    expect(result.MX).toBeLessThanOrEqual(1);
  });

  it('by region: every country with data is coloured by its region’s value, and says which region', async () => {
    const rows = slice(view());
    const regionValue = (region: string) => total(rows.filter((r) => REGION_OF[r.country]!.region === region)) / monthCount(rows);
    const result = await fetchMapValues(engine, MARKET_MODEL, view(), { metric: 'value', member: null, by: 'region' });
    expect(Object.fromEntries(result.map((x) => [x.code, [x.area, x.value]]))).toEqual({
      RU: ['North', near(regionValue('North'))],
      KZ: ['North', near(regionValue('North'))],
      MX: ['South', near(regionValue('South'))],
    });
    // North is RU and KZ together: more than either country's own value.
    const own = perCountry(rows);
    expect(regionValue('North')).toBeCloseTo(own.RU! + own.KZ!, 9);
    // Growth of a region: KZ has no data a year earlier, so North's change is that of RU plus KZ against RU alone.
    const growth = await fetchMapValues(engine, MARKET_MODEL, view(), { metric: 'growth', member: null, by: 'region' });
    const before = slice(view(), -12);
    const northBefore = total(before.filter((r) => REGION_OF[r.country]!.region === 'North')) / monthCount(before);
    expect(growth.find((x) => x.code === 'KZ')!.value).toBeCloseTo((regionValue('North') - northBefore) / northBefore, 9);
  });
});
