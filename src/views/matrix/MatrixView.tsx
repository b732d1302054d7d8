import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { breakdownQuery, otherLabel, type Breakdown, type ResolvedOptions, groupingDimension } from '../../data';
import { Heatmap, type HeatmapAxisItem } from '../../charts/Heatmap';
import { countryLabel, countryName } from '../../lib/countries';
import { ownValue } from '../../lib/lookupTable';
import { formatShare } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { breakdownData, ChartPanel, useTableToggle } from '../shared/panelParts';
import { ControlBar, ControlSelect } from '../shared/ControlSelect';
import { geoLevelOf, LevelControls } from '../shared/LevelControls';
import type { ViewProps } from '../shared/viewProps';
import { explainMember, WhyButton } from '../shared/WhyButton';
import { capitalise } from '../../lib/text';
import { useT } from '../../i18n';
import { messages } from './messages';
import { messages as whyMessages } from '../shared/messages';

type CellMetric = ResolvedOptions['cell'];

const ROW_LIMIT = 25;
const COLUMN_LIMIT = 40;
/** The Heatmap keys rows and columns by string; "Other" (key null) gets one no member can have. */
const OTHER_KEY = '\u0000other';
const KEY_SEPARATOR = '\u0001';

/**
 * The measure's cells as shares of their column's total over every row, "Other" included: each country's split
 * between marketplaces. A column whose total is zero has no split, so its cells are left out (drawn as no data).
 */
export function shareWithinColumns(breakdown: Breakdown): Breakdown {
  const totals = new Map<string | null, number>();
  for (const cell of breakdown.cells) totals.set(cell.columnKey, (totals.get(cell.columnKey) ?? 0) + cell.value);
  const cells = breakdown.cells.flatMap((cell) => {
    const total = totals.get(cell.columnKey) ?? 0;
    return total === 0 ? [] : [{ ...cell, value: cell.value / total }];
  });
  return { ...breakdown, cells };
}

/** The measure by marketplace × country as a shaded table, either as it is or as each country's split. */
export function MatrixView(props: ViewProps) {
  const { model, view, options, measure, update, selected, onSelect } = props;
  const rowDimension = model.dimensions[0]!;
  // Countries, or at region level their regions (a click on one drills down, src/views/levels.ts).
  const geo = geoLevelOf(props, groupingDimension(model) ?? rowDimension);
  const columnDimension = geo.dimension;
  const isCountry = columnDimension.display === 'country';
  const query = useQuery({
    ...breakdownQuery(view, {
      rows: rowDimension.id,
      columns: columnDimension.id,
      rowLimit: ROW_LIMIT,
      columnLimit: COLUMN_LIMIT,
    }),
    placeholderData: keepPreviousData,
  });
  const tableToggle = useTableToggle();
  const tr = useT();
  const other = otherLabel();
  const { asTable } = tableToggle;
  const cell = options.cell;
  const format = measureFormatters(measure);
  const rowPlural = rowDimension.pluralLabel.toLowerCase();
  const columnPlural = columnDimension.pluralLabel.toLowerCase();
  const columnName = columnDimension.label.toLowerCase();
  const valueLabel = cell === 'share' ? tr(messages.shareOfEach, { column: columnName, measure: measure.label }) : capitalise(measure.periodLabel);

  const rowLabel = (key: string | null) => key ?? other;
  // Codes keep forty columns narrow enough to scan; the table toggle gives the full names.
  const columnShortLabel = (key: string | null) => key ?? other;
  const columnFullLabel = (key: string | null) => (key === null ? other : isCountry ? countryLabel(key) : key);

  const subtitle = (data: Breakdown | undefined) => {
    const what =
      cell === 'share'
        ? tr(messages.splitBy, { column: columnName, measure: measure.periodLabel, row: rowDimension.label.toLowerCase() })
        : capitalise(measure.periodLabel);
    if (!data) return what;
    const shownRows = data.rowKeys.filter((key) => key !== null).length;
    const shownColumns = data.columnKeys.filter((key) => key !== null).length;
    const limits = [
      data.rowTotal > shownRows ? tr(messages.largestOf, { shown: shownRows, total: data.rowTotal, members: rowPlural }) : null,
      data.columnTotal > shownColumns ? tr(messages.largestOf, { shown: shownColumns, total: data.columnTotal, members: columnPlural }) : null,
    ].filter((part) => part !== null);
    return limits.length > 0 ? tr(messages.withLimits, { what, limits: limits.join(', '), other }) : what;
  };

  const controls = (
    <ControlBar label={tr(messages.options)}>
      <ControlSelect<CellMetric>
        label={tr(messages.cells)}
        value={cell}
        testId="matrix-cell"
        onChange={(value) => update({ cell: value })}
        options={[
          { value: 'value', label: capitalise(measure.periodLabel) },
          { value: 'share', label: tr(messages.shareWithin, { column: columnName }) },
        ]}
      />
    </ControlBar>
  );

  // "Other" is many members at once: selecting it could not be written as a filter, so its label does nothing.
  const selectable = (dimensionId: string) => (key: string, additive: boolean) => {
    if (key === OTHER_KEY) return;
    if (dimensionId === columnDimension.id && geo.drill(key)) return;
    onSelect(dimensionId, key, additive);
  };

  return (
    <ChartPanel
      title={tr(messages.title, { row: rowDimension.label, column: columnDimension.label.toLowerCase() })}
      subtitle={subtitle(query.data)}
      model={model}
      table={tableToggle}
      className="panel-wide"
      testId="matrix-panel"
      exportData={() => breakdownData(query.data, rowDimension.label, columnDimension.label, measure.label)}
    >
      <LevelControls geo={geo} filters={props.filters} update={update} testId="matrix-level" />
      {controls}
      <QueryView query={query} height={360} isEmpty={(data) => data.cells.length === 0}>
        {(data) => {
          const raw = cellIndex(data);
          const shares = cellIndex(shareWithinColumns(data));
          const shown = cell === 'share' ? shares : raw;
          const toItem =
            (label: (key: string | null) => string) =>
            (key: string | null): HeatmapAxisItem => ({
              key: key ?? OTHER_KEY,
              label: label(key),
              title: columnFullLabel(key),
              selectable: key !== null,
            });

          if (asTable) {
            // The heatmap is already a table; this is the long form, one line per cell, to read down and to copy.
            const lines = data.rowKeys.flatMap((rowKey) =>
              data.columnKeys.flatMap((columnKey) => {
                const id = cellId(rowKey, columnKey);
                const value = raw.get(id);
                return value === undefined ? [] : [{ id, rowKey, columnKey, value, share: shares.get(id) ?? null }];
              }),
            );
            return (
              <DataTable
                caption={tr(messages.tableCaption, { measure: measure.label, row: rowDimension.label.toLowerCase(), column: columnName })}
                testId="matrix-table"
                rowKey={(line) => line.id}
                rows={lines}
                columns={[
                  { header: rowDimension.label, cell: (line) => rowLabel(line.rowKey) },
                  { header: columnDimension.label, cell: (line) => columnFullLabel(line.columnKey) },
                  { header: capitalise(measure.periodLabel), numeric: true, cell: (line) => format.full(line.value) },
                  { header: tr(messages.shareOf, { column: columnName }), numeric: true, cell: (line) => formatShare(line.share) },
                  // A cell's change is one segment: explain its column (the country) by the rows (the marketplaces).
                  ...(model.timeless || columnDimension === rowDimension
                    ? []
                    : [
                        {
                          header: tr(whyMessages.why),
                          cell: (line: (typeof lines)[number]) =>
                            line.columnKey === null ? null : (
                              <WhyButton subject={isCountry ? countryName(line.columnKey) : line.columnKey} onClick={() => update(explainMember(view.filters, columnDimension.id, line.columnKey!))} />
                            ),
                        },
                      ]),
                ]}
              />
            );
          }
          return (
            <Heatmap
              rows={data.rowKeys.map(toItem(rowLabel))}
              columns={data.columnKeys.map(toItem(columnShortLabel))}
              value={(rowKey, columnKey) => shown.get(cellId(rowKey, columnKey)) ?? null}
              formatValue={cell === 'share' ? formatShare : format.compact}
              valueLabel={valueLabel}
              onSelectRow={selectable(rowDimension.id)}
              onSelectColumn={selectable(columnDimension.id)}
              selectedRows={ownValue(selected, rowDimension.id) ?? []}
              selectedColumns={ownValue(selected, columnDimension.id) ?? []}
              ariaLabel={tr(messages.heatmapLabel, { value: valueLabel, row: rowDimension.label.toLowerCase(), column: columnName })}
            />
          );
        }}
      </QueryView>
    </ChartPanel>
  );
}

/** One string per cell, with "Other" as OTHER_KEY: the same keys the Heatmap hands back. */
function cellId(rowKey: string | null, columnKey: string | null): string {
  return `${rowKey ?? OTHER_KEY}${KEY_SEPARATOR}${columnKey ?? OTHER_KEY}`;
}

function cellIndex(breakdown: Breakdown): Map<string, number> {
  return new Map(breakdown.cells.map((cell) => [cellId(cell.rowKey, cell.columnKey), cell.value]));
}
