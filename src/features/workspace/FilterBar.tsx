import { useId } from 'react';
import type { DatasetCatalog, DatasetEntry, DatasetModel, QuerySlice } from '../../data';
import { countryFlag, countryName } from '../../lib/countries';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../views';
import { LazyMultiSelect } from '../../ui/LazyMultiSelect';
import type { MultiSelectOption } from '../../ui/MultiSelect';
import { PeriodControls } from './PeriodControls';

export interface FilterBarProps {
  datasets: readonly DatasetEntry[];
  model: DatasetModel;
  catalog: DatasetCatalog;
  view: QuerySlice;
  update: (change: Partial<ViewState>) => void;
  filters: ViewState['filters'];
  compare: ViewState['compare'];
}

/** Period and comparison, one searchable multi-select per dimension, and the measure. Every change goes to the URL. */
export function FilterBar({ datasets, model, catalog, view, update, filters, compare }: FilterBarProps) {
  const measureId = useId();
  const datasetId = useId();

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
        <PeriodControls catalog={catalog} view={view} compare={compare} update={update} />
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

function memberOption(member: string, display: 'text' | 'country'): MultiSelectOption {
  if (display !== 'country') return { id: member, label: member };
  const name = countryName(member);
  return { id: member, label: name, textValue: `${name} ${member}`, icon: countryFlag(member) };
}
