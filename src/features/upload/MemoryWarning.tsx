import { MEMORY_BUDGET_BYTES } from '../../data/uploads';
import { useT } from '../../i18n';
import { formatBytes, formatWhole } from '../../lib/format';
import { messages } from './messages';
import { SAMPLE_ROWS } from './checkUploadForm';

/** A file too big for this tab's memory: how big, what to do, and the choice to load only its first rows. */
export function MemoryWarning(props: { fileBytes: number; estimate: number; sample: boolean; onSample: (on: boolean) => void }) {
  const rows = formatWhole(SAMPLE_ROWS);
  const tr = useT();
  // A space between the box and its words, as in the other checkboxes' labels.
  const sampleLabel = ` ${tr(messages.loadSample, { rows })}`;
  return (
    <p className="upload-warning-big" role="note" data-testid="upload-memory">
      {tr(messages.memoryWarning, {
        fileSize: formatBytes(props.fileBytes),
        estimate: formatBytes(props.estimate),
        budget: formatBytes(MEMORY_BUDGET_BYTES),
        rows,
      })}
      <label className="check">
        <input type="checkbox" checked={props.sample} onChange={(event) => props.onSample(event.target.checked)} />
        {sampleLabel}
      </label>
    </p>
  );
}
