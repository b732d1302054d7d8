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
import { t, useT } from '../../i18n';
import { messages } from './messages';
import { messages as whyMessages } from '../shared/messages';

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
  const tr = useT();
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
    <ControlBar label={tr(messages.options)}>
      <ControlSelect<MapMetric>
        label={tr(messages.show)}
        value={metric}
        testId="map-metric"
        onChange={(value) => update({ mapMetric: value })}
        options={[
          { value: 'value', label: capitalise(measure.periodLabel) },
          { value: 'share', label: tr(messages.shareOption, { where: country?.label.toLowerCase() ?? tr(messages.country), members: plural }) },
          model.timeless
            ? { value: 'growth', label: tr(messages.growthDisabled), disabled: true }
            : { value: 'growth', label: tr(messages.growthOption, { comparison: describeComparison(view).short }) },
        ]}
      />
      <ControlSelect<string>
        label={memberDimension.label}
        value={member ?? ALL_MEMBERS}
        testId="map-member"
        onChange={(value) => update({ mapMember: value === ALL_MEMBERS ? null : value })}
        options={[
          { value: ALL_MEMBERS, label: tr(ownValue(view.filters, memberDimension.id) ? messages.allSelected : messages.all, { members: plural }) },
          ...members.map((name) => ({ value: name, label: name })),
        ]}
      />
    </ControlBar>
  );

  return (
    <ChartPanel
      title={tr(messages.title, { measure: measure.label })}
      subtitle={`${subtitleFor(metric, member, view, measure, memberDimension)}${
        area ? ` · ${tr(messages.areaValue, { area: area.label.toLowerCase() })}` : ''
      }`}
      model={model}
      table={country ? tableToggle : undefined}
      className="panel-wide"
      testId="map-panel"
      exportData={() =>
        country && query.data
          ? area
            ? { header: [area.label, valueLabel], rows: byValueDescending(byArea(query.data), areaName).map((row) => [row.code, row.value]) }
            : { header: [country.label, t(messages.isoCode), valueLabel], rows: byValueDescending(query.data).map((row) => [countryLabel(row.code), row.code, row.value]) }
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
                caption={tr(messages.valueBy, { value: valueLabel, dimension: (area ?? country).label.toLowerCase() })}
                testId="map-table"
                rowKey={(row) => row.code}
                rows={byValueDescending(tableRows(data), area ? areaName : countryName)}
                columns={[
                  { header: (area ?? country).label, cell: nameOf },
                  { header: valueLabel, numeric: true, cell: (row) => format.full(row.value) },
                  ...(model.timeless
                    ? []
                    : [{ header: tr(whyMessages.why), cell: (row: MapValue) => <WhyButton subject={area ? nameOf(row) : countryName(row.code)} onClick={() => update(explainMember(view.filters, (area ?? country).id, row.code))} /> }]),
                ]}
              />
            ) : (
              <Suspense fallback={<Skeleton height={MAP_HEIGHT} label={tr(messages.loading)} />}>
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
                      ? describeMap(byArea(data), tr(messages.valueBy, { value: valueLabel, dimension: area.label.toLowerCase() }), format.compact, areaName)
                      : describeMap(data, tr(messages.valueBy, { value: valueLabel, dimension: country.label.toLowerCase() }), format.compact)
                  }
                />
              </Suspense>
            )
          }
        </QueryView>
      ) : (
        <EmptyState>{tr(messages.noCountry, { dataset: model.label })}</EmptyState>
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
  const where = country?.label.toLowerCase() ?? t(messages.country);
  if (metric === 'share') return t(messages.shareLabel, { where, measure: measure.label.toLowerCase() });
  if (metric === 'growth') return t(messages.growthLabel, { measure: measure.label, comparison: describeComparison(view).short });
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
  const whose = member ?? (filtered ? filtered.join(', ') : t(messages.allMembers, { members: plural }));
  if (metric === 'share') {
    if (member) return t(messages.memberShare, { member, measure: measure.periodLabel, members: plural });
    if (filtered) return t(messages.filteredShare, { filtered: filtered.join(', '), measure: measure.periodLabel, members: plural });
    const one = memberDimension.label.toLowerCase();
    return t(messages.allShare, { members: plural, whole: formatShare(1), one });
  }
  if (metric === 'growth') return t(messages.growthSubtitle, { measure: measure.periodLabel, comparison: describeComparison(view).long, whose });
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
  return t(messages.worldMap, { what: `${what.charAt(0).toLowerCase()}${what.slice(1)}`, largest: largest.join(', ') });
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
