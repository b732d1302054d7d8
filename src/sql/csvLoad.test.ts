import { beforeAll, describe, expect, it } from 'vitest';
import { expectPlannable } from '../../test/support/validateSql';
import type { Engine } from '../engine';
import { createNodeEngine } from '../engine/nodeEngine';
import {
  buildCsvHeaderQuery,
  buildCsvStageStatement,
  buildCsvTypedReadStatement,
  buildCsvTypedTableStatement,
  buildCsvValidationQuery,
  type CsvColumn,
} from './csvLoad';

const COLUMNS: CsvColumn[] = [
  { name: 'month', type: 'DATE' },
  { name: 'country', type: 'VARCHAR' },
  { name: 'orders', type: 'BIGINT', nullable: true },
];

describe('the bundled CSV load statements on DuckDB', () => {
  let engine: Engine;
  let file: string;
  beforeAll(async () => {
    engine = await createNodeEngine();
    file = engine.filePath('csv_load.csv');
    await engine.registerFileBuffer(file, new TextEncoder().encode('month,country,orders\n2024-01-01,RU,3\n2024-02-01,MX,\n'));
    await engine.query(buildCsvStageStatement('stage', file, COLUMNS));
  });

  it('are planned', async () => {
    await expectPlannable(engine, buildCsvHeaderQuery(file, 3));
    await expectPlannable(engine, buildCsvStageStatement('stage2', file, COLUMNS));
    await expectPlannable(engine, buildCsvValidationQuery('stage', COLUMNS, { limit: 5 }));
    await expectPlannable(engine, buildCsvTypedTableStatement('typed', 'stage', COLUMNS));
    await expectPlannable(engine, buildCsvTypedReadStatement('typed_read', file, COLUMNS));
  });

  it('stage every field as text and find no problem in a clean file', async () => {
    expect(await engine.query('SELECT country, orders FROM stage ORDER BY 1')).toEqual([
      { country: 'MX', orders: null },
      { country: 'RU', orders: '3' },
    ]);
    expect(await engine.query(buildCsvValidationQuery('stage', COLUMNS))).toEqual([]);
  });
});
