import { INTERNET_USERS_TABLE } from '../sql';
import { localText, t, type Message } from '../i18n';
import type { DatasetModel, DimensionDef, MeasureDef } from './model';
import { messages } from './messages';

/** The bundled countries' internet users (datasets/internet-users.csv); a country's sub-region and region narrow it. */
const perInternetUser = (scale: number) => ({
  countryColumn: 'country',
  geoColumns: ['country', 'subregion', 'region'],
  scale,
  referenceTable: INTERNET_USERS_TABLE,
});

/**
 * A dimension whose labels are messages: read in the language active when they are read (a view re-renders when
 * the language changes), never frozen in the one the module was loaded in.
 */
function dimension(def: Omit<DimensionDef, 'label' | 'pluralLabel'>, label: Message, pluralLabel: Message): DimensionDef {
  return {
    ...def,
    get label() {
      return t(label);
    },
    get pluralLabel() {
      return t(pluralLabel);
    },
    labelText: localText(label),
    pluralLabelText: localText(pluralLabel),
  };
}

/** A measure whose label, period label and description are messages (see {@link dimension}). */
function measure(
  def: Omit<MeasureDef, 'label' | 'periodLabel' | 'description'>,
  text: { label: Message; periodLabel: Message; description: Message },
): MeasureDef {
  return {
    ...def,
    get label() {
      return t(text.label);
    },
    labelText: localText(text.label),
    get periodLabel() {
      return t(text.periodLabel);
    },
    get description() {
      return t(text.description);
    },
  };
}

/** The bundled marketplace dataset: traffic and sales joined by month × marketplace × country. */
export const MARKET_MODEL: DatasetModel = {
  id: 'market',
  get label() {
    return t(messages.marketLabel);
  },
  table: 'market_monthly',
  timeColumn: 'month',
  dimensions: [
    dimension({ id: 'marketplace', column: 'marketplace', display: 'text', rollsUpTo: 'group' }, messages.marketplace, messages.marketplaces),
    dimension({ id: 'country', column: 'country', display: 'country', rollsUpTo: 'subregion' }, messages.country, messages.countries),
    // Derived in market_monthly (src/sql/bundledTables.ts): UN M49 levels of the country, the marketplace's owner.
    dimension({ id: 'region', column: 'region', display: 'text' }, messages.region, messages.regions),
    dimension({ id: 'subregion', column: 'subregion', display: 'text', rollsUpTo: 'region' }, messages.subregion, messages.subregions),
    dimension({ id: 'group', column: 'group', display: 'text' }, messages.group, messages.groups),
  ],
  measures: [
    measure(
      { id: 'visitors', column: 'visitors', unit: 'count', overTime: 'mean' },
      { label: messages.visitors, periodLabel: messages.visitorsPeriod, description: messages.visitorsDescription },
    ),
    measure(
      { id: 'gmv', column: 'gmv_usd', unit: 'usd', overTime: 'sum' },
      { label: messages.gmv, periodLabel: messages.gmvPeriod, description: messages.gmvDescription },
    ),
    measure(
      { id: 'orders', column: 'orders', unit: 'count', overTime: 'sum' },
      { label: messages.orders, periodLabel: messages.ordersPeriod, description: messages.ordersDescription },
    ),
    measure(
      { id: 'sellers', column: 'active_sellers', unit: 'count', overTime: 'mean' },
      { label: messages.sellers, periodLabel: messages.sellersPeriod, description: messages.sellersDescription },
    ),
    measure(
      { id: 'reach', column: 'visitors', unit: 'number', overTime: 'mean', perInternetUser: perInternetUser(100) },
      { label: messages.reach, periodLabel: messages.reachPeriod, description: messages.reachDescription },
    ),
    measure(
      { id: 'gmv_per_internet_user', column: 'gmv_usd', unit: 'usd', overTime: 'sum', perInternetUser: perInternetUser(1) },
      { label: messages.gmvPerUser, periodLabel: messages.gmvPerUserPeriod, description: messages.gmvPerUserDescription },
    ),
  ],
  defaultMeasure: 'visitors',
  roles: { visitors: 'visitors', orders: 'orders', revenue: 'gmv' },
  provenance: 'synthetic',
  get sourceLine() {
    return t(messages.marketSource);
  },
};
