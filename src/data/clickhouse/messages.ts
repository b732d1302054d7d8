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
  badRoles: {
    id: 'clickhouse.def.badRoles',
    defaultMessage: 'visitors, orders and revenue must be three different measures of the table',
  },
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
  cubeShort: {
    id: 'clickhouse.cube.short',
    defaultMessage: 'ClickHouse connection "{connection}" sent {rows, number} cube rows, but the browser\'s engine read {made, number} of them.',
  },
  cubeShortHint: { id: 'clickhouse.cube.shortHint', defaultMessage: 'Nothing was loaded. Try again; if this repeats, reload the page.' },
  // The proxy's errors (scripts/clickhouse/proxy.mjs PROXY_TEXTS: the same English), said in the page's language.
  proxy_auth: { id: 'clickhouse.proxy.auth', defaultMessage: 'ClickHouse connection "{connection}" refused the user "{user}": {detail}' },
  proxy_authHint: { id: 'clickhouse.proxy.authHint', defaultMessage: 'Check the user and password of "{connection}" in {where}.' },
  proxy_shardDown: { id: 'clickhouse.proxy.shardDown', defaultMessage: 'ClickHouse connection "{connection}": a shard or replica is not answering: {detail}' },
  proxy_shardDownHint: { id: 'clickhouse.proxy.shardDownHint', defaultMessage: "Start the stopped ClickHouse server (npm run cluster for the local one) or check the cluster's remote_servers; then retry." },
  proxy_cancelled: { id: 'clickhouse.proxy.cancelled', defaultMessage: 'ClickHouse connection "{connection}": the query was cancelled.' },
  proxy_cancelledHint: { id: 'clickhouse.proxy.cancelledHint', defaultMessage: 'Run it again when needed.' },
  proxy_timeout: { id: 'clickhouse.proxy.timeout', defaultMessage: 'ClickHouse connection "{connection}": the query took longer than {seconds} s and was stopped ({detail}).' },
  proxy_timeoutHint: { id: 'clickhouse.proxy.timeoutHint', defaultMessage: 'Narrow the months or filters, or point the dataset at a pre-aggregated table.' },
  proxy_tooLarge: { id: 'clickhouse.proxy.tooLarge', defaultMessage: 'ClickHouse connection "{connection}": the result is larger than this server allows ({detail}).' },
  proxy_tooLargeHint: { id: 'clickhouse.proxy.tooLargeHint', defaultMessage: 'Group by fewer dimensions or filter more; the limits are {rows} rows and {bytes} bytes (maxResultRows / maxResultBytes in {where}).' },
  proxy_readOnly: { id: 'clickhouse.proxy.readOnly', defaultMessage: 'ClickHouse connection "{connection}" is read-only: {detail}' },
  proxy_readOnlyHint: { id: 'clickhouse.proxy.readOnlyHint', defaultMessage: 'Only SELECT, DESCRIBE, SHOW and EXISTS queries run through Marketscope.' },
  proxy_unknownObject: { id: 'clickhouse.proxy.unknownObject', defaultMessage: 'ClickHouse connection "{connection}": {detail}' },
  proxy_unknownObjectHint: { id: 'clickhouse.proxy.unknownObjectHint', defaultMessage: 'Check the database and table names (database "{database}" in {where}).' },
  proxy_refused: { id: 'clickhouse.proxy.refused', defaultMessage: 'ClickHouse connection "{connection}": {detail}' },
  proxy_refusedHint: { id: 'clickhouse.proxy.refusedHint', defaultMessage: 'ClickHouse refused the query.' },
  proxy_httpError: { id: 'clickhouse.proxy.httpError', defaultMessage: 'ClickHouse connection "{connection}": {detail}' },
  proxy_httpErrorHint: { id: 'clickhouse.proxy.httpErrorHint', defaultMessage: 'ClickHouse answered HTTP {status}; check the URL of "{connection}" in {where}.' },
  proxy_connectionRefused: { id: 'clickhouse.proxy.connectionRefused', defaultMessage: 'ClickHouse connection "{connection}" refused the connection at {host}.' },
  proxy_connectionRefusedHint: { id: 'clickhouse.proxy.connectionRefusedHint', defaultMessage: 'Start the cluster (npm run cluster for the local one) or check the URL of "{connection}" in {where}.' },
  proxy_unknownHost: { id: 'clickhouse.proxy.unknownHost', defaultMessage: 'ClickHouse connection "{connection}": the host {host} is unknown.' },
  proxy_unknownHostHint: { id: 'clickhouse.proxy.unknownHostHint', defaultMessage: 'Check the URL of "{connection}" in {where}.' },
  proxy_noAnswer: { id: 'clickhouse.proxy.noAnswer', defaultMessage: 'ClickHouse connection "{connection}" did not answer at {host}.' },
  proxy_noAnswerHint: { id: 'clickhouse.proxy.noAnswerHint', defaultMessage: 'Check that the server is up and the URL of "{connection}" in {where}.' },
  proxy_networkFailed: { id: 'clickhouse.proxy.networkFailed', defaultMessage: 'ClickHouse connection "{connection}" failed at {host}: {detail}.' },
  proxy_networkFailedHint: { id: 'clickhouse.proxy.networkFailedHint', defaultMessage: 'Check the server and the URL of "{connection}" in {where}.' },
  proxy_noConnection: { id: 'clickhouse.proxy.noConnection', defaultMessage: 'No ClickHouse connection "{connection}" on this server (it has {none, select, yes {none} other {{known}}}).' },
  proxy_noConnectionHint: { id: 'clickhouse.proxy.noConnectionHint', defaultMessage: 'Add it to {variable} or {file} where Marketscope is served.' },
  proxy_connectionsInvalid: { id: 'clickhouse.proxy.connectionsInvalid', defaultMessage: 'The ClickHouse connections configured on this server are not valid.' },
  proxy_connectionsInvalidHint: { id: 'clickhouse.proxy.connectionsInvalidHint', defaultMessage: "See the server's log, then fix {variable} or {file}." },
  proxy_statementRefused: { id: 'clickhouse.proxy.statementRefused', defaultMessage: 'Refused for ClickHouse connection "{connection}": {detail}.' },
  proxy_statementRefusedHint: { id: 'clickhouse.proxy.statementRefusedHint', defaultMessage: 'Marketscope only reads: SELECT, DESCRIBE, SHOW, EXISTS.' },
});
