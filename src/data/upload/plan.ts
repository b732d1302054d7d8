import { t } from '../../i18n';
import { messages } from './messages';
import type { ValueFormat } from '../../sql';
import { reservedParameterNames } from '../../views';
import type { Unit } from '../../lib/format';
import type { Dialect, LineEnding } from './dialect';
import type { SourceSelection } from './readers/sourceFormat';

/** What a column of an uploaded file is for. */
export type ColumnRole = 'time' | 'dimension' | 'measure' | 'ignore';

/** One column of the file, as the user mapped it (suggested first, then edited in the preview). */
export interface PlannedColumn {
  /** Position in the file, from 0. */
  index: number;
  /** The header text, shown to people; never used as SQL or as an object key. */
  header: string;
  role: ColumnRole;
  format: ValueFormat;
  /** Texts that count as an empty value in this column. */
  nullTokens: string[];
  /** For measures: the unit and how months combine (summed, or the average month). */
  unit: Unit;
  overTime: 'sum' | 'mean';
}

/**
 * Wide to long, for files with one column per year or month (World Bank exports): the listed columns become rows,
 * their headers the values of a new column (`name`, e.g. "Year") and their cells the values of another (`value`).
 * Both new columns are planned like the file's own; their indexes come after the file's last column.
 */
export interface UnpivotPlan {
  /** Indexes of the file's columns that are unpivoted (at least two). */
  columns: number[];
  name: PlannedColumn;
  value: PlannedColumn;
}

/** Everything needed to load a file: how to read it and what each column is. */
export interface UploadPlan {
  datasetLabel: string;
  /** The file's format (and a workbook's sheet); absent means CSV, as in every plan made before other formats. */
  source?: SourceSelection;
  /** How a CSV file is written; other formats carry DEFAULT_TEXT_DIALECT here and ignore it. */
  dialect: Dialect;
  /** As found in the file: CR-only and mixed line ends are normalised before DuckDB reads it. */
  lineEnding: LineEnding;
  columns: PlannedColumn[];
  /** Load only the first N data rows (offered when the whole file would not fit in memory). */
  sampleRows?: number;
  /** Unpivot a wide file while loading it (off when absent). */
  unpivot?: UnpivotPlan;
}

/** The columns the dataset is made of: the file's, or with an unpivot, the others plus its name and value columns. */
export function effectiveColumns(plan: UploadPlan): PlannedColumn[] {
  if (!plan.unpivot) return plan.columns;
  const melted = new Set(plan.unpivot.columns);
  return [...plan.columns.filter((column) => !melted.has(column.index)), plan.unpivot.name, plan.unpivot.value];
}

/** Why a plan cannot be loaded yet, in words for the mapping screen; empty when it can. */
export function planProblems(plan: UploadPlan): string[] {
  const problems: string[] = [];
  const columns = effectiveColumns(plan);
  if (plan.unpivot && plan.unpivot.columns.length < 2) problems.push(t(messages.unpivotTwoColumns));
  const times = columns.filter((column) => column.role === 'time');
  if (times.length > 1) problems.push(t(messages.oneTimeColumn));
  for (const time of times) {
    if (!['date', 'timestamp', 'month', 'year'].includes(time.format.kind)) {
      problems.push(t(messages.timeFormat, { column: time.header }));
    }
  }
  if (!columns.some((column) => column.role === 'dimension')) {
    problems.push(t(messages.needDimension));
  }
  // No measure is fine: every dataset can count its rows.
  const measures = columns.filter((column) => column.role === 'measure');
  for (const measure of measures) {
    if (measure.format.kind !== 'number' && measure.format.kind !== 'duration') {
      problems.push(t(messages.measureFormat, { column: measure.header }));
    }
  }
  if (plan.datasetLabel.trim().length === 0) problems.push(t(messages.needName));
  return problems;
}

/**
 * Names a link's own parameters use (`v`, `z`, the view state's settings, derived from the declared views): a column
 * called "Measure" or "From" gets the id `measure_2`, so that a filter on it is never read as something else. Each
 * name also in lower case (ids are lower case, and a reader may not care), and the built-in row count measure
 * (uploadedModel.ts).
 */
export const RESERVED_IDS: readonly string[] = [
  ...new Set([...reservedParameterNames().flatMap((name) => [name, name.toLowerCase()]), 'row_count']),
];

/**
 * Stable, URL-safe ids for the mapped columns ("Device Category" → "device_category"), unique within the dataset.
 * Links and filters refer to these; the table's column names are generated separately.
 */
export function columnIds(columns: readonly PlannedColumn[]): Map<number, string> {
  const used = new Set<string>(RESERVED_IDS);
  const ids = new Map<number, string>();
  for (const column of columns) {
    const base = slug(column.header) || `column_${column.index + 1}`;
    let id = base;
    for (let suffix = 2; used.has(id); suffix++) id = `${base}_${suffix}`;
    used.add(id);
    ids.set(column.index, id);
  }
  return ids;
}

/** Lower-case ASCII letters, digits and underscores, starting with a letter; at most 40 characters. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return /^[a-z]/.test(ascii) ? ascii : ascii ? `c_${ascii}`.slice(0, 40) : '';
}

/**
 * Bytes of tab memory a load is expected to take: the file's size (gzip files about 4× their size), the share of
 * its columns that are loaded, and DuckDB's overhead over the text (measured: a 50 MB file of 8 columns took 102 MiB
 * in DuckDB, about 2×; the load needs the text columns and the typed table at once, so count 2.5×).
 */
export function estimateLoadBytes(plan: UploadPlan, fileBytes: number, compressed: boolean): number {
  const text = compressed ? fileBytes * 4 : fileBytes;
  const columns = effectiveColumns(plan);
  const used = columns.filter((column) => column.role !== 'ignore').length;
  const share = plan.unpivot ? 1 : used / Math.max(1, plan.columns.length);
  const sampled = plan.sampleRows !== undefined ? Math.min(1, plan.sampleRows / 1_000_000) : 1;
  return text * share * 2.5 * sampled;
}

/** What a tab can be expected to hold for data (the budget is 2 GB for everything). */
export const MEMORY_BUDGET_BYTES = 1.5e9;
