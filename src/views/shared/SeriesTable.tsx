import { DataTable } from '../../ui/DataTable';

export interface SeriesTableProps {
  caption: string;
  testId: string;
  /** Header of the first column: Month, Quarter, Year. */
  periodHeader: string;
  periods: readonly string[];
  periodLabel: (period: string, index: number) => string;
  series: readonly { name: string; values: readonly (number | null)[] }[];
  format: (value: number | null) => string;
}

/** Series over periods as a table, one row per period and one column per series: the charts' table alternative. */
export function SeriesTable({ caption, testId, periodHeader, periods, periodLabel, series, format }: SeriesTableProps) {
  return (
    <DataTable
      caption={caption}
      testId={testId}
      rowKey={(row) => row.period}
      rows={periods.map((period, index) => ({ period, index }))}
      columns={[
        { header: periodHeader, cell: (row) => periodLabel(row.period, row.index) },
        ...series.map((line) => ({
          header: line.name,
          numeric: true,
          cell: (row: { index: number }) => format(line.values[row.index] ?? null),
        })),
      ]}
    />
  );
}
