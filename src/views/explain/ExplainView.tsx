import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeComparison, explainQuery, findRatio, rangeText, ratioMeasures, splitDimension, type DimensionDef } from '../../data';
import { countryLabel } from '../../lib/countries';
import { withEntry } from '../../lib/lookupTable';
import { EmptyState, Panel } from '../../ui/Panel';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import { geoLevelOf, LevelControls } from '../shared/LevelControls';
import type { ViewProps } from '../shared/viewProps';
import { ContributionPanel } from './ContributionPanel';
import { ShareShiftPanel } from './ShareShiftPanel';
import type { ExplainSplit } from './declaration';
import { levelBelow } from '../levels';
import { useT } from '../../i18n';
import { messages } from './messages';

/**
 * Why did it move? The change of the measure (or of a traffic-to-sales ratio) between the period and the period it
 * is compared with, split into the contributions of marketplaces, countries or pairs of both; for a ratio, into rate
 * and mix effects; and each marketplace's change of share. A bar or a row drills one level in.
 */
export function ExplainView(props: ViewProps) {
  const { model } = props;
  const tr = useT();
  if (model.timeless) {
    return (
      <Panel title={tr(messages.whyTitle)} testId="explain-panel">
        <EmptyState>{tr(messages.timeless)}</EmptyState>
      </Panel>
    );
  }
  return <Explanation {...props} />;
}

function Explanation(props: ViewProps) {
  const { model, view, options, measure, update } = props;
  const tr = useT();
  const first = model.dimensions[0]!;
  const split = splitDimension(model);
  // Countries split at the level the views show: by region or sub-region, and a click on one drills into it.
  const geo = split ? geoLevelOf(props, split) : null;
  const second = geo?.dimension;
  const ratios = ratioMeasures(model);
  const ratio = findRatio(model, options.ratio) ?? null;
  const query = useQuery({ ...explainQuery(view, ratio?.id ?? null, second?.id), placeholderData: keepPreviousData });
  const comparison = describeComparison(view);
  const dimensionOf = (split: ExplainSplit): DimensionDef => (split === 'second' && second ? second : first);
  const labelOf = (dimension: DimensionDef, key: string) => (dimension.display === 'country' ? countryLabel(key) : key);
  // Drilling in: a marketplace's change explained by its countries, a country's by its marketplaces.
  // Above country level, a region or sub-region drills one level down and stays split by it.
  const drill = (split: ExplainSplit, firstKey: string | null, secondKey: string | null) => {
    let filters = view.filters;
    if (firstKey !== null) filters = withEntry(filters, first.id, [firstKey]);
    if (secondKey !== null && second) filters = withEntry(filters, second.id, [secondKey]);
    const below = secondKey !== null && geo?.levels ? levelBelow(geo.level) : null;
    if (below !== null) {
      update({ filters, level: below, split: 'second' });
      return;
    }
    const next: ExplainSplit = split === 'first' && second ? 'second' : 'first';
    update({ filters, split: next });
  };
  return (
    <div className="explain" data-testid="explain-view">
      <ControlBar label={tr(messages.options)}>
        <ControlSelect
          label={tr(messages.explainLabel)}
          value={ratio?.id ?? 'measure'}
          options={[{ value: 'measure', label: measure.label }, ...ratios.map((candidate) => ({ value: candidate.id, label: candidate.label }))]}
          onChange={(value) => update({ ratio: value === 'measure' ? null : (value as typeof options.ratio) })}
          testId="explain-what"
        />
        <ControlSelect
          label={tr(messages.byLabel)}
          value={options.split}
          options={[
            { value: 'first', label: first.label },
            ...(second
              ? [
                  { value: 'second' as const, label: second.label },
                  { value: 'both' as const, label: tr(messages.pair, { first: first.label, second: second.label.toLowerCase() }) },
                ]
              : []),
          ]}
          onChange={(split) => update({ split })}
          testId="explain-split"
        />
      </ControlBar>
      {geo ? <LevelControls geo={geo} filters={props.filters} update={update} testId="explain-level" /> : null}
      <p className="explain-periods" data-testid="explain-periods">
        {tr(messages.periods, { range: rangeText(view), comparison: comparison.long })}
      </p>
      {options.ratio !== null && ratio === null ? (
        <p className="explain-note" role="status" data-testid="explain-note">
          {tr(messages.noRatios, { measure: measure.label.toLowerCase() })}
        </p>
      ) : null}
      {ratio === null && measure.perInternetUser ? (
        // Reach divides by internet users; the parts are over the whole selection's, so that they add up.
        <p className="explain-note" data-testid="explain-reach-note">
          {tr(messages.reachNote)}
        </p>
      ) : null}
      <ContributionPanel
        {...props}
        query={query}
        ratio={ratio}
        split={options.split}
        dimensionOf={dimensionOf}
        labelOf={labelOf}
        comparison={comparison}
        onDrill={drill}
      />
      {ratio === null ? <ShareShiftPanel {...props} comparison={comparison} onDrill={(member) => drill('first', member, null)} /> : null}
    </div>
  );
}
