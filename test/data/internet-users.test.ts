import { beforeAll, describe, expect, it } from 'vitest';
import countries from 'i18n-iso-countries';
import { loadBundledIntoNode, readDatasetText } from '../support/loadBundledIntoNode';
import { buildKpiQuery, buildRankingQuery, sliceParams, type SliceSpec } from '../../src/sql';
import { MARKET_MODEL } from '../../src/data/marketModel';
import { findMeasure } from '../../src/data/model';
import type { Engine } from '../../src/engine';
// The script that writes the file: with the World Bank copy on this machine, the file must be exactly what it gives.
import { FIRST_YEAR, generateFromReference, HEADER, LAST_YEAR } from '../../scripts/generate-internet-users.mjs';

/**
 * datasets/internet-users.csv (World Bank WDI), read as plain text, and the reach measure on the bundled data,
 * recomputed here from the CSV texts themselves.
 */
interface Reference {
  population: number | null;
  pct: number | null;
  users: number | null;
}
const numberOrNull = (text: string) => (text === '' ? null : Number(text));

let text: string;
let byKey: Map<string, Reference>;

beforeAll(async () => {
  text = await readDatasetText('internet-users.csv');
  const lines = text.split('\n');
  expect(lines.at(-1), 'the file ends with a newline').toBe('');
  const [header, ...rows] = lines.slice(0, -1).map((line) => line.split(','));
  expect(header).toEqual([...HEADER]);
  byKey = new Map(
    rows.map((fields) => {
      expect(fields).toHaveLength(5);
      const [country, year, population, pct, users] = fields as [string, string, string, string, string];
      return [`${country} ${year}`, { population: numberOrNull(population), pct: numberOrNull(pct), users: numberOrNull(users) }];
    }),
  );
});

describe('datasets/internet-users.csv (World Bank WDI)', () => {
  it('is what scripts/generate-internet-users.mjs writes from ../shared/reference, when that copy is here', async () => {
    const generated = await generateFromReference();
    // CI has no ../shared: there the committed file is checked by the tests below only.
    if (generated !== null) expect(generated).toBe(text);
  });

  it('has every ISO country (no aggregate) for every year, each once', () => {
    const codes = new Set([...byKey.keys()].map((key) => key.slice(0, 2)));
    for (const code of codes) {
      expect(countries.isValid(code), code).toBe(true);
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) expect(byKey.has(`${code} ${year}`), `${code} ${year}`).toBe(true);
    }
    expect(byKey.size).toBe(codes.size * (LAST_YEAR - FIRST_YEAR + 1));
    for (const aggregate of ['XK', 'EU', 'ZH', 'XD', '1W']) expect(codes.has(aggregate), aggregate).toBe(false);
  });

  it('internet users are population × share / 100, and empty when either is', () => {
    for (const [key, row] of byKey) {
      if (row.population === null || row.pct === null) {
        expect(row.users, key).toBeNull();
        continue;
      }
      // The share is written to 4 decimals; the users come from the unrounded share.
      expect(Math.abs(row.users! - (row.population * row.pct) / 100), key).toBeLessThanOrEqual(row.population * 0.00005 / 100 + 1);
      expect(row.pct).toBeGreaterThanOrEqual(0);
      expect(row.pct).toBeLessThanOrEqual(100);
    }
  });

  it('covers every bundled country for 2013–2021, leaves 2023 empty, and keeps known values', async () => {
    const traffic = await readDatasetText('marketplace-traffic.csv');
    const bundled = new Set(traffic.split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[2]!));
    for (const code of bundled) for (let year = 2013; year <= 2021; year++) expect(byKey.get(`${code} ${year}`)?.users, `${code} ${year}`).not.toBeNull();
    expect([...byKey].filter(([key]) => key.endsWith(' 2023')).every(([, row]) => row.users === null)).toBe(true);
    // WDI: Russia, 2014: 70.52% of 143,819,667 people.
    expect(byKey.get('RU 2014')).toEqual({ population: 143819667, pct: 70.52, users: Math.round((143819667 * 70.52) / 100) });
  });
});

describe('reach on the bundled data', () => {
  let engine: Engine;
  let visitors: Map<string, number>; // "month marketplace country" → visitors
  beforeAll(async () => {
    ({ engine } = await loadBundledIntoNode());
    const traffic = await readDatasetText('marketplace-traffic.csv');
    visitors = new Map(
      traffic.split('\n').slice(1).filter(Boolean).map((line) => {
        const [month, marketplace, country, value] = line.split(',') as [string, string, string, string];
        return [`${month} ${marketplace} ${country}`, Number(value)];
      }),
    );
  }, 120_000);

  const reach = findMeasure(MARKET_MODEL, 'reach')!;
  const h2 = ['07', '08', '09', '10', '11', '12'].map((m) => `2014-${m}`);
  const russia: SliceSpec = { table: MARKET_MODEL.table, timeColumn: 'month', range: { from: '2014-07-01', to: '2014-12-01' }, filters: [{ column: 'country', values: ['RU'] }] };

  it('AliExpress in Russia, H2 2014: its average monthly visitors per 100 Russian internet users', async () => {
    const users = byKey.get('RU 2014')!.users!;
    const expected = h2.reduce((sum, month) => sum + (visitors.get(`${month} AliExpress RU`) ?? 0), 0) / h2.length / users * 100;
    const rows = await engine.query<{ key: string; value: number }>(buildRankingQuery(russia, reach, 'marketplace', 3), sliceParams(russia));
    expect(rows[0]!.key).toBe('AliExpress');
    expect(rows[0]!.value).toBeCloseTo(expected, 8);
  });

  it('Russia and Brazil together, 2014: the sum of visitors over the sum of their internet users, month by month', async () => {
    const slice: SliceSpec = { ...russia, range: { from: '2014-01-01', to: '2014-12-01' }, filters: [{ column: 'country', values: ['RU', 'BR'] }] };
    const months = Array.from({ length: 12 }, (_, i) => `2014-${String(i + 1).padStart(2, '0')}`);
    const users = byKey.get('RU 2014')!.users! + byKey.get('BR 2014')!.users!;
    const monthly = months.map((month) =>
      [...visitors].filter(([key]) => key.startsWith(`${month} `) && /( RU| BR)$/.test(key)).reduce((sum, [, v]) => sum + v, 0) / users * 100,
    );
    const [row] = await engine.query<{ current: number }>(buildKpiQuery(slice, reach, 'marketplace', { from: '2013-01-01', to: '2013-12-01' }), sliceParams(slice));
    expect(row!.current).toBeCloseTo(monthly.reduce((a, b) => a + b, 0) / 12, 8);
  });

  it('2024 and later have no reference data: no value, not zero', async () => {
    const slice: SliceSpec = { ...russia, range: { from: '2024-01-01', to: '2024-12-01' } };
    const [row] = await engine.query<{ current: number | null; current_months: number }>(
      buildKpiQuery(slice, reach, 'marketplace', { from: '2023-01-01', to: '2023-12-01' }),
      sliceParams(slice),
    );
    expect(row!.current).toBeNull();
    expect(row!.current_months).toBe(0);
  });
});
