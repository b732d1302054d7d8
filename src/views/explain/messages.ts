import { defineMessages } from '../../i18n';

export const messages = defineMessages({

  // The view (ExplainView.tsx).
  whyTitle: { id: 'explain.timeless.title', defaultMessage: 'Why did it move?' },
  timeless: { id: 'explain.timeless.text', defaultMessage: 'This dataset has no time column: there are no two periods to compare.' },
  options: { id: 'explain.options', defaultMessage: 'Explanation options' },
  explainLabel: { id: 'explain.options.what', defaultMessage: 'Explain' },
  byLabel: { id: 'explain.options.by', defaultMessage: 'By' },
  pair: { id: 'explain.options.pair', defaultMessage: '{first} × {second}' },
  periods: { id: 'explain.periods', defaultMessage: '{range} against {comparison}' },
  noRatios: {
    id: 'explain.noRatios',
    defaultMessage: 'This dataset has no visitors, orders and revenue to make ratios of: showing why {measure} moved.',
  },
  reachNote: {
    id: 'explain.reachNote',
    defaultMessage:
      "Each part divides a segment's figures by the internet users of the whole selection, so the parts add up to the change; a country's part moves with its own figure and with its share of those internet users.",
  },

  // The contributions (ContributionPanel.tsx).
  whyMember: { id: 'explain.whyMember', defaultMessage: 'Why did {member} move?' },
  rateEffect: { id: 'explain.column.rate', defaultMessage: 'Rate effect' },
  mixEffect: { id: 'explain.column.mix', defaultMessage: 'Mix effect' },
  contribution: { id: 'explain.column.contribution', defaultMessage: 'Contribution' },
  shareOfChange: { id: 'explain.column.share', defaultMessage: 'Share of the change' },
  inBoth: { id: 'explain.column.status', defaultMessage: 'In both periods' },
  statusBoth: { id: 'explain.status.both', defaultMessage: 'Yes' },
  statusNew: { id: 'explain.status.new', defaultMessage: 'New' },
  statusGone: { id: 'explain.status.gone', defaultMessage: 'Gone' },
  csvValue: { id: 'explain.csv.value', defaultMessage: '{what} {period}' },
  csvRate: { id: 'explain.csv.rate', defaultMessage: 'rate effect' },
  csvMix: { id: 'explain.csv.mix', defaultMessage: 'mix effect' },
  csvContribution: { id: 'explain.csv.contribution', defaultMessage: 'contribution' },
  csvStatus: { id: 'explain.csv.status', defaultMessage: 'status' },
  csvTotal: { id: 'explain.csv.total', defaultMessage: 'Total' },
  title: { id: 'explain.title', defaultMessage: 'Why did {what} move?' },
  subtitle: { id: 'explain.subtitle', defaultMessage: '{what} {period} against {comparison}, by {split}' },
  noData: { id: 'explain.noData', defaultMessage: 'No data in either period for this selection.' },
  others: { id: 'explain.others', defaultMessage: '{count, plural, one {# other} other {# others}}' },
  tableCaption: { id: 'explain.tableCaption', defaultMessage: 'Contributions to the change of {what} by {split}' },
  waterfallLabel: { id: 'explain.waterfallLabel', defaultMessage: 'Waterfall of {what} from {base} to {current}: {segments}' },

  // The share shift (ShareShiftPanel.tsx).
  shareShift: { id: 'explain.shift.title', defaultMessage: 'Share shift' },
  shiftSubtitle: { id: 'explain.shift.subtitle', defaultMessage: "Each {member}'s share of the selection's {measure}, {current} against {base}" },
  shareIn: { id: 'explain.shift.shareIn', defaultMessage: 'Share {period}' },
  change: { id: 'explain.shift.change', defaultMessage: 'Change' },
  measureChange: { id: 'explain.shift.measureChange', defaultMessage: '{measure} change' },
  fromMarket: { id: 'explain.shift.fromMarket', defaultMessage: 'From market growth' },
  fromShare: { id: 'explain.shift.fromShare', defaultMessage: 'From share change' },
  csvShareIn: { id: 'explain.shift.csv.shareIn', defaultMessage: 'share {period}' },
  csvPoints: { id: 'explain.shift.csv.points', defaultMessage: 'change (pp)' },
  csvFromMarket: { id: 'explain.shift.csv.fromMarket', defaultMessage: 'from market growth' },
  csvFromShare: { id: 'explain.shift.csv.fromShare', defaultMessage: 'from share change' },
  shiftCaption: { id: 'explain.shift.caption', defaultMessage: 'Change of share by {member}' },
  points: { id: 'explain.shift.points', defaultMessage: '{points} pp' },
  shiftChartLabel: { id: 'explain.shift.chartLabel', defaultMessage: 'Change of share in percentage points: {members}' },

  // The explanation, written from the numbers (summaries.ts).
  nothing: { id: 'explain.summary.nothing', defaultMessage: 'There is no {what} for this selection in {current} or {base}.' },
  noBase: {
    id: 'explain.summary.noBase',
    defaultMessage: '{what} has no value in {base} to compare with: it is {value} in {current}, all of it new.',
  },
  noCurrent: { id: 'explain.summary.noCurrent', defaultMessage: '{what} has no value in {current}: it was {value} in {base}.' },
  unchanged: { id: 'explain.summary.unchanged', defaultMessage: '{what} is unchanged at {value} in {current} against {base}.' },
  moved: {
    id: 'explain.summary.moved',
    defaultMessage:
      '{what} {direction, select, rise {rose} other {fell}} from {baseValue} in {base} to {currentValue} in {current}, {change}{relative, select, none {} other { ({relative})}}.',
  },
  careful: {
    id: 'explain.summary.careful',
    defaultMessage:
      'Careful: the selection has data in {baseMonths, plural, one {# month} other {# months}} of {base} and {currentMonths} of {current}, so the totals do not cover the same months.',
  },
  segmentChange: { id: 'explain.summary.segmentChange', defaultMessage: '{segment} ({change})' },
  segmentChangeNew: { id: 'explain.summary.segmentChange.new', defaultMessage: '{segment} ({change}, new)' },
  segmentChangeGone: { id: 'explain.summary.segmentChange.gone', defaultMessage: '{segment} ({change}, gone)' },
  leader: {
    id: 'explain.summary.leader',
    defaultMessage: '{segment} accounts for {share} of the {direction, select, rise {rise} other {fall}} ({change}{status, select, new {, new} gone {, gone} other {}}).',
  },
  leaderWithOthers: {
    id: 'explain.summary.leaderWithOthers',
    defaultMessage:
      '{segment} accounts for {share} of the {direction, select, rise {rise} other {fall}} ({change}{status, select, new {, new} gone {, gone} other {}}); with {others}, {covered}.',
  },
  leaders: {
    id: 'explain.summary.leaders',
    defaultMessage: '{segments} account for {covered} of the {direction, select, rise {rise} other {fall}}.',
  },
  against: {
    id: 'explain.summary.against',
    defaultMessage:
      '{segment} moved the other way ({change}{status, select, new {, new} gone {, gone} other {}}){more, plural, =0 {} one {, with # more} other {, with # more}}.',
  },
  rateAndMix: {
    id: 'explain.summary.rateAndMix',
    defaultMessage:
      "Of the change, {rate} comes from the segments' own ratios (rate effect) and {mix} from the shift of visitors between segments (mix effect).",
  },
  list: { id: 'explain.summary.list', defaultMessage: '{head} and {last}' },
  net: {
    id: 'explain.summary.net',
    defaultMessage: 'These are net shares of the selection: aggregates cannot say which {members} took customers from which.',
  },
  nothingToCompare: { id: 'explain.summary.nothingToCompare', defaultMessage: 'There is nothing to compare in one of the periods.' },
  hardlyMoved: { id: 'explain.summary.hardlyMoved', defaultMessage: 'Shares hardly moved between {base} and {current}.' },
  gainer: {
    id: 'explain.summary.gainer',
    defaultMessage:
      '{gainer} gained the most share, {gainerPoints} to {gainerShare}{gainerNew, select, yes { (new in the selection)} other {}}{hasLoser, select, yes {; {loser} lost the most, {loserPoints} to {loserShare}.} other {.}}',
  },
  gainerEffects: {
    id: 'explain.summary.gainerEffects',
    defaultMessage:
      "Of {gainer}'s change ({change}), {market} is what the selection's growth would have brought at its old share, and {share} comes from its gain of share.",
  },
});
