import { DataTable } from '../../ui/DataTable';
import type { SeriesForecast } from './forecastModel';
import { useT } from '../../i18n';
import { formatShare } from '../../lib/format';
import { messages } from './messages';

interface Row {
  key: string;
  series: string;
  period: string;
  mean: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** The forecasts as a table, one row per series and forecast period: the forecast's table alternative. */
export function ForecastTable({
  forecasts,
  format,
  periodLabel,
  periodHeader,
}: {
  forecasts: readonly SeriesForecast[];
  format: (value: number) => string;
  periodLabel: (period: string) => string;
  periodHeader: string;
}) {
  const rows: Row[] = forecasts.flatMap((forecast) =>
    (forecast.result?.steps ?? []).map((step, i) => ({
      key: `${forecast.name}-${forecast.periods[i]}`,
      series: forecast.name,
      period: forecast.periods[i]!,
      ...step,
    })),
  );
  const tr = useT();
  if (rows.length === 0) return null;
  const [low, high] = [formatShare(0.8), formatShare(0.95)];
  return (
    <DataTable
      caption={tr(messages.tableCaption, { low, high })}
      testId="trend-forecast-table"
      rowKey={(row) => row.key}
      rows={rows}
      columns={[
        { header: tr(messages.series), cell: (row) => row.series },
        { header: periodHeader, cell: (row) => tr(messages.forecastPeriod, { period: periodLabel(row.period) }) },
        { header: tr(messages.forecast), numeric: true, cell: (row) => format(row.mean) },
        { header: tr(messages.interval, { level: low }), numeric: true, cell: (row) => tr(messages.range, { low: format(row.lower80), high: format(row.upper80) }) },
        { header: tr(messages.interval, { level: high }), numeric: true, cell: (row) => tr(messages.range, { low: format(row.lower95), high: format(row.upper95) }) },
      ]}
    />
  );
}
