import { lazy, Suspense } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeComparison, mapQuery, type DimensionDef, type MapValue, type MeasureDef, type ResolvedOptions, type QuerySlice, findCountryDimension } from '../../data';
import { countryLabel, countryName } from '../../lib/countries';
import { ownValue } from '../../lib/lookupTable';
import { formatChange, formatShare } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, Skeleton } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { ChartPanel, useTableToggle } from '../shared/panelParts';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import { geoLevelOf, LevelControls } from '../shared/LevelControls';
import type { ViewProps } from '../shared/viewProps';
import { explainMember, WhyButton } from '../shared/WhyButton';
import { capitalise } from '../../lib/text';

// d3-geo and the world outlines are only needed once the map tab is opened: keep them out of the entry bundle.
const ChoroplethMap = lazy(() => import('../../charts/ChoroplethMap').then((m) => ({ default: m.ChoroplethMap })));

type MapMetric = ResolvedOptions['mapMetric'];

/** The "Marketplace" select's value for the view's own marketplace filter; the URL schema forbids empty members. */
const ALL_MEMBERS = '';
const MAP_HEIGHT = 360;

/**
 * One value per country on a world map: the measure, a marketplace's share of it, or its change over a year. At
 * region or sub-region level each country is coloured by its region's value, and a click drills into that region.
 */
export function MapView(props: ViewProps) {
  const { model, view, options, measure, catalog, update, selected, onSelect } = props;
  const memberDimension = model.dimensions[0]!;
  const country = findCountryDimension(model);
  const geo = country ? geoLevelOf(props, country) : null;
  const area = geo && geo.level !== 'country' ? geo.dimension : null;
  // A change against a year earlier needs months: without a time column (a link may still ask for it) the map shows the value.
  const metric: MapMetric = model.timeless && options.mapMetric === 'growth' ? 'value' : options.mapMetric;
  const member = options.mapMember;
  const query = useQuery({
    ...mapQuery(view, { metric, member, ...(area ? { by: area.id } : {}) }),
    placeholderData: keepPreviousData,
    enabled: country !== undefined,
  });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const format = formattersFor(metric, measure);
  const valueLabel = valueLabelFor(metric, measure, area ?? country, view);
  // At region level the table and the export list the regions, each once; the map draws their countries.
  const tableRows = (data: readonly MapValue[]) => (area ? byArea(data) : data);
  const nameOf = (row: MapValue) => (area ? (row.area ?? row.code) : countryLabel(row.code));
  const onCountry = (code: string, additive: boolean) => {
    const datum = area ? query.data?.find((row) => row.code === code) : undefined;
    if (datum?.area !== undefined && geo!.drill(datum.area)) return;
    if (country) onSelect(country.id, code, additive);
  };
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
      subtitle={`${subtitleFor(metric, member, view, measure, memberDimension)}${
        area ? ` · each country shows its ${area.label.toLowerCase()}’s value` : ''
      }`}
      model={model}
      table={country ? tableToggle : undefined}
      className="panel-wide"
      testId="map-panel"
      exportData={() =>
        country && query.data
          ? area
            ? { header: [area.label, valueLabel], rows: byValueDescending(byArea(query.data), areaName).map((row) => [row.code, row.value]) }
            : { header: [country.label, 'ISO code', valueLabel], rows: byValueDescending(query.data).map((row) => [countryLabel(row.code), row.code, row.value]) }
          : null
      }
    >
      {geo ? <LevelControls geo={geo} filters={props.filters} update={update} testId="map-level" /> : null}
      {controls}
      {country ? (
        <QueryView query={query} height={MAP_HEIGHT} isEmpty={(data) => data.every((datum) => datum.value === null)}>
          {(data) =>
            asTable ? (
              <DataTable
                caption={`${valueLabel} by ${(area ?? country).label.toLowerCase()}`}
                testId="map-table"
                rowKey={(row) => row.code}
                rows={byValueDescending(tableRows(data), area ? areaName : countryName)}
                columns={[
                  { header: (area ?? country).label, cell: nameOf },
                  { header: valueLabel, numeric: true, cell: (row) => format.full(row.value) },
                  ...(model.timeless
                    ? []
                    : [{ header: 'Why?', cell: (row: MapValue) => <WhyButton subject={area ? nameOf(row) : countryName(row.code)} onClick={() => update(explainMember(view.filters, (area ?? country).id, row.code))} /> }]),
                ]}
              />
            ) : (
              <Suspense fallback={<Skeleton height={MAP_HEIGHT} label="Loading the map" />}>
                <ChoroplethMap
                  data={data}
                  scale={metric === 'growth' ? 'diverging' : 'sequential'}
                  formatValue={format.compact}
                  valueLabel={valueLabel}
                  countryName={area ? inArea(data) : countryName}
                  selected={area ? [] : (ownValue(selected, country.id) ?? [])}
                  onSelect={onCountry}
                  height={MAP_HEIGHT}
                  ariaLabel={
                    area
                      ? describeMap(byArea(data), `${valueLabel} by ${area.label.toLowerCase()}`, format.compact, areaName)
                      : describeMap(data, `${valueLabel} by ${country.label.toLowerCase()}`, format.compact)
                  }
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
  nameOf: (code: string) => string = countryName,
): string {
  const largest = byValueDescending(data, nameOf)
    .filter((row) => row.value !== null)
    .slice(0, 5)
    .map((row) => `${nameOf(row.code)} ${format(row.value ?? 0)}`);
  return `World map of ${what.charAt(0).toLowerCase()}${what.slice(1)}: ${largest.join(', ')}`;
}

function byValueDescending<T extends { code: string; value: number | null }>(data: readonly T[], nameOf: (code: string) => string = countryName): T[] {
  return [...data].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || nameOf(a.code).localeCompare(nameOf(b.code)));
}

/** A region's name is its code in the rows made by {@link byArea}. */
const areaName = (code: string) => code;

/** One row per region (its value is the same on each of its countries), keyed by the region's name. */
function byArea(data: readonly MapValue[]): MapValue[] {
  const seen = new Map<string, MapValue>();
  for (const row of data) if (row.area !== undefined && !seen.has(row.area)) seen.set(row.area, { code: row.area, value: row.value, area: row.area });
  return [...seen.values()];
}

/** 'RU' → 'Russia (Eastern Europe)': the tooltip says which region's value a country shows. */
function inArea(data: readonly MapValue[]): (code: string) => string {
  const areas = new Map(data.map((row) => [row.code, row.area]));
  return (code) => {
    const area = areas.get(code);
    return area === undefined ? countryName(code) : `${countryName(code)} (${area})`;
  };
}
