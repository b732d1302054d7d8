import { localText, t } from '../../i18n';
import { messages } from './messages';
import type { RegionColumns } from '../../sql';
import type { MeasureDef } from '../model';

/** The World Bank table in an upload's engine (src/data/upload/load/internetUsersTable.ts), apart from the bundled one. */
export const UPLOAD_INTERNET_USERS_TABLE = 'wb_internet_users';

/**
 * An upload with exactly one country column gets, for each of its number columns, the same column per 100 internet
 * users of the selected countries (World Bank data, datasets/internet-users.csv): one simple rule, with no question
 * of which column is "visitors". The variant combines like its column (summed or averaged over months). With no or
 * several country columns there is no variant: which country's internet users would divide is not clear.
 */
export function perInternetUserMeasures(measures: readonly MeasureDef[], regionColumns: readonly RegionColumns[], used: Set<string>): MeasureDef[] {
  if (regionColumns.length !== 1) return [];
  const geo = regionColumns[0]!;
  return measures.map((measure) => {
    let id = `${measure.id.slice(0, 33)}_per_iu`;
    for (let suffix = 2; used.has(id); suffix++) id = `${measure.id.slice(0, 30)}_per_iu${suffix}`;
    used.add(id);
    return {
      id,
      column: measure.column,
      get label() {
        return t(messages.model_perInternetUser, { label: measure.label });
      },
      labelText: localText(messages.model_perInternetUser, { label: measure.labelText ?? measure.label }),
      unit: 'number',
      overTime: measure.overTime,
      get periodLabel() {
        return t(messages.model_perInternetUser, { label: measure.periodLabel });
      },
      get description() {
        return t(messages.model_perInternetUserDesc, { label: measure.label });
      },
      perInternetUser: {
        countryColumn: geo.country,
        geoColumns: [geo.country, geo.region, geo.subregion],
        scale: 100,
        referenceTable: UPLOAD_INTERNET_USERS_TABLE,
      },
    };
  });
}
