import { useId } from 'react';
import { periodPresets, type DatasetCatalog, type QuerySlice } from '../../data';
import { formatMonth } from '../../lib/format';
import { monthSpan, shiftMonth } from '../../lib/months';
import type { ViewState } from '../../views';
import { useT, type Message } from '../../i18n';
import { messages } from './messages';

export interface PeriodControlsProps {
  catalog: DatasetCatalog;
  view: QuerySlice;
  compare: ViewState['compare'];
  update: (change: Partial<ViewState>) => void;
}

/** The comparisons, in the order the picker lists them ("previous" is said with its length). */
const COMPARES: readonly ViewState['compare'][] = ['year', 'previous', 'custom'];

/** The preset groups (as src/data's presets name them) and their labels. */
const PRESET_GROUPS: readonly { group: 'Recent' | 'Half-years' | 'Quarters'; label: Message }[] = [
  { group: 'Recent', label: messages.groupRecent },
  { group: 'Half-years', label: messages.groupHalfYears },
  { group: 'Quarters', label: messages.groupQuarters },
];

/**
 * The period and what it is compared with: a ready-made period (last 12 months, year to date, a half-year or a
 * quarter), or any months; compared with the same months a year earlier, the period just before, or any other.
 */
export function PeriodControls({ catalog, view, compare, update }: PeriodControlsProps) {
  const presetId = useId();
  const tr = useT();
  const compareId = useId();
  const months = allMonths(catalog.firstMonth, catalog.lastMonth);
  const presets = periodPresets(catalog.firstMonth, catalog.lastMonth);
  const current = presets.find((preset) => preset.from === view.from && preset.to === view.to)?.id ?? '';
  const length = monthSpan(view.from, view.to);
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor={presetId}>
          {tr(messages.period)}
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
            {tr(messages.monthsBelow)}
          </option>
          {PRESET_GROUPS.map(({ group, label }) => (
            <optgroup key={group} label={tr(label)}>
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
      <MonthSelect label={tr(messages.from)} testId="filter-from" months={months} value={view.from} onChange={(from) => update({ from, to: maxOf(from, view.to) })} />
      <MonthSelect label={tr(messages.to)} testId="filter-to" months={months} value={view.to} onChange={(to) => update({ to, from: minOf(to, view.from) })} />
      <div className="field">
        <label className="field-label" htmlFor={compareId}>
          {tr(messages.compareWith)}
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
          {COMPARES.map((value) => (
            <option key={value} value={value}>
              {value === 'previous'
                ? tr(messages.comparePrevious, { count: length })
                : tr(value === 'year' ? messages.compareYear : messages.compareCustom)}
            </option>
          ))}
        </select>
      </div>
      {compare === 'custom' && view.compareTo ? (
        <>
          <MonthSelect
            label={tr(messages.compareFrom)}
            testId="filter-compare-from"
            months={months}
            value={view.compareTo.from}
            onChange={(cfrom) => update({ cfrom, cto: maxOf(cfrom, view.compareTo!.to) })}
          />
          <MonthSelect
            label={tr(messages.compareTo)}
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
  // The months are said in the active language.
  useT();
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
