import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { MARKET_MODEL } from '../marketModel';
import { fetchSeries } from './fetchSeries';

describe('the overview trend over months without any data', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await engine.query(`CREATE TABLE market_monthly AS SELECT * FROM (VALUES
      (DATE '2020-01-01', 'A', 'RU', 10::BIGINT, 1.0, 1::BIGINT, 1::BIGINT),
      (DATE '2020-03-01', 'A', 'RU', 30::BIGINT, 3.0, 3::BIGINT, 1::BIGINT)
    ) t(month, marketplace, country, visitors, gmv_usd, orders, active_sellers)`);
  });

  it('keeps every month of the view on the axis, with gaps as null', async () => {
    const trend = await fetchSeries(
      engine,
      MARKET_MODEL,
      { datasetId: 'market', measureId: 'visitors', from: '2019-12', to: '2020-03', filters: {} },
      { by: 'marketplace', limit: 10, grain: 'month', mode: 'absolute', base: '2019-12' },
    );
    expect(trend.periods).toEqual(['2019-12', '2020-01', '2020-02', '2020-03']);
    expect(trend.series.map(({ name, values }) => ({ name, values }))).toEqual([{ name: 'A', values: [null, 10, null, 30] }]);
  });
});
