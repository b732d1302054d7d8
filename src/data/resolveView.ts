import type { ViewState } from '../state/viewState';
import type { SliceSpec } from '../sql';
import { monthToDate, shiftMonth } from '../lib/months';
import { findDimension, findMeasure, type DatasetModel, type MeasureDef } from './model';

/** What the data offers: its months and the members of each dimension (largest first). */
export interface DatasetCatalog {
  firstMonth: string;
  lastMonth: string;
  rowCount: number;
  members: Readonly<Record<string, readonly string[]>>;
}

/** A view state checked against a dataset: every field usable, every default filled in. */
export interface ResolvedView {
  datasetId: string;
  measureId: string;
  from: string;
  to: string;
  /** Dimension id → selected members (only known members; empty lists left out). */
  filters: Record<string, string[]>;
}

/** Months shown when a link names no start: the twelve months up to the end month. */
const DEFAULT_SPAN_MONTHS = 12;

/**
 * Checks a view state against the dataset's real measures, dimensions, members and months. Whatever cannot be used
 * is replaced by a default and explained in a notice; nothing from the URL survives unless it matched the data.
 */
export function resolveView(
  state: ViewState,
  model: DatasetModel,
  catalog: DatasetCatalog,
): { view: ResolvedView; notices: string[] } {
  const notices: string[] = [];

  let measureId = model.defaultMeasure;
  if (state.measure !== null) {
    if (findMeasure(model, state.measure)) measureId = state.measure;
    else notices.push(`There is no measure "${state.measure}"; showing ${findMeasure(model, measureId)?.label}.`);
  }

  const clamp = (month: string, name: string): string => {
    if (month < catalog.firstMonth) {
      notices.push(`${name} ${month} is before the data starts; using ${catalog.firstMonth}.`);
      return catalog.firstMonth;
    }
    if (month > catalog.lastMonth) {
      notices.push(`${name} ${month} is after the data ends; using ${catalog.lastMonth}.`);
      return catalog.lastMonth;
    }
    return month;
  };
  // A link with only one end of the range gets the other from it: the twelve months up to `to`, or up to the
  // last month of data from `from`.
  let to = state.to === null ? catalog.lastMonth : clamp(state.to, 'The end month');
  let from =
    state.from === null
      ? maxMonth(catalog.firstMonth, shiftMonth(to, 1 - DEFAULT_SPAN_MONTHS))
      : clamp(state.from, 'The start month');
  if (from > to) {
    notices.push(`The start month ${from} was after the end month ${to}; they were swapped.`);
    [from, to] = [to, from];
  }

  const filters: Record<string, string[]> = {};
  for (const [dimensionId, values] of Object.entries(state.filters)) {
    const dimension = findDimension(model, dimensionId);
    if (!dimension) {
      notices.push(`Ignored the filter "${dimensionId}": this dataset has no such column.`);
      continue;
    }
    const known = new Set(catalog.members[dimension.id] ?? []);
    const kept = values.filter((value) => known.has(value));
    const dropped = values.filter((value) => !known.has(value));
    if (dropped.length > 0) {
      const shown = dropped.slice(0, 3).map((value) => `"${value.slice(0, 40)}"`).join(', ');
      const more = dropped.length > 3 ? ` and ${dropped.length - 3} more` : '';
      notices.push(`Ignored unknown ${dimension.pluralLabel.toLowerCase()}: ${shown}${more}.`);
    }
    if (kept.length > 0) filters[dimension.id] = kept;
  }

  return { view: { datasetId: model.id, measureId, from, to, filters }, notices };
}

/** The query slice for a resolved view, optionally shifted by whole months (−12 for the year before). */
export function sliceFor(model: DatasetModel, view: ResolvedView, shiftMonths = 0): SliceSpec {
  return {
    table: model.table,
    timeColumn: model.timeColumn,
    range: {
      from: monthToDate(shiftMonth(view.from, shiftMonths)),
      to: monthToDate(shiftMonth(view.to, shiftMonths)),
    },
    filters: model.dimensions.map((dimension) => ({
      column: dimension.column,
      values: view.filters[dimension.id] ?? [],
    })),
  };
}

export function measureOf(model: DatasetModel, view: ResolvedView): MeasureDef {
  const measure = findMeasure(model, view.measureId);
  if (!measure) throw new Error(`unknown measure ${view.measureId}`);
  return measure;
}

function maxMonth(a: string, b: string): string {
  return a > b ? a : b;
}
