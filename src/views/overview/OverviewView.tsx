import { useDeferredValue } from 'react';
import { groupingDimension } from '../../data';
import { ownValue } from '../../lib/lookupTable';
import { showingPrerender } from '../../lib/prerendered';
import { Skeleton } from '../../ui/Panel';
import type { ViewProps } from '../shared/viewProps';
import { explainMember } from '../shared/WhyButton';
import { CountryPanel } from './CountryPanel';
import { KpiCards } from './KpiCards';
import { PublishedFiguresPanel } from './PublishedFiguresPanel';
import { TrendPanel } from './TrendPanel';
import { useT } from '../../i18n';
import { messages } from './messages';

/** The first screen: key figures, the measure over time by marketplace, the top countries, the published figures. */
export function OverviewView({ model, view, viewOf, options, measure, colorFor, onSelectIn, update }: ViewProps) {
  // The second chart and the published figures are drawn in a render of their own, just after the first: the first
  // chart reaches the screen a frame sooner and nothing waits on them. Over the overview index.html drew, everything
  // is drawn at once: the page already shows it all.
  const showSecondary = useDeferredValue(true, showingPrerender());
  const tr = useT();
  const first = model.dimensions[0]!;
  // A dataset with one dimension ranks that one: the overview still has something to show.
  const country = groupingDimension(model) ?? first;
  return (
    <>
      <KpiCards
        view={view}
        measure={measure}
        leaderLabel={first.label}
        datasetLabel={model.label}
        synthetic={model.provenance === 'synthetic'}
        // The leader's change is explained by the second dimension (its countries); the whole selection's by the first.
        onWhy={
          model.timeless
            ? undefined
            : (member) => update(member === undefined ? { tab: 'explain' } : explainMember(view.filters, first.id, member, 'second'))
        }
      />
      <div className="panel-grid">
        <TrendPanel
          model={model}
          view={viewOf('trend')}
          measure={measure}
          colorFor={colorFor}
          selected={ownValue(options.selections.trend, first.id) ?? []}
          onSelect={onSelectIn('trend')}
        />
        {showSecondary ? (
          <>
            <CountryPanel
              model={model}
              view={viewOf('countries')}
              measure={measure}
              selected={ownValue(options.selections.countries, country.id) ?? []}
              onSelect={onSelectIn('countries')}
            />
            <PublishedFiguresPanel />
          </>
        ) : (
          <Skeleton height={360} label={tr(messages.loadingCountries)} />
        )}
      </div>
    </>
  );
}
