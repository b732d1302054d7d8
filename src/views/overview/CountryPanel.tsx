import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { OVERVIEW_COUNTRY_LIMIT, rankingQuery, type DatasetModel, type MeasureDef, type QuerySlice, groupingDimension } from '../../data';
import { RankingBarChart } from '../../charts/RankingBarChart';
import { countryLabel } from '../../lib/countries';
import { ownValue } from '../../lib/lookupTable';
import { formatShare } from '../../lib/format';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { ChartPanel, RankingTable, rankingExport, useTableToggle } from '../shared/panelParts';
import { capitalise } from '../../lib/text';
import { useT } from '../../i18n';
import { messages } from './messages';


export interface CountryPanelProps {
  model: DatasetModel;
  view: QuerySlice;
  measure: MeasureDef;
  /** Countries selected by clicking here (they filter the other panels, not this one). */
  selected: readonly string[];
  onSelect: (dimensionId: string, member: string, additive: boolean) => void;
}

/** The top countries for the selected marketplaces. */
export function CountryPanel({ model, view, measure, selected, onSelect }: CountryPanelProps) {
  // With a single dimension (an upload may have only one), the panel ranks its members.
  const dimension = groupingDimension(model)!;
  const query = useQuery({ ...rankingQuery(view, dimension.id, OVERVIEW_COUNTRY_LIMIT), placeholderData: keepPreviousData });
  const tableToggle = useTableToggle();
  const { asTable } = tableToggle;
  const format = measureFormatters(measure);
  const tr = useT();
  const label = (key: string) => (dimension.display === 'country' ? countryLabel(key) : key);
  const members = ownValue(view.filters, model.dimensions[0]!.id);
  const subtitle = `${capitalise(measure.periodLabel)} · ${
    members ? members.join(', ') : tr(messages.allMembers, { dimension: model.dimensions[0]!.pluralLabel.toLowerCase() })
  }${
    query.data && query.data.groupTotal > query.data.rows.length
      ? ` · ${tr(messages.topOf, { shown: String(query.data.rows.length), total: String(query.data.groupTotal) })}`
      : ''
  }`;

  return (
    <ChartPanel
      title={tr(messages.top, { dimension: dimension.pluralLabel.toLowerCase() })}
      subtitle={subtitle}
      model={model}
      table={tableToggle}
      testId="country-panel"
      exportData={() => rankingExport(query.data, dimension, measure)}
    >
      <QueryView query={query} height={300} isEmpty={(data) => data.rows.length === 0}>
        {(data) =>
          asTable ? (
            <RankingTable
              ranking={data}
              dimension={dimension}
              measure={measure}
              caption={tr(messages.measureBy, { measure: measure.label, dimension: dimension.label.toLowerCase() })}
              testId="country-table"
            />
          ) : (
            <RankingBarChart
              bars={data.rows.map((row) => ({ ...row, label: label(row.key) }))}
              color="var(--accent)"
              formatAxis={format.compact}
              formatValue={format.full}
              formatShare={formatShare}
              selected={selected}
              onSelect={(key, additive) => onSelect(dimension.id, key, additive)}
              ariaLabel={tr(messages.barsAria, {
                measure: measure.periodLabel,
                dimension: dimension.label.toLowerCase(),
                bars: data.rows
                  .slice(0, 5)
                  .map((row) => `${label(row.key)} ${format.compact(row.value)}`)
                  .join(', '),
              })}
            />
          )
        }
      </QueryView>
    </ChartPanel>
  );
}
