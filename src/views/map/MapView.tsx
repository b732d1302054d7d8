import { lazy, Suspense } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeComparison, mapQuery, type DimensionDef, type MeasureDef, type ResolvedOptions, type QuerySlice, findCountryDimension } from '../../data';
import { countryLabel, countryName } from '../../lib/countries';
import { ownValue } from '../../lib/lookupTable';
import { formatChange, formatShare } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, Skeleton } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { ChartPanel, useTableToggle } from '../shared/panelParts';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import type { ViewProps } from '../shared/viewProps';
import { capitalise } from '../../lib/text';

// d3-geo and the world outlines are only needed once the map tab is opened: keep them out of the entry bundle.
const ChoroplethMap = lazy(() => import('../../charts/ChoroplethMap').then((m) => ({ default: m.ChoroplethMap })));

type MapMetric = ResolvedOptions['mapMetric'];

/** The "Marketplace" select's value for the view's own marketplace filter; the URL schema forbids empty members. */
const ALL_MEMBERS = '';
const MAP_HEIGHT = 360;

/** One value per country on a world map: the measure, a marketplace's share of it, or its change over a year. */
export function MapView({ model, view, options, measure, catalog, update, selected, onSelect }: ViewProps) {
  const memberDimension = model.dimensions[0]!;
  const country = findCountryDimension(model);
  // A change against a year earlier needs months: without a time column (a link may still ask for it) the map shows the value.
  const metric: MapMetric = model.timeless && options.mapMetric === 'growth' ? 'value' : options.mapMetric;
  const member = options.mapMember;
  const query = useQuery({
    ...mapQuery(view, { metric, member }),
    placeholderData: keepPreviousData,
    enabled: country !== undefined,
  });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const format = formattersFor(metric, measure);
  const valueLabel = valueLabelFor(metric, measure, country, view);
  const members = ownValue(catalog.members, memberDimension.id) ?? [];
  const plural = memberDimension.pluralLabel.toLowerCase();

  const controls = (
    <ControlBar label="Map options">
      <ControlSelect<MapMetric>
        label="Show"
        value={metric}
        testId="map-metric"
        onChange={(value) => update({ mapMetric: value })}
        options={[
          { value: 'value', label: capitalise(measure.periodLabel) },
          { value: 'share', label: `Share of the ${country?.label.toLowerCase() ?? 'country'}'s ${plural}` },
          model.timeless
            ? { value: 'growth', label: 'Change vs a year earlier (needs a time column)', disabled: true }
            : { value: 'growth', label: `Change ${describeComparison(view).short}` },
        ]}
      />
      <ControlSelect<string>
        label={memberDimension.label}
        value={member ?? ALL_MEMBERS}
        testId="map-member"
        onChange={(value) => update({ mapMember: value === ALL_MEMBERS ? null : value })}
        options={[
          { value: ALL_MEMBERS, label: ownValue(view.filters, memberDimension.id) ? `All selected ${plural}` : `All ${plural}` },
          ...members.map((name) => ({ value: name, label: name })),
        ]}
      />
    </ControlBar>
  );

  return (
    <ChartPanel
      title={`Map: ${measure.label}`}
      subtitle={subtitleFor(metric, member, view, measure, memberDimension)}
      model={model}
      table={country ? tableToggle : undefined}
      className="panel-wide"
      testId="map-panel"
      exportData={() =>
        country && query.data
          ? { header: [country.label, 'ISO code', valueLabel], rows: byValueDescending(query.data).map((row) => [countryLabel(row.code), row.code, row.value]) }
          : null
      }
    >
      {controls}
      {country ? (
        <QueryView query={query} height={MAP_HEIGHT} isEmpty={(data) => data.every((datum) => datum.value === null)}>
          {(data) =>
            asTable ? (
              <DataTable
                caption={`${valueLabel} by ${country.label.toLowerCase()}`}
                testId="map-table"
                rowKey={(row) => row.code}
                rows={byValueDescending(data)}
                columns={[
                  { header: country.label, cell: (row) => countryLabel(row.code) },
                  { header: valueLabel, numeric: true, cell: (row) => format.full(row.value) },
                ]}
              />
            ) : (
              <Suspense fallback={<Skeleton height={MAP_HEIGHT} label="Loading the map" />}>
                <ChoroplethMap
                  data={data}
                  scale={metric === 'growth' ? 'diverging' : 'sequential'}
                  formatValue={format.compact}
                  valueLabel={valueLabel}
                  countryName={countryName}
                  selected={ownValue(selected, country.id) ?? []}
                  onSelect={(code, additive) => onSelect(country.id, code, additive)}
                  height={MAP_HEIGHT}
                  ariaLabel={describeMap(data, `${valueLabel} by ${country.label.toLowerCase()}`, format.compact)}
                />
              </Suspense>
            )
          }
        </QueryView>
      ) : (
        <EmptyState>{model.label} has no country column, so there is nothing to draw on a map.</EmptyState>
      )}
    </ChartPanel>
  );
}

/** Compact numbers fit the legend ticks and the tooltip; the table gets full precision. */
function formattersFor(metric: MapMetric, measure: MeasureDef) {
  if (metric === 'share') return { compact: formatShare, full: formatShare };
  if (metric === 'growth') return { compact: formatChange, full: formatChange };
  return measureFormatters(measure);
}

function valueLabelFor(metric: MapMetric, measure: MeasureDef, country: DimensionDef | undefined, view: QuerySlice): string {
  const where = country?.label.toLowerCase() ?? 'country';
  if (metric === 'share') return `Share of the ${where}'s ${measure.label.toLowerCase()}`;
  if (metric === 'growth') return `${measure.label} change ${describeComparison(view).short}`;
  return capitalise(measure.periodLabel);
}

/** Says whose numbers the map shows, and what a share is a share of: the two are easy to misread on a map. */
function subtitleFor(
  metric: MapMetric,
  member: string | null,
  view: QuerySlice,
  measure: MeasureDef,
  memberDimension: DimensionDef,
): string {
  const plural = memberDimension.pluralLabel.toLowerCase();
  const filtered = ownValue(view.filters, memberDimension.id);
  const whose = member ?? (filtered ? filtered.join(', ') : `all ${plural}`);
  if (metric === 'share') {
    if (member) return `${member}'s share of each country's ${measure.periodLabel}, among all ${plural}`;
    if (filtered) return `Share of ${filtered.join(', ')} in each country's ${measure.periodLabel}, among all ${plural}`;
    const one = memberDimension.label.toLowerCase();
    return `All ${plural} together make 100% of every country: choose a ${one} or filter ${plural} to see a share`;
  }
  if (metric === 'growth') return `Change in ${measure.periodLabel} against ${describeComparison(view).long} · ${whose}`;
  return `${capitalise(measure.periodLabel)} · ${whose}`;
}

/** The figure's accessible name: what it shows and the five largest values, which a sighted reader sees first. */
function describeMap(
  data: readonly { code: string; value: number | null }[],
  what: string,
  format: (value: number) => string,
): string {
  const largest = byValueDescending(data)
    .filter((row) => row.value !== null)
    .slice(0, 5)
    .map((row) => `${countryName(row.code)} ${format(row.value ?? 0)}`);
  return `World map of ${what.charAt(0).toLowerCase()}${what.slice(1)}: ${largest.join(', ')}`;
}

function byValueDescending(data: readonly { code: string; value: number | null }[]) {
  return [...data].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || countryName(a.code).localeCompare(countryName(b.code)),
  );
}
