import type { DatasetCatalog, DatasetModel, MeasureDef, ResolvedOptions, QuerySlice } from '../../data';
import type { Tab, ViewState } from '../viewState';

/** What every view of the workspace receives from the page. */
export interface ViewProps {
  model: DatasetModel;
  /** The filters and the other views' selections already applied (see querySliceForView). */
  view: QuerySlice;
  /** The filters alone (checked against the dataset, no selections): what a drill-down changes. */
  filters: QuerySlice['filters'];
  options: ResolvedOptions;
  measure: MeasureDef;
  catalog: DatasetCatalog;
  /** Merges a change into the URL state. */
  update: (change: Partial<ViewState>) => void;
  /** This view's own cross-filter selection (dimension id → members), to highlight, not to filter by. */
  selected: Readonly<Record<string, readonly string[]>>;
  /** Toggles a member in this view's selection; `additive` (shift/ctrl/meta) keeps the others selected. */
  onSelect: (dimensionId: string, member: string, additive: boolean) => void;
  /** The slice another view sees, and toggles of its selection: for a view made of other views' panels (the
   *  overview draws the trend's and the countries' charts, filtered and selecting as theirs). */
  viewOf: (tab: Tab) => QuerySlice;
  onSelectIn: (tab: Tab) => (dimensionId: string, member: string, additive: boolean) => void;
  /** A stable colour per member of the first dimension (marketplace), the same in every view. */
  colorFor: (member: string) => string;
}
