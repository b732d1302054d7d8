import { messages } from './messages';
import { messages as dataMessages } from '../messages';
import { localText, t, type Message } from '../../i18n';
import type { RegionColumns } from '../../sql';
import type { DatasetModel, DimensionDef, MeasureDef } from '../model';
import { columnIds, effectiveColumns, RESERVED_IDS, type UploadPlan } from './plan';
import { perInternetUserMeasures } from './internetUserMeasures';

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
): { model: DatasetModel; rowsTable: string; cubeTable: string; regionColumns: RegionColumns[] } {
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
  const takenIds = new Set([...RESERVED_IDS, ...ids.values()]);
  const regionColumns = addRegionDimensions(dimensions, takenIds);
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
      // Getters: the app's words in the language of the moment they are read (the column's name is the file's).
      get periodLabel() {
        return t(column.overTime === 'sum' || timeless ? dataMessages.periodTotal : dataMessages.periodAvgMonth);
      },
      get description() {
        const message = timeless ? messages.model_descTimeless : column.overTime === 'sum' ? messages.model_descSum : messages.model_descAvg;
        return t(message, { column: column.header });
      },
    }));
  measures.push(...perInternetUserMeasures(measures, regionColumns, takenIds));
  // Every upload can be counted: "how many orders per status per month" needs no number column.
  measures.push({
    id: ROW_COUNT_ID,
    column: ROW_COUNT_COLUMN,
    get label() {
      return t(plan.unpivot ? messages.model_valuesCount : messages.model_rows);
    },
    labelText: localText(plan.unpivot ? messages.model_valuesCount : messages.model_rows),
    unit: 'count',
    overTime: 'sum',
    get periodLabel() {
      return t(dataMessages.periodTotal);
    },
    get description() {
      return t(plan.unpivot ? messages.model_valuesDesc : messages.model_rowsDesc);
    },
  });
  return {
    rowsTable,
    cubeTable,
    regionColumns,
    model: {
      id: datasetId,
      label: plan.datasetLabel,
      table: cubeTable,
      timeColumn: 'month',
      dimensions,
      measures,
      defaultMeasure: measures[0]!.id,
      provenance: 'uploaded',
      get sourceLine() {
        return t(messages.model_sourceLine);
      },
      cube: { dimensions: dimensions.map((dimension) => dimension.column) },
      timeless,
    },
  };
}

/**
 * Every country dimension rolls up to its UN M49 sub-region and region, as the bundled data's does: two more
 * dimensions each, after the file's own, whose columns the load adds to the cube when it commits it (a LEFT JOIN on
 * the code, src/sql/regions.ts). Their ids avoid the file's own column ids and the link's parameters: the first
 * country column's are `region` and `subregion` unless the file has columns of those names. Returns the columns, for
 * the load.
 */
function addRegionDimensions(dimensions: DimensionDef[], used: Set<string>): RegionColumns[] {
  const countries = dimensions.filter((dimension) => dimension.display === 'country');
  const labels = new Set(dimensions.map((dimension) => dimension.label.toLowerCase()));
  const plain = countries.length === 1 && !labels.has('region') && !labels.has('sub-region');
  const freeId = (base: string) => {
    let id = base.slice(0, 40);
    for (let suffix = 2; used.has(id); suffix++) id = `${base.slice(0, 36)}_${suffix}`;
    used.add(id);
    return id;
  };
  return countries.map((country, index) => {
    const region = freeId(index === 0 ? 'region' : `${country.id}_region`);
    const subregion = freeId(index === 0 ? 'subregion' : `${country.id}_subregion`);
    const columns = { country: country.column, region: `${country.column}__region`, subregion: `${country.column}__subregion` };
    const labelText = (level: Message) => (plain ? localText(level) : localText(messages.model_levelOf, { level: localText(level), country: country.label }));
    const label = (level: Message) => t(labelText(level));
    country.rollsUpTo = subregion;
    dimensions.push(
      {
        id: region,
        column: columns.region,
        get label() {
          return label(dataMessages.region);
        },
        get pluralLabel() {
          return label(dataMessages.regions);
        },
        labelText: labelText(dataMessages.region),
        pluralLabelText: labelText(dataMessages.regions),
        display: 'text',
      },
      {
        id: subregion,
        column: columns.subregion,
        get label() {
          return label(dataMessages.subregion);
        },
        get pluralLabel() {
          return label(dataMessages.subregions);
        },
        labelText: labelText(dataMessages.subregion),
        pluralLabelText: labelText(dataMessages.subregions),
        display: 'text',
        rollsUpTo: region,
      },
    );
    return columns;
  });
}
