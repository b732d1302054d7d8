import type { PreparedUpload } from '../../data/uploads';
import { sourceOf } from '../../data/upload/readers/sourceFormat';
import { useT } from '../../i18n';
import { CsvDialectChoices } from './CsvDialectChoices';
import { messages } from './messages';
import { SheetChoice } from './SheetChoice';
import type { ReadOptions } from './readOptions';

export interface ReadingChoicesProps {
  prepared: PreparedUpload;
  /** While the file loads, the way it is read cannot change. */
  disabled: boolean;
  /** Read the file again with these choices (all of them, not only the changed one). */
  onReread: (options: ReadOptions) => void;
}

/**
 * The "choose how to read this file" step of the form, picked by the format the file was read as. A CSV file has its
 * dialect to choose; the rest of the form is the same for every format.
 */
export function ReadingChoices({ prepared, disabled, onReread }: ReadingChoicesProps) {
  const tr = useT();
  switch (sourceOf(prepared.plan).format) {
    case 'csv':
      return (
        <fieldset className="dialect" disabled={disabled}>
          <legend>{tr(messages.howRead)}</legend>
          <CsvDialectChoices prepared={prepared} onReread={onReread} />
        </fieldset>
      );
    // A Parquet file has nothing to choose; a workbook, which sheet to read when it has several.
    case 'parquet':
      return null;
    case 'xlsx':
      return <SheetChoice prepared={prepared} disabled={disabled} onReread={onReread} />;
  }
}
