import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/nodeEngine';
import type { Engine } from '../engine';
import { BUNDLED_FILES } from '../data/bundledFiles';
import { expectPlannable } from '../../test/support/validateSql';
import { buildEventsQuery } from './events';
import { createBundledTables } from './sqlTestKit';

describe('buildEventsQuery', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
    await createBundledTables(engine, BUNDLED_FILES);
  });

  it('is planned by DuckDB against the declared columns of events.csv', async () => {
    await expectPlannable(engine, buildEventsQuery());
  });

  it('lists events in date order', async () => {
    await engine.query(`INSERT INTO events (event_id, date, date_precision, date_derived, title, description, source)
      VALUES ('late', DATE '2015-03-01', 'day', false, 't', 'd', 's'), ('early', DATE '2012-01-01', 'year', true, 't', 'd', 's')`);
    const rows = await engine.query<{ event_id: string }>(buildEventsQuery());
    expect(rows.map((row) => row.event_id)).toEqual(['early', 'late']);
  });
});
