import { estimateLoadBytes, MEMORY_BUDGET_BYTES, planProblems, type UploadPlan } from '../../data/uploads';
import { parseUploadPlan } from '../../data/upload/planSchema';
import { t } from '../../i18n';
import { messages } from './messages';
import type { UploadFormState } from './uploadFormReducer';

/** Rows loaded when the person chooses to load only the start of a file too big for this tab. */
export const SAMPLE_ROWS = 100_000;

export interface CheckedUploadForm {
  /** The plan the form shows, as chosen. */
  plan: UploadPlan;
  /** The same plan once it passed the schema shared with links and storage; absent when it did not. */
  checkedPlan: UploadPlan | undefined;
  /** What stops the load, in words; empty when it can start. */
  problems: string[];
  /** Bytes of this tab's memory the load is expected to need. */
  estimate: number;
  /** Whether to show the memory warning (with its sample choice). */
  big: boolean;
}

/** What the form's state means for loading: the plan, whether it is valid, and whether it fits in memory. */
export function checkUploadForm(state: UploadFormState): CheckedUploadForm {
  const { prepared, label, columns, sample, unpivot, unpivotOn } = state;
  const plan: UploadPlan = {
    ...prepared.plan,
    datasetLabel: label,
    columns,
    sampleRows: sample ? SAMPLE_ROWS : undefined,
    unpivot: unpivotOn ? unpivot : undefined,
  };
  // The same schema as a plan from a link or from storage (defense in depth: the form only offers valid choices).
  const checked = parseUploadPlan(plan, prepared.sniff.columns.length);
  const problems = 'error' in checked ? [t(messages.mappingInvalid, { reason: checked.error })] : planProblems(plan);
  const estimate = estimateLoadBytes(plan, prepared.file.size, prepared.sniff.dialect.compression === 'gzip');
  return {
    plan,
    checkedPlan: 'error' in checked ? undefined : checked.plan,
    problems,
    estimate,
    // Shown while the whole file would not fit, and kept once the sample is chosen, so it can be unchosen.
    big: sample || estimate > MEMORY_BUDGET_BYTES,
  };
}
