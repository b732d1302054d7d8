import { MEMORY_BUDGET_BYTES } from '../../data/uploads';
import { formatBytes, formatWhole } from '../../lib/format';
import { SAMPLE_ROWS } from './checkUploadForm';

/** A file too big for this tab's memory: how big, what to do, and the choice to load only its first rows. */
export function MemoryWarning(props: { fileBytes: number; estimate: number; sample: boolean; onSample: (on: boolean) => void }) {
  const rows = formatWhole(SAMPLE_ROWS);
  return (
    <p className="upload-warning-big" role="note" data-testid="upload-memory">
      Loading {formatBytes(props.fileBytes)} with these columns needs about {formatBytes(props.estimate)} of this tab's
      memory, more than it can be expected to hold (about {formatBytes(MEMORY_BUDGET_BYTES)} for data). Mark fewer
      columns as “Not used”, or load only the first {rows} rows.
      <label className="check">
        <input type="checkbox" checked={props.sample} onChange={(event) => props.onSample(event.target.checked)} /> Load only the
        first {rows} rows
      </label>
    </p>
  );
}
