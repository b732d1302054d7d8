import { ownValue, withEntry } from '../../lib/lookupTable';
import type { Tab, ViewState } from '../../views';

type Selections = ViewState['selections'];

/**
 * A click on a member in a view. A plain click selects just that member (or clears it when it was the only one
 * selected); a shift/ctrl/meta click adds or removes it. Empty lists and views are removed, so the URL stays short.
 */
export function toggleSelection(selections: Selections, tab: Tab, dimensionId: string, member: string, additive: boolean): Selections {
  const current = ownValue(selections[tab], dimensionId) ?? [];
  let next: string[];
  if (additive) next = current.includes(member) ? current.filter((value) => value !== member) : [...current, member];
  else next = current.length === 1 && current[0] === member ? [] : [member];
  return withValues(selections, tab, dimensionId, next);
}

/** Removes one member from a view's selection. */
export function removeSelection(selections: Selections, tab: Tab, dimensionId: string, member: string): Selections {
  return withValues(selections, tab, dimensionId, (ownValue(selections[tab], dimensionId) ?? []).filter((value) => value !== member));
}

function withValues(selections: Selections, tab: Tab, dimensionId: string, values: string[]): Selections {
  const byDimension = withEntry(selections[tab], dimensionId, values.length > 0 ? values : undefined);
  const next = { ...selections };
  if (Object.keys(byDimension).length > 0) next[tab] = byDimension;
  else delete next[tab];
  return next;
}
