// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { SortableTable, nextSort, sortRows, type SortableColumn, type SortState } from './SortableTable';

interface Market {
  name: string;
  gmv: number | null;
  region: string | null;
}

const markets: readonly Market[] = [
  { name: 'Ozon', gmv: 30, region: 'Europe' },
  { name: 'Allegro', gmv: null, region: 'Europe' },
  { name: 'Shopee', gmv: 50, region: 'Asia' },
  { name: 'eBay', gmv: 30, region: null },
  { name: 'Jumia', gmv: 5, region: 'Africa' },
  { name: 'Mercado Libre', gmv: null, region: 'Americas' },
];

const columns: readonly SortableColumn<Market>[] = [
  { id: 'name', header: 'Marketplace', cell: (m) => m.name, sortValue: (m) => m.name },
  { id: 'region', header: 'Region', cell: (m) => m.region ?? '–', sortValue: (m) => m.region },
  { id: 'gmv', header: 'GMV', cell: (m) => (m.gmv === null ? '–' : String(m.gmv)), sortValue: (m) => m.gmv, numeric: true },
  { id: 'note', header: 'Note', cell: () => 'n/a' },
];

const names = (rows: readonly Market[]) => rows.map((m) => m.name);

afterEach(cleanup);

describe('sortRows', () => {
  it('sorts numbers descending, nulls last, ties in input order', () => {
    expect(names(sortRows(markets, columns, { column: 'gmv', direction: 'desc' }))).toEqual([
      'Shopee', 'Ozon', 'eBay', 'Jumia', 'Allegro', 'Mercado Libre',
    ]);
  });

  it('sorts numbers ascending, nulls still last, ties still in input order', () => {
    expect(names(sortRows(markets, columns, { column: 'gmv', direction: 'asc' }))).toEqual([
      'Jumia', 'Ozon', 'eBay', 'Shopee', 'Allegro', 'Mercado Libre',
    ]);
  });

  it('sorts text ascending case-insensitively, and descending with nulls last', () => {
    expect(names(sortRows(markets, columns, { column: 'name', direction: 'asc' }))).toEqual([
      'Allegro', 'eBay', 'Jumia', 'Mercado Libre', 'Ozon', 'Shopee',
    ]);
    expect(names(sortRows(markets, columns, { column: 'region', direction: 'desc' }))).toEqual([
      'Ozon', 'Allegro', 'Shopee', 'Mercado Libre', 'Jumia', 'eBay',
    ]);
  });

  it('keeps a large tie block in input order (stable)', () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({ name: `m${i}`, gmv: i % 3 === 0 ? 1 : 2, region: null }));
    const sorted = sortRows(rows, columns, { column: 'gmv', direction: 'desc' });
    const twos = rows.filter((m) => m.gmv === 2).map((m) => m.name);
    const ones = rows.filter((m) => m.gmv === 1).map((m) => m.name);
    expect(names(sorted)).toEqual([...twos, ...ones]);
  });

  it('treats NaN as missing and leaves the input order for null or unsortable sorts', () => {
    const rows: Market[] = [{ name: 'a', gmv: Number.NaN, region: null }, { name: 'b', gmv: 1, region: null }];
    expect(names(sortRows(rows, columns, { column: 'gmv', direction: 'asc' }))).toEqual(['b', 'a']);
    expect(names(sortRows(markets, columns, null))).toEqual(names(markets));
    expect(names(sortRows(markets, columns, { column: 'note', direction: 'asc' }))).toEqual(names(markets));
    expect(sortRows(markets, columns, null)).not.toBe(markets);
  });
});

describe('nextSort', () => {
  const [name, , gmv] = columns as [SortableColumn<Market>, SortableColumn<Market>, SortableColumn<Market>];
  it('starts numeric columns descending, text ascending, and toggles the active column', () => {
    expect(nextSort(null, gmv)).toEqual({ column: 'gmv', direction: 'desc' });
    expect(nextSort(null, name)).toEqual({ column: 'name', direction: 'asc' });
    expect(nextSort({ column: 'name', direction: 'asc' }, gmv)).toEqual({ column: 'gmv', direction: 'desc' });
    expect(nextSort({ column: 'gmv', direction: 'desc' }, gmv)).toEqual({ column: 'gmv', direction: 'asc' });
    expect(nextSort({ column: 'gmv', direction: 'asc' }, gmv)).toEqual({ column: 'gmv', direction: 'desc' });
  });
});

function renderTable(sort: SortState | null) {
  const onSortChange = vi.fn<(sort: SortState) => void>();
  const view = render(
    <SortableTable
      caption="Marketplaces"
      columns={columns}
      rows={markets}
      rowKey={(m) => m.name}
      sort={sort}
      onSortChange={onSortChange}
      testId="markets"
      rowProps={(m) => ({ 'aria-selected': m.name === 'Ozon', className: m.name === 'Ozon' ? 'is-picked' : undefined })}
    />,
  );
  return { ...view, onSortChange };
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

describe('SortableTable', () => {
  it('calls onSortChange with the next state on header clicks', () => {
    const { onSortChange, rerender } = renderTable(null);
    fireEvent.click(within(header('GMV')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ column: 'gmv', direction: 'desc' });
    fireEvent.click(within(header('Marketplace')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ column: 'name', direction: 'asc' });

    rerender(
      <SortableTable caption="Marketplaces" columns={columns} rows={markets} rowKey={(m) => m.name} sort={{ column: 'gmv', direction: 'desc' }} onSortChange={onSortChange} />,
    );
    fireEvent.click(within(header('GMV')).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ column: 'gmv', direction: 'asc' });
    expect(onSortChange).toHaveBeenCalledTimes(3);
  });

  it('reflects the sort in aria-sort and only makes sortable headers buttons', () => {
    renderTable({ column: 'gmv', direction: 'asc' });
    expect(header('GMV').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Marketplace').getAttribute('aria-sort')).toBe('none');
    expect(header('Note').hasAttribute('aria-sort')).toBe(false);
    expect(within(header('Note')).queryByRole('button')).toBeNull();
    cleanup();
    renderTable({ column: 'name', direction: 'desc' });
    expect(header('Marketplace').getAttribute('aria-sort')).toBe('descending');
    expect(header('GMV').getAttribute('aria-sort')).toBe('none');
  });

  it('renders rows in sorted order with the row props applied', () => {
    renderTable({ column: 'gmv', direction: 'desc' });
    const table = screen.getByTestId('markets');
    const firstCells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('td')?.textContent);
    expect(firstCells).toEqual(['Shopee', 'Ozon', 'eBay', 'Jumia', 'Allegro', 'Mercado Libre']);
    const ozon = within(table).getByText('Ozon').closest('tr');
    expect(ozon?.getAttribute('aria-selected')).toBe('true');
    expect(ozon?.className).toBe('is-picked');
    expect(table.className).toContain('data-table');
    expect(header('GMV').className).toBe('numeric');
  });
});
