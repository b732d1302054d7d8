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
      overTime: 'mean',
    })),
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
      provenance: 'clickhouse',
      sourceLine: clickHouseSourceLine(def),
      cube: { dimensions: dimensions.map((d) => d.column) },
    },
  };
}
