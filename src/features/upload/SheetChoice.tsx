import type { PreparedUpload } from '../../data/uploads';
import { sourceOf } from '../../data/upload/readers/sourceFormat';
import { ChoiceField } from './ChoiceField';
import type { ReadOptions } from './readOptions';

/**
 * Which sheet of an Excel workbook is read, when it has several: the preview starts on the first sheet with data,
 * and picking another reads the file again from that sheet (its columns, preview and suggestions).
 */
export function SheetChoice({ prepared, disabled, onReread }: { prepared: PreparedUpload; disabled: boolean; onReread: (options: ReadOptions) => void }) {
  const source = sourceOf(prepared.plan);
  const sheets = prepared.sheets ?? [];
  if (source.format !== 'xlsx' || sheets.length < 2) return null;
  return (
    <fieldset className="dialect" disabled={disabled}>
      <legend>Which sheet is read</legend>
      <ChoiceField label="Sheet" value={source.sheet} options={sheets.map((sheet) => [sheet, sheet])} onChange={(sheet) => onReread({ sheet })} />
    </fieldset>
  );
}
