import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  syntheticData: { id: 'views.shared.synthetic', defaultMessage: 'Synthetic data' },
  syntheticNote: { id: 'views.shared.synthetic.note', defaultMessage: 'Generated data, calibrated to published figures; see datasets/README.md' },
  showChart: { id: 'views.shared.showChart', defaultMessage: 'Show chart' },
  showTable: { id: 'views.shared.showTable', defaultMessage: 'Show table' },
  shareColumn: { id: 'views.shared.shareColumn', defaultMessage: 'Share' },
  shareHeader: { id: 'views.shared.shareHeader', defaultMessage: 'share' },
  other: { id: 'views.shared.other', defaultMessage: 'Other' },
  chart: { id: 'views.shared.chart', defaultMessage: 'Chart' },
  exportOf: { id: 'views.shared.export', defaultMessage: 'Export {title}' },
  exportFailed: { id: 'views.shared.exportFailed', defaultMessage: 'Could not export: {reason}' },
  stillLoading: { id: 'views.shared.stillLoading', defaultMessage: 'the data is still loading' },
  showChartToExport: { id: 'views.shared.showChartToExport', defaultMessage: 'show the chart (not the table) to export it as an image' },
  why: { id: 'views.shared.why', defaultMessage: 'Why?' },
  whyMove: { id: 'views.shared.whyMove', defaultMessage: 'Why did {subject} move?' },
  dateDerived: { id: 'views.shared.dateDerived', defaultMessage: '{event} (date derived)' },
  level: { id: 'views.shared.level', defaultMessage: 'Level' },
  allRegions: { id: 'views.shared.allRegions', defaultMessage: 'All regions' },
  drillPath: { id: 'views.shared.drillPath', defaultMessage: 'Drill-down path' },
  chooseLevel: {
    id: 'views.shared.chooseLevel',
    defaultMessage:
      'Choose a {level, select, region {region} subregion {sub-region} other {country}} to see its {below, select, country {countries} other {sub-regions}}.',
  },
  upOneLevel: { id: 'views.shared.upOneLevel', defaultMessage: 'Up one level' },
});
