import { withEntry } from '../../lib/lookupTable';
import type { ViewState } from '../viewState';
import type { ViewProps } from './viewProps';
import { useT } from '../../i18n';
import { messages } from './messages';

/** "Why?" on a row or a figure: opens the explanation of that member's change (the Why? view). */
export function WhyButton({ subject, onClick }: { subject: string; onClick: () => void }) {
  const tr = useT();
  return (
    <button type="button" className="button button-quiet" title={tr(messages.whyMove, { subject })} onClick={onClick}>
      {tr(messages.why)}
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
