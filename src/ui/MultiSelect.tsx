import { useEffect, useState, type ReactNode } from 'react';
import {
  Autocomplete,
  Button,
  Dialog,
  DialogTrigger,
  Input,
  ListBox,
  ListBoxItem,
  Popover,
  SearchField,
  useFilter,
  type Selection,
} from 'react-aria-components';

import { selectionSummary } from './selectionSummary';
import { useT } from '../i18n';
import { messages } from './messages';

/** The arrow that says the button opens a list, and an option's tick. */
const OPENS = '▾';
const CHECK = '✓';

export interface MultiSelectOption {
  id: string;
  label: string;
  /** Text searched and read out; defaults to the label. */
  textValue?: string;
  icon?: ReactNode;
}

export interface MultiSelectProps {
  label: string;
  options: readonly MultiSelectOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Shown on the button when nothing is selected, e.g. "All marketplaces". */
  allLabel: string;
  testId?: string;
  /**
   * The pointer rests on an option, or it has keyboard focus: called with the selection choosing it would make
   * (to fetch that ahead); returns the function called when the pointer or focus leaves it.
   */
  onOptionIntent?: (selected: string[]) => () => void;
}

/** A searchable multi-select (button → popover with a search field and a checkable list), keyboard-operable. */
export function MultiSelect({ label, options, selected, onChange, allLabel, testId, onOptionIntent }: MultiSelectProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const tr = useT();
  const selectedSet = new Set(selected);
  const summary = selectionSummary(options, selected, allLabel);
  const [isOpen, setOpen] = useState(false);

  const handleChange = (keys: Selection) => {
    if (keys === 'all') return onChange([]);
    // Keep the order of the options, so the URL does not depend on click order.
    onChange(options.filter((option) => keys.has(option.id)).map((option) => option.id));
  };
  /** The selection that toggling `id` makes, in the options' order. */
  const toggled = (id: string) => options.filter((option) => (option.id === id ? !selectedSet.has(id) : selectedSet.has(option.id))).map((option) => option.id);

  return (
    <div className="field" data-testid={testId}>
      <span className="field-label" id={`${testId ?? label}-label`}>
        {label}
      </span>
      <div className="multiselect-row">
        <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
          <Button className="button multiselect-button" aria-labelledby={`${testId ?? label}-label ${testId ?? label}-value`}>
            <span id={`${testId ?? label}-value`} className="multiselect-summary">
              {summary}
            </span>
            <span aria-hidden="true">{OPENS}</span>
          </Button>
          <Popover className="popover" placement="bottom start">
            <Dialog className="multiselect-dialog" aria-label={tr(messages.choose, { label: label.toLowerCase() })}>
              <div
                className="multiselect-body"
                // Escape first clears the search (the search field's own behaviour); once it is empty, Escape closes.
                onKeyDownCapture={(event) => {
                  if (event.key === 'Escape' && event.target instanceof HTMLInputElement && event.target.value === '') {
                    event.stopPropagation();
                    setOpen(false);
                  }
                }}
              >
                <Autocomplete filter={contains}>
                  <SearchField className="search-field" aria-label={tr(messages.search, { label: label.toLowerCase() })} autoFocus>
                    <Input className="input" placeholder={tr(messages.searchPlaceholder)} />
                  </SearchField>
                  <ListBox
                    className="listbox"
                    aria-label={label}
                    selectionMode="multiple"
                    selectedKeys={selectedSet}
                    onSelectionChange={handleChange}
                    items={options}
                    renderEmptyState={() => <p className="listbox-empty">{tr(messages.noMatch)}</p>}
                  >
                    {(option) => (
                      <ListBoxItem id={option.id} textValue={option.textValue ?? option.label} className="listbox-item">
                        {({ isSelected, isHovered, isFocused }) => (
                          <>
                            {onOptionIntent ? <OptionIntent active={isHovered || isFocused} start={() => onOptionIntent(toggled(option.id))} /> : null}
                            <span className="checkbox" aria-hidden="true">
                              {isSelected ? CHECK : null}
                            </span>
                            {option.icon ? <span aria-hidden="true">{option.icon}</span> : null}
                            <span>{option.label}</span>
                          </>
                        )}
                      </ListBoxItem>
                    )}
                  </ListBox>
                </Autocomplete>
                <div className="multiselect-actions">
                  <span className="multiselect-count">{selected.length === 0 ? allLabel : tr(messages.selected, { count: selected.length })}</span>
                  <Button slot="close" className="button">
                    {tr(messages.done)}
                  </Button>
                </div>
              </div>
            </Dialog>
          </Popover>
        </DialogTrigger>
        {selected.length > 0 ? (
          <button type="button" className="button button-quiet" onClick={() => onChange([])} aria-label={tr(messages.clearLabel, { label: label.toLowerCase() })}>
            {tr(messages.clear)}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** Calls `start` while `active` (an option hovered or focused), and what it returned once not. */
function OptionIntent({ active, start }: { active: boolean; start: () => () => void }) {
  // `start` is a new function each render; the option's state alone decides.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => (active ? start() : undefined), [active]);
  return null;
}
