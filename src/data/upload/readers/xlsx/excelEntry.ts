/** The eager half of the Excel reader: a ZIP file named .xlsx; SheetJS loads on demand. */
import type { SourceReaderEntry } from '../sourceReader';

/** A ZIP archive's local file header, with which an .xlsx workbook starts. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const EXCEL_ENTRY: SourceReaderEntry = {
  format: 'xlsx',
  label: 'Excel workbook',
  extensions: ['.xlsx'],
  // Other ZIP files (.docx, archives) are not workbooks: the name must say so too.
  recognises: (head, fileName) => ZIP_MAGIC.every((byte, index) => head[index] === byte) && fileName.toLowerCase().endsWith('.xlsx'),
  load: async () => (await import('./excelReader')).excelReader,
};
