import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { BUNDLED_FILES, type BundledFile } from './bundledFiles';
import { DatasetLoadError, loadBundledDatasets, type DatasetLoadProgress, type FileLoadReport } from './loadBundledDatasets';
import { readDatasetFile, readDatasetText } from '../../test/support/loadBundledIntoNode';

const encode = (text: string) => new TextEncoder().encode(text);
const fileSpec = (fileName: string): BundledFile => {
  const spec = BUNDLED_FILES.find((file) => file.fileName === fileName);
  if (!spec) throw new Error(`${fileName} is not a bundled file`);
  return spec;
};
const TRAFFIC = fileSpec('marketplace-traffic.csv');
const SALES = fileSpec('marketplace-sales.csv');
const REGIONS = fileSpec('regions.csv');
const MARKETPLACES = fileSpec('marketplaces.csv');
const TRAFFIC_HEADER = 'month,marketplace,country,visitors';

/** Independent of countCsvRecords: the bundled files have no line breaks inside quoted fields. */
const countLines = (text: string) => text.split('\n').filter((line) => line !== '').length - 1;
const tableCount = async (engine: Engine, table: string) =>
  (await engine.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n;

/** Loads `files` with the given texts standing in for the files on disk. */
const loadTexts = (engine: Engine, texts: Record<string, string>, files: BundledFile[]) =>
  loadBundledDatasets(
    engine,
    async (fileName) => {
      const text = texts[fileName];
      if (text === undefined) throw new Error(`no fixture for ${fileName}`);
      return encode(text);
    },
    undefined,
    files,
  );

describe('loading every bundled file', () => {
  let engine: Engine;
  let reports: FileLoadReport[];
  const progress: DatasetLoadProgress[] = [];
  beforeAll(async () => {
    engine = await createNodeEngine();
    reports = await loadBundledDatasets(engine, readDatasetFile, (p) => progress.push(p));
  });

  it('reports every file, in order, with rowsInFile = rowsLoaded = the line count', async () => {
    expect(reports.map((r) => [r.fileName, r.table])).toEqual(BUNDLED_FILES.map((f) => [f.fileName, f.table]));
    for (const report of reports) {
      const lines = countLines(await readDatasetText(report.fileName));
      expect(lines).toBeGreaterThan(0);
      expect(report).toMatchObject({ rowsInFile: lines, rowsLoaded: lines });
      expect(await tableCount(engine, report.table)).toBe(lines);
    }
  });

  it('reports progress file by file and ends with nothing current', () => {
    const total = BUNDLED_FILES.length;
    expect(progress).toEqual([
      ...BUNDLED_FILES.map((file, index) => ({ loaded: index, total, current: file.fileName })),
      { loaded: total, total, current: null },
    ]);
  });

  it('builds market_monthly with one row per traffic row', async () => {
    const traffic = reports.find((r) => r.table === 'traffic')!;
    expect(await tableCount(engine, 'market_monthly')).toBe(traffic.rowsLoaded);
  });

  describe('a damaged file', () => {
    const damaged: Record<string, string> = {
      'non-numeric visitors': `${TRAFFIC_HEADER}\n2014-07,AliExpress,RU,15600000\n2014-08,AliExpress,RU,lots\n`,
      'a missing column': 'month,marketplace,country\n2014-07,AliExpress,RU\n',
      'a short row': `${TRAFFIC_HEADER}\n2014-07,AliExpress,RU,1\n2014-08,AliExpress,RU\n`,
      'an impossible month': `${TRAFFIC_HEADER}\n2014-13,AliExpress,RU,1\n`,
    };
    for (const [damage, text] of Object.entries(damaged)) {
      it(`with ${damage} fails with a DatasetLoadError naming the file`, async () => {
        const error = await loadTexts(engine, { [TRAFFIC.fileName]: text }, [TRAFFIC]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DatasetLoadError);
        expect((error as DatasetLoadError).fileName).toBe(TRAFFIC.fileName);
        expect((error as DatasetLoadError).message).toContain('marketplace-traffic.csv');
      });
    }

    it('leaves the engine usable and the loaded tables intact', async () => {
      await expect(loadTexts(engine, { [TRAFFIC.fileName]: damaged['non-numeric visitors']! }, [TRAFFIC])).rejects.toThrow(
        DatasetLoadError,
      );
      expect(await engine.query('SELECT 1 + 1 AS two')).toEqual([{ two: 2 }]);
      for (const report of reports) expect(await tableCount(engine, report.table)).toBe(report.rowsLoaded);
      expect(await tableCount(engine, 'market_monthly')).toBe(reports.find((r) => r.table === 'traffic')!.rowsLoaded);
      // The virtual file was dropped even though the load failed.
      await expect(engine.query(`SELECT * FROM read_csv('${TRAFFIC.fileName}')`)).rejects.toThrow();
    });

    it('a file that cannot be read fails the load with the reader’s error', async () => {
      await expect(loadTexts(engine, {}, [TRAFFIC])).rejects.toThrow(/no fixture for marketplace-traffic\.csv/);
      expect(await tableCount(engine, 'traffic')).toBe(reports.find((r) => r.table === 'traffic')!.rowsLoaded);
    });
  });
});

describe('loading small custom files', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  const trafficText = `${TRAFFIC_HEADER}\n2014-07,A,RU,100\n2014-07,B,RU,40\n2014-08,A,RU,120\n`;
  // A key (2014-08, B) only in sales, a quoted name with a comma, and a line break inside quotes.
  const salesText =
    'month,marketplace,country,gmv_usd,orders,active_sellers\n' +
    '2014-07,A,RU,250.50,5,2\n2014-07,B,RU,80.00,2,1\n2014-08,A,RU,300.25,6,2\n2014-08,B,RU,10.00,1,1\n' +
    '2014-09,"C, ""quoted""\nname",RU,1.00,1,1\n';

  // The derived table also joins the regions and the marketplaces' groups (B and C are not in the marketplaces file).
  const lookupTexts = {
    [REGIONS.fileName]: 'code,m49,region,subregion\nRU,643,Europe,Eastern Europe\n',
    [MARKETPLACES.fileName]: 'marketplace,parent_company,home_country,founded_year\nA,A Group,US,2000\n',
  };
  const lookups = { region: 'Europe', subregion: 'Eastern Europe' };

  it('loads them through the same path and builds the derived table from them', async () => {
    const reports = await loadTexts(engine, { [TRAFFIC.fileName]: trafficText, [SALES.fileName]: salesText, ...lookupTexts }, [
      TRAFFIC,
      SALES,
      REGIONS,
      MARKETPLACES,
    ]);
    expect(reports).toEqual([
      { fileName: TRAFFIC.fileName, table: 'traffic', rowsInFile: 3, rowsLoaded: 3 },
      { fileName: SALES.fileName, table: 'sales', rowsInFile: 5, rowsLoaded: 5 },
      { fileName: REGIONS.fileName, table: 'regions', rowsInFile: 1, rowsLoaded: 1 },
      { fileName: MARKETPLACES.fileName, table: 'marketplaces', rowsInFile: 1, rowsLoaded: 1 },
    ]);
    const rows = await engine.query('SELECT * FROM market_monthly ORDER BY month, marketplace');
    expect(rows).toEqual([
      { month: '2014-07-01', marketplace: 'A', country: 'RU', ...lookups, group: 'A Group', visitors: 100, gmv_usd: 250.5, orders: 5, active_sellers: 2 },
      { month: '2014-07-01', marketplace: 'B', country: 'RU', ...lookups, group: 'Unknown group', visitors: 40, gmv_usd: 80, orders: 2, active_sellers: 1 },
      { month: '2014-08-01', marketplace: 'A', country: 'RU', ...lookups, group: 'A Group', visitors: 120, gmv_usd: 300.25, orders: 6, active_sellers: 2 },
      // Only in sales: the join keeps the row's keys and leaves visitors missing, not zero.
      { month: '2014-08-01', marketplace: 'B', country: 'RU', ...lookups, group: 'Unknown group', visitors: null, gmv_usd: 10, orders: 1, active_sellers: 1 },
      {
        month: '2014-09-01',
        marketplace: 'C, "quoted"\nname',
        country: 'RU',
        ...lookups,
        group: 'Unknown group',
        visitors: null,
        gmv_usd: 1,
        orders: 1,
        active_sellers: 1,
      },
    ]);
  });

  it('a header-only file loads as an empty table', async () => {
    const reports = await loadTexts(engine, { [TRAFFIC.fileName]: `${TRAFFIC_HEADER}\n`, [SALES.fileName]: salesText, ...lookupTexts }, [
      TRAFFIC,
      SALES,
      REGIONS,
      MARKETPLACES,
    ]);
    expect(reports[0]).toMatchObject({ rowsInFile: 0, rowsLoaded: 0 });
    expect(await tableCount(engine, 'market_monthly')).toBe(5);
  });

  // The loader checks the header and every field against the declared columns before anything is cast, so that a
  // swapped pair of columns or a fractional count fails loudly with the line, column and value.
  it('a file whose header names the columns in another order is rejected at line 1', async () => {
    const swapped = 'month,country,marketplace,visitors\n2014-07,RU,A,100\n';
    const error = await loadTexts(engine, { [TRAFFIC.fileName]: swapped, [SALES.fileName]: salesText }, [
      TRAFFIC,
      SALES,
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLoadError);
    expect((error as Error).message).toMatch(/line 1, column 2: the header says "country" where "marketplace"/);
  });

  it.each([
    ['a fractional count', '2014-07,A,RU,10.5', /line 3, column "visitors": "10.5" is not a whole number/],
    ['a negative count', '2014-07,A,RU,-4', /line 3, column "visitors": "-4" is not a whole number ≥ 0/],
    ['an empty count', '2014-07,A,RU,', /line 3, column "visitors": the field is empty/],
    ['a day where a month belongs', '2014-07-15,A,RU,4', /line 3, column "month": "2014-07-15" is not a date/],
  ])('%s is rejected with its line, column and value, not converted', async (_, row, message) => {
    const text = `${TRAFFIC_HEADER}\n2014-07,B,RU,1\n${row}\n`;
    const error = await loadTexts(engine, { [TRAFFIC.fileName]: text, [SALES.fileName]: salesText }, [
      TRAFFIC,
      SALES,
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetLoadError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^marketplace-traffic\.csv: /);
  });
});
