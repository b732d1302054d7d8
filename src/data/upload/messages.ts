import { defineMessages } from '../../i18n';

/**
 * What the upload's data layer tells people: refusals, warnings, rejected rows' reasons and suggestions. A message
 * that names where a problem is keeps the file, line (or row), column and value as placeholders, filled with the
 * file's own text and numbers as they are (line numbers are not grouped: "line 12345", as an editor shows it), so it
 * is as precise in every language. Reading a file never depends on the UI language: only these words do.
 */
export const messages = defineMessages({
  // The load's refusals (load/)
  readFailed: {
    id: 'uploadData.readFailed',
    defaultMessage:
      '{file} could not be read: {reason}. Check the delimiter, quote and encoding in the preview. Your other datasets are unchanged.',
  },
  cancelled: { id: 'uploadData.cancelled', defaultMessage: 'Loading {fileName} was cancelled.' },
  rowAccounting: {
    id: 'uploadData.rowAccounting',
    defaultMessage:
      '{file} has {inFile} {unit, select, values {values} other {rows}}, but the engine read {read} ({loaded} loaded, {rejected} rejected). Rather than lose {unit, select, values {values} other {rows}} silently, nothing was loaded. This usually means a quote character is used inside fields: try another quote setting in the preview.',
  },
  rejectsNotListed: {
    id: 'uploadData.rejectsNotListed',
    defaultMessage:
      '{file}: {rejected} rows did not convert, but reading the file again to list them found {found}. Rather than show an incomplete list, nothing was loaded. Load the file again; if this repeats, reload the page.',
  },
  headerOnly: {
    id: 'uploadData.headerOnly',
    defaultMessage: '{file} has a header but no data rows. Add rows, or check that the right file was chosen.',
  },
  nothingLoaded: {
    id: 'uploadData.nothingLoaded',
    defaultMessage:
      'None of the {records} rows of {file} could be loaded. Check the delimiter and the column formats in the preview (see the rejected rows for why).',
  },
  // A plan's problems (planSchema.ts): after a field's path, e.g. "columns[2].format.decimal: must be one of …".
  planNotPlan: { id: 'uploadData.plan.notPlan', defaultMessage: "not an upload plan" },
  planUnknownFields: { id: 'uploadData.plan.unknownFields', defaultMessage: "has fields a plan does not have ({fields})" },
  planMissing: { id: 'uploadData.plan.missing', defaultMessage: "is missing (a {type} is needed)" },
  planWrongType: { id: 'uploadData.plan.wrongType', defaultMessage: "must be a {type}" },
  planOneOf: { id: 'uploadData.plan.oneOf', defaultMessage: "must be one of {values}" },
  planUnknownFormat: { id: 'uploadData.plan.unknownFormat', defaultMessage: "is not a known format" },
  planBelow: { id: 'uploadData.plan.below', defaultMessage: "must be below {maximum}" },
  planTooLong: { id: 'uploadData.plan.tooLong', defaultMessage: "is too long (at most {maximum})" },
  planAtLeast: { id: 'uploadData.plan.atLeast', defaultMessage: "must be at least {minimum}" },
  planTooShort: { id: 'uploadData.plan.tooShort', defaultMessage: "is too short (at least {minimum})" },
  planNul: { id: 'uploadData.plan.nul', defaultMessage: "must not contain a NUL character" },
  planDateFormat: { id: 'uploadData.plan.dateFormat', defaultMessage: "must be a date format made of known specifiers (%Y, %m, %d, %H, \u2026) and separators" },
  planCurrency: { id: 'uploadData.plan.currency', defaultMessage: "must be a currency symbol or a three-letter code" },
  planInvalidValue: { id: 'uploadData.plan.invalid', defaultMessage: "is not valid" },
  planEscape: { id: 'uploadData.plan.escape', defaultMessage: "dialect.escape must be the quote itself or a backslash" },
  planColumnOrder: { id: 'uploadData.plan.columnOrder', defaultMessage: "columns[{position}].index must be {position} (the columns are listed in file order)" },
  planTooManyColumns: { id: 'uploadData.plan.tooManyColumns', defaultMessage: "columns has {columns} columns but the file has {fileColumns}" },
  planUnpivotTwice: { id: 'uploadData.plan.unpivotTwice', defaultMessage: "unpivot.columns lists a column twice" },
  planUnpivotOutside: { id: 'uploadData.plan.unpivotOutside', defaultMessage: "unpivot.columns names column {column}, but the file's columns are 0 to {last}" },
  planUnpivotName: { id: 'uploadData.plan.unpivotName', defaultMessage: "unpivot.name.index must be {index} (just after the file's columns)" },
  planUnpivotValue: { id: 'uploadData.plan.unpivotValue', defaultMessage: "unpivot.value.index must be {index}" },
  planInvalid: {
    id: 'uploadData.planInvalid',
    defaultMessage: 'The plan for reading {fileName} is not valid ({reason}); nothing was loaded.',
  },

  // Rejected rows' reasons (the value and column are in their own columns of the table)
  notConverted: { id: 'uploadData.reject.notConverted', defaultMessage: 'could not be converted' },
  emptyTime: { id: 'uploadData.reject.emptyTime', defaultMessage: '"{column}" is empty, and the time column needs a value' },
  notNumber: { id: 'uploadData.reject.notNumber', defaultMessage: "is not a number in the column's format" },
  notPercentage: { id: 'uploadData.reject.notPercentage', defaultMessage: "is not a number in the column's format (a percentage)" },
  notDate: { id: 'uploadData.reject.notDate', defaultMessage: 'is not a date in the form {pattern}' },
  notYear: { id: 'uploadData.reject.notYear', defaultMessage: 'is not a year' },
  notDuration: { id: 'uploadData.reject.notDuration', defaultMessage: 'is not a duration such as {example}' },
  notCountry: { id: 'uploadData.reject.notCountry', defaultMessage: 'is not a country the app knows' },
  notBoolean: { id: 'uploadData.reject.notBoolean', defaultMessage: 'is not true or false' },
  notRead: { id: 'uploadData.reject.notRead', defaultMessage: 'could not be read' },
  tooFewFields: { id: 'uploadData.reject.tooFewFields', defaultMessage: 'too few fields' },
  tooFewFieldsCounted: { id: 'uploadData.reject.tooFewFieldsCounted', defaultMessage: 'too few fields ({found} instead of {expected})' },
  tooManyFields: { id: 'uploadData.reject.tooManyFields', defaultMessage: 'too many fields' },
  tooManyFieldsCounted: { id: 'uploadData.reject.tooManyFieldsCounted', defaultMessage: 'too many fields ({found} instead of {expected})' },
  quoteNotClosed: { id: 'uploadData.reject.quoteNotClosed', defaultMessage: 'a quote is opened and not closed properly' },
  invalidUtf8Reason: { id: 'uploadData.reject.invalidUtf8', defaultMessage: 'bytes that are not valid UTF-8' },
  lineTooLong: { id: 'uploadData.reject.lineTooLong', defaultMessage: 'the line is longer than 64 MB' },

  // The plan's problems, before loading
  unpivotTwoColumns: { id: 'uploadData.plan.unpivotTwoColumns', defaultMessage: 'Choose at least two columns to turn into rows.' },
  oneTimeColumn: { id: 'uploadData.plan.oneTimeColumn', defaultMessage: 'Choose one time column (several are marked as time).' },
  timeFormat: {
    id: 'uploadData.plan.timeFormat',
    defaultMessage: '"{column}" is the time column, so its format must be a date, a month or a year.',
  },
  needDimension: {
    id: 'uploadData.plan.needDimension',
    defaultMessage: 'Mark at least one column as a dimension (something to compare: a marketplace, a country, a channel…).',
  },
  measureFormat: {
    id: 'uploadData.plan.measureFormat',
    defaultMessage: '"{column}" is a measure, so its format must be a number or a duration.',
  },
  needName: { id: 'uploadData.plan.needName', defaultMessage: 'Give the dataset a name.' },

  // Why a column got its suggested role
  whyDates: { id: 'uploadData.why.dates', defaultMessage: 'holds dates' },
  whyYears: { id: 'uploadData.why.years', defaultMessage: 'holds years' },
  whySecondTime: { id: 'uploadData.why.secondTime', defaultMessage: 'a second time column' },
  whyEmpty: { id: 'uploadData.why.empty', defaultMessage: 'empty in the rows read' },
  whyCountries: { id: 'uploadData.why.countries', defaultMessage: 'holds countries' },
  whyPercentage: { id: 'uploadData.why.percentage', defaultMessage: 'a percentage: rates cannot be added up across rows' },
  whyNumberLikeDate: { id: 'uploadData.why.numberLikeDate', defaultMessage: 'a number named like a date' },
  whyNumbers: { id: 'uploadData.why.numbers', defaultMessage: 'holds numbers' },
  whyDuration: { id: 'uploadData.why.duration', defaultMessage: 'a duration: averages per row cannot be added up across rows' },
  whyBoolean: { id: 'uploadData.why.boolean', defaultMessage: 'yes/no values' },
  whyTooMany: { id: 'uploadData.why.tooMany', defaultMessage: '{count}+ different values: too many to compare' },
  whyIdentifiers: { id: 'uploadData.why.identifiers', defaultMessage: 'identifiers ({reason, select, zeros {leading zeros} other {beyond 2^53}})' },
  defaultLabel: { id: 'uploadData.defaultLabel', defaultMessage: 'Uploaded data' },
  whyFewValues: { id: 'uploadData.why.fewValues', defaultMessage: 'text with few values' },

  // What reading the start of a CSV file found (readers/csv/sniffWarnings.ts, readableText.ts)
  convertedEncoding: {
    id: 'uploadData.warn.convertedEncoding',
    defaultMessage:
      '{file} is not UTF-8; it was read as Windows-1252 (Western European, a superset of Latin-1) and converted. Check accented letters in the preview; if they look wrong, save the file as UTF-8 and upload it again.',
  },
  invalidUtf8: {
    id: 'uploadData.warn.invalidUtf8',
    defaultMessage:
      'Line {line} of {file} contains bytes that are not valid UTF-8 (shown as �). Part of the file may have been saved in another encoding: fix that line in a text editor and save the file as UTF-8.',
  },
  lineEndingsCr: {
    id: 'uploadData.warn.lineEndingsCr',
    defaultMessage: '{file} ends its lines with a lone carriage return (old Mac style); they will be converted to line feeds.',
  },
  lineEndingsMixed: {
    id: 'uploadData.warn.lineEndingsMixed',
    defaultMessage: '{file} mixes line endings (LF, CRLF or CR); they will be normalised to line feeds.',
  },
  nulBytes: {
    id: 'uploadData.warn.nulBytes',
    defaultMessage:
      '{file} contains a NUL byte (an invisible zero character) on line {line}. The file may be damaged, and it cannot be loaded until the character is removed (in a text editor) or the file is exported again.',
  },
  backslashEscape: {
    id: 'uploadData.warn.backslashEscape',
    defaultMessage: 'Quotes inside values of {file} are escaped with a backslash ({escaped}); the file will be read that way.',
  },
  unterminatedQuote: {
    id: 'uploadData.warn.unterminatedQuote',
    defaultMessage:
      'A quoted value starting on line {line} of {file} is never closed, so the rest of the file reads as one value. Add the missing {quote}, or remove the stray one.',
  },
  trailingDelimiter: {
    id: 'uploadData.warn.trailingDelimiter',
    defaultMessage: 'Every line of {file} ends with "{delimiter}", which adds an empty last column; it was dropped.',
  },
  oneColumn: {
    id: 'uploadData.warn.oneColumn',
    defaultMessage:
      'Only one column was found in {file}, but its {where, select, header {header} other {first row}} contains "{delimiter}". Choose the delimiter.',
  },
  tabName: { id: 'uploadData.warn.tab', defaultMessage: 'tab' },
  noHeader: {
    id: 'uploadData.warn.noHeader',
    defaultMessage:
      'The first row of {file} looks like data, not column names, so the columns are named column_1, column_2, … If the first row holds the names, say so.',
  },
  headerOnlyWarning: { id: 'uploadData.warn.headerOnly', defaultMessage: '{file} has a header row but no data rows.' },
  ragged: {
    id: 'uploadData.warn.ragged',
    defaultMessage:
      'Line {line} of {file} has {count, plural, one {# field} other {# fields}}, but {where, select, header {the header has} other {most rows have}} {columns}{others, plural, =0 {} one { (# other row in the preview differs too)} other { (# other rows in the preview differ too)}}. Check the delimiter and quoting: rows with more or fewer fields than that are not loaded (the report lists them as rejected).',
  },
  renamedColumns: {
    id: 'uploadData.warn.renamedColumns',
    defaultMessage: 'Some column names in {file} were empty, repeated or untidy, so they were renamed: {renamed}.',
  },
  noName: { id: 'uploadData.warn.noName', defaultMessage: '(no name)' },
  renamedOne: { id: 'uploadData.warn.renamedOne', defaultMessage: 'column {index} {was} → {name}' },
  renamedMore: { id: 'uploadData.warn.renamedMore', defaultMessage: 'and {count} more' },
  convertedFrom: { id: 'uploadData.warn.convertedFrom', defaultMessage: 'Converted from {encoding} to UTF-8.' },
  lineEndsNormalised: {
    id: 'uploadData.warn.lineEndsNormalised',
    defaultMessage: 'Line endings were normalised (the file had CR-only or mixed line endings).',
  },
  quoteNeverClosed: {
    id: 'uploadData.warn.quoteNeverClosed',
    defaultMessage: 'A quote opened on line {line} is never closed: the rest of the file was read as one field.',
  },

  // Files refused while reading (readers/)
  nulBytesError: {
    id: 'uploadData.error.nulBytes',
    defaultMessage:
      '{file}, line {line}: the file contains NUL bytes (\\0), which a text file should not. Re-export the file from its source, or remove the NUL bytes with a text editor.',
  },
  invalidUtf8Error: {
    id: 'uploadData.error.invalidUtf8',
    defaultMessage:
      '{file}, line {line}: bytes that are not valid UTF-8. Choose the encoding "Windows-1252 / Latin-1" in the preview, or re-save the file as UTF-8.',
  },
  emptyFile: { id: 'uploadData.error.empty', defaultMessage: '{file} is empty (0 bytes). Choose the CSV file that holds your data.' },
  blankFile: {
    id: 'uploadData.error.blank',
    defaultMessage: '{file} contains no data, only blank space. Choose the CSV file that holds your data.',
  },
  invalidUtf16: {
    id: 'uploadData.error.invalidUtf16',
    defaultMessage: '{file} looks like UTF-16 text but contains invalid UTF-16 data. Open it in a text editor and save it as UTF-8.',
  },
  binary: {
    id: 'uploadData.error.binary',
    defaultMessage:
      '{file} is not a text file (it is full of control characters and zero bytes). Choose a CSV file, or export your data as CSV from the program that made this file.',
  },
  utf32: {
    id: 'uploadData.error.utf32',
    defaultMessage: '{file} is encoded as UTF-32, which cannot be read. Open it in a text editor and save it as UTF-8.',
  },
  shiftJis: {
    id: 'uploadData.error.shiftJis',
    defaultMessage: '{file} looks like Shift-JIS (Japanese) text, which cannot be read here. Open it in a text editor and save it as UTF-8.',
  },
  gzipDamaged: {
    id: 'uploadData.error.gzipDamaged',
    defaultMessage:
      '{file} could not be decompressed: its gzip data is damaged or incomplete. Download or export it again, or decompress it yourself and choose the CSV inside.',
  },
  gzipDamagedUnnamed: {
    id: 'uploadData.error.gzipDamagedUnnamed',
    defaultMessage:
      'The file could not be decompressed: its gzip data is damaged or incomplete. Download or export it again, or decompress it yourself and choose the CSV inside.',
  },
  columnCountChanged: {
    id: 'uploadData.error.columnCountChanged',
    defaultMessage:
      '{file} has {columns} columns, but the upload was set up for {expected}. Choose the file again so that its columns are read afresh.',
  },
  notCsvTable: {
    id: 'uploadData.error.notCsvTable',
    defaultMessage: '{file} is {what}, not a CSV file: this app reads CSV files; export the table as CSV first.',
  },
  notCsvZip: {
    id: 'uploadData.error.notCsvZip',
    defaultMessage:
      '{file} is a ZIP archive (or an Excel .xlsx file), not a CSV file: save it as CSV (UTF-8) first (in Excel: File › Save As › CSV UTF-8), or unzip it and choose the CSV inside.',
  },
  notCsvXls: {
    id: 'uploadData.error.notCsvXls',
    defaultMessage: '{file} is an old Excel .xls workbook (or another old Office file), not a CSV file: save it as CSV (UTF-8) first.',
  },
  notCsvArchive: {
    id: 'uploadData.error.notCsvArchive',
    defaultMessage:
      '{file} is {what}, not a CSV file: only gzip (.gz) compression is read directly; decompress it and choose the CSV inside.',
  },
  notCsvCompressedWith: {
    id: 'uploadData.error.notCsvCompressedWith',
    defaultMessage:
      '{file} is compressed with {compression}: only gzip (.gz) compression is read directly; decompress it and choose the CSV inside.',
  },
  notCsvGzipTwice: {
    id: 'uploadData.error.notCsvGzipTwice',
    defaultMessage:
      '{file} is still gzip-compressed (perhaps compressed twice): only gzip (.gz) compression is read directly; decompress it and choose the CSV inside.',
  },
  whatPng: { id: 'uploadData.what.png', defaultMessage: 'a PNG image' },
  whatJpeg: { id: 'uploadData.what.jpeg', defaultMessage: 'a JPEG image' },
  whatGif: { id: 'uploadData.what.gif', defaultMessage: 'a GIF image' },
  whatPdf: { id: 'uploadData.what.pdf', defaultMessage: 'a PDF document' },
  whatParquet: { id: 'uploadData.what.parquet', defaultMessage: 'a Parquet file' },
  whatSqlite: { id: 'uploadData.what.sqlite', defaultMessage: 'an SQLite database' },
  what7z: { id: 'uploadData.what.sevenZip', defaultMessage: 'a 7-Zip archive' },
  whatRar: { id: 'uploadData.what.rar', defaultMessage: 'a RAR archive' },
  parquetTooLarge: {
    id: 'uploadData.error.parquetTooLarge',
    defaultMessage:
      '{file} holds {records} rows × {columns} columns ({values} values), more than Marketscope can decode in the browser at once ({limit}). Export fewer rows or columns, or save the data as CSV, which is read without holding it all in memory.',
  },
  parquetUnreadable: {
    id: 'uploadData.error.parquetUnreadable',
    defaultMessage: '{file} could not be read as a Parquet file ({reason}). Check that the file is complete, or export it again.',
  },
  parquetOddValue: {
    id: 'uploadData.error.parquetOddValue',
    defaultMessage:
      'Row {row} of {file}, column "{column}", holds {value}, which Marketscope cannot load. Fix the value at its source or leave the column out, and export the file again.',
  },
  parquetNoColumns: {
    id: 'uploadData.error.parquetNoColumns',
    defaultMessage: '{file} is a Parquet file without columns: there is nothing to load.',
  },
  excelUnreadable: {
    id: 'uploadData.error.excelUnreadable',
    defaultMessage:
      '{file} could not be read as an Excel workbook ({reason}). Open it in Excel and save it again as an .xlsx workbook without a password.',
  },
  excelNoSheet: { id: 'uploadData.error.excelNoSheet', defaultMessage: '{file} has no sheet named "{sheet}". Pick one of: {sheets}.' },
  excelEmptySheet: {
    id: 'uploadData.error.excelEmptySheet',
    defaultMessage: 'Sheet "{sheet}" of {file} is empty: pick another sheet, or put the data with a header row on this one.',
  },
  excelCell: {
    id: 'uploadData.error.excelCell',
    defaultMessage:
      'Sheet "{sheet}" of {file}, row {row}, column "{column}" (cell {cell}) holds {problem} ({value}), which Marketscope cannot load. Fix or clear the cell in Excel (or replace the formula by its value), save the workbook and upload it again.',
  },
  parquetRefused: {
    id: 'uploadData.error.parquetRefused',
    defaultMessage: 'Column "{column}" of {file} holds {holds}, which Marketscope cannot load: {todo}',
  },
  parquetLeaveOut: { id: 'uploadData.parquet.leaveOut', defaultMessage: 'leave the column out when exporting the file, or export it as text.' },
  parquetFlatten: {
    id: 'uploadData.parquet.flatten',
    defaultMessage: 'flatten it into plain columns (one value per cell) before exporting, or leave it out.',
  },
  parquetTimeTodo: {
    id: 'uploadData.parquet.timeTodo',
    defaultMessage: 'export it as text or combine it with its date into a timestamp.',
  },
  holdsRepeated: { id: 'uploadData.parquet.repeated', defaultMessage: 'lists (repeated values)' },
  holdsTimes: { id: 'uploadData.parquet.times', defaultMessage: 'times of day without a date' },
  holdsIntervals: { id: 'uploadData.parquet.intervals', defaultMessage: 'intervals (durations)' },
  holdsBinary: { id: 'uploadData.parquet.binary', defaultMessage: 'binary data (BSON or geometry)' },
  holdsFixedBinary: { id: 'uploadData.parquet.fixedBinary', defaultMessage: 'fixed-length binary data' },
  holdsUnusual: { id: 'uploadData.parquet.unusual', defaultMessage: 'values of the unusual type {type}' },
  holdsLists: { id: 'uploadData.parquet.lists', defaultMessage: 'lists (nested values)' },
  holdsMaps: { id: 'uploadData.parquet.maps', defaultMessage: 'maps (nested key-value pairs)' },
  holdsVariant: { id: 'uploadData.parquet.variant', defaultMessage: 'variant values (nested data)' },
  holdsStructs: { id: 'uploadData.parquet.structs', defaultMessage: 'structs (nested fields)' },
  oddBinary: { id: 'uploadData.parquet.oddBinary', defaultMessage: '{count} bytes that are not UTF-8 text (binary data)' },
  oddTimestamp: { id: 'uploadData.parquet.oddTimestamp', defaultMessage: 'the timestamp {raw} {unit}, outside the years 1–9999' },
  oddDate: { id: 'uploadData.parquet.oddDate', defaultMessage: 'the date {days} days from 1970-01-01, outside the years 1–9999' },
  oddType: { id: 'uploadData.parquet.oddType', defaultMessage: 'a value of the unexpected type {type}' },
  emptyFormula: { id: 'uploadData.error.emptyFormula', defaultMessage: '(empty formula)' },
  excelColumnLetter: { id: 'uploadData.error.excelColumnLetter', defaultMessage: 'column {letter}' },
  excelFormulaNoValue: { id: 'uploadData.error.excelFormulaNoValue', defaultMessage: 'a formula saved without its value' },
  excelErrorValue: { id: 'uploadData.error.excelErrorValue', defaultMessage: 'the error {error}' },
  excelDateOutside: { id: 'uploadData.error.excelDateOutside', defaultMessage: 'a date outside the years 1–9999' },
  excelNumberAsDate: {
    id: 'uploadData.error.excelNumberAsDate',
    defaultMessage: 'a number formatted as a date that is not a date of the years 1–9999',
  },
  excelTooLarge: {
    id: 'uploadData.error.excelTooLarge',
    defaultMessage:
      '{file} is {size} MB, more than Marketscope can read as a workbook in the browser ({limit} MB). Save the sheet as CSV, which is read without holding it all in memory.',
  },
  storageFull: { id: 'uploadData.error.storageFull', defaultMessage: 'The browser has no room left to keep this file.' },

  // A link that needs someone's file (../neededDataset.ts)
  linkDamaged: {
    id: 'uploadData.link.damaged',
    defaultMessage:
      'This link names a dataset from an uploaded file, but that part of the link (“need”) is damaged or was not made by Marketscope. Nothing was loaded: ask whoever sent it to copy the link again.',
  },
  linkDamagedDetail: {
    id: 'uploadData.link.damagedDetail',
    defaultMessage:
      'This link names a dataset from an uploaded file, but that part of the link (“need”) is damaged ({detail}) or was not made by Marketscope. Nothing was loaded: ask whoever sent it to copy the link again.',
  },
  linkPlanRefused: {
    id: 'uploadData.link.planRefused',
    defaultMessage:
      'This link asks for “{fileName}” with a plan for reading it that Marketscope refuses ({problems}). Nothing was loaded and nothing in this browser was changed: ask whoever sent the link to copy it again.',
  },
  linkWrongFile: {
    id: 'uploadData.link.wrongFile',
    defaultMessage: '{fileName} is not the file this view was made from ({size}; expected {expectedName}, {expectedSize}). Nothing was loaded.',
  },
  linkWhole: { id: 'uploadData.link.whole', defaultMessage: 'the whole' },
  linkMissing: {
    id: 'uploadData.link.missing',
    defaultMessage:
      "This link shows a dataset (\"{datasetId}\") that is not in this browser: uploaded data never leaves the browser it was uploaded in. Showing the bundled data instead; upload the file to see the link's view.",
  },
  linkPlanMisfit: {
    id: 'uploadData.link.planMisfit',
    defaultMessage: "The link's plan does not fit {fileName} ({reason}). Nothing was loaded: ask for the link again.",
  },
  model_descTimeless: { id: 'data.upload.model.descTimeless', defaultMessage: '{column}, summed over the rows.' },
  model_descSum: { id: 'data.upload.model.descSum', defaultMessage: '{column}, summed over the period.' },
  model_descAvg: { id: 'data.upload.model.descAvg', defaultMessage: '{column}, summed within each month; over several months, the average month.' },
  model_valuesCount: { id: 'data.upload.model.valuesCount', defaultMessage: 'Values (count)' },
  model_rows: { id: 'data.upload.model.rows', defaultMessage: 'Rows' },
  model_valuesDesc: { id: 'data.upload.model.valuesDesc', defaultMessage: 'Number of values, counted.' },
  model_rowsDesc: { id: 'data.upload.model.rowsDesc', defaultMessage: 'Number of rows of the file, counted.' },
  model_sourceLine: { id: 'data.upload.model.sourceLine', defaultMessage: 'Uploaded file, kept in this browser only' },
  model_perInternetUser: { id: 'data.upload.model.perInternetUser', defaultMessage: '{label} per 100 internet users' },
  model_perInternetUserDesc: { id: 'data.upload.model.perInternetUserDesc', defaultMessage: '{label} per 100 internet users of the selected countries (that year). Countries and years without World Bank data are left out of both sides. Combines your data with real World Bank data (internet users, WDI, CC BY 4.0).' },
  model_levelOf: { id: 'data.upload.model.levelOf', defaultMessage: '{level} ({country})' },
});
