import { defineMessages } from '../../i18n';

/**
 * The upload screen's words. File names, column headers, dataset names, values from the file and format patterns
 * (`1,234.5`, `DD/MM/YYYY`: how the file writes them, whatever the UI language) are placeholders, never translated.
 */
export const messages = defineMessages({
  // The panel
  title: { id: 'upload.title', defaultMessage: 'Your data' },
  lead: {
    id: 'upload.lead',
    defaultMessage: 'Load your own {files}. They are read in this browser tab and kept in this browser only: nothing is uploaded anywhere.',
  },
  kindFiles: { id: 'upload.kindFiles', defaultMessage: '{kind} files ({suffixes})' },
  chooseFiles: { id: 'upload.chooseFiles', defaultMessage: 'Choose {kinds} files…' },
  listOr: { id: 'upload.listOr', defaultMessage: '{first} or {last}' },
  dropHint: { id: 'upload.dropHint', defaultMessage: 'or drop them here' },

  // The form
  datasetName: { id: 'upload.datasetName', defaultMessage: 'Dataset name' },
  beforeLoading: { id: 'upload.beforeLoading', defaultMessage: 'Before loading' },
  mappingInvalid: { id: 'upload.mappingInvalid', defaultMessage: 'This mapping cannot be loaded: {reason}.' },
  loadCancelled: { id: 'upload.loadCancelled', defaultMessage: 'Loading {fileName} was cancelled. Nothing was changed.' },
  warningsLabel: { id: 'upload.warningsLabel', defaultMessage: 'Warnings about this file' },
  howRead: { id: 'upload.howRead', defaultMessage: 'How the file is read' },
  whichSheet: { id: 'upload.whichSheet', defaultMessage: 'Which sheet is read' },
  sheet: { id: 'upload.sheet', defaultMessage: 'Sheet' },
  encoding: { id: 'upload.encoding', defaultMessage: 'Encoding' },
  delimiter: { id: 'upload.delimiter', defaultMessage: 'Delimiter' },
  delimiterComma: { id: 'upload.delimiter.comma', defaultMessage: 'Comma ,' },
  delimiterSemicolon: { id: 'upload.delimiter.semicolon', defaultMessage: 'Semicolon ;' },
  delimiterTab: { id: 'upload.delimiter.tab', defaultMessage: 'Tab' },
  delimiterPipe: { id: 'upload.delimiter.pipe', defaultMessage: 'Pipe |' },
  quote: { id: 'upload.quote', defaultMessage: 'Quote' },
  quoteDouble: { id: 'upload.quote.double', defaultMessage: 'Double quote "' },
  quoteSingle: { id: 'upload.quote.single', defaultMessage: "Single quote ''" },
  headerRow: { id: 'upload.headerRow', defaultMessage: 'First row is the header' },
  lineEndings: { id: 'upload.lineEndings', defaultMessage: 'Line endings: {ending}' },
  byteOrderMark: { id: 'upload.byteOrderMark', defaultMessage: 'byte-order mark' },

  // The columns
  previewLabel: { id: 'upload.previewLabel', defaultMessage: 'Preview and column roles' },
  turnedIntoRows: { id: 'upload.turnedIntoRows', defaultMessage: 'turned into rows' },
  roleOf: { id: 'upload.roleOf', defaultMessage: 'Role of {column}' },
  formatOf: { id: 'upload.formatOf', defaultMessage: 'Format of {column}' },
  unitOf: { id: 'upload.unitOf', defaultMessage: 'Unit of {column}' },
  overTimeOf: { id: 'upload.overTimeOf', defaultMessage: 'Over several months, {column} is' },
  summedOverMonths: { id: 'upload.summedOverMonths', defaultMessage: 'Summed over months' },
  averageMonth: { id: 'upload.averageMonth', defaultMessage: 'Average month' },
  dayMonthAmbiguous: { id: 'upload.dayMonthAmbiguous', defaultMessage: 'Day and month order cannot be told from the data: check the format.' },
  roleTime: { id: 'upload.role.time', defaultMessage: 'Time' },
  roleDimension: { id: 'upload.role.dimension', defaultMessage: 'Dimension' },
  roleMeasure: { id: 'upload.role.measure', defaultMessage: 'Measure' },
  roleIgnore: { id: 'upload.role.ignore', defaultMessage: 'Not used' },
  unitCount: { id: 'upload.unit.count', defaultMessage: 'Count' },
  unitNumber: { id: 'upload.unit.number', defaultMessage: 'Number' },
  unitPercent: { id: 'upload.unit.percent', defaultMessage: 'Percent' },
  unitSeconds: { id: 'upload.unit.seconds', defaultMessage: 'Seconds' },
  formatText: { id: 'upload.format.text', defaultMessage: 'Text' },
  formatNumber: { id: 'upload.format.number', defaultMessage: 'Number ({example})' },
  formatPercent: { id: 'upload.format.percent', defaultMessage: 'Percentage ({example})' },
  formatDuration: { id: 'upload.format.duration', defaultMessage: 'Duration ({example})' },
  formatDate: { id: 'upload.format.date', defaultMessage: 'Date ({pattern})' },
  formatTimestamp: { id: 'upload.format.timestamp', defaultMessage: 'Date and time ({pattern})' },
  formatMonth: { id: 'upload.format.month', defaultMessage: 'Month ({pattern})' },
  formatYear: { id: 'upload.format.year', defaultMessage: 'Year' },
  formatBoolean: { id: 'upload.format.boolean', defaultMessage: 'Yes / no' },
  formatCountryIso2: { id: 'upload.format.countryIso2', defaultMessage: 'Country (ISO-2 code)' },
  formatCountryIso3: { id: 'upload.format.countryIso3', defaultMessage: 'Country (ISO-3 code)' },
  formatCountryName: { id: 'upload.format.countryName', defaultMessage: 'Country (English name)' },

  // The wide-file offer
  wideFile: { id: 'upload.wideFile', defaultMessage: 'Wide file' },
  unpivotOffer: {
    id: 'upload.unpivotOffer',
    defaultMessage:
      'Turn the {count, plural, one {# {what} column} other {# {what} columns}} ({first} … {last}) into rows: one “{nameColumn}” column and one “{valueColumn}” column',
  },
  unpivotNameIs: { id: 'upload.unpivotNameIs', defaultMessage: 'The {what} is' },
  unpivotTime: { id: 'upload.unpivotTime', defaultMessage: 'the time column' },
  unpivotDimension: { id: 'upload.unpivotDimension', defaultMessage: 'a dimension' },
  unpivotValueName: { id: 'upload.unpivotValueName', defaultMessage: 'Name of the values' },
  unpivotOverTime: { id: 'upload.unpivotOverTime', defaultMessage: 'Over several {what}s, the values are' },
  unpivotMean: { id: 'upload.unpivotMean', defaultMessage: 'averaged (levels: GDP, population)' },
  unpivotSum: { id: 'upload.unpivotSum', defaultMessage: 'summed (flows: sales, visits)' },

  // Memory
  memoryWarning: {
    id: 'upload.memoryWarning',
    defaultMessage:
      "Loading {fileSize} with these columns needs about {estimate} of this tab's memory, more than it can be expected to hold (about {budget} for data). Mark fewer columns as “Not used”, or load only the first {rows} rows.",
  },
  loadSample: { id: 'upload.loadSample', defaultMessage: 'Load only the first {rows} rows' },

  // Loading
  load: { id: 'upload.load', defaultMessage: 'Load {label}' },
  reload: { id: 'upload.reload', defaultMessage: 'Reload {label} with these columns' },
  loadDataset: { id: 'upload.loadDataset', defaultMessage: 'Load dataset' },
  reloadDataset: { id: 'upload.reloadDataset', defaultMessage: 'Reload dataset with these columns' },
  discard: { id: 'upload.discard', defaultMessage: 'Discard' },
  cancel: { id: 'upload.cancel', defaultMessage: 'Cancel' },
  close: { id: 'upload.close', defaultMessage: 'Close' },
  loadingProgress: { id: 'upload.loadingProgress', defaultMessage: 'Loading progress' },
  preparing: { id: 'upload.preparing', defaultMessage: 'Preparing…' },
  reading: { id: 'upload.reading', defaultMessage: 'Reading {read} of {total}' },
  summarising: { id: 'upload.summarising', defaultMessage: 'Summarising by month…' },

  // The report
  reportRows: {
    id: 'upload.report.rows',
    defaultMessage:
      '<b>{loaded}</b> of {count, plural, one {{inFile} row} other {{inFile} rows}} loaded{withRejected, select, yes {, <b>{rejected}</b> rejected} other {}}{withSkipped, select, yes {, {skipped} left out (sample)} other {}}.',
  },
  reportValues: {
    id: 'upload.report.values',
    defaultMessage:
      '<b>{loaded}</b> of {inFile} values loaded ({records} rows × {perRecord} columns turned into rows){withRejected, select, yes {, <b>{rejected}</b> rejected} other {}}{withSkipped, select, yes {, {skipped} left out (sample)} other {}}.',
  },
  openInDashboard: { id: 'upload.openInDashboard', defaultMessage: 'Open in the dashboard' },
  rejectedRows: { id: 'upload.rejectedRows', defaultMessage: 'Rejected rows' },
  rejectedRowsFirst: { id: 'upload.rejectedRowsFirst', defaultMessage: 'Rejected rows (first {count})' },
  placeLine: { id: 'upload.place.line', defaultMessage: 'Line' },
  placeSheetRow: { id: 'upload.place.sheetRow', defaultMessage: 'Sheet row' },
  placeRow: { id: 'upload.place.row', defaultMessage: 'Row' },
  column: { id: 'upload.column', defaultMessage: 'Column' },
  value: { id: 'upload.value', defaultMessage: 'Value' },
  reason: { id: 'upload.reason', defaultMessage: 'Reason' },
  emptyValue: { id: 'upload.emptyValue', defaultMessage: '(empty)' },
  downloadRejects: { id: 'upload.downloadRejects', defaultMessage: 'Download rejected rows (CSV)' },
  // The rejected rows' CSV header (lower case, as a spreadsheet's columns)
  csvLine: { id: 'upload.csv.line', defaultMessage: 'line' },
  csvSheetRow: { id: 'upload.csv.sheetRow', defaultMessage: 'sheet row' },
  csvRow: { id: 'upload.csv.row', defaultMessage: 'row' },
  csvColumn: { id: 'upload.csv.column', defaultMessage: 'column' },
  csvValue: { id: 'upload.csv.value', defaultMessage: 'value' },
  csvReason: { id: 'upload.csv.reason', defaultMessage: 'reason' },

  // The datasets in this browser
  datasetsHere: { id: 'upload.datasetsHere', defaultMessage: 'Datasets in this browser' },
  storageUsed: { id: 'upload.storageUsed', defaultMessage: "Stored files use {size} of this browser's storage." },
  unreadable: {
    id: 'upload.unreadable',
    defaultMessage: 'The kept file “{fileName}” cannot be opened: {error}. It was not loaded. Delete it, then upload the file again.',
  },
  delete: { id: 'upload.delete', defaultMessage: 'Delete' },
  deleteAsk: { id: 'upload.deleteAsk', defaultMessage: 'Delete…' },
  deleteNamed: { id: 'upload.deleteNamed', defaultMessage: 'Delete {name}' },
  keepIt: { id: 'upload.keepIt', defaultMessage: 'Keep it' },
  name: { id: 'upload.name', defaultMessage: 'Name' },
  open: { id: 'upload.open', defaultMessage: 'Open' },
  editColumns: { id: 'upload.editColumns', defaultMessage: 'Edit columns…' },
  closeColumns: { id: 'upload.closeColumns', defaultMessage: 'Close columns' },
  factsRows: { id: 'upload.facts.rows', defaultMessage: '{fileName} · {count,plural,one{{rows} row} other{{rows} rows}}' },
  factsRejected: { id: 'upload.facts.rejected', defaultMessage: '{count} rejected' },
  factsStored: { id: 'upload.facts.stored', defaultMessage: '{size} stored' },
  factsLoading: { id: 'upload.facts.loading', defaultMessage: 'loading…' },
  noTimeColumn: { id: 'upload.noTimeColumn', defaultMessage: 'No time column' },
  byMonth: { id: 'upload.byMonth', defaultMessage: 'By month' },
  dimensionsList: { id: 'upload.dimensionsList', defaultMessage: 'Dimensions: {list}' },
  measuresList: { id: 'upload.measuresList', defaultMessage: 'Measures: {list}' },
  readingAgain: { id: 'upload.readingAgain', defaultMessage: 'Reading {fileName} again…' },
  readingTheFileAgain: { id: 'upload.readingTheFileAgain', defaultMessage: 'Reading the file again…' },

  // A link that needs someone's file
  neededTitle: {
    id: 'upload.needed.title',
    defaultMessage: "This view was made from a file that stays in its owner's browser: “{fileName}”",
  },
  neededDetail: {
    id: 'upload.needed.detail',
    defaultMessage:
      '{count, plural, one {{rows} row} other {{rows} rows}}, {size}; columns: {columns}. If you have the same file, choose it: it is checked, loaded in this browser only, and the view appears.',
  },
  neededTaken: {
    id: 'upload.needed.taken',
    defaultMessage: 'A dataset in this browser already has this link’s id: it is kept as it is, and the file is loaded as a new dataset.',
  },
  neededChoose: { id: 'upload.needed.choose', defaultMessage: 'Choose {fileName}…' },
  neededLoading: { id: 'upload.needed.loading', defaultMessage: 'Checking and loading…' },
});
