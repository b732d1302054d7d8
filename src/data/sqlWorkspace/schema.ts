import type { Engine } from '../../engine';
import { quoteIdentifier, sqlInteger } from '../../sql';
import { BUNDLED_FILES, INTERNET_USERS_FILE, REGIONS_FILE } from '../bundledFiles';
import { MARKET_MODEL } from '../marketModel';
import type { DatasetModel } from '../model';
import { t } from '../../i18n';
import { messages } from './messages';

/** A table a workspace statement can read, for completion and the schema browser. */
export interface WorkspaceTable {
  /** What to type in SQL (quoted when it needs quotes). */
  name: string;
  /** A readable description, e.g. "Bundled: monthly marketplace traffic". */
  label: string;
  source: 'bundled' | 'upload' | 'view' | 'reference';
  columns: { name: string; type: string }[];
}

/** An uploaded dataset as the schema names it. */
export interface WorkspaceUpload {
  id: string;
  label: string;
  model: DatasetModel;
}

/** What each bundled table holds, in words (datasets/README.md), in the language active when the schema is listed. */
const BUNDLED_LABELS: Record<string, () => string> = {
  traffic: () => t(messages.traffic),
  sales: () => t(messages.sales),
  events: () => t(messages.events),
  published_figures: () => t(messages.publishedFigures),
  marketplaces: () => t(messages.marketplaces),
  [MARKET_MODEL.table]: () => t(messages.market, { dataset: MARKET_MODEL.label }),
  [REGIONS_FILE.table]: () => t(messages.regions),
  [INTERNET_USERS_FILE.table]: () => t(messages.internetUsers),
};
const REFERENCE_TABLES = new Set([REGIONS_FILE.table, INTERNET_USERS_FILE.table]);
const SOURCE_ORDER = { bundled: 0, upload: 1, view: 2, reference: 3 } as const;

/** A name as typed in SQL: bare when it is a plain lower-case word, quoted otherwise. */
export function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !SQL_WORDS.has(name) ? name : quoteIdentifier(name);
}
/** Words that cannot stand bare as a name in every place (a subset of DuckDB's reserved keywords seen in names). */
const SQL_WORDS = new Set(['group', 'order', 'select', 'from', 'where', 'table', 'user', 'limit', 'offset', 'all', 'and', 'or', 'as', 'by', 'on', 'to', 'in', 'is', 'not', 'null', 'case', 'end', 'when', 'then', 'else', 'with', 'having', 'default', 'check', 'column', 'union', 'window', 'year', 'month', 'day']);

type ColumnRow = {
  table_name: string;
  column_name: string;
  data_type: string;
};

/**
 * The tables and columns of `engine` a workspace statement can read, with readable labels: the bundled tables, the
 * uploads' rows and pre-aggregated cubes (the views read these), and the reference tables. Tables the app uses
 * while loading (staging copies) are not listed.
 */
export async function fetchWorkspaceSchemaOn(engine: Engine, uploads: readonly WorkspaceUpload[]): Promise<WorkspaceTable[]> {
  const rows = await engine.query<ColumnRow>(
    "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal ORDER BY table_name, column_index",
  );
  const byTable = new Map<string, { name: string; type: string }[]>();
  for (const row of rows) {
    let columns = byTable.get(row.table_name);
    if (!columns) byTable.set(row.table_name, (columns = []));
    columns.push({ name: row.column_name, type: row.data_type });
  }
  const bundled = new Set([...BUNDLED_FILES.map((file) => file.table), MARKET_MODEL.table]);
  const tables: WorkspaceTable[] = [];
  for (const [table, columns] of byTable) {
    const described = describeTable(table, bundled, uploads);
    if (described) tables.push({ name: sqlName(table), columns, ...described });
  }
  return tables.sort((a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.label.localeCompare(b.label));
}

function describeTable(table: string, bundled: ReadonlySet<string>, uploads: readonly WorkspaceUpload[]): Pick<WorkspaceTable, 'label' | 'source'> | null {
  if (bundled.has(table)) {
    return { label: BUNDLED_LABELS[table]?.() ?? t(messages.bundled, { table }), source: REFERENCE_TABLES.has(table) ? 'reference' : 'bundled' };
  }
  for (const upload of uploads) {
    const prefix = `${upload.id}__`;
    if (!table.startsWith(prefix)) continue;
    const headers = upload.model.dimensions.map((dimension) => `${dimension.column} = ${dimension.label}`);
    const measures = upload.model.measures.filter((measure) => !measure.perInternetUser).map((measure) => `${measure.column} = ${measure.label}`);
    const legend = [...headers, ...measures].join(', ');
    if (table === `${upload.id}__rows`) {
      return { label: legend ? t(messages.uploadRowsLegend, { dataset: upload.label, legend }) : t(messages.uploadRows, { dataset: upload.label }), source: 'upload' };
    }
    if (table === upload.model.table) {
      return { label: legend ? t(messages.cubeLegend, { dataset: upload.label, legend }) : t(messages.cube, { dataset: upload.label }), source: 'view' };
    }
    if (table.startsWith(`${upload.model.table}__by_`)) {
      const columns = table.slice(`${upload.model.table}__by_`.length);
      const named = columns === 'total' ? t(messages.monthOnly) : columns.split('_c').map((part) => (part.startsWith('c') ? part : `c${part}`)).map((column) => upload.model.dimensions.find((dimension) => dimension.column === column)?.label ?? column).join(', ');
      return { label: t(messages.subCube, { dataset: upload.label, columns: named }), source: 'view' };
    }
    return null;
  }
  return null;
}

/** The table's name as the engine knows it, when `name` is one the schema lists. */
function resolveTable(tables: readonly WorkspaceTable[], name: string): WorkspaceTable | undefined {
  return tables.find((table) => table.name === name || table.name === sqlName(name));
}

/**
 * A few distinct values of one column, as text, for the schema browser. Only a table and column the schema lists:
 * both are written as quoted identifiers, never as given.
 */
export async function fetchColumnSampleOn(engine: Engine, tables: readonly WorkspaceTable[], table: string, column: string, limit = 5): Promise<string[]> {
  const listed = resolveTable(tables, table);
  if (!listed) throw new Error(`no table ${JSON.stringify(table)} in the workspace`);
  if (!listed.columns.some((candidate) => candidate.name === column)) throw new Error(`no column ${JSON.stringify(column)} in ${listed.name}`);
  const raw = listed.name.startsWith('"') ? listed.name.slice(1, -1).replaceAll('""', '"') : listed.name;
  const rows = await engine.query<{ value: string }>(
    `SELECT DISTINCT CAST(${quoteIdentifier(column)} AS VARCHAR) AS value FROM ${quoteIdentifier(raw)} WHERE ${quoteIdentifier(column)} IS NOT NULL ORDER BY value LIMIT ${sqlInteger(limit, { min: 1, max: 100 })}`,
  );
  return rows.map((row) => row.value);
}

