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
});
