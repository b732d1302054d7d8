import { t } from '../i18n';
import { messages } from './messages';

/** What a multi-select's button says: "All countries", "Russia, Mexico" or "5 selected". */
export function selectionSummary(
  options: readonly { id: string; label: string }[],
  selected: readonly string[],
  allLabel: string,
): string {
  if (selected.length === 0) return allLabel;
  if (selected.length <= 2) return selected.map((id) => options.find((option) => option.id === id)?.label ?? id).join(', ');
  return t(messages.selected, { count: selected.length });
}
