import { beforeEach, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { addUpload, configureUploads, databaseFor } from '../../src/data/datasets';
import { prepareUpload } from '../../src/data/upload/prepare';
import { memoryUploadStore } from '../../src/data/upload/storage';
import { fetchRanking } from '../../src/data/queries/fetchRanking';
import { modelForQuery } from '../../src/data/cubes';
import { findMeasure } from '../../src/data/model';
import { readDatasetText } from '../support/loadBundledIntoNode';

/**
 * An upload with one country column gets each number column per 100 internet users (World Bank data), computed as
 * for the bundled data. Expectations are recomputed from the rows below and datasets/internet-users.csv's text.
 */
let engine: Engine;
beforeEach(async () => {
  engine = await createNodeEngine();
  configureUploads({ engine: async () => engine, store: async () => memoryUploadStore() });
});

const WHOLE_NUMBER = { kind: 'number' as const, decimal: '.' as const, thousands: null, percent: false, currency: null, integer: true };

async function upload(name: string, lines: string[]) {
  const prepared = await prepareUpload(new File([lines.join('\n')], name), name);
  const plan = {
    ...prepared.plan,
    columns: prepared.plan.columns.map((column) => (column.header === 'visits' ? { ...column, role: 'measure' as const, format: WHOLE_NUMBER } : column)),
  };
  const { entry } = await addUpload(prepared.file, name, plan);
  return { model: entry.model, db: await databaseFor(entry.id) };
}

async function internetUsers(country: string, year: number): Promise<number> {
  const line = (await readDatasetText('internet-users.csv')).split('\n').find((l) => l.startsWith(`${country},${year},`))!;
  return Number(line.split(',')[4]);
}

describe('an upload with a country column', () => {
  it('offers visits per 100 internet users: countries by their own, shops by the selected countries\'', async () => {
    const { model, db } = await upload('visits.csv', [
      'month,country,shop,visits',
      '2014-01,RU,A,1000',
      '2014-01,BR,A,500',
      '2014-02,RU,B,2000',
      '2023-01,RU,A,10', // 2023: no World Bank data yet, so no value
    ]);
    const measure = findMeasure(model, 'visits_per_iu');
    expect(measure?.label).toBe('visits per 100 internet users');
    expect(measure?.description).toContain('World Bank');
    const [ru, br] = [await internetUsers('RU', 2014), await internetUsers('BR', 2014)];
    const months = measure!.overTime === 'sum' ? 1 : 2; // an averaged measure divides by the months with a value
    const view = { datasetId: model.id, measureId: 'visits_per_iu', from: '2014-01', to: '2023-12', filters: {} };

    const byCountry = await fetchRanking(db, await modelForQuery(db, model, ['country']), view, 'country', 10);
    const countries = Object.fromEntries(byCountry.rows.map((row) => [row.key, row.value]));
    expect(countries.RU).toBeCloseTo(((1000 + 2000) / ru) * 100 / months, 10);
    expect(countries.BR).toBeCloseTo((500 / br) * 100 / months, 10);

    const byShop = await fetchRanking(db, await modelForQuery(db, model, ['shop', 'country']), view, 'shop', 10);
    const shops = Object.fromEntries(byShop.rows.map((row) => [row.key, row.value]));
    expect(shops.A).toBeCloseTo(((1000 + 500) / (ru + br)) * 100 / months, 10);
    expect(shops.B).toBeCloseTo((2000 / ru) * 100 / months, 10);
  });

  it('without a country column there is no measure per internet user', async () => {
    const { model } = await upload('shops.csv', ['month,shop,visits', '2014-01,A,1', '2014-02,B,2']);
    expect(model.measures.some((measure) => measure.perInternetUser)).toBe(false);
  });
});
