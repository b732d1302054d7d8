import { useState, type MouseEvent } from 'react';
import { errorMessage } from '../../lib/errors';
import type { DatasetModel, DimensionDef, MeasureDef, Ranking } from '../../data';
import { countryLabel } from '../../lib/countries';
import { formatShare } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { measureFormatters } from './measureFormat';
import type { CsvCell } from '../../lib/csv';
import { Panel, type PanelProps } from '../../ui/Panel';
import { t, useT } from '../../i18n';
import { messages } from './messages';

/** Marks numbers that come from the synthetic generator, wherever they are shown. */
export function SyntheticBadge() {
  const tr = useT();
  return (
    <span className="badge badge-synthetic" title={tr(messages.syntheticNote)}>
      {tr(messages.syntheticData)}
    </span>
  );
}

/** Switches a panel between its chart and the same numbers as a table. */
export function TableToggle({ asTable, onToggle }: { asTable: boolean; onToggle: () => void }) {
  const tr = useT();
  return (
    <button type="button" className="button button-quiet" aria-pressed={asTable} onClick={onToggle}>
      {tr(asTable ? messages.showChart : messages.showTable)}
    </button>
  );
}

/** Whether a panel shows its table instead of its chart, and the switch. */
export function useTableToggle() {
  const [asTable, setAsTable] = useState(false);
  return { asTable, onToggle: () => setAsTable((value) => !value) };
}

/** The numbers behind a panel, for its CSV export: the same as its table, unformatted. */
export interface PanelData {
  header: string[];
  rows: CsvCell[][];
}

/** A ranking's numbers for a panel's CSV export (its headers in the active language, when it is made). */
export function rankingExport(ranking: Ranking | undefined, dimension: DimensionDef, measure: MeasureDef): PanelData | null {
  return ranking
    ? { header: [dimension.label, measure.label, t(messages.shareHeader)], rows: ranking.rows.map((row) => [row.key, row.value, row.share]) }
    : null;
}

/** A ranking (members with their value and share of the total) as a table, members named for people. */
export function RankingTable({
  ranking,
  dimension,
  measure,
  caption,
  testId,
}: {
  ranking: Ranking;
  dimension: DimensionDef;
  measure: MeasureDef;
  caption: string;
  testId: string;
}) {
  const format = measureFormatters(measure);
  const tr = useT();
  const label = (key: string) => (dimension.display === 'country' ? countryLabel(key) : key);
  return (
    <DataTable
      caption={caption}
      testId={testId}
      rowKey={(row) => row.key}
      rows={ranking.rows}
      columns={[
        { header: dimension.label, cell: (row) => label(row.key) },
        { header: measure.label, numeric: true, cell: (row) => format.full(row.value) },
        { header: tr(messages.shareColumn), numeric: true, cell: (row) => formatShare(row.share) },
      ]}
    />
  );
}

export interface DatasetPanelProps extends Omit<PanelProps, 'badges' | 'footer'> {
  model: DatasetModel;
  /** The chart/table switch, for panels that have a table alternative. */
  table?: { asTable: boolean; onToggle: () => void };
  /** The panel's data, when loaded: offers the PNG, SVG and CSV exports. */
  exportData?: () => PanelData | null;
}

/** A panel over a dataset: labelled synthetic when it is, with the dataset's source line and the table switch. */
export function ChartPanel({ model, table, exportData, ...panel }: DatasetPanelProps) {
  const tr = useT();
  const title = typeof panel.title === 'string' ? panel.title : tr(messages.chart);
  const subtitle = typeof panel.subtitle === 'string' ? panel.subtitle : undefined;
  return (
    <Panel
      {...panel}
      badges={
        <>
          {model.provenance === 'synthetic' ? <SyntheticBadge /> : null}
          {table ? <TableToggle asTable={table.asTable} onToggle={table.onToggle} /> : null}
          {exportData ? (
            <ExportButtons meta={{ title, subtitle, source: model.sourceLine }} data={exportData} chartShown={!table?.asTable} />
          ) : null}
        </>
      }
      footer={model.sourceLine}
    />
  );
}

const EXPORT_KINDS = ['png', 'svg', 'csv'] as const;

/** PNG (2×), SVG and CSV of a panel. The export code loads on the first click. */
function ExportButtons(props: {
  meta: { title: string; subtitle?: string; source: string };
  data: () => PanelData | null;
  chartShown: boolean;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const tr = useT();
  const run = (kind: 'png' | 'svg' | 'csv') => async (event: MouseEvent<HTMLButtonElement>) => {
    const panel = event.currentTarget.closest('section');
    setProblem(null);
    try {
      const [{ chartSvg, svgToPng }, { downloadFile, fileNameOf, toCsv }] = await Promise.all([
        import('../../ui/chartExport'),
        import('../../lib/csv'),
      ]);
      const name = fileNameOf(props.meta.title);
      if (kind === 'csv') {
        const data = props.data();
        if (!data) throw new Error(t(messages.stillLoading));
        downloadFile(`${name}.csv`, new Blob([toCsv(data.header, data.rows)], { type: 'text/csv' }));
        return;
      }
      const drawn = panel ? chartSvg(panel, props.meta) : null;
      if (!drawn) throw new Error(t(messages.showChartToExport));
      const file =
        kind === 'svg' ? new Blob([drawn.svg], { type: 'image/svg+xml' }) : await svgToPng(drawn.svg, drawn.width, drawn.height, 2);
      downloadFile(`${name}.${kind}`, file);
    } catch (error) {
      setProblem(t(messages.exportFailed, { reason: errorMessage(error) }));
    }
  };
  return (
    <span className="export-buttons" role="group" aria-label={tr(messages.exportOf, { title: props.meta.title })}>
      {EXPORT_KINDS.map((kind) => (
        // The format's name (PNG, SVG, CSV) is the same in every language.
        <button
          key={kind}
          type="button"
          className="button button-quiet"
          onClick={run(kind)}
          disabled={kind !== 'csv' && !props.chartShown}
          data-testid={`export-${kind}`}
        >
          {kind.toUpperCase()}
        </button>
      ))}
      {problem ? (
        <span role="alert" className="export-problem">
          {problem}
        </span>
      ) : null}
    </span>
  );
}

/** A breakdown (measure by two dimensions) as long CSV rows: row member, column member, value; "Other" for buckets. */
export function breakdownData(
  data: { cells: { rowKey: string | null; columnKey: string | null; value: number }[] } | undefined,
  rowLabel: string,
  columnLabel: string,
  measureLabel: string,
): PanelData | null {
  if (!data) return null;
  return {
    header: [rowLabel, columnLabel, measureLabel],
    rows: data.cells.map((cell) => [cell.rowKey ?? t(messages.other), cell.columnKey ?? t(messages.other), cell.value]),
  };
}
