import type { PerInternetUserSpec, TimeAggregate } from '../sql';
import type { Unit } from '../lib/format';
import type { LocalText } from '../i18n';
import { geoLevels, levelsOf, type GeoLevel } from '../views/levels';

/** A column that slices the data: marketplace, country, channel… */
export interface DimensionDef {
  id: string;
  column: string;
  label: string;
  /** Plural, for pickers: "marketplaces". */
  pluralLabel: string;
  /**
   * The labels as texts to say when shown, when they are the app's words (the bundled dataset's, the regions of an
   * upload's countries): a notice made in one language then names them in the one it is shown in. A file's column
   * name has none: it is the file's.
   */
  labelText?: LocalText;
  pluralLabelText?: LocalText;
  /** How members are shown: country codes get a flag and a name. */
  display: 'text' | 'country';
  /**
   * The dimension this one's members roll up to, each member to exactly one of its members: country → subregion →
   * region, marketplace → group. Both are real columns of the same table, so filtering or grouping by either level
   * needs no special case. See {@link dimensionLevels}.
   */
  rollsUpTo?: string;
}

/** A numeric column, with its unit and how it combines over months. */
export interface MeasureDef {
  id: string;
  column: string;
  label: string;
  /** The label as a text to say when shown, when it is the app's words (see DimensionDef.labelText). */
  labelText?: LocalText;
  unit: Unit;
  /** Summed within a month across dimension members; combined over months with this. */
  overTime: TimeAggregate;
  /** How the combined value is described next to a number: "avg. monthly", "total". */
  periodLabel: string;
  description: string;
  /**
   * The column divided by the internet users of the selected countries (World Bank data): reach and the like. Such a
   * measure combines the dataset with real reference data, and its description says so.
   */
  perInternetUser?: PerInternetUserSpec;
}

/**
 * The semantic model of a dataset: which column is time, which are dimensions and which are measures. Views are
 * written against this model, never against the bundled column names, so they work on any dataset that has one.
 */
export interface DatasetModel {
  id: string;
  label: string;
  table: string;
  timeColumn: string;
  dimensions: readonly DimensionDef[];
  measures: readonly MeasureDef[];
  defaultMeasure: string;
  /** Measures that play a part in traffic-to-sales ratios, when the dataset has all three. */
  roles?: { visitors: string; orders: string; revenue: string };
  /**
   * Synthetic data is labelled as such wherever it is shown. 'clickhouse': a table on a ClickHouse connection of the
   * server that serves the page, read through its proxy (`sourceLine` names the connection and the table).
   */
  provenance: 'synthetic' | 'published' | 'uploaded' | 'clickhouse';
  sourceLine: string;
  /**
   * Set when `table` is a pre-aggregated cube (month × every dimension) of a larger table: queries that use only
   * some dimensions may read a smaller cube derived from it (see `src/data/cubes.ts`).
   */
  cube?: { dimensions: readonly string[] };
  /**
   * The file has no time column: every row is loaded into one placeholder month, which is never shown. Views show
   * no period, no month pickers and no time axis, and hide what needs time (changes against a year earlier, trends).
   */
  timeless?: boolean;
}

export function findMeasure(model: DatasetModel, id: string | null): MeasureDef | undefined {
  return model.measures.find((measure) => measure.id === id);
}

export function findDimension(model: DatasetModel, id: string): DimensionDef | undefined {
  return model.dimensions.find((dimension) => dimension.id === id);
}

/** The dimension whose members are countries, if the dataset has one. */
export function findCountryDimension(model: DatasetModel): DimensionDef | undefined {
  return model.dimensions.find((dimension) => dimension.display === 'country');
}

/**
 * The dimension to split the first dimension's members by: the country dimension, else the second dimension (the
 * first one is what the series are drawn per). None when the dataset has a single dimension.
 */
export function splitDimension(model: DatasetModel): DimensionDef | undefined {
  return findCountryDimension(model) ?? model.dimensions[1];
}

/** The dimension the country views group by: {@link splitDimension}, else the first dimension. */
export function groupingDimension(model: DatasetModel): DimensionDef | undefined {
  return splitDimension(model) ?? model.dimensions[0];
}

/**
 * A dimension's levels, top first and ending with the dimension itself, following `rollsUpTo`: for the bundled
 * country [region, subregion, country], for the marketplace [group, marketplace]. Empty for an unknown id.
 */
export function dimensionLevels(model: DatasetModel, dimensionId: string): DimensionDef[] {
  return levelsOf(model.dimensions, dimensionId);
}

/** The region, sub-region and country dimensions of a dataset whose country dimension rolls up to both; else null. */
export function geographicLevels(model: DatasetModel): Record<GeoLevel, DimensionDef> | null {
  return geoLevels(model.dimensions);
}

/**
 * The dimension a view that groups by `dimension` shows at `level`: its region or sub-region when it is the country
 * dimension and the dataset has regions; the dimension itself otherwise (and always at country level).
 */
export function dimensionAtLevel(model: DatasetModel, dimension: DimensionDef, level: GeoLevel): DimensionDef {
  const levels = geographicLevels(model);
  return levels && levels.country.id === dimension.id ? levels[level] : dimension;
}
