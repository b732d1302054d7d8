import { defineMessages } from '../i18n';

/**
 * The tab labels of every registered view (by view id) and what the declarations say: the declarations may import
 * only this layer, so their messages live here rather than beside them.
 */
export const tabMessages = defineMessages({
  overview: { id: 'views.tab.overview', defaultMessage: 'Overview' },
  trend: { id: 'views.tab.trend', defaultMessage: 'Trend' },
  countries: { id: 'views.tab.countries', defaultMessage: 'Countries' },
  map: { id: 'views.tab.map', defaultMessage: 'Map' },
  matrix: { id: 'views.tab.matrix', defaultMessage: 'Matrix' },
  leaderboard: { id: 'views.tab.leaderboard', defaultMessage: 'Leaderboard' },
  conversion: { id: 'views.tab.conversion', defaultMessage: 'Traffic × sales' },
  explain: { id: 'views.tab.explain', defaultMessage: 'Why?' },
  cohorts: { id: 'views.tab.cohorts', defaultMessage: 'Since launch' },
  sql: { id: 'views.tab.sql', defaultMessage: 'SQL' },
});

export const messages = defineMessages({
  loadingView: { id: 'views.loadingView', defaultMessage: 'Loading the {view} view' },
  levelRegion: { id: 'views.level.region', defaultMessage: 'Region' },
  levelSubregion: { id: 'views.level.subregion', defaultMessage: 'Sub-region' },
  levelCountry: { id: 'views.level.country', defaultMessage: 'Country' },
  noRegions: {
    id: 'views.notice.noRegions',
    defaultMessage:
      'This dataset has no regions (it needs a country column): showing countries rather than {level, select, region {regions} other {sub-regions}}.',
  },
  monthlyGrain: {
    id: 'views.notice.monthlyGrain',
    defaultMessage: 'Rolling averages are monthly; the {grain, select, quarter {quarterly} year {yearly} other {monthly}} grain was set back to months.',
  },
  baseOutside: { id: 'views.notice.baseOutside', defaultMessage: 'The base month {base} is outside the range shown; using {from}.' },
  noSeriesDimension: {
    id: 'views.notice.noSeriesDimension',
    defaultMessage: 'There is no dimension "{by}" to draw series by; using {dimension}.',
  },
  noMapMember: { id: 'views.notice.noMapMember', defaultMessage: 'The map cannot show "{member}": there is no such {dimension}.' },
  explainOneDimension: {
    id: 'views.notice.explainOneDimension',
    defaultMessage: 'This dataset has one dimension: the change is explained by {dimension}.',
  },
  cohortsOneDimension: {
    id: 'views.notice.cohortsOneDimension',
    defaultMessage: 'This dataset has one dimension: there are no pairs to draw by entry; ignored the pairs of the link.',
  },
  // What a view's setting expects (declarations), in the link notice "Ignored {name}={value}: expected {expected}."
  expectedDimension: { id: 'views.expected.dimension', defaultMessage: 'a dimension name' },
  expectedNumber: { id: 'views.expected.number', defaultMessage: 'a number' },
  expectedMonths: { id: 'views.expected.months', defaultMessage: 'a number of months from 1 to {max}' },
  expectedWholeNumber: { id: 'views.expected.wholeNumber', defaultMessage: 'a whole number from 1 to {max}' },
  expectedPairs: { id: 'views.expected.pairs', defaultMessage: 'pairs such as AliExpress~RU,Temu~US (at most {max} characters)' },
  expectedMarketplace: { id: 'views.expected.marketplace', defaultMessage: 'a marketplace' },
  expectedSql: { id: 'views.expected.sql', defaultMessage: 'an SQL statement of at most {max, number} characters' },
  expectedColumn: { id: 'views.expected.column', defaultMessage: 'a column name of at most {max} characters' },
  cohortsUnknownPairs: {
    id: 'views.notice.cohortsUnknownPairs',
    defaultMessage:
      'Ignored {count, plural, one {a pair} other {pairs}} this dataset does not have: {shown}{more, plural, =0 {} one { and # more} other { and # more}}.',
  },
});
