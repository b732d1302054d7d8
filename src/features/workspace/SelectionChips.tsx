import type { DatasetModel, ResolvedOptions, QuerySlice } from '../../data';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { countryLabel } from '../../lib/countries';
import { tabLabel, type Tab, type ViewState } from '../../views';
import { useT } from '../../i18n';
import { messages } from './messages';
import { removeSelection } from './selection';
import { useChangeIntent } from './prefetchIntent';

export interface SelectionChipsProps {
  model: DatasetModel;
  view: QuerySlice;
  options: ResolvedOptions;
  update: (change: Partial<ViewState>) => void;
}

/** Every active filter and cross-filter selection as a removable chip, so nothing filters the data unseen. */
export function SelectionChips({ model, view, options, update }: SelectionChipsProps) {
  const tr = useT();
  const label = (dimensionId: string, member: string) =>
    model.dimensions.find((dimension) => dimension.id === dimensionId)?.display === 'country' ? countryLabel(member) : member;
  const dimensionLabel = (dimensionId: string) => model.dimensions.find((d) => d.id === dimensionId)?.label ?? dimensionId;
  const filterChips = Object.entries(view.filters).flatMap(([dimensionId, members]) =>
    members.map((member) => ({ key: `f-${dimensionId}-${member}`, dimensionId, member })),
  );
  const selectionChips = (Object.entries(options.selections) as [Tab, Record<string, string[]>][]).flatMap(([tab, byDimension]) =>
    Object.entries(byDimension).flatMap(([dimensionId, members]) =>
      members.map((member) => ({ key: `s-${tab}-${dimensionId}-${member}`, tab, dimensionId, member })),
    ),
  );
  if (filterChips.length === 0 && selectionChips.length === 0) return null;

  const withoutFilter = (dimensionId: string, member: string): Partial<ViewState> => {
    const left = (ownValue(view.filters, dimensionId) ?? []).filter((value) => value !== member);
    return { filters: withEntry(view.filters, dimensionId, left.length > 0 ? left : undefined) };
  };

  return (
    <div className="chips" aria-label={tr(messages.chips)} role="group" data-testid="chips">
      {filterChips.map((chip) => (
        <span key={chip.key} className="chip">
          <span className="chip-kind">{chipKind(dimensionLabel(chip.dimensionId))}</span> {label(chip.dimensionId, chip.member)}
          <ChipRemove
            label={tr(messages.removeFilter, { dimension: dimensionLabel(chip.dimensionId), member: chip.member })}
            change={withoutFilter(chip.dimensionId, chip.member)}
            update={update}
          />
        </span>
      ))}
      {selectionChips.map((chip) => (
        <span key={chip.key} className="chip chip-selection" data-testid="selection-chip">
          <span className="chip-kind">{tr(messages.selectedIn, { view: tabLabel(chip.tab) })}</span> {label(chip.dimensionId, chip.member)}
          <ChipRemove
            label={tr(messages.removeSelection, { member: chip.member, view: tabLabel(chip.tab) })}
            change={{ selections: removeSelection(options.selections, chip.tab, chip.dimensionId, chip.member) }}
            update={update}
          />
        </span>
      ))}
      <button type="button" className="button button-quiet" onClick={() => update({ filters: {}, selections: {} })}>
        {tr(messages.clearAll)}
      </button>
    </div>
  );
}

/** A filter chip's kind: the dimension it filters, as a lead-in ("Country:"). */
const chipKind = (dimension: string) => `${dimension}:`;
const REMOVE = '×';

/** A chip's remove button; resting on it or focusing it fetches the view without that filter ahead. */
function ChipRemove({ label, change, update }: { label: string; change: Partial<ViewState>; update: (change: Partial<ViewState>) => void }) {
  const intent = useChangeIntent(change);
  return (
    <button {...intent} type="button" className="chip-remove" aria-label={label} onClick={() => update(change)}>
      {REMOVE}
    </button>
  );
}
