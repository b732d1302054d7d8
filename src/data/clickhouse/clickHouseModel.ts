import type { Unit } from '../../lib/format';
import type { TimeAggregate } from '../../sql/slice';
import type { DatasetModel } from '../model';
import { RESERVED_IDS } from '../upload/plan';
import type { ClickHouseColumn, ClickHouseTable } from './clickHouseClient';
import type { ClickHouseCubeSpec } from './loadClickHouseCube';
import { t } from '../../i18n';
import { messages } from './messages';
import { messages as dataMessages } from '../messages';

/**
 * A ClickHouse dataset as the browser keeps it (storage, links, dashboards): a table on a named connection and the
 * roles the user mapped. No credentials: the server that serves the page must know the connection by name.
 */
export interface ClickHouseDatasetDef {
  connection: string;
  database: string;
  table: string;
  label: string;
  time: string;
  dimensions: { column: string; label: string; display: 'text' | 'country' }[];
  measures: { column: string; label: string; unit: Unit; overTime: TimeAggregate }[];
  /**
   * The measures (by column) that are visitors, orders and revenue, when the table has all three: the conversion view
   * and the traffic-to-sales ratios (orders per 1,000 visitors, order value, revenue per visitor) then work on it.
   */
  roles?: ClickHouseRoles;
}

export type ClickHouseRoles = { visitors: string; orders: string; revenue: string };
export const ROLE_NAMES = ['visitors', 'orders', 'revenue'] as const;

/** Names that suggest each of the traffic-to-sales roles, checked in order against a measure's column name. */
const ROLE_PATTERNS: Record<keyof ClickHouseRoles, RegExp[]> = {
  visitors: [/^(unique_)?visitors$/i, /visitor|^users$|^visits$/i],
  orders: [/^orders$/i, /order|purchases|transactions/i],
  revenue: [/^(revenue|gmv)(_usd|_eur)?$/i, /revenue|gmv|sales_(usd|eur|amount)/i],
};

/**
 * Visitors, orders and revenue among `measures`, by their column names (visitors/visits/users, orders/purchases,
 * revenue/gmv), when all three are found in three different columns; else undefined.
 */
export function suggestRoles(measures: readonly string[]): ClickHouseRoles | undefined {
  const pick = (role: keyof ClickHouseRoles, taken: string[]) => {
    for (const pattern of ROLE_PATTERNS[role]) {
      const found = measures.find((column) => pattern.test(column) && !taken.includes(column));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const visitors = pick('visitors', []);
  if (visitors === undefined) return undefined;
  const orders = pick('orders', [visitors]);
  if (orders === undefined) return undefined;
  const revenue = pick('revenue', [visitors, orders]);
  return revenue === undefined ? undefined : { visitors, orders, revenue };
}

/** `def`'s roles when each still names one of its measures (a measure set aside drops them all). */
export function validRoles(def: Pick<ClickHouseDatasetDef, 'measures' | 'roles'>): ClickHouseRoles | undefined {
  const roles = def.roles;
  if (!roles) return undefined;
  const columns = ROLE_NAMES.map((role) => roles[role]);
  const measured = columns.every((column) => def.measures.some((m) => m.column === column));
  return measured && new Set(columns).size === columns.length ? roles : undefined;
}

const TIME_TYPE = /^(Nullable\()?(Date|DateTime|DateTime64|Date32)\b/;
const NUMBER_TYPE = /^(Nullable\()?(U?Int\d+|Float\d+|Decimal)/;
const TEXT_TYPE = /^(Nullable\(|LowCardinality\()*(String|FixedString|Enum8|Enum16)\b/;

/** Which role a column can take, from its ClickHouse type. */
export function columnKind(column: ClickHouseColumn): 'time' | 'number' | 'text' | 'other' {
  if (TIME_TYPE.test(column.type)) return 'time';
  if (NUMBER_TYPE.test(column.type)) return 'number';
  if (TEXT_TYPE.test(column.type)) return 'text';
  return 'other';
}

const humanize = (name: string) => {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.length === 0 ? name : words[0]!.toUpperCase() + words.slice(1);
};

/**
 * Suggested roles for a table: the first Date/DateTime column (one named like month/date first) is time, text
 * columns are dimensions (a column named like country shows flags), numeric columns are summed measures (a name
 * with usd/gmv/revenue is in US dollars (usd)). Null when the table has no time column or no number to measure.
 */
export function suggestClickHouseDataset(connection: string, table: ClickHouseTable): ClickHouseDatasetDef | null {
  const times = table.columns.filter((c) => columnKind(c) === 'time');
  const time = times.find((c) => /month|date|day|time/i.test(c.name)) ?? times[0];
  const measures = table.columns.filter((c) => columnKind(c) === 'number');
  if (!time || measures.length === 0) return null;
  const roles = suggestRoles(measures.map((c) => c.name));
  return {
    connection,
    database: table.database,
    table: table.name,
    label: humanize(table.name),
    time: time.name,
    dimensions: table.columns
      .filter((c) => columnKind(c) === 'text')
      .map((c) => ({ column: c.name, label: humanize(c.name), display: /country/i.test(c.name) ? 'country' : 'text' })),
    measures: measures.map((c) => ({
      column: c.name,
      label: humanize(c.name),
      unit: /usd|gmv|revenue/i.test(c.name) ? 'usd' : 'count',
      // A sum over months for orders and revenue (a period's orders are the months' orders); visitors stay an average
      // month (monthly uniques do not add up), as in the bundled dataset.
      overTime: roles && (c.name === roles.orders || c.name === roles.revenue) ? 'sum' : 'mean',
    })),
    ...(roles ? { roles } : {}),
  };
}

/** The cube query of a dataset: every mapped dimension, every measure summed within a month. */
export function clickHouseCubeSpec(def: ClickHouseDatasetDef): ClickHouseCubeSpec {
  return {
    connection: def.connection,
    database: def.database || undefined,
    table: def.table,
    time: def.time,
    dimensions: def.dimensions.map((d) => d.column),
    measures: def.measures.map((m) => ({ column: m.column })),
  };
}

/** Where the numbers come from, as every panel's footer says it: "ClickHouse · local · marketscope.traffic". */
export function clickHouseSourceLine(def: ClickHouseDatasetDef): string {
  return `ClickHouse · ${def.connection} · ${def.database ? `${def.database}.` : ''}${def.table}`;
}

/**
 * The semantic model over the cube that {@link loadClickHouseCube} loads as `${datasetId}__cube`: the cube keeps the
 * table's column names (quoted by every view's SQL), the time column as a DATE (the first of each month).
 */
export function clickHouseModel(datasetId: string, def: ClickHouseDatasetDef): { model: DatasetModel; cubeTable: string } {
  if (def.measures.length === 0) throw new Error(t(messages.noMeasure, { table: def.table }));
  const cubeTable = `${datasetId}__cube`;
  // Never a name a link uses for itself ("measure", "from"…): a filter on such a column would be read as that.
  const taken = new Set<string>(RESERVED_IDS);
  const idFor = (column: string) => {
    const base = column.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'column';
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
    taken.add(id);
    return id;
  };
  const dimensions = def.dimensions.map((d) => ({ id: idFor(d.column), column: d.column, label: d.label, pluralLabel: d.label, display: d.display }));
  const measures = def.measures.map((m) => ({
    id: idFor(m.column),
    column: m.column,
    label: m.label,
    unit: m.unit,
    overTime: m.overTime,
    // In the language active when the dataset is listed (as for a bundled dataset's model): a snapshot keeps it as taken.
    periodLabel: m.overTime === 'sum' ? t(dataMessages.periodTotal) : t(dataMessages.periodAvgMonth),
    description: m.overTime === 'sum' ? t(messages.describeSum, { label: m.label }) : t(messages.describeMean, { label: m.label }),
  }));
  const roles = validRoles(def);
  const idOf = (column: string) => measures.find((m) => m.column === column)!.id;
  return {
    cubeTable,
    model: {
      id: datasetId,
      label: def.label,
      table: cubeTable,
      timeColumn: def.time,
      dimensions,
      measures,
      defaultMeasure: measures[0]!.id,
      ...(roles ? { roles: { visitors: idOf(roles.visitors), orders: idOf(roles.orders), revenue: idOf(roles.revenue) } } : {}),
      provenance: 'clickhouse',
      sourceLine: clickHouseSourceLine(def),
      cube: { dimensions: dimensions.map((d) => d.column) },
    },
  };
}
