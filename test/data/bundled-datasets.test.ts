import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { FileLoadReport } from '../../src/data/loadBundledDatasets';
import { loadBundledIntoNode, readDatasetText } from '../support/loadBundledIntoNode';

/**
 * The bundled data, checked twice: in SQL on the tables the app loads, and independently by parsing the CSV text in
 * plain JS. Nothing here is copied from the code's own output; the fixed numbers are the published figures.
 */

/** Minimal RFC 4180 parser (quoted fields, doubled quotes, `\n` line ends), independent of the app's loader. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n')) {
      field += ch;
    } else {
      record.push(field);
      field = '';
      if (ch === '\n') {
        records.push(record);
        record = [];
      }
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...rows] = records;
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) throw new Error(`row ${index + 2} has ${row.length} fields, not ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, row[i]!]));
  });
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const H2_2014 = ['2014-07', '2014-08', '2014-09', '2014-10', '2014-11', '2014-12'];
const PUBLISHED_RU_H2_2014: Record<string, number> = { AliExpress: 15_600_000, eBay: 3_700_000, Amazon: 1_400_000 };

interface TrafficRow {
  month: string;
  marketplace: string;
  country: string;
  visitors: string;
}

let engine: Engine;
let reports: FileLoadReport[];
let traffic: TrafficRow[];
let sales: Record<string, string>[];

beforeAll(async () => {
  ({ engine, reports } = await loadBundledIntoNode());
  traffic = parseCsv(await readDatasetText('marketplace-traffic.csv')) as unknown as TrafficRow[];
  sales = parseCsv(await readDatasetText('marketplace-sales.csv'));
});

describe('calibration: Russia, July–December 2014 (Forbes via PYMNTS)', () => {
  it('every file loaded completely', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5);
    for (const report of reports) expect(report.rowsLoaded).toBe(report.rowsInFile);
  });

  it('SQL on the traffic table gives the published monthly averages exactly', async () => {
    const rows = await engine.query<{ marketplace: string; mean: number; months: number }>(
      `SELECT marketplace, AVG(visitors) AS mean, COUNT(*) AS months FROM traffic
       WHERE country = 'RU' AND month BETWEEN DATE '2014-07-01' AND DATE '2014-12-01'
         AND marketplace IN ('AliExpress', 'eBay', 'Amazon')
       GROUP BY marketplace`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.marketplace, r.mean]))).toEqual(PUBLISHED_RU_H2_2014);
    for (const row of rows) expect(row.months).toBe(6);
  });

  it('parsing the CSV in plain JS gives the same averages exactly', () => {
    for (const [marketplace, published] of Object.entries(PUBLISHED_RU_H2_2014)) {
      const values = traffic
        .filter((r) => r.country === 'RU' && r.marketplace === marketplace && H2_2014.includes(r.month))
        .map((r) => Number(r.visitors));
      expect(values).toHaveLength(6);
      // Integers well below 2^53: the sum is exact, so the check is exact too.
      expect(values.reduce((a, b) => a + b, 0)).toBe(published * 6);
    }
  });

  it('AliExpress is the most visited marketplace in Russia in each of those months', async () => {
    const sqlLeaders = await engine.query<{ month: string; leader: string }>(
      `SELECT month, arg_max(marketplace, visitors) AS leader FROM traffic
       WHERE country = 'RU' AND month BETWEEN DATE '2014-07-01' AND DATE '2014-12-01'
       GROUP BY month ORDER BY month`,
    );
    expect(sqlLeaders).toEqual(H2_2014.map((month) => ({ month: `${month}-01`, leader: 'AliExpress' })));
    for (const month of H2_2014) {
      const ru = traffic.filter((r) => r.country === 'RU' && r.month === month);
      const top = ru.reduce((best, r) => (Number(r.visitors) > Number(best.visitors) ? r : best));
      expect(ru.filter((r) => Number(r.visitors) === Number(top.visitors))).toHaveLength(1);
      expect(top.marketplace).toBe('AliExpress');
    }
  });

  it('matches the three RU H2-2014 rows of published-figures.csv', async () => {
    const figures = parseCsv(await readDatasetText('published-figures.csv')).filter(
      (f) => f.country === 'RU' && f.period_start === '2014-07' && f.period_end === '2014-12',
    );
    expect(figures.map((f) => f.subject).sort()).toEqual(Object.keys(PUBLISHED_RU_H2_2014).sort());
    for (const figure of figures) {
      expect(Number(figure.value)).toBe(PUBLISHED_RU_H2_2014[figure.subject!]);
      const [row] = await engine.query<{ mean: number }>(
        `SELECT AVG(t.visitors) AS mean FROM traffic t JOIN published_figures f
           ON t.marketplace = f.subject AND t.country = f.country
          AND strftime(t.month, '%Y-%m') BETWEEN f.period_start AND f.period_end
         WHERE f.figure_id = ?`,
        [figure.figure_id!],
      );
      expect(row?.mean).toBe(Number(figure.value));
    }
  });
});

describe('series shape', () => {
  it('Temu has no visitors before its launch in 2022-09', async () => {
    const [row] = await engine.query<{ first: string; before: number }>(
      `SELECT MIN(month) AS first, COUNT(*) FILTER (WHERE month < DATE '2022-09-01') AS before
       FROM traffic WHERE marketplace = 'Temu'`,
    );
    expect(row).toEqual({ first: '2022-09-01', before: 0 });
    expect(traffic.filter((r) => r.marketplace === 'Temu' && r.month < '2022-09')).toEqual([]);
  });

  it('every series starts at its launch month (or 2013-01) and ends at its exit (or 2025-12), without holes', async () => {
    const url = new URL('../../scripts/lib/marketplaces.mjs', import.meta.url).href;
    const { MARKETPLACES } = (await import(/* @vite-ignore */ url)) as {
      MARKETPLACES: { name: string; markets: Record<string, [string, number, { end?: string }?]> }[];
    };
    const expected = new Map<string, { first: string; last: string }>();
    for (const mp of MARKETPLACES) {
      for (const [country, [launch, , options]] of Object.entries(mp.markets)) {
        const end = options?.end ?? '2025-12';
        expected.set(`${mp.name}|${country}`, {
          first: launch > '2013-01' ? launch : '2013-01',
          last: end < '2025-12' ? end : '2025-12',
        });
      }
    }
    const seen = new Map<string, string[]>();
    for (const r of traffic) {
      const key = `${r.marketplace}|${r.country}`;
      const months = seen.get(key);
      if (months) months.push(r.month);
      else seen.set(key, [r.month]);
    }
    expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, months] of seen) {
      const sorted = [...months].sort();
      expect({ key, first: sorted[0], last: sorted.at(-1) }).toEqual({ key, ...expected.get(key) });
      const holes = sorted.filter((month, i) => monthIndex(month) !== monthIndex(sorted[0]!) + i);
      expect({ key, holes }).toEqual({ key, holes: [] });
    }
    const sqlHoles = await engine.query(
      `SELECT marketplace, country FROM traffic GROUP BY ALL
       HAVING COUNT(DISTINCT month) <> COUNT(*)
           OR COUNT(*) <> date_diff('month', MIN(month), MAX(month)) + 1`,
    );
    expect(sqlHoles).toEqual([]);
  });

  it('every visitors, orders and active_sellers value is a positive integer in the file', () => {
    const positiveInteger = /^[1-9][0-9]*$/;
    expect(traffic.filter((r) => !positiveInteger.test(r.visitors))).toEqual([]);
    expect(sales.filter((r) => !positiveInteger.test(r.orders!) || !positiveInteger.test(r.active_sellers!))).toEqual([]);
    expect(sales.filter((r) => !/^[0-9]+\.[0-9]{2}$/.test(r.gmv_usd!) || Number(r.gmv_usd) <= 0)).toEqual([]);
  });
});

describe('coverage and consistency', () => {
  it('has at least 15 marketplaces and 30 countries over 2013-01 … 2025-12, every month present', async () => {
    const [row] = await engine.query<Record<string, number | string>>(
      `SELECT COUNT(DISTINCT marketplace) AS marketplaces, COUNT(DISTINCT country) AS countries,
              MIN(month) AS first, MAX(month) AS last, COUNT(DISTINCT month) AS months FROM traffic`,
    );
    expect(row?.marketplaces).toBeGreaterThanOrEqual(15);
    expect(row?.countries).toBeGreaterThanOrEqual(30);
    expect(row).toMatchObject({ first: '2013-01-01', last: '2025-12-01', months: 13 * 12 });
    expect(new Set(traffic.map((r) => r.marketplace)).size).toBe(row?.marketplaces);
    expect(new Set(traffic.map((r) => r.country)).size).toBe(row?.countries);
  });

  it('traffic and sales have exactly the same keys', async () => {
    const key = (r: { month?: string; marketplace?: string; country?: string }) => `${r.month}|${r.marketplace}|${r.country}`;
    expect(sales.map(key)).toEqual(traffic.map(key));
    const [row] = await engine.query<{ unmatched: number; joined: number; traffic: number }>(
      `SELECT COUNT(*) FILTER (WHERE t.visitors IS NULL OR s.orders IS NULL) AS unmatched, COUNT(*) AS joined,
              (SELECT COUNT(*) FROM traffic) AS traffic
       FROM traffic t FULL OUTER JOIN sales s USING (month, marketplace, country)`,
    );
    expect(row).toEqual({ unmatched: 0, joined: traffic.length, traffic: traffic.length });
  });

  it('implied conversion is 0.2 %–10 % and average order value $5–$300 everywhere', async () => {
    const [row] = await engine.query<Record<string, number>>(
      `SELECT MIN(orders / visitors) AS min_conv, MAX(orders / visitors) AS max_conv,
              MIN(gmv_usd / orders) AS min_aov, MAX(gmv_usd / orders) AS max_aov,
              COUNT(*) FILTER (WHERE orders IS NULL OR visitors IS NULL OR gmv_usd IS NULL) AS missing
       FROM market_monthly`,
    );
    expect(row?.missing).toBe(0);
    expect(row?.min_conv).toBeGreaterThanOrEqual(0.002);
    expect(row?.max_conv).toBeLessThanOrEqual(0.1);
    expect(row?.min_aov).toBeGreaterThanOrEqual(5);
    expect(row?.max_aov).toBeLessThanOrEqual(300);
    traffic.forEach((t, i) => {
      const s = sales[i]!;
      const conversion = Number(s.orders) / Number(t.visitors);
      const aov = Number(s.gmv_usd) / Number(s.orders);
      if (!(conversion >= 0.002 && conversion <= 0.1 && aov >= 5 && aov <= 300)) {
        expect.fail(`${t.month} ${t.marketplace} ${t.country}: conversion ${conversion}, AOV ${aov}`);
      }
    });
  });

  it('November and December are above the annual mean of all traffic in most years', async () => {
    const totals = new Map<string, number>();
    for (const r of traffic) totals.set(r.month, (totals.get(r.month) ?? 0) + Number(r.visitors));
    const years = [...new Set(traffic.map((r) => r.month.slice(0, 4)))];
    const seasonalYears = years.filter((year) => {
      const months = [...totals].filter(([month]) => month.startsWith(year)).map(([, total]) => total);
      const mean = months.reduce((a, b) => a + b, 0) / months.length;
      return totals.get(`${year}-11`)! > mean && totals.get(`${year}-12`)! > mean;
    });
    expect(years).toHaveLength(13);
    expect(seasonalYears.length).toBeGreaterThan(years.length / 2);

    const sqlYears = await engine.query<{ year: number }>(
      `WITH monthly AS (SELECT month, SUM(visitors) AS total FROM traffic GROUP BY month),
       yearly AS (SELECT year(month) AS year, AVG(total) AS mean,
                         MAX(total) FILTER (WHERE month(month) = 11) AS nov_total,
                         MAX(total) FILTER (WHERE month(month) = 12) AS dec_total
                  FROM monthly GROUP BY ALL)
       SELECT year FROM yearly WHERE nov_total > mean AND dec_total > mean ORDER BY year`,
    );
    expect(sqlYears.map((r) => String(r.year))).toEqual(seasonalYears);
  });
});

describe('events and the generator', () => {
  it('every event has a real date, and the Mexico government deal is marked derived', async () => {
    const events = parseCsv(await readDatasetText('events.csv'));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const [y, m, d] = event.date!.split('-').map(Number) as [number, number, number];
      const probe = new Date(Date.UTC(y, m - 1, d));
      expect(event.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([probe.getUTCFullYear(), probe.getUTCMonth() + 1, probe.getUTCDate()]).toEqual([y, m, d]);
      expect(['day', 'month', 'year']).toContain(event.date_precision);
      if (event.date_precision !== 'day') expect(d).toBe(1);
      expect(['true', 'false']).toContain(event.date_derived);
    }
    const loaded = await engine.query<{ n: number; undated: number }>(
      'SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE date IS NULL) AS undated FROM events',
    );
    expect(loaded).toEqual([{ n: events.length, undated: 0 }]);

    const deal = await engine.query<{ date: string; date_derived: boolean }>(
      `SELECT date, date_derived FROM events
       WHERE country = 'MX' AND description ILIKE '%government%' AND description ILIKE '%deal%'`,
    );
    expect(deal).toEqual([{ date: '2017-09-01', date_derived: true }]);
  });

  it('the generator is deterministic: --check regenerates byte-identical files', async () => {
    const script = fileURLToPath(new URL('../../scripts/generate-datasets.mjs', import.meta.url));
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(process.execPath, [script, '--check'], { timeout: 60_000 }, (_error, stdout, stderr) =>
        resolve({ code: child.exitCode, output: `${stdout}${stderr}` }),
      );
    });
    expect(result, result.output).toMatchObject({ code: 0 });
  });
});
