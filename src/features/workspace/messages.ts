import { defineMessages } from '../../i18n';

/** The story links: each figure in them is a placeholder, formatted for the reader's locale (src/lib/format.ts). */
export const storyMessages = defineMessages({
  nav: { id: 'workspace.stories', defaultMessage: 'Stories' },
  leadsTitle: { id: 'workspace.story.leads.title', defaultMessage: 'AliExpress leads Russia, H2 2014' },
  leadsSummary: {
    id: 'workspace.story.leads.summary',
    defaultMessage: '{aliexpress} monthly visitors against {ebay} for eBay and {amazon} for Amazon.',
  },
  reachTitle: { id: 'workspace.story.reach.title', defaultMessage: 'Reach in Russia, H2 2014' },
  reachSummary: {
    id: 'workspace.story.reach.summary',
    defaultMessage:
      'The same months per {hundred} Russian internet users (real World Bank data): AliExpress reached about {reached} in {hundred}.',
  },
  whyTitle: { id: 'workspace.story.why.title', defaultMessage: 'Why AliExpress pulled ahead in Russia' },
  whySummary: {
    id: 'workspace.story.why.summary',
    defaultMessage: 'H2 2014 against H2 2013: who accounts for the change, and who lost share (synthetic, calibrated data).',
  },
  shareTitle: { id: 'workspace.story.share.title', defaultMessage: 'AliExpress’s share of Russia, 2014–2016' },
  shareSummary: {
    id: 'workspace.story.share.summary',
    defaultMessage: 'Share of Russian marketplace traffic around Jack Ma’s St. Petersburg visit in June 2015.',
  },
  growthTitle: { id: 'workspace.story.growth.title', defaultMessage: 'Who grew fastest in 2015' },
  growthSummary: { id: 'workspace.story.growth.summary', defaultMessage: 'Change against 2014, by marketplace, in every country.' },
  mexicoTitle: { id: 'workspace.story.mexico.title', defaultMessage: 'Alibaba courts Mexican sellers' },
  mexicoSummary: {
    id: 'workspace.story.mexico.summary',
    defaultMessage: 'Mexico 2016–2019: the government deal, Alipay with Openpay, {vendors} of {hundred} vendors.',
  },
});

export const messages = defineMessages({
  views: { id: 'workspace.views', defaultMessage: 'Views' },
  filters: { id: 'workspace.filters', defaultMessage: 'Filters' },
  dataset: { id: 'workspace.dataset', defaultMessage: 'Dataset' },
  period: { id: 'workspace.period', defaultMessage: 'Period' },
  allRows: { id: 'workspace.allRows', defaultMessage: 'All rows (no time column)' },
  measure: { id: 'workspace.measure', defaultMessage: 'Measure' },
  allMembers: { id: 'workspace.allMembers', defaultMessage: 'All {dimension}' },
  syntheticPerUser: { id: 'workspace.perUser.synthetic', defaultMessage: 'Synthetic traffic ÷ real World Bank internet users' },
  yoursPerUser: { id: 'workspace.perUser.yours', defaultMessage: 'Your data ÷ real World Bank internet users' },
  fewerFilters: { id: 'workspace.fewerFilters', defaultMessage: 'Fewer filters' },
  moreFilters: { id: 'workspace.moreFilters', defaultMessage: 'More filters: {levels}' },
  monthsBelow: { id: 'workspace.monthsBelow', defaultMessage: 'Months below' },
  groupRecent: { id: 'workspace.presets.recent', defaultMessage: 'Recent' },
  groupHalfYears: { id: 'workspace.presets.halfYears', defaultMessage: 'Half-years' },
  groupQuarters: { id: 'workspace.presets.quarters', defaultMessage: 'Quarters' },
  from: { id: 'workspace.from', defaultMessage: 'From' },
  to: { id: 'workspace.to', defaultMessage: 'To' },
  compareWith: { id: 'workspace.compareWith', defaultMessage: 'Compare with' },
  compareYear: { id: 'workspace.compare.year', defaultMessage: 'Same months a year earlier' },
  comparePrevious: {
    id: 'workspace.compare.previous',
    defaultMessage: '{count, plural, one {Previous month} other {Previous # months}}',
  },
  compareCustom: { id: 'workspace.compare.custom', defaultMessage: 'Another period…' },
  compareFrom: { id: 'workspace.compareFrom', defaultMessage: 'Compare from' },
  compareTo: { id: 'workspace.compareTo', defaultMessage: 'Compare to' },
  chips: { id: 'workspace.chips', defaultMessage: 'Active filters and selections' },
  removeFilter: { id: 'workspace.removeFilter', defaultMessage: 'Remove the filter {dimension} {member}' },
  selectedIn: { id: 'workspace.selectedIn', defaultMessage: 'Selected in {view}:' },
  removeSelection: { id: 'workspace.removeSelection', defaultMessage: 'Remove the selection {member} made in {view}' },
  clearAll: { id: 'workspace.clearAll', defaultMessage: 'Clear all' },
  pin: { id: 'workspace.pin', defaultMessage: 'Pin to dashboard' },
  pinned: {
    id: 'workspace.pinned',
    defaultMessage: 'Pinned to “{dashboard}” ({count, plural, one {# panel} other {# panels}}).',
  },
  notPinned: { id: 'workspace.notPinned', defaultMessage: 'Not pinned. {reason}' },
  reachNone: {
    id: 'workspace.reach.none',
    defaultMessage: "The World Bank has no internet users for this period's countries yet: there is no value to show. Choose an earlier period.",
  },
  reachLeavesOut: {
    id: 'workspace.reach.leavesOut',
    defaultMessage:
      'Leaves out {withShare, select, yes {{share} of the {amount}, } other {}}{left} of {total} country-months, for want of World Bank data: {named}{more, plural, =0 {} one {; and # more country} other {; and # more countries}}.',
  },
  datasetFailed: { id: 'workspace.datasetFailed', defaultMessage: 'The dataset “{dataset}” could not be loaded' },
  showMeanwhile: { id: 'workspace.showMeanwhile', defaultMessage: 'Show {dataset} meanwhile' },
  loadingFilters: { id: 'workspace.loading.filters', defaultMessage: 'Loading filters' },
  loadingKpis: { id: 'workspace.loading.kpis', defaultMessage: 'Loading key figures' },
  loadingTrend: { id: 'workspace.loading.trend', defaultMessage: 'Loading the trend chart' },
  loadingCountries: { id: 'workspace.loading.countries', defaultMessage: 'Loading the country chart' },
  loadingView: { id: 'workspace.loading.view', defaultMessage: 'Loading the view' },
  viewRegion: { id: 'workspace.viewRegion', defaultMessage: 'View: {tab}' },
  notInSnapshot: {
    id: 'workspace.notice.notInSnapshot',
    defaultMessage: 'This panel shows a dataset ("{dataset}") that its snapshot does not describe; its figures cannot be shown.',
  },
  viewCubeLoading: { id: 'workspace.viewCube.loading', defaultMessage: "Loading this view's data from ClickHouse ({connection})…" },
  viewCubeMode: { id: 'workspace.viewCube.mode', defaultMessage: 'This table is too big to load whole: each view loads its own filters from ClickHouse.' },
});
