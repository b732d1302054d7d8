import { cohorts } from './cohorts/declaration';
import { conversion } from './conversion/declaration';
import { countries } from './countries/declaration';
import { explain } from './explain/declaration';
import { leaderboard } from './leaderboard/declaration';
import { map } from './map/declaration';
import { matrix } from './matrix/declaration';
import { overview } from './overview/declaration';
import { sql } from './sql/declaration';
import { trend } from './trend/declaration';

/**
 * The workspace's views, in tab order; the first is the default. Adding a view is one folder and one line here
 * (see "Adding a view" in the README): the view state, the URL codec, reserved names, the tab bar and the snapshot
 * shapes are all derived from this list (src/views/viewState.ts, src/views/tabs.ts).
 */
export const VIEWS = [overview, trend, countries, map, matrix, leaderboard, conversion, explain, cohorts, sql] as const;
