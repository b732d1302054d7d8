import type { PreparedUpload } from '../../data/uploads';
import { CsvDialectChoices } from './CsvDialectChoices';
import type { ReadOptions } from './readOptions';

export interface ReadingChoicesProps {
  prepared: PreparedUpload;
  /** While the file loads, the way it is read cannot change. */
  disabled: boolean;
  /** Read the file again with these choices (all of them, not only the changed one). */
  onReread: (options: ReadOptions) => void;
}

/**
 * The "choose how to read this file" step of the form. Every file is CSV today, so this is the dialect chooser; a
 * second kind of source (an Excel workbook's sheet picker) renders its own choices here instead, picked by the kind
 * of `prepared`, and the rest of the form stays as it is.
 */
export function ReadingChoices({ prepared, disabled, onReread }: ReadingChoicesProps) {
  return (
    <fieldset className="dialect" disabled={disabled}>
      <legend>How the file is read</legend>
      <CsvDialectChoices prepared={prepared} onReread={onReread} />
    </fieldset>
  );
}
