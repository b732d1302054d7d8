import {
  checkedClickHouseMonth,
  clickHouseLiteral,
  clickHouseMonth,
  clickHouseParameter,
  quoteClickHouseIdentifier,
  quoteClickHouseTable,
  type ClickHouseParameter,
  type ClickHouseValue,
} from './literals';

/**
 * The pushdown: the heavy part of a view (filters, grouping by month and by the view's dimensions) as one plain
 * ClickHouse `GROUP BY`, whose small result (months × members) is loaded into DuckDB-wasm as a cube.
 *
 * It relies only on `toStartOfMonth`, `toDate('YYYY-MM-DD')`, `sum`/`min`/`max`, `isNull`, `IN (…)` and `GROUP BY` /
 * `ORDER BY` over SELECT aliases: all present in ClickHouse 18.16 (Debian's) and in current releases. The time
 * column may be a Date or a DateTime (toStartOfMonth returns a Date for both; a DateTime is cut in the server's time
 * zone). The month range is written on toStartOfMonth(time), which ClickHouse's primary-key analysis still uses
 * (the function is monotonic), so a table ordered by time is read only within the range.
 *
 * A pre-aggregated table (a SummingMergeTree by month fed by a materialized view) takes the same query: its rows
 * are summed only when parts merge, at some later time, so the pushdown always aggregates; never read it as if each
 * month × members cell had one row (test/clickhouse/preaggregated.test.ts checks it on unmerged parts).
 *
 * Values (filter members, the months' bounds) are written one of two ways ({@link PushdownOptions}): as escaped
 * literals (`literals.ts`), the only way 18.16 takes them; or, on releases with query parameters, as `{p0:String}`
 * placeholders whose text travels apart, in `param_p0` (the SQL then holds no value at all).
 */

export type PushdownAggregate = 'sum' | 'min' | 'max';

export interface PushdownMeasure {
  column: string;
  /** How the measure combines within a month × members cell; `sum` unless said. */
  aggregate?: PushdownAggregate;
}

export interface PushdownFilter {
  column: string;
  /** The allowed values; an empty list keeps no rows. `null` matches NULLs. */
  values: readonly ClickHouseValue[];
}

export interface PushdownSpec {
  table: string;
  /** The table's database; the connection's default database when absent. */
  database?: string;
  /** A Date or DateTime column. */
  time: string;
  /** Inclusive range of `YYYY-MM` months; either end may be absent. */
  months?: { from?: string; to?: string };
  filters?: readonly PushdownFilter[];
  dimensions?: readonly string[];
  measures: readonly PushdownMeasure[];
}

/** What each result column holds, by the alias the query gives it. */
export interface PushdownColumns {
  month: string;
  dimensions: { column: string; alias: string }[];
  measures: { column: string; aggregate: PushdownAggregate; alias: string }[];
}

export interface PushdownQuery {
  /** One SELECT without a FORMAT clause: the caller appends the format it reads. */
  sql: string;
  columns: PushdownColumns;
  /**
   * The query parameters the SQL's placeholders name, by name (`p0` for `{p0:String}`), each value as ClickHouse's
   * HTTP interface takes it in `param_p0` (Escaped text). Empty in `literals` mode.
   */
  params: Record<string, string>;
}

export interface PushdownOptions {
  /**
   * `literals` (the default): values as escaped literals in the SQL, for every release (18.16 has no query
   * parameters). `params`: values as `{pN:Type}` placeholders and {@link PushdownQuery.params}, for releases that
   * have query parameters (the proxy's `/features` says so).
   */
  values?: 'literals' | 'params';
}

/** Writes values into a query: as literals, or as placeholders whose text is kept apart. */
interface ValueWriter {
  value(value: Exclude<ClickHouseValue, null>): string;
  month(month: string): string;
  params: Record<string, string>;
}

function valueWriter(mode: 'literals' | 'params'): ValueWriter {
  if (mode === 'literals') return { value: clickHouseLiteral, month: clickHouseMonth, params: {} };
  if (mode !== 'params') throw new Error(`not a way to write values: ${JSON.stringify(mode)}`);
  const params: Record<string, string> = {};
  let next = 0;
  const placeholder = ({ type, value }: ClickHouseParameter) => {
    const name = `p${next++}`;
    params[name] = value;
    return `{${name}:${type}}`;
  };
  return {
    value: (value) => placeholder(clickHouseParameter(value)),
    month: (month) => placeholder({ type: 'Date', value: checkedClickHouseMonth(month) }),
    params,
  };
}

const AGGREGATES: readonly PushdownAggregate[] = ['sum', 'min', 'max'];

/**
 * Builds `SELECT toStartOfMonth(time) AS month, dims…, sum(m)… FROM table WHERE … GROUP BY month, dims… ORDER BY …`.
 * The aliases are generated (`__month`, `__d0`, `__m0`…) and never equal a column the query reads: ClickHouse
 * substitutes SELECT aliases into WHERE, so an alias named like a column would change what the filter reads.
 */
export function buildPushdownQuery(spec: PushdownSpec, options: PushdownOptions = {}): PushdownQuery {
  const write = valueWriter(options.values ?? 'literals');
  const dimensions = spec.dimensions ?? [];
  const filters = spec.filters ?? [];
  if (spec.measures.length === 0) throw new Error('a pushdown needs at least one measure');
  if (new Set(dimensions).size !== dimensions.length) throw new Error(`a dimension is repeated: ${dimensions.join(', ')}`);
  if (dimensions.includes(spec.time)) throw new Error(`the time column ${spec.time} cannot also be a dimension`);

  const referenced = new Set([spec.time, ...dimensions, ...spec.measures.map((m) => m.column), ...filters.map((f) => f.column)]);
  let prefix = '__';
  const clashes = (p: string) => [...referenced].some((name) => name.startsWith(p));
  while (clashes(prefix)) prefix += '_';

  const time = quoteClickHouseIdentifier(spec.time);
  const columns: PushdownColumns = {
    month: `${prefix}month`,
    dimensions: dimensions.map((column, i) => ({ column, alias: `${prefix}d${i}` })),
    measures: spec.measures.map((measure, i) => {
      const aggregate = measure.aggregate ?? 'sum';
      if (!AGGREGATES.includes(aggregate)) throw new Error(`not an aggregate the pushdown supports: ${JSON.stringify(aggregate)}`);
      return { column: measure.column, aggregate, alias: `${prefix}m${i}` };
    }),
  };

  const select = [
    `toStartOfMonth(${time}) AS ${quoteClickHouseIdentifier(columns.month)}`,
    ...columns.dimensions.map((d) => `${quoteClickHouseIdentifier(d.column)} AS ${quoteClickHouseIdentifier(d.alias)}`),
    ...columns.measures.map((m) => `${m.aggregate}(${quoteClickHouseIdentifier(m.column)}) AS ${quoteClickHouseIdentifier(m.alias)}`),
  ];

  const where: string[] = [];
  if (spec.months?.from !== undefined) where.push(`toStartOfMonth(${time}) >= ${write.month(spec.months.from)}`);
  if (spec.months?.to !== undefined) where.push(`toStartOfMonth(${time}) <= ${write.month(spec.months.to)}`);
  if (spec.months?.from !== undefined && spec.months.to !== undefined && spec.months.from > spec.months.to) {
    throw new Error(`the month range ends (${spec.months.to}) before it starts (${spec.months.from})`);
  }
  for (const filter of filters) where.push(filterCondition(filter, write));

  const groupBy = [columns.month, ...columns.dimensions.map((d) => d.alias)].map(quoteClickHouseIdentifier);
  const sql = [
    `SELECT ${select.join(', ')}`,
    `FROM ${quoteClickHouseTable(spec.table, spec.database)}`,
    ...(where.length > 0 ? [`WHERE ${where.join(' AND ')}`] : []),
    `GROUP BY ${groupBy.join(', ')}`,
    `ORDER BY ${groupBy.join(', ')}`,
  ].join('\n');
  return { sql, columns, params: write.params };
}

function filterCondition({ column, values }: PushdownFilter, write: ValueWriter): string {
  const quoted = quoteClickHouseIdentifier(column);
  if (values.length === 0) return '0';
  const nonNull = values.filter((v) => v !== null);
  const parts: string[] = [];
  if (nonNull.length > 0) parts.push(`${quoted} IN (${[...new Set(nonNull)].map((value) => write.value(value)).join(', ')})`);
  if (nonNull.length < values.length) parts.push(`isNull(${quoted})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}
