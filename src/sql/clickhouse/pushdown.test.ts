import { describe, expect, it } from 'vitest';
import { buildPushdownQuery } from './pushdown';
import {
  clickHouseDate,
  clickHouseEscapedText,
  clickHouseLiteral,
  clickHouseMonth,
  clickHouseParameter,
  clickHouseString,
  quoteClickHouseIdentifier,
  quoteClickHouseTable,
} from './literals';

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

describe('ClickHouse query parameters', () => {
  it('writes a String parameter in the Escaped form: backslash and control characters escaped, quotes as they are', () => {
    expect(clickHouseEscapedText("it's \"x\" `y` {z}")).toBe("it's \"x\" `y` {z}");
    expect(clickHouseEscapedText('a\\b')).toBe('a\\\\b');
    expect(clickHouseEscapedText('a\0b\nc\td\re\bf\fg')).toBe('a\\0b\\nc\\td\\re\\bf\\fg');
    expect(clickHouseEscapedText('\x01\x7f Москва 🛒')).toBe('\x01\x7f Москва 🛒');
    expect(() => clickHouseEscapedText('\uDC00')).toThrow(/unpaired surrogate/);
  });

  it('types a parameter by its value', () => {
    expect(clickHouseParameter('RU')).toEqual({ type: 'String', value: 'RU' });
    expect(clickHouseParameter(42)).toEqual({ type: 'Int64', value: '42' });
    expect(clickHouseParameter(-1.5)).toEqual({ type: 'Float64', value: '-1.5' });
    expect(clickHouseParameter(1e21)).toEqual({ type: 'Float64', value: '1e+21' });
    expect(clickHouseParameter(true)).toEqual({ type: 'UInt8', value: '1' });
    expect(clickHouseParameter(-(2n ** 63n))).toEqual({ type: 'Int64', value: '-9223372036854775808' });
    expect(clickHouseParameter(2n ** 64n - 1n)).toEqual({ type: 'UInt64', value: '18446744073709551615' });
    expect(clickHouseParameter(2n ** 64n)).toEqual({ type: 'Int256', value: '18446744073709551616' });
    expect(() => clickHouseParameter(2n ** 255n)).toThrow(/Int256/);
    for (const bad of [NaN, Infinity]) expect(() => clickHouseParameter(bad)).toThrow(/finite/);
    expect(() => clickHouseParameter({} as never)).toThrow();
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

  it('writes placeholders and keeps the values apart in params mode', () => {
    const spec = {
      database: 'marketscope',
      table: 'traffic',
      time: 'month',
      months: { from: '2014-07', to: '2014-12' },
      filters: [{ column: 'country', values: ['RU', 'RU', null] }, { column: 'year', values: [2014, 1.5, true, 10n] }],
      dimensions: ['marketplace'],
      measures: [{ column: 'visitors' }],
    };
    const { sql, columns, params } = buildPushdownQuery(spec, { values: 'params' });
    expect(sql).toBe(
      [
        'SELECT toStartOfMonth(`month`) AS `__month`, `marketplace` AS `__d0`, sum(`visitors`) AS `__m0`',
        'FROM `marketscope`.`traffic`',
        'WHERE toStartOfMonth(`month`) >= {p0:Date} AND toStartOfMonth(`month`) <= {p1:Date}' +
          ' AND (`country` IN ({p2:String}) OR isNull(`country`)) AND `year` IN ({p3:Int64}, {p4:Float64}, {p5:UInt8}, {p6:Int64})',
        'GROUP BY `__month`, `__d0`',
        'ORDER BY `__month`, `__d0`',
      ].join('\n'),
    );
    expect(params).toEqual({ p0: '2014-07-01', p1: '2014-12-01', p2: 'RU', p3: '2014', p4: '1.5', p5: '1', p6: '10' });
    const literal = buildPushdownQuery(spec);
    expect(literal.params).toEqual({});
    expect(buildPushdownQuery(spec, { values: 'literals' })).toEqual(literal);
    expect(columns).toEqual(literal.columns);
    expect(() => buildPushdownQuery(spec, { values: 'both' as never })).toThrow(/values/);
    expect(() => buildPushdownQuery({ ...spec, months: { from: "2014-07' OR 1" } }, { values: 'params' })).toThrow(/YYYY-MM/);
    expect(() => buildPushdownQuery({ ...spec, months: { to: '2014-02-30' } }, { values: 'params' })).toThrow(/YYYY-MM/);
  });

  it('puts hostile values only in the params, never in the SQL text', () => {
    const hostile = ["x') OR 1=1 --", "it's", 'a\\b\\\\c', '\0nul', 'line\nbreak\r\ttab', '{p0:String}', '}{', '`tick`', '"dq"', "\\'; DROP TABLE t; --"];
    const { sql, params } = buildPushdownQuery(
      { table: 't', time: 'day', filters: [{ column: 'c', values: hostile }], measures: [{ column: 'm' }] },
      { values: 'params' },
    );
    expect(sql).toContain(`WHERE \`c\` IN (${hostile.map((_, i) => `{p${i}:String}`).join(', ')})`);
    // The SQL holds only the builder's own characters: no quote, backslash, control character or value text.
    const where = sql.split('\n').find((line) => line.startsWith('WHERE'))!;
    expect(where.replace(/\{p\d+:String\}/g, '')).toBe('WHERE `c` IN (, , , , , , , , , )');
    for (const char of ["'", '\\', '\0', '\r', '\t', '"']) expect(sql).not.toContain(char);
    expect(sql.split('\n')).toHaveLength(5);
    expect(Object.keys(params)).toEqual(hostile.map((_, i) => `p${i}`));
    expect(Object.values(params)).toEqual(hostile.map(clickHouseEscapedText));
    expect(params.p3).toBe('\\0nul');
    expect(params.p4).toBe('line\\nbreak\\r\\ttab');
    expect(params.p5).toBe('{p0:String}');
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
