import type { SortState } from '../state/viewState';
import { resolveViewSettings, type ResolvedSettings, type Tab, type ViewState } from '../views';
import type { SliceSpec } from '../sql';
import { lookupTable, ownValue } from '../lib/lookupTable';
import { monthSpan, monthToDate, shiftMonth } from '../lib/months';
import { labelInSentence, localText, type LocalText } from '../i18n';
import { findDimension, findMeasure, type DatasetModel, type MeasureDef } from './model';
import { messages } from './messages';

/** What the data offers: its months and the members of each dimension (largest first). */
export interface DatasetCatalog {
  firstMonth: string;
  lastMonth: string;
  rowCount: number;
  members: Readonly<Record<string, readonly string[]>>;
}

/**
 * The slice of the data a view state asks for, checked against a dataset: which dataset and measure, which months,
 * which members of which dimensions. Every query takes one (it is in every query key); every field is usable and
 * every default filled in.
 */
export interface QuerySlice {
  datasetId: string;
  measureId: string;
  from: string;
  to: string;
  /** Dimension id → selected members (only known members; empty lists left out). */
  filters: Record<string, string[]>;
  /**
   * The period compared with, when it is not the same months a year earlier (the default, left out so that the
   * queries of a default view keep their keys, and saved snapshots keep matching). Read it with {@link comparisonOf}.
   */
  compareTo?: MonthRange;
}

/** An inclusive range of months, `YYYY-MM`. */
export interface MonthRange {
  from: string;
  to: string;
}

/** Everything else the link says about how to show the data, checked against the dataset: each view's settings
 *  (declared in src/views/<id>/declaration.ts), the open tab, sort orders and cross-filter selections. */
export type ResolvedOptions = ResolvedSettings & {
  tab: Tab;
  sorts: ViewState['sorts'];
  /** Cross-filter selections: view → dimension → known members. */
  selections: Partial<Record<Tab, Record<string, string[]>>>;
};

/** Months shown when a link names no start: the twelve months up to the end month. */
const DEFAULT_SPAN_MONTHS = 12;

/**
 * Checks a view state against the dataset's real measures, dimensions, members and months. Whatever cannot be used
 * is replaced by a default and explained in a notice; nothing from the URL survives unless it matched the data.
 */
export function resolveQuerySlice(
  state: ViewState,
  model: DatasetModel,
  catalog: DatasetCatalog,
): { view: QuerySlice; options: ResolvedOptions; notices: LocalText[] } {
  const notices: LocalText[] = [];

  let measureId = model.defaultMeasure;
  if (state.measure !== null) {
    if (findMeasure(model, state.measure)) measureId = state.measure;
    else {
      const shown = findMeasure(model, measureId);
      notices.push(localText(messages.noMeasure, { measure: state.measure, shown: shown?.labelText ?? shown?.label }));
    }
  }

  const clamp = (month: string, end: 'start' | 'end'): string => {
    if (month < catalog.firstMonth) {
      notices.push(localText(end === 'start' ? messages.startBeforeData : messages.endBeforeData, { month, first: catalog.firstMonth }));
      return catalog.firstMonth;
    }
    if (month > catalog.lastMonth) {
      notices.push(localText(end === 'start' ? messages.startAfterData : messages.endAfterData, { month, last: catalog.lastMonth }));
      return catalog.lastMonth;
    }
    return month;
  };
  // A link with only one end of the range gets the other from it: the twelve months up to `to`, or up to the
  // last month of data from `from`.
  let to = state.to === null ? catalog.lastMonth : clamp(state.to, 'end');
  let from =
    state.from === null
      ? maxMonth(catalog.firstMonth, shiftMonth(to, 1 - DEFAULT_SPAN_MONTHS))
      : clamp(state.from, 'start');
  if (from > to) {
    notices.push(localText(messages.swapped, { from, to }));
    [from, to] = [to, from];
  }

  const filters = knownMembers(state.filters, model, catalog, notices, false);
  const compareTo = resolveComparison(state, { from, to }, notices);

  const selections: ResolvedOptions['selections'] = lookupTable();
  for (const [tab, byDimension] of Object.entries(state.selections) as [Tab, Record<string, string[]>][]) {
    const kept = knownMembers(byDimension, model, catalog, notices, true);
    if (Object.keys(kept).length > 0) selections[tab] = kept;
  }

  const settings = resolveViewSettings(state, {
    from,
    to,
    dimensions: model.dimensions,
    membersOf: (dimensionId) => ownValue(catalog.members, dimensionId) ?? [],
    notices,
  });

  return {
    view: { datasetId: model.id, measureId, from, to, filters, ...(compareTo ? { compareTo } : {}) },
    options: {
      ...settings,
      tab: state.tab,
      sorts: state.sorts as Partial<Record<Tab, SortState>>,
      selections,
    },
    notices,
  };
}

/**
 * The period a view state compares with, unless it is the same months a year earlier (then undefined). The previous
 * period has the same number of months and ends the month before the period starts. A custom period given by one end
 * gets the other from the period's length; its ends are swapped if reversed. A custom period may lie outside the data
 * (then there is nothing to compare with, and the views say so).
 */
function resolveComparison(state: ViewState, period: MonthRange, notices: LocalText[]): MonthRange | undefined {
  const length = monthSpan(period.from, period.to);
  if (state.compare === 'previous') return { from: shiftMonth(period.from, -length), to: shiftMonth(period.from, -1) };
  if (state.compare !== 'custom') return undefined;
  if (state.cfrom === null && state.cto === null) {
    notices.push(localText(messages.customNeedsPeriod));
    return undefined;
  }
  let from = state.cfrom ?? shiftMonth(state.cto!, 1 - length);
  let to = state.cto ?? shiftMonth(from, length - 1);
  if (from > to) {
    notices.push(localText(messages.comparisonSwapped, { from, to }));
    [from, to] = [to, from];
  }
  return { from, to };
}

/** The period a view compares with: its own, or the same months a year earlier. */
export function comparisonOf(view: QuerySlice): MonthRange {
  return view.compareTo ?? { from: shiftMonth(view.from, -12), to: shiftMonth(view.to, -12) };
}

/** Keeps the known dimensions and members of a filter-like map, with a notice for everything dropped. */
function knownMembers(
  byDimension: Record<string, string[]>,
  model: DatasetModel,
  catalog: DatasetCatalog,
  notices: LocalText[],
  selected: boolean,
): Record<string, string[]> {
  const kept = lookupTable<string[]>();
  for (const [dimensionId, values] of Object.entries(byDimension)) {
    const dimension = findDimension(model, dimensionId);
    if (!dimension) {
      notices.push(localText(messages.unknownFilter, { selected: String(selected), dimension: dimensionId }));
      continue;
    }
    const known = new Set(ownValue(catalog.members, dimension.id) ?? []);
    const good = values.filter((value) => known.has(value));
    const dropped = values.filter((value) => !known.has(value));
    if (dropped.length > 0) {
      const shown = dropped.slice(0, 3).map((value) => `"${value.slice(0, 40)}"`).join(', ');
      notices.push(localText(messages.unknownMembers, { selected: String(selected), dimension: labelInSentence(dimension.pluralLabel, dimension.pluralLabelText), members: shown, more: Math.max(0, dropped.length - 3) }));
    }
    if (good.length > 0) kept[dimension.id] = good;
  }
  return kept;
}

/**
 * The view as one tab sees it: the filters plus every other tab's cross-filter selection (a tab's own selection
 * highlights, it does not filter). Two constraints on one dimension intersect.
 */
export function querySliceForView(view: QuerySlice, selections: ResolvedOptions['selections'], tab: Tab): QuerySlice {
  const filters = lookupTable(Object.entries(view.filters));
  for (const [source, byDimension] of Object.entries(selections) as [Tab, Record<string, string[]>][]) {
    if (source === tab) continue;
    for (const [dimension, values] of Object.entries(byDimension)) {
      const existing = ownValue(filters, dimension);
      filters[dimension] = existing ? existing.filter((value) => values.includes(value)) : [...values];
    }
  }
  return { ...view, filters: sortedFilters(filters) };
}

/** Filters in a stable key order, so that equal views make equal query keys. */
function sortedFilters(filters: Record<string, string[]>): Record<string, string[]> {
  return lookupTable(Object.keys(filters).sort().map((key) => [key, filters[key]!]));
}

/** The query slice for a resolved view, optionally shifted by whole months (−12 for the year before). */
/** The rows a view reads, over its period or over `range` (e.g. {@link comparisonOf} the view). */
export function sliceFor(model: DatasetModel, view: QuerySlice, range: MonthRange = view): SliceSpec {
  return {
    table: model.table,
    timeColumn: model.timeColumn,
    range: { from: monthToDate(range.from), to: monthToDate(range.to) },
    filters: model.dimensions.flatMap((dimension) => {
      const values = ownValue(view.filters, dimension.id);
      return values === undefined ? [] : [{ column: dimension.column, values }];
    }),
  };
}

export function measureOf(model: DatasetModel, view: QuerySlice): MeasureDef {
  const measure = findMeasure(model, view.measureId);
  if (!measure) throw new Error(`unknown measure ${view.measureId}`);
  return measure;
}

function maxMonth(a: string, b: string): string {
  return a > b ? a : b;
}
