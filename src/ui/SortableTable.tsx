import type { ReactNode } from 'react';
import { formatLocale } from '../lib/format';
import './SortableTable.css';

/** One column of a {@link SortableTable}; it is sortable when it has a `sortValue`. */
export interface SortableColumn<Row> {
  /** Stable id, used in the sort state (and so in the URL). */
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** The value to sort by; null (or NaN) sorts last in either direction. */
  sortValue?: (row: Row) => number | string | null;
  numeric?: boolean;
}

/** Which column the table is sorted by, and which way. */
export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}

export interface SortableTableProps<Row> {
  caption: string;
  columns: readonly SortableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Controlled: the parent owns the sort (it lives in the URL). Null shows the rows in the order given. */
  sort: SortState | null;
  onSortChange: (sort: SortState) => void;
  testId?: string;
  rowProps?: (row: Row) => { 'aria-selected'?: boolean; className?: string };
}

// Numeric collation so "Item 9" sorts before "Item 10", base sensitivity so accented names (Côte d'Ivoire) sort in
// place, in the order of the active language (Cyrillic and ñ where a reader of it expects them).
const collators = new Map<string, Intl.Collator>();
function collator(): Intl.Collator {
  const locale = formatLocale();
  let found = collators.get(locale);
  if (!found) {
    found = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, found);
  }
  return found;
}

type SortKey = number | string | null;

/** The arrow beside a sortable header (the header's aria-sort says the same in words). */
const SORT_ARROWS = { ascending: '▲', descending: '▼', none: '↕' } as const;

function normalise(value: SortKey): SortKey {
  // NaN would make the comparator inconsistent (every comparison false), so it counts as missing.
  return typeof value === 'number' && Number.isNaN(value) ? null : value;
}

function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // A column mixing numbers and text: numbers first, then text, each in its own order.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator().compare(a, b);
}

/**
 * The rows in the order `sort` asks for. Stable (ties keep their input order) and nulls last in both directions,
 * because "no data" is never the largest or the smallest value. Returns a copy in input order when `sort` is null
 * or names a column that cannot be sorted.
 */
export function sortRows<Row>(rows: readonly Row[], columns: readonly SortableColumn<Row>[], sort: SortState | null): Row[] {
  const sortValue = sort ? columns.find((column) => column.id === sort.column)?.sortValue : undefined;
  if (!sort || !sortValue) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Compute each key once; the index breaks ties explicitly rather than trusting the engine's sort to be stable.
  const keyed = rows.map((row, index) => ({ row, index, key: normalise(sortValue(row)) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    return sign * compareKeys(a.key, b.key) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

/**
 * The sort after clicking `column`'s header: the active column flips; a new one starts descending when numeric
 * (people look for the largest first) and ascending when text (A to Z).
 */
export function nextSort<Row>(current: SortState | null, column: SortableColumn<Row>): SortState {
  if (current?.column === column.id) return { column: column.id, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column: column.id, direction: column.numeric ? 'desc' : 'asc' };
}

function ariaSort(sort: SortState | null, columnId: string): 'ascending' | 'descending' | 'none' {
  if (sort?.column !== columnId) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

/** A {@link DataTable} whose columns can be sorted by clicking their headers. The sort state is the parent's. */
export function SortableTable<Row>(props: SortableTableProps<Row>) {
  const { caption, columns, rows, rowKey, sort, onSortChange, testId, rowProps } = props;
  const sorted = sortRows(rows, columns, sort);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table sortable-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const className = column.numeric ? 'numeric' : undefined;
              if (!column.sortValue) {
                return (
                  <th key={column.id} scope="col" className={className}>
                    {column.header}
                  </th>
                );
              }
              const state = ariaSort(sort, column.id);
              return (
                <th key={column.id} scope="col" className={className} aria-sort={state}>
                  <button type="button" className="sort-button" onClick={() => onSortChange(nextSort(sort, column))}>
                    {column.header}
                    <span className="sort-indicator" data-sort={state} aria-hidden="true">
                      {SORT_ARROWS[state]}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) => (
                <td key={column.id} className={column.numeric ? 'numeric' : undefined}>
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
