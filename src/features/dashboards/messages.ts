import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  title: { id: 'dashboards.title', defaultMessage: 'Dashboards' },
  lead: {
    id: 'dashboards.lead',
    defaultMessage:
      'Pin any view with “Pin to dashboard”. A dashboard is kept in this browser; share it as a link that opens in presentation mode, or as a file.',
  },
  newDashboard: { id: 'dashboards.new', defaultMessage: 'New dashboard' },
  defaultName: { id: 'dashboards.defaultName', defaultMessage: 'Dashboard {number}' },
  untitled: { id: 'dashboards.untitled', defaultMessage: 'Untitled dashboard' },
  importFile: { id: 'dashboards.import', defaultMessage: 'Import a dashboard file…' },
  none: { id: 'dashboards.none', defaultMessage: 'No dashboard yet.' },
  importRefused: { id: 'dashboards.import.refused', defaultMessage: '{file}: {reason} Nothing was changed.' },
  importNotKept: { id: 'dashboards.import.notKept', defaultMessage: '{file} was not imported. {reason}' },
  imported: { id: 'dashboards.imported', defaultMessage: 'Imported “{name}” ({count, plural, one {# panel} other {# panels}}).' },
  importedWithFigures: {
    id: 'dashboards.importedWithFigures',
    defaultMessage: 'Imported “{name}” ({count, plural, one {# panel} other {# panels}}) with its figures (snapshot of {day}): present it to see them.',
  },
  importedDamaged: {
    id: 'dashboards.importedDamaged',
    defaultMessage: '{count, plural, one {One damaged figure was left out.} other {# damaged figures were left out.}}',
  },
  notMade: { id: 'dashboards.notMade', defaultMessage: 'No dashboard was made. {reason}' },
  notSaved: { id: 'dashboards.notSaved', defaultMessage: 'Not saved. {reason}' },
  notDeleted: { id: 'dashboards.notDeleted', defaultMessage: 'Not deleted. {reason}' },
  linkCopied: { id: 'dashboards.linkCopied', defaultMessage: 'Link to “{name}” copied: it opens in presentation mode.' },
  name: { id: 'dashboards.name', defaultMessage: 'Name' },
  snapshotOf: { id: 'dashboards.snapshotOf', defaultMessage: 'Snapshot of {day}' },
  snapshotFixed: { id: 'dashboards.snapshotFixed', defaultMessage: 'Its figures are fixed: it shows them as they were that day, without the data.' },
  noPanel: { id: 'dashboards.noPanel', defaultMessage: 'No panel yet: pin a view.' },
  panelTitle: { id: 'dashboards.panel.title', defaultMessage: 'Title' },
  panelNotes: { id: 'dashboards.panel.notes', defaultMessage: 'Notes' },
  open: { id: 'dashboards.panel.open', defaultMessage: 'Open' },
  moveUp: { id: 'dashboards.panel.moveUp', defaultMessage: 'Move {title} up' },
  moveDown: { id: 'dashboards.panel.moveDown', defaultMessage: 'Move {title} down' },
  removePanel: { id: 'dashboards.panel.removeLabel', defaultMessage: 'Remove {title}' },
  remove: { id: 'dashboards.panel.remove', defaultMessage: 'Remove' },
  present: { id: 'dashboards.present', defaultMessage: 'Present' },
  copyLink: { id: 'dashboards.copyLink', defaultMessage: 'Copy link' },
  exportFile: { id: 'dashboards.export', defaultMessage: 'Export file' },
  shareWithData: { id: 'dashboards.shareWithData', defaultMessage: 'Share with data' },
  deleteDashboard: { id: 'dashboards.delete', defaultMessage: 'Delete dashboard' },
  computing: { id: 'dashboards.share.computing', defaultMessage: 'Computing the figures of every panel…' },
  shareCopied: {
    id: 'dashboards.share.copied',
    defaultMessage:
      'Link with the figures copied ({size}). Whoever opens it sees these panels as they are today ({day}), without the data files and without waiting for the query engine.',
  },
  shareReady: {
    id: 'dashboards.share.ready',
    defaultMessage:
      'Link with the figures ready: copy it from the box below ({size}). Whoever opens it sees these panels as they are today ({day}), without the data files and without waiting for the query engine.',
  },
  shareLink: { id: 'dashboards.share.link', defaultMessage: 'Link with the figures' },
  shareTooLarge: {
    id: 'dashboards.share.tooLarge',
    defaultMessage:
      'These figures are too large for a link ({size}; a link holds at most {max}). Download the dashboard file with its figures and send it: the recipient opens Marketscope, imports it under “Dashboards…”, and presents it.',
  },
  downloadInstead: { id: 'dashboards.share.downloadInstead', defaultMessage: 'Download as a file instead' },
  downloadFile: { id: 'dashboards.share.downloadFile', defaultMessage: 'Download the file with its figures' },
});
