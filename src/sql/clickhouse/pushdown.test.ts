import { describe, expect, it } from 'vitest';
import { buildPushdownQuery } from './pushdown';
import { clickHouseDate, clickHouseLiteral, clickHouseMonth, clickHouseString, quoteClickHouseIdentifier, quoteClickHouseTable } from './literals';

// Text only; test/clickhouse/cluster.test.ts runs the same text against a real two-shard ClickHouse.
describe('ClickHouse literals', () => {
  it('escapes backslashes, quotes and control characters, never leaving them raw', () => {
    expect(clickHouseString("it's")).toBe("'it\\'s'");
    expect(clickHouseString('a\\b')).toBe("'a\\\\b'");
    expect(clickHouseString("\\'; DROP TABLE t; --")).toBe("'\\\\\\'; DROP TABLE t; --'");
    expect(clickHouseString('a\0b\nc\td\re')).toBe("'a\\0b\\nc\\td\\re'");
    expect(clickHouseString('\x01\x1f\x7f')).toBe("'\\x01\\x1f\\x7f'");
    expect(clickHouseString('Москва 🛒 ü')).toBe("'Москва 🛒 ü'");
    expect(clickHouseString('x'.repeat(100_000))).toHaveLength(100_002);
    expect(() => clickHouseString('\uD800')).toThrow(/unpaired surrogate/);
  });

  it('quotes identifiers in backticks with the same escapes', () => {
    expect(quoteClickHouseIdentifier('visitors')).toBe('`visitors`');
    expect(quoteClickHouseIdentifier('a`b')).toBe('`a\\`b`');
    expect(quoteClickHouseIdentifier("it's \"x\"")).toBe('`it\'s "x"`');
    expect(quoteClickHouseIdentifier('a\\b\nc')).toBe('`a\\\\b\\nc`');
    expect(quoteClickHouseTable('t', 'db')).toBe('`db`.`t`');
    expect(quoteClickHouseTable('t')).toBe('`t`');
    expect(() => quoteClickHouseIdentifier('')).toThrow(/empty/);
  });

  it('renders numbers only when finite, and dates only when they are calendar dates', () => {
    expect(clickHouseLiteral(42)).toBe('42');
    expect(clickHouseLiteral(-1.5)).toBe('-1.5');
    expect(clickHouseLiteral(12345678901234567890n)).toBe('12345678901234567890');
    expect(clickHouseLiteral(true)).toBe('1');
    expect(clickHouseLiteral(null)).toBe('NULL');
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => clickHouseLiteral(bad)).toThrow(/finite/);
    expect(() => clickHouseLiteral({} as never)).toThrow();
    expect(clickHouseDate('2014-07-01')).toBe("toDate('2014-07-01')");
    expect(clickHouseMonth('2014-12')).toBe("toDate('2014-12-01')");
    for (const bad of ['2014-02-30', "2014-07-01'); DROP", '1969-12-31', '2014-13', '14-07']) {
      expect(() => (bad.length === 7 ? clickHouseMonth(bad) : clickHouseDate(bad))).toThrow();
    }
    expect(() => clickHouseMonth("2014-07' OR 1")).toThrow(/YYYY-MM/);
  });
});

describe('buildPushdownQuery', () => {
  it('groups by month and the dimensions, filters by months and allowed values', () => {
    const { sql, columns } = buildPushdownQuery({
      database: 'marketscope',
      table: 'traffic',
      time: 'month',
      months: { from: '2014-07', to: '2014-12' },
      filters: [{ column: 'country', values: ['RU'] }],
      dimensions: ['marketplace'],
      measures: [{ column: 'visitors' }],
    });
    expect(sql).toBe(
      [
        'SELECT toStartOfMonth(`month`) AS `__month`, `marketplace` AS `__d0`, sum(`visitors`) AS `__m0`',
        'FROM `marketscope`.`traffic`',
        "WHERE toStartOfMonth(`month`) >= toDate('2014-07-01') AND toStartOfMonth(`month`) <= toDate('2014-12-01') AND `country` IN ('RU')",
        'GROUP BY `__month`, `__d0`',
        'ORDER BY `__month`, `__d0`',
      ].join('\n'),
    );
    expect(columns).toEqual({
      month: '__month',
      dimensions: [{ column: 'marketplace', alias: '__d0' }],
      measures: [{ column: 'visitors', aggregate: 'sum', alias: '__m0' }],
    });
  });

  it('never gives an alias the name of a column it reads', () => {
    const { sql, columns } = buildPushdownQuery({ table: 't', time: '__month', dimensions: ['__d0'], measures: [{ column: '___m0', aggregate: 'max' }] });
    const aliases = [columns.month, ...columns.dimensions.map((d) => d.alias), ...columns.measures.map((m) => m.alias)];
    for (const alias of aliases) expect(['__month', '__d0', '___m0']).not.toContain(alias);
    expect(sql).toContain('max(`___m0`)');
    expect(sql).not.toContain('WHERE');
  });

  it('renders empty, null and hostile filter values as literals only', () => {
    const hostile = "x') OR 1=1 --";
    const { sql } = buildPushdownQuery({
      table: 't',
      time: 'day',
      filters: [
        { column: 'a', values: [] },
        { column: 'b', values: [null, 'y', 'y'] },
        { column: 'c`; DROP', values: [hostile, 3] },
      ],
      measures: [{ column: 'm' }],
    });
    expect(sql).toContain("WHERE 0 AND (`b` IN ('y') OR isNull(`b`)) AND `c\\`; DROP` IN ('x\\') OR 1=1 --', 3)");
  });

  it('refuses what it cannot express', () => {
    const base = { table: 't', time: 'day', measures: [{ column: 'm' }] };
    expect(() => buildPushdownQuery({ ...base, measures: [] })).toThrow(/measure/);
    expect(() => buildPushdownQuery({ ...base, dimensions: ['a', 'a'] })).toThrow(/repeated/);
    expect(() => buildPushdownQuery({ ...base, dimensions: ['day'] })).toThrow(/time column/);
    expect(() => buildPushdownQuery({ ...base, months: { from: '2015-01', to: '2014-12' } })).toThrow(/before it starts/);
    expect(() => buildPushdownQuery({ ...base, measures: [{ column: 'm', aggregate: 'avg' as never }] })).toThrow(/aggregate/);
    expect(() => buildPushdownQuery({ ...base, months: { from: '2014-7' } })).toThrow(/YYYY-MM/);
  });
});
