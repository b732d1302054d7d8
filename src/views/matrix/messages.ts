import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  shareOfEach: { id: 'matrix.value.shareOfEach', defaultMessage: "Share of each {column}'s {measure}" },
  splitBy: { id: 'matrix.subtitle.splitBy', defaultMessage: "Each {column}'s {measure} split by {row}" },
  largestOf: { id: 'matrix.subtitle.largestOf', defaultMessage: 'the {shown} largest of {total} {members}' },
  withLimits: { id: 'matrix.subtitle.withLimits', defaultMessage: '{what} · {limits}; the rest in "{other}"' },
  options: { id: 'matrix.options', defaultMessage: 'Matrix options' },
  cells: { id: 'matrix.options.cells', defaultMessage: 'Cells' },
  shareWithin: { id: 'matrix.options.shareWithin', defaultMessage: 'Share within each {column}' },
  title: { id: 'matrix.title', defaultMessage: '{row} × {column}' },
  tableCaption: { id: 'matrix.tableCaption', defaultMessage: '{measure} by {row} and {column}' },
  shareOf: { id: 'matrix.column.shareOf', defaultMessage: 'Share of {column}' },
  heatmapLabel: { id: 'matrix.heatmapLabel', defaultMessage: '{value} by {row} (rows) and {column} (columns)' },
});
