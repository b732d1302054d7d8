import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  // The proxy's answers (clickHouseClient)
  proxyAnswered: { id: 'clickhouse.proxyAnswered', defaultMessage: 'The ClickHouse proxy answered HTTP {status}: {detail}' },
  connectionAnswered: { id: 'clickhouse.connectionAnswered', defaultMessage: 'ClickHouse connection "{connection}" answered HTTP {status}: {detail}' },
  noProxy: {
    id: 'clickhouse.noProxy',
    defaultMessage: 'This server does not proxy ClickHouse: start it with npm start and ClickHouse connections configured.',
  },
  unreachableFor: {
    id: 'clickhouse.unreachableFor',
    defaultMessage: 'Could not reach this server\'s ClickHouse proxy for connection "{connection}": {reason}',
  },
  unreachableForHint: { id: 'clickhouse.unreachableFor.hint', defaultMessage: 'Check that Marketscope is served by npm start (or a proxy) and try again.' },
  unreachable: { id: 'clickhouse.unreachable', defaultMessage: 'Could not reach this server\'s ClickHouse proxy: {reason}' },
  unreachableHint: { id: 'clickhouse.unreachable.hint', defaultMessage: 'Check that Marketscope is served by npm start.' },
  // A failure followed by what to do (viewCubes' withHint): after a message that ends with a full stop, or without one.
  withHint: { id: 'clickhouse.withHint', defaultMessage: '{message} {hint}' },
  withHintStop: { id: 'clickhouse.withHintStop', defaultMessage: '{message}. {hint}' },
  // A definition from outside (clickHouseDefSchema)
  theDefinition: { id: 'clickhouse.def.theDefinition', defaultMessage: 'the definition' },
  notADefinition: { id: 'clickhouse.def.notADefinition', defaultMessage: 'not a ClickHouse dataset definition' },
  twoRoles: { id: 'clickhouse.def.twoRoles', defaultMessage: 'a column has two roles' },
  // A link that names a ClickHouse table (clickHouseLink)
  damaged: {
    id: 'clickhouse.link.damaged',
    defaultMessage:
      'This link names a ClickHouse table, but that part of the link (“need”) is damaged or was not made by Marketscope. Nothing was loaded: ask whoever sent it to copy the link again.',
  },
  damagedBecause: {
    id: 'clickhouse.link.damagedBecause',
    defaultMessage:
      'This link names a ClickHouse table, but that part of the link (“need”) is damaged ({reason}) or was not made by Marketscope. Nothing was loaded: ask whoever sent it to copy the link again.',
  },
  nameTaken: {
    id: 'clickhouse.link.nameTaken',
    defaultMessage: 'A panel reads the ClickHouse table {table} as "{id}", a name this browser already gives “{label}”; that panel cannot show it here.',
  },
  notListed: {
    id: 'clickhouse.link.notListed',
    defaultMessage: 'This link reads the ClickHouse table {table} on the connection "{connection}", but this server\'s connections could not be listed: {reason}.',
  },
  notListedHint: {
    id: 'clickhouse.link.notListedHint',
    defaultMessage:
      'This link reads the ClickHouse table {table} on the connection "{connection}", but this server\'s connections could not be listed: {reason}. {hint}',
  },
  notOfferedNone: {
    id: 'clickhouse.link.notOfferedNone',
    defaultMessage:
      'This link reads the ClickHouse table {table} on the connection "{connection}", which this server does not offer (it offers no ClickHouse connection). Ask whoever runs this Marketscope to add a connection named "{connection}" (MARKETSCOPE_CLICKHOUSE or marketscope.connections.json, see the README), or open the link on the server it was made on. The other datasets are unchanged.',
  },
  notOffered: {
    id: 'clickhouse.link.notOffered',
    defaultMessage:
      'This link reads the ClickHouse table {table} on the connection "{connection}", which this server does not offer (it offers {offered}). Ask whoever runs this Marketscope to add a connection named "{connection}" (MARKETSCOPE_CLICKHOUSE or marketscope.connections.json, see the README), or open the link on the server it was made on. The other datasets are unchanged.',
  },
  // The dataset's model (clickHouseModel)
  noMeasure: { id: 'clickhouse.model.noMeasure', defaultMessage: 'the ClickHouse dataset {table} maps no measure' },
  periodTotal: { id: 'clickhouse.model.periodTotal', defaultMessage: 'total' },
  periodMean: { id: 'clickhouse.model.periodMean', defaultMessage: 'avg. per month' },
  describeSum: { id: 'clickhouse.model.describeSum', defaultMessage: '{label}, summed over the period.' },
  describeMean: { id: 'clickhouse.model.describeMean', defaultMessage: '{label}, summed within each month; over several months, the average month.' },
  // Loading the cube (loadClickHouseCube)
  cubeTooLarge: {
    id: 'clickhouse.cube.tooLarge',
    defaultMessage: 'ClickHouse connection "{connection}": the cube of {table} has more than {cap, number} rows (months × members of {dimensions}).',
  },
  cubeTooLargeHint: { id: 'clickhouse.cube.tooLargeHint', defaultMessage: 'Map fewer or coarser dimensions, or point the dataset at a pre-aggregated table.' },
  viewTooLarge: {
    id: 'clickhouse.cube.viewTooLarge',
    defaultMessage:
      'ClickHouse connection "{connection}": the cube of {table} for this view ({selection}) has more than {cap, number} rows (months × members of {dimensions}), even with the view\'s filters applied in ClickHouse.',
  },
  viewTooLargeHint: {
    id: 'clickhouse.cube.viewTooLargeHint',
    defaultMessage: 'Narrow the view ({narrow}), map fewer dimensions, or point the dataset at a pre-aggregated table.',
  },
  narrowFewer: { id: 'clickhouse.cube.narrow.fewer', defaultMessage: 'fewer {columns} members' },
  narrowFilterOn: { id: 'clickhouse.cube.narrow.filterOn', defaultMessage: 'a filter on {columns}' },
  narrowMonths: { id: 'clickhouse.cube.narrow.months', defaultMessage: 'fewer months' },
  narrowFewerMembers: { id: 'clickhouse.cube.narrow.fewerMembers', defaultMessage: 'fewer members' },
  noDimension: { id: 'clickhouse.cube.noDimension', defaultMessage: 'no dimension' },
  dimensionWord: { id: 'clickhouse.cube.dimensionWord', defaultMessage: 'dimension' },
  noFilter: { id: 'clickhouse.cube.noFilter', defaultMessage: 'no filter' },
  filterSelected: { id: 'clickhouse.cube.filterSelected', defaultMessage: '{column}: {count} selected' },
  months: { id: 'clickhouse.cube.months', defaultMessage: 'months {from} to {to}' },
  firstMonth: { id: 'clickhouse.cube.firstMonth', defaultMessage: 'first' },
  lastMonth: { id: 'clickhouse.cube.lastMonth', defaultMessage: 'last' },
});
