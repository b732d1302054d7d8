import { useId } from 'react';
import type { DatasetCatalog, DatasetEntry, DatasetModel, QuerySlice } from '../../data';
import { countryFlag, countryName } from '../../lib/countries';
import { formatMonth } from '../../lib/format';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { monthSpan, shiftMonth } from '../../lib/months';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../views';
import { LazyMultiSelect } from '../../ui/LazyMultiSelect';
import type { MultiSelectOption } from '../../ui/MultiSelect';

export interface FilterBarProps {
  datasets: readonly DatasetEntry[];
  model: DatasetModel;
  catalog: DatasetCatalog;
  view: QuerySlice;
  update: (change: Partial<ViewState>) => void;
  filters: ViewState['filters'];
}

/** Date range, one searchable multi-select per dimension, and the measure. Every change goes to the URL. */
export function FilterBar({ datasets, model, catalog, view, update, filters }: FilterBarProps) {
  const measureId = useId();
  const datasetId = useId();
  const months = allMonths(catalog.firstMonth, catalog.lastMonth);

  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {datasets.length > 1 ? (
        <div className="field">
          <label className="field-label" htmlFor={datasetId}>
            Dataset
          </label>
          <select
            id={datasetId}
            className="select dataset-picker"
            value={model.id}
            data-testid="filter-dataset"
            onChange={(event) => {
              // Another dataset has other columns and members: start from its defaults, keeping the theme.
              const defaults: Partial<ViewState> = { ...DEFAULT_VIEW_STATE, dataset: event.target.value };
              delete defaults.theme;
              update(defaults);
            }}
          >
            {datasets.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.model.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {model.timeless ? (
        <div className="field" data-testid="filter-period">
          <span className="field-label">Period</span>
          <span>All rows (no time column)</span>
        </div>
      ) : (
        <>
      <MonthSelect
        label="From"
        testId="filter-from"
        months={months}
        value={view.from}
        onChange={(from) => update({ from, to: maxOf(from, view.to) })}
      />
      <MonthSelect
        label="To"
        testId="filter-to"
        months={months}
        value={view.to}
        onChange={(to) => update({ to, from: minOf(to, view.from) })}
      />
        </>
      )}
      {model.dimensions.map((dimension) => (
        <LazyMultiSelect
          key={dimension.id}
          testId={`filter-${dimension.id}`}
          label={dimension.pluralLabel}
          allLabel={`All ${dimension.pluralLabel.toLowerCase()}`}
          options={(ownValue(catalog.members, dimension.id) ?? []).map((member) => memberOption(member, dimension.display))}
          selected={ownValue(view.filters, dimension.id) ?? []}
          onChange={(selected) => update({ filters: withEntry(filters, dimension.id, selected.length > 0 ? selected : undefined) })}
        />
      ))}
      <div className="field">
        <label className="field-label" htmlFor={measureId}>
          Measure
        </label>
        <select
          id={measureId}
          className="select"
          value={view.measureId}
          data-testid="filter-measure"
          onChange={(event) => update({ measure: event.target.value })}
        >
          {model.measures.map((measure) => (
            <option key={measure.id} value={measure.id}>
              {measure.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function MonthSelect(props: {
  label: string;
  testId: string;
  months: readonly string[];
  value: string;
  onChange: (month: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <select
        id={id}
        className="select"
        value={props.value}
        data-testid={props.testId}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.months.map((month) => (
          <option key={month} value={month}>
            {formatMonth(month)}
          </option>
        ))}
      </select>
    </div>
  );
}

function memberOption(member: string, display: 'text' | 'country'): MultiSelectOption {
  if (display !== 'country') return { id: member, label: member };
  const name = countryName(member);
  return { id: member, label: name, textValue: `${name} ${member}`, icon: countryFlag(member) };
}

function allMonths(first: string, last: string): string[] {
  return Array.from({ length: monthSpan(first, last) }, (_, index) => shiftMonth(first, index));
}

const maxOf = (a: string, b: string) => (a > b ? a : b);
const minOf = (a: string, b: string) => (a < b ? a : b);
