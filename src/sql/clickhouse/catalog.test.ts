import { describe, expect, it } from 'vitest';
import { buildColumnsQuery, buildTablesQuery, columnsInTableOrder } from './catalog';

// Text and parsing only; test/clickhouse/app-cube.test.ts lists a real 18.16 table through the proxy.
describe('ClickHouse catalog queries', () => {
  it('escapes the database name and never orders columns by name', () => {
    expect(buildTablesQuery("it's")).toBe("SELECT name, engine FROM system.tables WHERE database = 'it\\'s' ORDER BY name");
    expect(buildColumnsQuery('db')).toBe("SELECT * FROM system.columns WHERE database = 'db'");
  });

  it('keeps the returned order when system.columns has no position (18.16)', () => {
    const answer = {
      meta: [{ name: 'database', type: 'String' }, { name: 'table', type: 'String' }, { name: 'name', type: 'String' }, { name: 'type', type: 'String' }],
      data: [['d', 't', 'zeta', 'String'], ['d', 'u', 'x', 'UInt8'], ['d', 't', 'alpha', 'Date']],
    };
    expect(Object.fromEntries(columnsInTableOrder(answer))).toEqual({
      t: [{ name: 'zeta', type: 'String' }, { name: 'alpha', type: 'Date' }],
      u: [{ name: 'x', type: 'UInt8' }],
    });
  });

  it('sorts by position when the release has it, whatever order the rows came in', () => {
    const answer = {
      meta: [{ name: 'table', type: 'String' }, { name: 'name', type: 'String' }, { name: 'type', type: 'String' }, { name: 'position', type: 'UInt64' }],
      data: [['t', 'alpha', 'Date', '3'], ['t', 'zeta', 'String', '1'], ['t', 'mid', 'Float64', '2'], ['t', 'late', 'UInt8', '10']],
    };
    expect(columnsInTableOrder(answer).get('t')!.map((c) => c.name)).toEqual(['zeta', 'mid', 'alpha', 'late']);
  });

  it('says what is missing when the answer has no table, name or type', () => {
    expect(() => columnsInTableOrder({ meta: [{ name: 'name', type: 'String' }], data: [] })).toThrow(/without table, name or type \(it has name\)/);
  });
});
