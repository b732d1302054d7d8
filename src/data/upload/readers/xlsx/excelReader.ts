/**
 * Excel workbooks (.xlsx), as a SourceReader: the preview parses the first rows of every sheet to list them and pick
 * the first with data (or the one asked for); the load decodes the plan's sheet into one engine table (see
 * ../decoded/decodedSource.ts). Loaded on demand (readers/index.ts), so SheetJS never reaches the entry.
 */
import { t } from '../../../../i18n';
import { formatWhole } from '../../../../lib/format';
import { messages } from '../../messages';
import { UploadError, quoteFileName } from '../../UploadError';
import { openDecodedSource } from '../decoded/decodedSource';
import { textSample } from '../decoded/textTable';
import { sourceOf, type SourceReader, type SourceSample } from '../sourceReader';
import { decodeSheet, readWorkbook, sheetHasData, workbookSheetNames } from './excelDecode';

/**
 * The largest workbook read: SheetJS holds the unzipped workbook and every parsed cell in the page's memory, many
 * times the file's size, so a larger one is refused before it is read.
 */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

async function fileBytes(file: Blob, fileName: string): Promise<Uint8Array> {
  if (file.size > MAX_WORKBOOK_BYTES) {
    throw new UploadError(
      fileName,
      'too-large',
      t(messages.excelTooLarge, {
        file: quoteFileName(fileName),
        size: formatWhole(Math.round(file.size / 1024 / 1024)),
        limit: formatWhole(MAX_WORKBOOK_BYTES / 1024 / 1024),
      }),
    );
  }
  return new Uint8Array(await file.arrayBuffer());
}

export const excelReader: SourceReader = {
  format: 'xlsx',
  async sniff(file, fileName, request): Promise<SourceSample> {
    const bytes = await fileBytes(file, fileName);
    const sheets = workbookSheetNames(bytes, fileName);
    if (request.sheet !== undefined && !sheets.includes(request.sheet)) throw missingSheet(fileName, request.sheet, sheets);
    // The header row, the preview rows, and one more to tell whether the preview saw the whole sheet.
    const workbook = readWorkbook(bytes, fileName, { rows: request.maxRows + 2 });
    const sheet = request.sheet ?? sheets.find((name) => sheetHasData(workbook, name)) ?? sheets[0]!;
    const table = decodeSheet(workbook, sheet, fileName);
    const complete = table.recordCount <= request.maxRows && !workbook.Sheets[sheet]?.['!fullref'];
    return { sniff: textSample(table, request.maxRows), source: { format: 'xlsx', sheet }, sheets, complete };
  },
  async open(request) {
    const source = sourceOf(request.plan);
    const bytes = await fileBytes(request.file, request.fileName);
    const sheets = workbookSheetNames(bytes, request.fileName);
    const sheet = source.format === 'xlsx' ? source.sheet : sheets[0]!;
    if (!sheets.includes(sheet)) throw missingSheet(request.fileName, sheet, sheets);
    const table = decodeSheet(readWorkbook(bytes, request.fileName, { sheets: [sheet] }), sheet, request.fileName);
    return openDecodedSource(request, table);
  },
};

function missingSheet(fileName: string, sheet: string, sheets: readonly string[]): UploadError {
  return new UploadError(fileName, 'read-failed', t(messages.excelNoSheet, { file: quoteFileName(fileName), sheet, sheets: sheets.join(', ') }));
}
