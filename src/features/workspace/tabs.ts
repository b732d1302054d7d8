import type { Tab } from '../../state/viewState';

/** The workspace's views, as the tab bar names them. */
export const TAB_LABELS: Record<Tab, string> = {
  overview: 'Overview',
  trend: 'Trend',
  countries: 'Countries',
  map: 'Map',
  matrix: 'Matrix',
  leaderboard: 'Leaderboard',
  conversion: 'Traffic × sales',
};
