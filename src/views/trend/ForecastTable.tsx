import { DataTable } from '../../ui/DataTable';
import type { SeriesForecast } from './forecastModel';

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
  if (rows.length === 0) return null;
  return (
    <DataTable
      caption="Forecast (not measured): point forecast with 80% and 95% prediction intervals"
      testId="trend-forecast-table"
      rowKey={(row) => row.key}
      rows={rows}
      columns={[
        { header: 'Series', cell: (row) => row.series },
        { header: periodHeader, cell: (row) => `${periodLabel(row.period)} (forecast)` },
        { header: 'Forecast', numeric: true, cell: (row) => format(row.mean) },
        { header: '80% interval', numeric: true, cell: (row) => `${format(row.lower80)} to ${format(row.upper80)}` },
        { header: '95% interval', numeric: true, cell: (row) => `${format(row.lower95)} to ${format(row.upper95)}` },
      ]}
    />
  );
}
