import { defineMessages } from '../i18n';

export const messages = defineMessages({
  skipLink: { id: 'app.skipLink', defaultMessage: 'Skip to the dashboard' },
  tagline: { id: 'app.tagline', defaultMessage: 'E-commerce marketplaces compared across countries' },
  openDashboards: { id: 'app.openDashboards', defaultMessage: 'Dashboards…' },
  closeDashboards: { id: 'app.closeDashboards', defaultMessage: 'Close dashboards' },
  openUpload: { id: 'app.openUpload', defaultMessage: 'Your data…' },
  closeUpload: { id: 'app.closeUpload', defaultMessage: 'Close your data' },
  openConnect: { id: 'app.openConnect', defaultMessage: 'Connect to a table…' },
  closeConnect: { id: 'app.closeConnect', defaultMessage: 'Close the table picker' },
  theme: { id: 'app.theme', defaultMessage: 'Theme' },
  themeSystem: { id: 'app.theme.system', defaultMessage: 'System' },
  themeLight: { id: 'app.theme.light', defaultMessage: 'Light' },
  themeDark: { id: 'app.theme.dark', defaultMessage: 'Dark' },
  language: { id: 'app.language', defaultMessage: 'Language' },
  loadingDashboards: { id: 'app.loading.dashboards', defaultMessage: 'Loading the dashboards' },
  loadingUpload: { id: 'app.loading.upload', defaultMessage: 'Loading the upload screen' },
  loadingConnect: { id: 'app.loading.connect', defaultMessage: 'Loading the table picker' },
  openingDashboard: { id: 'app.loading.presentation', defaultMessage: 'Opening the dashboard' },
  stopped: { id: 'app.stopped', defaultMessage: 'The dashboard stopped' },
  footerSnapshot: {
    id: 'app.footer.snapshot',
    defaultMessage: 'These figures were computed when the snapshot was taken; this page computes nothing and sends nothing.',
  },
  footerLive: { id: 'app.footer.live', defaultMessage: 'Every query runs in this browser tab; no data leaves it.' },
  notInSnapshot: {
    id: 'app.notInSnapshot',
    defaultMessage:
      'This figure is not in the snapshot: a snapshot holds only what its panels showed when it was taken, and nothing is computed from it.',
  },
  buildTime: { id: 'app.buildTime', defaultMessage: 'The page is being drawn at build time: nothing is computed.' },
  copyLink: { id: 'app.copyLink', defaultMessage: 'Copy link' },
  linkCopied: { id: 'app.linkCopied', defaultMessage: 'Link copied: it opens this exact view.' },
  copyThisLink: { id: 'app.copyThisLink', defaultMessage: 'Copy this link' },
  // The presentation of a shared dashboard (PresentationPage, PresentationPanels)
  presentationCannotShow: { id: 'app.presentation.cannotShow', defaultMessage: 'This dashboard cannot be shown' },
  presentationOpenApp: { id: 'app.presentation.openApp', defaultMessage: 'Open Marketscope' },
  snapshotTaken: { id: 'app.presentation.snapshotTaken', defaultMessage: 'Taken {moment}' },
  snapshotOf: { id: 'app.presentation.snapshotOf', defaultMessage: 'Snapshot of {day}' },
  snapshotFixed: {
    id: 'app.presentation.snapshotFixed',
    defaultMessage: 'These figures are fixed as they were that day: they are not live, and do not change when the data does.',
  },
  snapshotLanguage: {
    id: 'app.presentation.snapshotLanguage',
    defaultMessage: 'It was taken in {language}: text that came with the figures is in that language.',
  },
  presentationNotes: {
    id: 'app.presentation.notes',
    defaultMessage: '{count, plural, one {# panel} other {# panels}} · read-only · <link>Explore in Marketscope</link>',
  },
  downloadHtml: { id: 'app.presentation.downloadHtml', defaultMessage: 'Download as one HTML file' },
  htmlSourceSnapshot: { id: 'app.presentation.htmlSource.snapshot', defaultMessage: 'The figures are fixed as they were that day, not live.' },
  htmlSourceLive: { id: 'app.presentation.htmlSource.live', defaultMessage: 'Every figure was computed in the browser.' },
  snapshotDropped: {
    id: 'app.presentation.snapshotDropped',
    defaultMessage:
      '{count, plural, one {One figure of this snapshot was damaged on the way and is left out; the panels that need it say so. Ask for a new link or file to see it.} other {# figures of this snapshot were damaged on the way and are left out; the panels that need them say so. Ask for a new link or file to see them.}}',
  },
  // Start-up (StartupStatus)
  engineStarting: { id: 'app.startup.engineStarting', defaultMessage: 'Starting the query engine…' },
  engineDownloadingOf: { id: 'app.startup.downloadingOf', defaultMessage: 'Downloading the query engine: {loaded} of {total}' },
  engineDownloading: { id: 'app.startup.downloading', defaultMessage: 'Downloading the query engine: {loaded}' },
  engineFailed: { id: 'app.startup.failed', defaultMessage: 'The query engine could not start: {message}' },
  loadingDataset: { id: 'app.startup.loadingDataset', defaultMessage: 'Loading datasets: {name}' },
  loadingDatasets: { id: 'app.startup.loadingDatasets', defaultMessage: 'Loading datasets…' },
  engineDeferred: {
    id: 'app.startup.deferred',
    defaultMessage:
      'Your browser asks to save data, so these figures came with the page and the query engine is not downloaded. It starts when you change the view.',
  },
  // The engine's incidents (EngineIncidentNotice)
  incidentRestarting: {
    id: 'app.incident.restarting',
    defaultMessage: 'The query engine stopped unexpectedly and is being restarted; your datasets will be loaded into it again.',
  },
  incidentRestarted: {
    id: 'app.incident.restarted',
    defaultMessage: 'The query engine stopped unexpectedly and was restarted. Your datasets are loaded again as you use them; nothing was lost.',
  },
  incidentFailed: {
    id: 'app.incident.failed',
    defaultMessage:
      'The query engine stopped unexpectedly and could not be restarted. Your uploaded files are still kept in this browser: reload the page to continue.',
  },
  incidentReported: { id: 'app.incident.reported', defaultMessage: 'What it reported: {message}' },
  dismiss: { id: 'app.dismiss', defaultMessage: 'Dismiss' },
  // Taking a snapshot (snapshotCapture)
  captureNoPanel: { id: 'app.capture.noPanel', defaultMessage: 'This dashboard has no panel yet: pin a view to it first.' },
  captureDatasetGone: {
    id: 'app.capture.datasetGone',
    defaultMessage:
      'The panel “{title}” shows a dataset that is no longer in this browser. Load its file again under “Your data…”, or remove the panel, then share again.',
  },
  captureFailed: { id: 'app.capture.failed', defaultMessage: 'Some figures could not be computed, so nothing was shared: {detail}' },
  captureTooLarge: {
    id: 'app.capture.tooLarge',
    defaultMessage:
      'These figures take {size}, more than a snapshot holds ({max}). Share fewer panels, or views of fewer members (filter them, or show fewer), then try again.',
  },
  captureNotPacked: { id: 'app.capture.notPacked', defaultMessage: 'The figures could not be packed for sharing: {error}' },
  captureUnsupported: {
    id: 'app.capture.unsupported',
    defaultMessage: '{count} of the figures are of a kind a snapshot cannot carry yet, so nothing was shared.',
  },
  captureTimeout: {
    id: 'app.capture.timeout',
    defaultMessage: 'Computing the figures took too long, so nothing was shared. Try again, or share fewer panels.',
  },
});
