/** The views' components and what the page that hosts them passes (the declarations are in ./index). */
export { ActiveView, loadViewComponent, VIEW_COMPONENT_IDS } from './viewComponents';
export type { ViewProps } from './shared/viewProps';
