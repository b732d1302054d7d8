import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { messages } from './messages';

export interface DataTableColumn<Row> {
  header: string;
  /** Text, or a control such as a "Why?" button. */
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  testId?: string;
}

/** The accessible alternative to a chart: the same numbers as a plain table. */
export function DataTable<Row>({ caption, columns, rows, rowKey, testId }: DataTableProps<Row>) {
  const tr = useT();
  return (
    // Its own name: a panel titled like the table is a region too, and two regions may not share a name.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={tr(messages.tableRegion, { caption })}>
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={column.numeric ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
