/**
 * The workspace's views: their declarations and what is derived from them (see src/views/registry.ts). Nothing here
 * draws or queries, so the layers below the features may import it; the views' components are in ./components.
 */
export { VIEWS } from './registry';
export type { ResolveContext } from './declaration';
export {
  canonicalViewSettings,
  DEFAULT_VIEW_STATE,
  decodeViewState,
  encodeViewState,
  reservedParameterNames,
  resolveViewSettings,
  TAB_LABELS,
  tabLabel,
  TABS,
  VIEW_RESULT_SCHEMAS,
  VIEW_SETTINGS,
  viewStateSchema,
  withLookupTables,
  type DecodedViewState,
  type ResolvedSettings,
  type Tab,
  type ViewState,
} from './viewState';
export { CHART_KINDS, GRAINS, MODES, type Grain, type Mode } from './trend/declaration';
export { STACKINGS } from './countries/declaration';
export { MAP_METRICS, type MapMetric } from './map/declaration';
export { CELL_METRICS } from './matrix/declaration';
export { EXPLAIN_RATIOS, EXPLAIN_SPLITS, type ExplainSplit } from './explain/declaration';
export { FixedViewStateProvider, onViewStateChange, useViewState, writeViewState } from './useViewState';
