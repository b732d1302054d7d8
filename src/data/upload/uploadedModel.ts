import type { DatasetModel, DimensionDef, MeasureDef } from '../model';
import { columnIds, effectiveColumns, type UploadPlan } from './plan';

/** The measure every upload has: its rows, counted (a column id never takes this name, see RESERVED_IDS). */
export const ROW_COUNT_ID = 'row_count';
/** Its column in the cube (COUNT(*) when the cube is built). */
export const ROW_COUNT_COLUMN = '__rows';

/**
 * The semantic model over an uploaded dataset's cube: dimensions and measures named after the file's headers. It
 * follows from the plan alone, so a stored dataset is listed (and its links resolved) before it is loaded again,
 * without loading the upload code.
 */
export function uploadedModel(
  datasetId: string,
  plan: UploadPlan,
): { model: DatasetModel; rowsTable: string; cubeTable: string } {
  const used = effectiveColumns(plan).filter((column) => column.role !== 'ignore');
  const ids = columnIds(used);
  const rowsTable = `${datasetId}__rows`;
  const cubeTable = `${datasetId}__cube`;
  const dimensions: DimensionDef[] = used
    .filter((column) => column.role === 'dimension')
    .map((column) => ({
      id: ids.get(column.index)!,
      column: `c${column.index}`,
      label: column.header,
      pluralLabel: column.header,
      display: column.format.kind === 'country' ? 'country' : 'text',
    }));
  // Without a time column every row is in one period: an averaged measure is its total, and says so.
  const timeless = !used.some((column) => column.role === 'time');
  const measures: MeasureDef[] = used
    .filter((column) => column.role === 'measure')
    .map((column) => ({
      id: ids.get(column.index)!,
      column: `c${column.index}`,
      label: column.header,
      unit: column.unit,
      overTime: column.overTime,
      periodLabel: column.overTime === 'sum' || timeless ? 'total' : 'avg. per month',
      description: timeless
        ? `${column.header}, summed over the rows.`
        : column.overTime === 'sum'
          ? `${column.header}, summed over the period.`
          : `${column.header}, summed within each month; over several months, the average month.`,
    }));
  // Every upload can be counted: "how many orders per status per month" needs no number column.
  measures.push({
    id: ROW_COUNT_ID,
    column: ROW_COUNT_COLUMN,
    label: plan.unpivot ? 'Values (count)' : 'Rows',
    unit: 'count',
    overTime: 'sum',
    periodLabel: 'total',
    description: plan.unpivot ? 'Number of values, counted.' : 'Number of rows of the file, counted.',
  });
  return {
    rowsTable,
    cubeTable,
    model: {
      id: datasetId,
      label: plan.datasetLabel,
      table: cubeTable,
      timeColumn: 'month',
      dimensions,
      measures,
      defaultMeasure: measures[0]!.id,
      provenance: 'uploaded',
      sourceLine: `Uploaded file, kept in this browser only`,
      cube: { dimensions: dimensions.map((dimension) => dimension.column) },
      timeless,
    },
  };
}
