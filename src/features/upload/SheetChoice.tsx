import type { PreparedUpload } from '../../data/uploads';
import { sourceOf } from '../../data/upload/readers/sourceFormat';
import { useT } from '../../i18n';
import { ChoiceField } from './ChoiceField';
import { messages } from './messages';
import type { ReadOptions } from './readOptions';

/**
 * Which sheet of an Excel workbook is read, when it has several: the preview starts on the first sheet with data,
 * and picking another reads the file again from that sheet (its columns, preview and suggestions).
 */
export function SheetChoice({ prepared, disabled, onReread }: { prepared: PreparedUpload; disabled: boolean; onReread: (options: ReadOptions) => void }) {
  const source = sourceOf(prepared.plan);
  const sheets = prepared.sheets ?? [];
  const tr = useT();
  if (source.format !== 'xlsx' || sheets.length < 2) return null;
  return (
    <fieldset className="dialect" disabled={disabled}>
      <legend>{tr(messages.whichSheet)}</legend>
      <ChoiceField label={tr(messages.sheet)} value={source.sheet} options={sheets.map((sheet) => [sheet, sheet])} onChange={(sheet) => onReread({ sheet })} />
    </fieldset>
  );
}
