import { lazy, Suspense } from 'react';
import type { MultiSelectProps } from './MultiSelect';
import { selectionSummary } from './selectionSummary';
import { useT } from '../i18n';
import { messages } from './messages';

/** The arrow that says the button opens a list. */
const OPENS = '▾';

const MultiSelect = lazy(() => import('./MultiSelect').then((module) => ({ default: module.MultiSelect })));

/**
 * The searchable multi-select, loaded after the first screen: its popover, search and list come from
 * react-aria-components, which the first charts do not need. Until it arrives, the same button is drawn, inert.
 */
export function LazyMultiSelect(props: MultiSelectProps) {
  return (
    <Suspense fallback={<MultiSelectPlaceholder {...props} />}>
      <MultiSelect {...props} />
    </Suspense>
  );
}

function MultiSelectPlaceholder({ label, options, selected, allLabel, testId }: MultiSelectProps) {
  const tr = useT();
  return (
    <div className="field" data-testid={testId}>
      <span className="field-label">{label}</span>
      <div className="multiselect-row">
        <button type="button" className="button multiselect-button" aria-disabled="true" aria-label={tr(messages.loadingLabel, { label })}>
          <span className="multiselect-summary">{selectionSummary(options, selected, allLabel)}</span>
          <span aria-hidden="true">{OPENS}</span>
        </button>
      </div>
    </div>
  );
}
