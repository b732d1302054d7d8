import { useMemo, useRef, useState } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatCell } from './formatCell';
import { sortedOrder, type ResultRows } from './resultRows';
import type { WorkspaceColumn } from './workspaceApi';

const ROW_HEIGHT = 28;
/** Marks, not words: the sort's direction is also in aria-sort. */
const SORT_MARKS = { asc: '\u25B2', desc: '\u25BC' } as const;

/**
 * A result as a table that stays smooth at a million rows: only the rows in sight are in the page (TanStack
 * Virtual), with spacer rows above and below so it stays one accessible table (aria-rowcount, aria-rowindex).
 * TanStack Table holds the columns and the sort state; a sort is computed once per click over every row held
 * (sortedOrder), never re-run in the engine.
 */
export function ResultTable({ columns, rows, label }: { columns: readonly WorkspaceColumn[]; rows: ResultRows; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [sorting, setSorting] = useState<SortingState>([]);
  const sortedColumn = sorting[0] ? Number(sorting[0].id) : null;
  const direction = sorting[0]?.desc ? 'desc' : 'asc';
  const order = useMemo(
    () => (sortedColumn === null || sortedColumn >= columns.length ? null : sortedOrder(rows, sortedColumn, direction, columns[sortedColumn]!.kind === 'number')),
    [rows, sortedColumn, direction, columns],
  );
  const virtualizer = useVirtualizer({
    count: rows.rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const visible = useMemo(() => items.map((item) => (order ? order[item.index]! : item.index)), [items, order]);

  const columnDefs = useMemo<ColumnDef<number>[]>(
    () =>
      columns.map((column, index) => ({
        id: String(index),
        header: column.name,
        accessorFn: (row: number) => rows.cell(row, index),
        cell: (context) => formatCell(rows.cell(context.row.original, index), column.kind),
        meta: column,
      })),
    [columns, rows],
  );
  const table = useReactTable({
    data: visible,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: setSorting,
  });

  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="sql-table-scroll" tabIndex={0} role="region" aria-label={label} data-testid="sql-table">
      <table className="data-table sql-table" aria-rowcount={rows.rowCount + 1}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const column = columns[Number(header.column.id)]!;
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={column.kind === 'number' ? 'numeric' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    <button type="button" className="sql-sort" onClick={header.column.getToggleSortingHandler()} data-testid="sql-column-header">
                      <span className="sql-column-name">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                      <span className="sql-column-type">{column.type}</span>
                      <span aria-hidden="true" className="sql-sort-mark">
                        {sorted ? SORT_MARKS[sorted] : null}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true" className="sql-spacer">
              <td colSpan={columns.length} style={{ height: top }} />
            </tr>
          ) : null}
          {table.getRowModel().rows.map((row, position) => (
            <tr key={items[position]!.key} aria-rowindex={items[position]!.index + 2} style={{ height: ROW_HEIGHT }}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={columns[Number(cell.column.id)]!.kind === 'number' ? 'numeric' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {bottom > 0 ? (
            <tr aria-hidden="true" className="sql-spacer">
              <td colSpan={columns.length} style={{ height: bottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
