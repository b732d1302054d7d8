import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  // The view (CohortsView.tsx).
  title: { id: 'cohorts.title', defaultMessage: 'Since launch' },
  timeless: {
    id: 'cohorts.timeless',
    defaultMessage: '{dataset} has no time column: there is no first month to align on. Load the file again with a date or month column set to “Time”.',
  },
  oneDimension: {
    id: 'cohorts.oneDimension',
    defaultMessage:
      '{dataset} has one dimension: aligning on entry needs two, one that enters (such as a marketplace) and one it enters (such as a country).',
  },
  span: { id: 'cohorts.span', defaultMessage: '{months} months' },
  spanAll: { id: 'cohorts.span.all', defaultMessage: 'All' },
  pairWord: { id: 'cohorts.pairWord', defaultMessage: '{first} × {second}' },
  options: { id: 'cohorts.options', defaultMessage: 'Since launch options' },
  showAs: { id: 'cohorts.options.showAs', defaultMessage: 'Show as' },
  measured: { id: 'cohorts.options.measured', defaultMessage: 'As measured' },
  indexed: { id: 'cohorts.options.indexed', defaultMessage: 'Indexed, entry = 100' },
  monthsAfter: { id: 'cohorts.options.monthsAfter', defaultMessage: 'Months after entry' },
  pairs: { id: 'cohorts.options.pairs', defaultMessage: 'Pairs ({pairWord})' },
  largest: { id: 'cohorts.options.largest', defaultMessage: 'Largest {count}' },
  unknownEntries: { id: 'cohorts.unknown.label', defaultMessage: 'Unknown entries' },
  includeFrom: { id: 'cohorts.unknown.includeFrom', defaultMessage: 'Include pairs already there in {month}' },
  includeAtStart: { id: 'cohorts.unknown.includeAtStart', defaultMessage: 'Include pairs already there when the data starts' },
  leftOut: {
    id: 'cohorts.note.leftOut',
    defaultMessage:
      '{count, plural, one {# pair was} other {# pairs were}} already there in {month}, when the data starts: their entry is unknown, so they are left out. Include them to draw them from that month.',
  },
  leftOutPicked: {
    id: 'cohorts.note.leftOutPicked',
    defaultMessage:
      '{count, plural, one {# pair was} other {# pairs were}} already there in {month}, when the data starts: their entry is unknown, so they are left out, {picked} among them. Include them to draw them from that month.',
  },
  missing: { id: 'cohorts.note.missing', defaultMessage: 'No data above zero under the filters for {pairs}.' },

  // The panel (CohortsPanel.tsx).
  age: { id: 'cohorts.age', defaultMessage: 'Month {age}' },
  csvAge: { id: 'cohorts.csv.age', defaultMessage: 'months since entry' },
  csvPair: { id: 'cohorts.csv.pair', defaultMessage: '{pair} (entry {month})' },
  csvPairUnknown: { id: 'cohorts.csv.pairUnknown', defaultMessage: '{pair} (entry {month} or earlier)' },
  panelTitle: { id: 'cohorts.panel.title', defaultMessage: '{measure} since entry, by {pairWord}' },
  subtitle: {
    id: 'cohorts.panel.subtitle',
    defaultMessage:
      'Month 0 is each pair’s first month with {measure} above zero{start, select, none {} other { since the data starts ({start})}}{indexed, select, yes {; indexed, entry month = 100} other {}}{range, select, none {} other {; the largest pairs in {range}}}',
  },
  empty: {
    id: 'cohorts.panel.empty',
    defaultMessage: 'No pair with a known entry has data here: include unknown entries, pick pairs, or widen the filters.',
  },
  tableCaption: { id: 'cohorts.panel.tableCaption', defaultMessage: '{measure} by months since entry' },
  entryLine: { id: 'cohorts.panel.entryLine', defaultMessage: 'Entry month = 100' },
  chartLabel: { id: 'cohorts.panel.chartLabel', defaultMessage: '{measure} by months since entry for {pairs}' },
  chartLabelIndexed: { id: 'cohorts.panel.chartLabelIndexed', defaultMessage: '{measure}, indexed at entry, by months since entry for {pairs}' },
  entriesCaption: { id: 'cohorts.panel.entriesCaption', defaultMessage: 'Entry of each pair' },
  pair: { id: 'cohorts.panel.pair', defaultMessage: 'Pair' },
  entry: { id: 'cohorts.panel.entry', defaultMessage: 'Entry' },
  entryUnknown: { id: 'cohorts.panel.entryUnknown', defaultMessage: '{month} or earlier (entry unknown)' },
  monthsSince: { id: 'cohorts.panel.monthsSince', defaultMessage: 'Months since entry' },

  // Names and the summary (cohortParts.ts).
  pairUnknown: { id: 'cohorts.pair.unknown', defaultMessage: '{pair} (entry unknown, {month} or earlier)' },
  where: { id: 'cohorts.summary.where', defaultMessage: '{first} in {place}' },
  noCurve: { id: 'cohorts.summary.noCurve', defaultMessage: 'No curve with a known entry is drawn.' },
  unknownNote: {
    id: 'cohorts.summary.unknownNote',
    defaultMessage: 'Entries before the data starts are unknown: those curves are at least as old as shown.',
  },
  oneMeasured: {
    id: 'cohorts.summary.oneMeasured',
    defaultMessage: '{age, plural, one {# month after entry} other {# months after entry}}, {where} had {value} {measure} that month.',
  },
  oneIndexed: {
    id: 'cohorts.summary.oneIndexed',
    defaultMessage: '{age, plural, one {# month after entry} other {# months after entry}}, {where} stood at {index} (entry month = 100).',
  },
  twoMeasured: {
    id: 'cohorts.summary.twoMeasured',
    defaultMessage:
      '{age, plural, one {# month after entry} other {# months after entry}}, {where} had {value} {measure} that month, {multiple} {next} at the same age.',
  },
  twoMeasuredNone: {
    id: 'cohorts.summary.twoMeasuredNone',
    defaultMessage:
      '{age, plural, one {# month after entry} other {# months after entry}}, {where} had {value} {measure} that month, while {next} had none at the same age.',
  },
  twoIndexed: {
    id: 'cohorts.summary.twoIndexed',
    defaultMessage:
      '{age, plural, one {# month after entry} other {# months after entry}}, {where} stood at {index} (entry month = 100), against {nextIndex} for {next}.',
  },
  multiple: { id: 'cohorts.summary.multiple', defaultMessage: '{ratio}×' },
});
