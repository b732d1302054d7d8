import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { addUpload, configureUploads, databaseFor } from '../../src/data/datasets';
import { prepareUpload } from '../../src/data/upload/prepare';
import { memoryUploadStore } from '../../src/data/upload/storage';
import { fetchCatalog } from '../../src/data/queries/fetchCatalog';
import { fetchRanking } from '../../src/data/queries/fetchRanking';
import { modelForQuery } from '../../src/data/cubes';
import { dimensionLevels, geographicLevels } from '../../src/data/model';
import { quoteIdentifier } from '../../src/sql';

/**
 * Uploads with a country column get the UN M49 region and sub-region as dimensions, like the bundled data: real
 * columns of the cube, joined on the code at commit. Expectations are worked out by hand from the rows below.
 */

let engine: Engine;
beforeEach(async () => {
  engine = await createNodeEngine();
  configureUploads({ engine: async () => engine, store: async () => memoryUploadStore() });
});

const file = (name: string, lines: string[]) => new File([lines.join('\n')], name);

const WHOLE_NUMBER = { kind: 'number' as const, decimal: '.' as const, thousands: null, percent: false, currency: null, integer: true };

/** Uploads the lines as the app would; a column named in `measures` is a whole-number measure whatever its values. */
async function upload(name: string, lines: string[], measures: string[] = []) {
  const prepared = await prepareUpload(file(name, lines), name);
  const plan = {
    ...prepared.plan,
    columns: prepared.plan.columns.map((column) =>
      measures.includes(column.header) ? { ...column, role: 'measure' as const, format: WHOLE_NUMBER } : column,
    ),
  };
  const { entry, report } = await addUpload(prepared.file, name, plan);
  return { entry, report, db: await databaseFor(entry.id) };
}

describe('an upload with a country column', () => {
  it('gets region and sub-region dimensions; the rows still add up, an M49-less code included', async () => {
    // XK (Kosovo) and TW (Taiwan) are valid country values for the app but have no M49 region; one row is rejected.
    const { entry, report, db } = await upload('visits.csv', [
      'month,country,shop,visits',
      '2024-01,RU,A,10',
      '2024-01,PL,A,5',
      '2024-01,MX,B,7',
      '2024-02,XK,A,3',
      '2024-02,TW,B,2',
      '2024-02,RU,B,not a number',
      '2024-02,RU,A,20',
    ], ['visits']);
    expect(report).toMatchObject({ rowsInFile: 7, rowsLoaded: 6, rowsRejected: 1, rowsSkipped: 0 });

    const { model } = entry;
    const byId = Object.fromEntries(model.dimensions.map((dimension) => [dimension.id, dimension]));
    expect(model.dimensions.map((dimension) => [dimension.id, dimension.label])).toEqual([
      ['country', 'country'],
      ['shop', 'shop'],
      ['region', 'Region'],
      ['subregion', 'Sub-region'],
    ]);
    expect(dimensionLevels(model, 'country').map((dimension) => dimension.id)).toEqual(['region', 'subregion', 'country']);
    expect(geographicLevels(model)?.region).toBe(byId.region);
    expect(model.cube?.dimensions).toContain(byId.region!.column);

    // The committed cube holds the rows loaded, no more and no fewer (a LEFT JOIN on a unique code).
    const [rows] = await db.query<{ rows: number }>(`SELECT SUM(__rows) AS rows FROM ${quoteIdentifier(model.table)}`);
    expect(Number(rows!.rows)).toBe(report.rowsLoaded);

    const catalog = await fetchCatalog(db, model);
    expect([...catalog.members.region!].sort()).toEqual(['Americas', 'Europe', 'Unknown region']);
    expect([...catalog.members.subregion!].sort()).toEqual(['Eastern Europe', 'Latin America and the Caribbean', 'Unknown sub-region']);

    // Visits by region over both months: Europe 10 + 5 + 20, Americas 7, unknown 3 + 2; the same as the countries'.
    const view = { datasetId: model.id, measureId: 'visits', from: '2024-01', to: '2024-02', filters: {} };
    const byRegion = await fetchRanking(db, await modelForQuery(db, model, ['region']), view, 'region', 10);
    expect(Object.fromEntries(byRegion.rows.map((row) => [row.key, row.value]))).toEqual({ Europe: 35, Americas: 7, 'Unknown region': 5 });
    // A region filter reads the same cube as any other filter: Europe's countries.
    const europe = { ...view, filters: { region: ['Europe'] } };
    const countries = await fetchRanking(db, await modelForQuery(db, model, ['region', 'country']), europe, 'country', 10);
    expect(Object.fromEntries(countries.rows.map((row) => [row.key, row.value]))).toEqual({ RU: 30, PL: 5 });
  });

  it('leaves the file’s own "Region" column alone and names the derived ones apart', async () => {
    const { entry } = await upload('sales.csv', ['Region,Country,Sales', 'North,RU,1', 'South,MX,2', 'North,PL,3']);
    const dimensions = entry.model.dimensions.map((dimension) => [dimension.id, dimension.label, dimension.column]);
    expect(dimensions).toEqual([
      ['region', 'Region', 'c0'],
      ['country', 'Country', 'c1'],
      ['region_2', 'Region (Country)', 'c1__region'],
      ['subregion', 'Sub-region (Country)', 'c1__subregion'],
    ]);
    const db = await databaseFor(entry.id);
    const catalog = await fetchCatalog(db, entry.model);
    expect([...catalog.members.region!].sort()).toEqual(['North', 'South']);
    expect([...catalog.members.region_2!].sort()).toEqual(['Americas', 'Europe']);
  });

  it('adds nothing to an upload without a country column', async () => {
    const { entry } = await upload('plain.csv', ['shop,sales', 'A,1', 'B,2']);
    expect(entry.model.dimensions.map((dimension) => dimension.id)).toEqual(['shop']);
    expect(geographicLevels(entry.model)).toBeNull();
  });
});
