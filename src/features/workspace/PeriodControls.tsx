import { useId } from 'react';
import { periodPresets, type DatasetCatalog, type QuerySlice } from '../../data';
import { formatMonth } from '../../lib/format';
import { monthSpan, shiftMonth } from '../../lib/months';
import type { ViewState } from '../../views';

export interface PeriodControlsProps {
  catalog: DatasetCatalog;
  view: QuerySlice;
  compare: ViewState['compare'];
  update: (change: Partial<ViewState>) => void;
}

const COMPARE_LABELS: Record<ViewState['compare'], string> = {
  year: 'Same months a year earlier',
  previous: 'Previous period',
  custom: 'Another period…',
};

/**
 * The period and what it is compared with: a ready-made period (last 12 months, year to date, a half-year or a
 * quarter), or any months; compared with the same months a year earlier, the period just before, or any other.
 */
export function PeriodControls({ catalog, view, compare, update }: PeriodControlsProps) {
  const presetId = useId();
  const compareId = useId();
  const months = allMonths(catalog.firstMonth, catalog.lastMonth);
  const presets = periodPresets(catalog.firstMonth, catalog.lastMonth);
  const current = presets.find((preset) => preset.from === view.from && preset.to === view.to)?.id ?? '';
  const length = monthSpan(view.from, view.to);
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={presetId}>
          Period
        </label>
        <select
          id={presetId}
          className="select"
          value={current}
          data-testid="filter-period-preset"
          onChange={(event) => {
            const preset = presets.find((candidate) => candidate.id === event.target.value);
            if (preset) update({ from: preset.from, to: preset.to });
          }}
        >
          <option value="" disabled>
            Months below
          </option>
          {(['Recent', 'Half-years', 'Quarters'] as const).map((group) => (
            <optgroup key={group} label={group}>
              {presets
                .filter((preset) => preset.group === group)
                .map((preset) => (
                  <option key={preset.id} value={preset.id}>
                    {preset.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </div>
      <MonthSelect label="From" testId="filter-from" months={months} value={view.from} onChange={(from) => update({ from, to: maxOf(from, view.to) })} />
      <MonthSelect label="To" testId="filter-to" months={months} value={view.to} onChange={(to) => update({ to, from: minOf(to, view.from) })} />
      <div className="field">
        <label className="field-label" htmlFor={compareId}>
          Compare with
        </label>
        <select
          id={compareId}
          className="select"
          value={compare}
          data-testid="filter-compare"
          onChange={(event) => {
            const next = event.target.value as ViewState['compare'];
            // "Another period" starts from the same months a year earlier, which the analyst then moves.
            if (next === 'custom') update({ compare: next, cfrom: shiftMonth(view.from, -12), cto: shiftMonth(view.to, -12) });
            else update({ compare: next, cfrom: null, cto: null });
          }}
        >
          {(Object.keys(COMPARE_LABELS) as ViewState['compare'][]).map((value) => (
            <option key={value} value={value}>
              {value === 'previous' ? `Previous ${length === 1 ? 'month' : `${length} months`}` : COMPARE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      {compare === 'custom' && view.compareTo ? (
        <>
          <MonthSelect
            label="Compare from"
            testId="filter-compare-from"
            months={months}
            value={view.compareTo.from}
            onChange={(cfrom) => update({ cfrom, cto: maxOf(cfrom, view.compareTo!.to) })}
          />
          <MonthSelect
            label="Compare to"
            testId="filter-compare-to"
            months={months}
            value={view.compareTo.to}
            onChange={(cto) => update({ cto, cfrom: minOf(cto, view.compareTo!.from) })}
          />
        </>
      ) : null}
    </>
  );
}

function MonthSelect(props: { label: string; testId: string; months: readonly string[]; value: string; onChange: (month: string) => void }) {
  const id = useId();
  // A comparison period may lie outside the data (then there is nothing to compare with): keep it selectable.
  const months = props.months.includes(props.value) ? props.months : [props.value, ...props.months].sort();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <select id={id} className="select" value={props.value} data-testid={props.testId} onChange={(event) => props.onChange(event.target.value)}>
        {months.map((month) => (
          <option key={month} value={month}>
            {formatMonth(month)}
          </option>
        ))}
      </select>
    </div>
  );
}

function allMonths(first: string, last: string): string[] {
  return Array.from({ length: monthSpan(first, last) }, (_, index) => shiftMonth(first, index));
}

const maxOf = (a: string, b: string) => (a > b ? a : b);
const minOf = (a: string, b: string) => (a < b ? a : b);
