import { useContext, useId, useState } from 'react';
import type { DatasetCatalog, DatasetEntry, DatasetModel, DimensionDef, QuerySlice } from '../../data';
import { countryFlag, countryName } from '../../lib/countries';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { DEFAULT_VIEW_STATE, type ViewState } from '../../views';
import { LazyMultiSelect } from '../../ui/LazyMultiSelect';
import type { MultiSelectOption } from '../../ui/MultiSelect';
import { PeriodControls } from './PeriodControls';
import { ReachCoverageNote } from './ReachCoverageNote';
import { PrefetchIntentContext } from './prefetchIntent';
import { useT } from '../../i18n';
import { messages } from './messages';

export interface FilterBarProps {
  datasets: readonly DatasetEntry[];
  model: DatasetModel;
  catalog: DatasetCatalog;
  view: QuerySlice;
  update: (change: Partial<ViewState>) => void;
  filters: ViewState['filters'];
  compare: ViewState['compare'];
}

/**
 * Period and comparison, one searchable multi-select per dimension, and the measure. Every change goes to the URL.
 * The levels dimensions roll up to (regions, sub-regions, marketplace groups) wait behind "More filters", so the first
 * screen keeps its one row of filters; they show by themselves when one of them filters.
 */
export function FilterBar({ datasets, model, catalog, view, update, filters, compare }: FilterBarProps) {
  const measureId = useId();
  const datasetId = useId();
  const moreId = useId();
  const intend = useContext(PrefetchIntentContext);
  const tr = useT();
  const filterChange = (dimension: DimensionDef, selected: readonly string[]): Partial<ViewState> => ({
    filters: withEntry(filters, dimension.id, selected.length > 0 ? [...selected] : undefined),
  });
  const chosenMeasure = model.measures.find((measure) => measure.id === view.measureId);
  // Until the user opens or closes them, the level pickers show exactly while one of them filters (a link can set one).
  const [moreChoice, setMoreChoice] = useState<boolean | null>(null);
  const rolledUpTo = new Set(model.dimensions.map((dimension) => dimension.rollsUpTo));
  const levels = model.dimensions.filter((dimension) => rolledUpTo.has(dimension.id));
  const moreShown = moreChoice ?? levels.some((dimension) => (ownValue(view.filters, dimension.id) ?? []).length > 0);
  const picker = (dimension: DimensionDef) => (
    <LazyMultiSelect
      key={dimension.id}
      testId={`filter-${dimension.id}`}
      label={dimension.pluralLabel}
      allLabel={tr(messages.allMembers, { dimension: dimension.pluralLabel.toLowerCase() })}
      options={(ownValue(catalog.members, dimension.id) ?? []).map((member) => memberOption(member, dimension.display))}
      selected={ownValue(view.filters, dimension.id) ?? []}
      onChange={(selected) => update(filterChange(dimension, selected))}
      onOptionIntent={intend ? (selected) => intend(filterChange(dimension, selected)) : undefined}
    />
  );

  return (
    <form className="filter-bar" aria-label={tr(messages.filters)} onSubmit={(event) => event.preventDefault()}>
      {datasets.length > 1 ? (
        <div className="field">
          <label className="field-label" htmlFor={datasetId}>
            {tr(messages.dataset)}
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
          <span className="field-label">{tr(messages.period)}</span>
          <span>{tr(messages.allRows)}</span>
        </div>
      ) : (
        <PeriodControls catalog={catalog} view={view} compare={compare} update={update} />
      )}
      {model.dimensions.filter((dimension) => !rolledUpTo.has(dimension.id)).map(picker)}
      <div className="field">
        <label className="field-label" htmlFor={measureId}>
          {tr(messages.measure)}
        </label>
        <select
          id={measureId}
          className="select"
          value={view.measureId}
          data-testid="filter-measure"
          aria-describedby={chosenMeasure?.perInternetUser ? `${measureId}-note ${measureId}-coverage` : undefined}
          onChange={(event) => update({ measure: event.target.value })}
        >
          {model.measures.map((measure) => (
            <option key={measure.id} value={measure.id}>
              {measure.label}
            </option>
          ))}
        </select>
        {chosenMeasure?.perInternetUser ? (
          // Says what the number mixes: the dataset's figures over real World Bank internet users.
          <span id={`${measureId}-note`} className="badge badge-synthetic" style={{ whiteSpace: 'normal' }} title={chosenMeasure.description} data-testid="measure-note">
            {tr(model.provenance === 'synthetic' ? messages.syntheticPerUser : messages.yoursPerUser)}
          </span>
        ) : null}
        {chosenMeasure?.perInternetUser ? <ReachCoverageNote view={view} id={`${measureId}-coverage`} amountLabel={amountLabel(model, chosenMeasure)} /> : null}
      </div>
      {levels.length > 0 ? (
        <>
          <button
            type="button"
            className="button button-quiet filter-more"
            aria-expanded={moreShown}
            aria-controls={moreId}
            onClick={() => setMoreChoice(!moreShown)}
            data-testid="filter-more"
          >
            {moreShown
              ? tr(messages.fewerFilters)
              : tr(messages.moreFilters, { levels: levels.map((dimension) => dimension.pluralLabel.toLowerCase()).join(', ') })}
          </button>
          <div id={moreId} className="filter-more-fields" hidden={!moreShown}>
            {moreShown ? levels.map(picker) : null}
          </div>
        </>
      ) : null}
    </form>
  );
}

function memberOption(member: string, display: 'text' | 'country'): MultiSelectOption {
  if (display !== 'country') return { id: member, label: member };
  const name = countryName(member);
  return { id: member, label: name, textValue: `${name} ${member}`, icon: countryFlag(member) };
}

/** What a measure per internet user divides, in words: the plain measure over the same column ("visitors", "GMV"). */
function amountLabel(model: DatasetModel, measure: DatasetModel['measures'][number]): string {
  const label = model.measures.find((other) => other.column === measure.column && !other.perInternetUser)?.label ?? measure.column;
  return label === label.toUpperCase() ? label : label.toLowerCase();
}
