import { defineMessages } from '../i18n';

export const messages = defineMessages({
  // Link notices (viewState.ts, shareLink.ts).
  unknownVersion: {
    id: 'state.link.unknownVersion',
    defaultMessage: 'This link was made by an unknown version (v={version}); it was read as version {current}.',
  },
  ignoredValue: { id: 'state.link.ignoredValue', defaultMessage: 'Ignored {name}={value}: expected {expected}.' },
  unreadable: { id: 'state.link.unreadable', defaultMessage: 'The link could not be read; showing the default view.' },
  compressedUnreadable: {
    id: 'state.link.compressedUnreadable',
    defaultMessage: 'The compressed part of this link could not be read (was it cut short?); showing the default view.',
  },
  ignoredSort: { id: 'state.link.ignoredSort', defaultMessage: 'Ignored the sort order {sort}.' },
  ignoredSelection: { id: 'state.link.ignoredSelection', defaultMessage: 'Ignored the selection {key}.' },
  ignoredParameter: { id: 'state.link.ignoredParameter', defaultMessage: 'Ignored the unknown parameter {key}.' },
  valueTooLong: { id: 'state.link.valueTooLong', defaultMessage: 'Ignored {key}={value}: a value must be 1 to {max} characters.' },
  keptFirst: { id: 'state.link.keptFirst', defaultMessage: 'Kept the first {max} of {count} values for {key}.' },
  compressedInvalid: { id: 'state.link.compressedInvalid', defaultMessage: 'The compressed part of this link is not valid; showing the default view.' },
  // What a setting of a link expects (viewState.ts), in the notice `ignoredValue`; a list's words are the link's own.
  expectedDataset: { id: 'state.expected.dataset', defaultMessage: 'a dataset name' },
  expectedMeasure: { id: 'state.expected.measure', defaultMessage: 'a measure name' },
  expectedMonth: { id: 'state.expected.month', defaultMessage: 'a month such as {example}' },
  expectedChoices: { id: 'state.expected.choices', defaultMessage: '{choices}' },
  expectedChoicesOr: { id: 'state.expected.choicesOr', defaultMessage: '{choices} or {last}' },
  compressedDamaged: {
    id: 'state.link.compressedDamaged',
    defaultMessage: 'The compressed part of this link is damaged (was it cut short?); showing the default view.',
  },

  // Dashboards (dashboards.ts).
  newDashboard: { id: 'state.dashboard.new', defaultMessage: 'My dashboard' },
  notDashboardTooLarge: { id: 'state.dashboard.tooLarge', defaultMessage: 'This is not a Marketscope dashboard file: it is far too large.' },
  notDashboardJson: { id: 'state.dashboard.notJson', defaultMessage: 'This is not a Marketscope dashboard file: it is not JSON.' },
  notDashboard: { id: 'state.dashboard.invalid', defaultMessage: 'This is not a Marketscope dashboard file, or one from a newer version.' },
  notDashboardAt: {
    id: 'state.dashboard.invalidAt',
    defaultMessage: 'This is not a Marketscope dashboard file, or one from a newer version (at {path}).',
  },
  storageFull: {
    id: 'state.dashboard.storageFull',
    defaultMessage:
      'The browser has no room left for this site’s dashboards, so your dashboards were left as they were. Delete a dashboard you no longer need (those shared with their figures take the most room; export one to a file first to keep it), then try again.',
  },
  storageRefused: {
    id: 'state.dashboard.storageRefused',
    defaultMessage:
      'This browser does not let the app keep dashboards, so your dashboards were left as they were. Allow this site to store data (site settings, or leave private browsing), then try again; meanwhile, export a dashboard to a file to keep it.',
  },
  storageRefusedReason: {
    id: 'state.dashboard.storageRefusedReason',
    defaultMessage:
      'This browser does not let the app keep dashboards ({reason}), so your dashboards were left as they were. Allow this site to store data (site settings, or leave private browsing), then try again; meanwhile, export a dashboard to a file to keep it.',
  },
});
