import { useId } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { cohortsQuery, DEFAULT_COHORT_PAIRS, type Cohorts, type DimensionDef } from '../../data';
import { CATEGORY_COLORS } from '../../charts/palette';
import { countryName } from '../../lib/countries';
import { formatMonth } from '../../lib/format';
import { LazyMultiSelect } from '../../ui/LazyMultiSelect';
import { EmptyState, Panel } from '../../ui/Panel';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import { useShownValue } from '../shared/useShownValue';
import type { ViewProps } from '../shared/viewProps';
import { CohortsPanel } from './CohortsPanel';
import { pairKey, pairName, type PairNaming } from './cohortParts';
import { COHORT_SPANS, cohortDimensions, decodePairs, encodePairs, MAX_PAIRS_TEXT, type CohortPairKey } from './declaration';
import './CohortsView.css';
import { useT } from '../../i18n';
import { messages } from './messages';


/**
 * Launch-aligned cohorts: each marketplace in each country by months since it entered there (its first month with
 * the measure above zero), measured or indexed at entry, so entrants of different years can be laid over one another.
 */
export function CohortsView(props: ViewProps) {
  const { model } = props;
  const roles = cohortDimensions(model.dimensions);
  const tr = useT();
  if (model.timeless || !roles) {
    return (
      <Panel title={tr(messages.title)} testId="cohorts-view">
        <EmptyState>
          <p data-testid="cohorts-unavailable">
            {model.timeless ? tr(messages.timeless, { dataset: model.label }) : tr(messages.oneDimension, { dataset: model.label })}
          </p>
        </EmptyState>
      </Panel>
    );
  }
  return <CohortCurves {...props} first={roles.first} second={roles.second} />;
}

function CohortCurves(props: ViewProps & { first: DimensionDef; second: DimensionDef }) {
  const { view, options, update, first, second } = props;
  const includeUnknown = options.cohortUnknown === 'include';
  const tr = useT();
  const query = useQuery({
    ...cohortsQuery(view, { pairs: options.cohortPairs, includeUnknown, limit: DEFAULT_COHORT_PAIRS }),
    placeholderData: keepPreviousData,
  });
  const naming: PairNaming = { first: nameFor(first), second: nameFor(second) };
  const pairWord = tr(messages.pairWord, { first: first.label.toLowerCase(), second: second.label.toLowerCase() });
  const picked = options.cohortPairs === null ? [] : decodePairs(options.cohortPairs).pairs;
  const pick = (keys: string[]) => update({ cohortPairs: keys.length === 0 ? null : encodedWithin(keys.flatMap((key) => decodePairs(key).pairs)) });
  const firstMonth = query.data?.dataFirstMonth;
  return (
    <div className="cohorts" data-testid="cohorts-view">
      <ControlBar label={tr(messages.options)}>
        <ControlSelect
          label={tr(messages.showAs)}
          testId="cohorts-mode"
          value={options.cohortMode}
          options={[
            { value: 'measured', label: tr(messages.measured) },
            { value: 'indexed', label: tr(messages.indexed) },
          ]}
          onChange={(cohortMode) => update({ cohortMode })}
        />
        <ControlSelect
          label={tr(messages.monthsAfter)}
          testId="cohorts-months"
          value={options.cohortMonths}
          options={COHORT_SPANS.map((span) => ({ value: span, label: span === 'all' ? tr(messages.spanAll) : tr(messages.span, { months: span }) }))}
          onChange={(cohortMonths) => update({ cohortMonths })}
        />
        <LazyMultiSelect
          label={tr(messages.pairs, { pairWord })}
          testId="cohorts-pairs"
          allLabel={tr(messages.largest, { count: DEFAULT_COHORT_PAIRS })}
          options={(query.data?.pairs ?? []).map((pair) => ({ id: pairKey(pair), label: pairName(pair, naming) }))}
          selected={picked.map(pairKey)}
          onChange={pick}
        />
        <UnknownToggle checked={includeUnknown} firstMonth={firstMonth ?? null} onChange={(on) => update({ cohortUnknown: on ? 'include' : 'exclude' })} />
      </ControlBar>
      {query.data ? <CohortNotes data={query.data} picked={picked} includeUnknown={includeUnknown} naming={naming} /> : null}
      <CohortsPanel {...props} query={query} naming={naming} pairWord={pairWord} colors={CATEGORY_COLORS} />
    </div>
  );
}

function UnknownToggle({ checked, firstMonth, onChange }: { checked: boolean; firstMonth: string | null; onChange: (on: boolean) => void }) {
  const id = useId();
  const tr = useT();
  const [shown, change] = useShownValue(checked, onChange);
  return (
    <div className="field control cohorts-unknown">
      <span className="field-label" aria-hidden="true">
        {tr(messages.unknownEntries)}
      </span>
      <label htmlFor={id} className="cohorts-checkbox">
        <input id={id} type="checkbox" checked={shown} onChange={(event) => change(event.target.checked)} data-testid="cohorts-unknown" />
        {firstMonth ? tr(messages.includeFrom, { month: formatMonth(firstMonth) }) : tr(messages.includeAtStart)}
      </label>
    </div>
  );
}

/** What is left out and why: unknown entries, picked pairs with an unknown entry, pairs the filters leave empty. */
function CohortNotes({ data, picked, includeUnknown, naming }: { data: Cohorts; picked: CohortPairKey[]; includeUnknown: boolean; naming: PairNaming }) {
  const tr = useT();
  const notes: string[] = [];
  const unknown = data.pairs.filter((pair) => pair.unknownEntry);
  if (!includeUnknown && unknown.length > 0 && data.dataFirstMonth) {
    const hiddenPicks = unknown.filter((pair) => picked.some((key) => key.first === pair.first && key.second === pair.second));
    const month = formatMonth(data.dataFirstMonth);
    notes.push(
      hiddenPicks.length > 0
        ? tr(messages.leftOutPicked, {
            count: unknown.length,
            month,
            picked: hiddenPicks.map((pair) => pairName({ ...pair, unknownEntry: false }, naming)).join(', '),
          })
        : tr(messages.leftOut, { count: unknown.length, month }),
    );
  }
  if (data.missing.length > 0) {
    notes.push(tr(messages.missing, { pairs: data.missing.map((key) => `${naming.first(key.first)} · ${naming.second(key.second)}`).join(', ') }));
  }
  if (notes.length === 0) return null;
  return (
    <div className="cohorts-notes" role="status" data-testid="cohorts-notes">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}

/** Members named for people: a country code by the country's name. */
function nameFor(dimension: DimensionDef): (member: string) => string {
  return dimension.display === 'country' ? countryName : (member) => member;
}

/** The pairs as a link writes them, as many as fit in the link's limit. */
function encodedWithin(pairs: CohortPairKey[]): string | null {
  let kept = pairs;
  while (kept.length > 0 && encodePairs(kept).length > MAX_PAIRS_TEXT) kept = kept.slice(0, -1);
  return kept.length > 0 ? encodePairs(kept) : null;
}
