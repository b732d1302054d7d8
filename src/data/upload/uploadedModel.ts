import type { DatasetModel, DimensionDef, MeasureDef } from '../model';
import { columnIds, effectiveColumns, type UploadPlan } from './plan';

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
  const measures: MeasureDef[] = used
    .filter((column) => column.role === 'measure')
    .map((column) => ({
      id: ids.get(column.index)!,
      column: `c${column.index}`,
      label: column.header,
      unit: column.unit,
      overTime: column.overTime,
      periodLabel: column.overTime === 'sum' ? 'total' : 'avg. per month',
      description:
        column.overTime === 'sum'
          ? `${column.header}, summed over the period.`
          : `${column.header}, summed within each month; over several months, the average month.`,
    }));
  const timeless = !used.some((column) => column.role === 'time');
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
