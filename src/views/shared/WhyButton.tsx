import { withEntry } from '../../lib/lookupTable';
import type { ViewState } from '../viewState';
import type { ViewProps } from './viewProps';

/** "Why?" on a row or a figure: opens the explanation of that member's change (the Why? view). */
export function WhyButton({ subject, onClick }: { subject: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-quiet" title={`Why did ${subject} move?`} onClick={onClick}>
      Why?
    </button>
  );
}

/**
 * The change that opens the explanation of one member of `dimensionId`, within the view's other filters, split by
 * the first dimension (marketplaces) unless told otherwise.
 */
export function explainMember(
  filters: ViewProps['filters'],
  dimensionId: string,
  member: string,
  split: ViewState['split'] = 'first',
): Partial<ViewState> {
  return { tab: 'explain', split, filters: withEntry(filters, dimensionId, [member]) };
}
