/**
 * What one load will build, worked out from the plan before the file is touched: the columns it uses and how each
 * is converted, the month cube's shape, the tables' names, and the statements that fill them.
 */
import {
  buildConversion,
  buildConvertedRowsQuery,
  buildCubeStatement,
  buildGroupedCubeStatement,
  buildIsNullExpression,
  buildProblemRowsStatement,
  conversionNullTokens,
  monthStart,
  quoteIdentifier,
  readerTyping,
  type ConvertedRowsOptions,
  type CubeMeasure,
  type GroupedColumnSpec,
  type IngestColumnSpec,
  type LoadMode,
  type PlainShape,
  type ReaderType,
  type RegionColumns,
} from '../../../sql';
import type { DatasetModel } from '../../model';
import { countryLookup } from '../formats';
import { effectiveColumns, type PlannedColumn, type UploadPlan } from '../plan';
import type { OpenedSource, ReadPass } from '../readers/sourceReader';
import { ROW_COUNT_COLUMN, uploadedModel } from '../uploadedModel';

/** The month used for every row of a file without a time column. */
export const TIMELESS_MONTH = '2000-01';

export type SourcedColumnSpec = IngestColumnSpec & { sourceIndex: number };

export interface LoadPlan {
  plan: UploadPlan;
  model: DatasetModel;
  /** The dataset's cube once the load is committed, and where it is built until then. */
  cubeTable: string;
  /** The region and sub-region columns the cube gets at commit, one pair per country column (see uploadedModel). */
  regionColumns: RegionColumns[];
  stagingCube: string;
  /** Where the rows that did not convert are kept, to be reported (only when some did not). */
  problemRows: string;
  /** The columns loaded (ignored ones left out), and how each is converted, in the same order. */
  used: PlannedColumn[];
  specs: SourcedColumnSpec[];
  /** 1, or with an unpivot the number of unpivoted columns: each record gives that many rows. */
  perRecord: number;
  rowsOptions: ConvertedRowsOptions;
  /** Without an unpivot, dimension texts are grouped before they are converted (see buildGroupedCubeStatement). */
  grouped: boolean;
  /** Fields the reader may type itself when every value has the plain shape (only in a grouped load). */
  typable: ReadonlyMap<number, { shape: PlainShape; type: ReaderType }>;
}

export function planLoad(plan: UploadPlan, datasetId: string): LoadPlan {
  const used = effectiveColumns(plan).filter((column) => column.role !== 'ignore');
  const lookup = used.some((column) => column.format.kind === 'country') ? countryLookup() : undefined;
  const grouped = !plan.unpivot;
  const { model, cubeTable, regionColumns } = uploadedModel(datasetId, plan);
  return {
    plan,
    model,
    cubeTable,
    regionColumns,
    stagingCube: `__staging_cube_${datasetId}`,
    problemRows: `__problems_${datasetId}`,
    used,
    specs: used.map((column) => ({ ...conversionSpec(column, lookup), sourceIndex: column.index })),
    perRecord: plan.unpivot ? plan.unpivot.columns.length : 1,
    rowsOptions: convertedRowsOptions(plan),
    grouped,
    typable: grouped ? typableFields(used) : new Map(),
  };
}

/** How one mapped column is converted while loading. */
function conversionSpec(column: PlannedColumn, lookup: ReadonlyMap<string, string> | undefined): IngestColumnSpec {
  return {
    name: `c${column.index}`,
    convert: (field) => buildConversion(field, column.format, column.nullTokens, lookup).expression,
    isNull: (field) => buildIsNullExpression(field, conversionNullTokens(column.format, column.nullTokens)),
    required: column.role === 'time',
    emptyAs: column.role === 'dimension' ? '(empty)' : undefined,
  };
}

function convertedRowsOptions(plan: UploadPlan): ConvertedRowsOptions {
  const { unpivot } = plan;
  return {
    limit: plan.sampleRows,
    unpivot: unpivot && {
      fields: unpivot.columns,
      names: unpivot.columns.map((index) => plan.columns.find((column) => column.index === index)?.header ?? ''),
      nameField: unpivot.name.index,
      valueField: unpivot.value.index,
    },
  };
}

/** Plain number and ISO date columns (not dimensions: their texts are grouped anyway) the reader may type. */
function typableFields(used: readonly PlannedColumn[]): Map<number, { shape: PlainShape; type: ReaderType }> {
  const typable = new Map<number, { shape: PlainShape; type: ReaderType }>();
  for (const column of used) {
    if (column.role === 'dimension') continue;
    const typing = readerTyping(column.format, column.nullTokens);
    if (typing) typable.set(column.index, typing);
  }
  return typable;
}

/** The month cube's keys and sums, over the converted rows (columns `c<index>`). */
export function cubeShape(load: LoadPlan): { time: string; dimensions: string[]; measures: CubeMeasure[] } {
  const rowColumn = (column: PlannedColumn) => `c${column.index}`;
  const time = load.used.find((column) => column.role === 'time');
  return {
    time: time ? monthStart(quoteIdentifier(rowColumn(time))) : `DATE '${TIMELESS_MONTH}-01'`,
    dimensions: load.used.filter((column) => column.role === 'dimension').map(rowColumn),
    measures: [
      ...load.used.filter((column) => column.role === 'measure').map((column) => ({ column: rowColumn(column), name: rowColumn(column) })),
      { column: null, name: ROW_COUNT_COLUMN },
    ],
  };
}

/**
 * The statement that reads the file straight into the staging cube, no table of its rows ever built: grouped (with
 * the `typed` fields typed by the reader) without an unpivot, else row by row. Rows that did not convert are kept
 * apart in flagged groups, to be counted.
 */
export function cubeStatement(load: LoadPlan, source: OpenedSource, pass: ReadPass, typed: ReadonlySet<number>): string {
  if (!load.grouped) {
    const { time, dimensions, measures } = cubeShape(load);
    const rows = buildConvertedRowsQuery(source.read(pass), load.specs, load.rowsOptions);
    return buildCubeStatement(load.stagingCube, { query: rows }, time, dimensions, measures, load.model.timeColumn, { problemFlag: true });
  }
  const types = new Map([...typed].map((index) => [index, load.typable.get(index)!.type]));
  const columns = load.used.map((column, position) => {
    const role = column.role as GroupedColumnSpec['role'];
    const timeGroups = role === 'time' && ['date', 'month', 'year'].includes(column.format.kind);
    const mode: LoadMode = typed.has(column.index) ? 'typed' : role === 'dimension' || timeGroups ? 'grouped' : 'row';
    return { ...load.specs[position]!, role, mode };
  });
  return buildGroupedCubeStatement(load.stagingCube, source.read(pass, types), columns, load.model.timeColumn, ROW_COUNT_COLUMN, {
    limit: load.plan.sampleRows,
    timelessMonth: TIMELESS_MONTH,
  });
}

/** Reads the file once more, keeping only the rows that did not convert, with their positions (for the report). */
export function problemRowsStatement(load: LoadPlan, source: OpenedSource): string {
  return buildProblemRowsStatement(load.problemRows, source.read('problems'), load.specs, load.rowsOptions);
}
