import { beforeAll, describe, expect, it } from 'vitest';
import { expectPlannable } from '../../test/support/validateSql';
import type { Engine } from '../engine';
import { createNodeEngine } from '../engine/nodeEngine';
import { buildConversion, buildIsNullExpression, buildPreparedField, type ValueFormat } from './convert';
import {
  buildConversionRejectsQuery,
  buildConvertedRowsQuery,
  buildCubeCleanupStatements,
  buildCubeCountsQuery,
  buildCubeStatement,
  buildDropTableStatement,
  buildGroupedCubeStatement,
  buildIngestCleanupStatements,
  buildIngestCountsQuery,
  buildIngestStatement,
  buildProblemRowsStatement,
  buildReadCsv,
  buildReaderRejectedLinesQuery,
  buildReaderRejectsQuery,
  buildRenameTableStatement,
  monthStart,
  type CsvDialectSpec,
  type GroupedColumnSpec,
} from './ingest';

const DIALECT: CsvDialectSpec = { delimiter: ',', quote: '"', escape: '"', header: true, compression: 'none' };
const DATE: ValueFormat = { kind: 'date', format: '%Y-%m-%d' };
const NUMBER: ValueFormat = { kind: 'number', decimal: '.', thousands: null, percent: false, currency: null, integer: true };

/** date, shop, orders: the columns as the load converts them (`c<index>` read from `f<index>`). */
const spec = (index: number, format: ValueFormat, role: GroupedColumnSpec['role']): GroupedColumnSpec => ({
  name: `c${index}`,
  sourceIndex: index,
  convert: (field) => buildConversion(field, format, ['NA']).expression,
  isNull: (field) => buildIsNullExpression(field, ['NA']),
  required: role === 'time',
  emptyAs: role === 'dimension' ? '(empty)' : undefined,
  role,
  mode: role === 'measure' ? 'row' : 'grouped',
});
const COLUMNS = [spec(0, DATE, 'time'), spec(1, { kind: 'text' }, 'dimension'), spec(2, NUMBER, 'measure')];
const MEASURES = [
  { column: 'c2', name: 'c2' },
  { column: null, name: '__rows' },
];

describe('the upload load statements', () => {
  it('drop and rename tables by quoted names', () => {
    expect(buildDropTableStatement('u_a"b__cube')).toBe('DROP TABLE IF EXISTS "u_a""b__cube"');
    expect(buildRenameTableStatement('__staging_cube_u', 'u__cube')).toBe('ALTER TABLE "__staging_cube_u" RENAME TO "u__cube"');
  });

  describe('on DuckDB', () => {
    let engine: Engine;
    let file: string;
    const read = (pass: number) => buildReadCsv(file, DIALECT, 3, { errors: `__rejects_t_${pass}`, scans: `__rejects_scan_t_${pass}` });

    beforeAll(async () => {
      engine = await createNodeEngine();
      file = engine.filePath('ingest_builders.csv');
      const text = 'date,shop,orders\n2024-01-02,Alpha,3\n2024-01-05,Beta,x\n2024-02-01,Alpha,4,extra\n';
      await engine.registerFileBuffer(file, new TextEncoder().encode(text));
      // Tables the later statements read: the rows (row by row), the staging cube, the reader's rejects.
      await engine.query(buildIngestStatement('t_rows', read(1), COLUMNS));
      const rows = { query: buildConvertedRowsQuery(read(2), COLUMNS) };
      await engine.query(buildCubeStatement('t_cube', rows, monthStart('"c0"'), ['c1'], MEASURES, 'month', { problemFlag: true }));
    });

    it('read the file and convert its rows', async () => {
      await expectPlannable(engine, `SELECT * FROM ${buildReadCsv(file, DIALECT, 3, null)}`);
      await expectPlannable(engine, buildConvertedRowsQuery(read(3), COLUMNS, { limit: 10 }));
      await expectPlannable(engine, buildIngestStatement('t_other', read(3), COLUMNS));
      await expectPlannable(engine, buildProblemRowsStatement('t_problems', read(3), COLUMNS));
      await expectPlannable(engine, `SELECT ${buildPreparedField("'x'", ['NA'])}`);
      await expectPlannable(engine, `SELECT ${buildConversion("' 1,5 '", NUMBER, []).expression}, ${buildIsNullExpression("'NA'", ['NA'])}`);
    });

    it('build the cube, straight or grouped', async () => {
      await expectPlannable(engine, buildCubeStatement('t_cube2', 't_rows', monthStart('"c0"'), ['c1'], MEASURES, 'month'));
      await expectPlannable(
        engine,
        buildGroupedCubeStatement('t_cube3', read(3), COLUMNS, 'month', '__rows', { limit: 2, timelessMonth: '2000-01' }),
      );
    });

    it('count, report and clean up', async () => {
      await expectPlannable(engine, buildIngestCountsQuery('t_rows'));
      await expectPlannable(engine, buildConversionRejectsQuery('t_rows', 10));
      await expectPlannable(engine, buildReaderRejectsQuery('__rejects_t_1', 10));
      await expectPlannable(engine, buildReaderRejectedLinesQuery('__rejects_t_1'));
      await expectPlannable(engine, buildCubeCountsQuery('t_cube', '__rows'));
      // Planned one by one, unrun: each statement is checked against the tables as they are.
      for (const index of [0, 1, 2]) await expectPlannable(engine, buildIngestCleanupStatements('t_rows')[index]!);
      for (const index of [0, 1]) await expectPlannable(engine, buildCubeCleanupStatements('t_cube')[index]!);
      expect([buildIngestCleanupStatements('t_rows').length, buildCubeCleanupStatements('t_cube').length]).toEqual([3, 2]);
      await expectPlannable(engine, buildDropTableStatement('t_cube'));
      await expectPlannable(engine, buildRenameTableStatement('t_cube', 't_final'));
    });

    it('count what the file holds: one reader reject, one conversion reject, one loaded row', async () => {
      expect(await engine.query(buildIngestCountsQuery('t_rows'))).toEqual([{ loaded: 1, rejected: 1 }]);
      expect(await engine.query(buildReaderRejectedLinesQuery('__rejects_t_1'))).toEqual([{ record_line: 4 }]);
      await engine.query(buildRenameTableStatement('t_rows', 't_renamed'));
      await engine.query(buildDropTableStatement('t_renamed'));
      const left = await engine.query<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE table_name LIKE 't\\_r%' ESCAPE '\\'");
      expect(left).toEqual([]);
    });
  });
});
