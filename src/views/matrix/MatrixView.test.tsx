// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OTHER_LABEL, breakdownQuery, type Breakdown } from '../../data';
import { formatCompact, formatShare } from '../../lib/format';
import { MatrixView, shareWithinColumns } from './MatrixView';
import type { ViewProps } from '../shared/viewProps';
import { renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';

// MatrixView reads no catalog and no colours: the kit's defaults stand in for them.
const VIEW = testView({ from: '2024-01', to: '2024-12' });
const OPTIONS = testOptions({ tab: 'matrix', base: '2024-01' });
/** Three marketplaces and "Other" (null) by two countries and "Other"; Mercado Libre has no Russian cell. */
const BREAKDOWN: Breakdown = {
  cells: [
    { rowKey: 'Wildberries', columnKey: 'RU', value: 12_000_000 },
    { rowKey: 'Wildberries', columnKey: 'KZ', value: 1_500_000 },
    { rowKey: 'Ozon', columnKey: 'RU', value: 9_000_000 },
    { rowKey: 'Ozon', columnKey: 'KZ', value: 500_000 },
    { rowKey: 'Ozon', columnKey: null, value: 200_000 },
    { rowKey: 'Mercado Libre', columnKey: 'KZ', value: 10_000 },
    { rowKey: 'Mercado Libre', columnKey: null, value: 7_000_000 },
    { rowKey: null, columnKey: 'RU', value: 3_000_000 },
    { rowKey: null, columnKey: 'KZ', value: 2_000_000 },
    { rowKey: null, columnKey: null, value: 800_000 },
  ],
  rowKeys: ['Wildberries', 'Ozon', 'Mercado Libre', null],
  columnKeys: ['RU', 'KZ', null],
  rowTotal: 4,
  columnTotal: 3,
};
const ROW_OPTIONS = { rows: 'marketplace', columns: 'country', rowLimit: 25, columnLimit: 40 };

function renderMatrix(overrides: Partial<ViewProps> = {}, data: Breakdown = BREAKDOWN) {
  const props = testViewProps({ view: VIEW, options: OPTIONS, ...overrides });
  const result = renderWithQueryData(<MatrixView {...props} />, [[breakdownQuery(props.view, ROW_OPTIONS).queryKey, data]]);
  return { ...result, props };
}

const OTHER = '\u0000other';
function cellText(row: string | null, column: string | null): string | null {
  // Compared as attributes rather than in a selector: "Other"'s key holds a control character.
  const cell = [...document.querySelectorAll('td[data-row]')].find(
    (td) => td.getAttribute('data-row') === (row ?? OTHER) && td.getAttribute('data-column') === (column ?? OTHER),
  );
  return cell?.textContent ?? null;
}

/** Each column's total over every row, summed here by hand rather than through the code under test. */
function columnTotals(breakdown: Breakdown): Map<string | null, number> {
  const totals = new Map<string | null, number>();
  for (const { columnKey, value } of breakdown.cells) totals.set(columnKey, (totals.get(columnKey) ?? 0) + value);
  return totals;
}

afterEach(cleanup);

describe('shareWithinColumns', () => {
  it("divides each cell by its column's total over every row, Other included", () => {
    const shares = shareWithinColumns(BREAKDOWN);
    expect(shares.cells).toHaveLength(BREAKDOWN.cells.length);
    const share = (row: string | null, column: string | null) =>
      shares.cells.find((cell) => cell.rowKey === row && cell.columnKey === column)?.value;
    expect(share('Wildberries', 'RU')).toBeCloseTo(12 / 24, 12);
    expect(share(null, 'KZ')).toBeCloseTo(2 / 4.01, 12);
    expect(share('Mercado Libre', null)).toBeCloseTo(7 / 8, 12);
    for (const column of BREAKDOWN.columnKeys) {
      const sum = shares.cells.filter((cell) => cell.columnKey === column).reduce((total, cell) => total + cell.value, 0);
      expect(sum).toBeCloseTo(1, 12);
    }
    expect(shares.rowKeys).toBe(BREAKDOWN.rowKeys);
    expect(shares.columnKeys).toBe(BREAKDOWN.columnKeys);
    expect(BREAKDOWN.cells[0]!.value).toBe(12_000_000);
  });

  it('leaves out a column whose total is zero instead of dividing by it', () => {
    const shares = shareWithinColumns({
      ...BREAKDOWN,
      cells: [
        { rowKey: 'Ozon', columnKey: 'RU', value: 0 },
        { rowKey: 'Wildberries', columnKey: 'RU', value: 0 },
        { rowKey: 'Ozon', columnKey: 'KZ', value: 5 },
      ],
    });
    expect(shares.cells).toEqual([{ rowKey: 'Ozon', columnKey: 'KZ', value: 1 }]);
  });
});

describe('MatrixView', () => {
  it('draws marketplaces by countries with formatted values, Other last and gaps as no data', () => {
    renderMatrix();
    const panel = screen.getByTestId('matrix-panel');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Marketplace × country');
    expect(panel.textContent).toContain('Synthetic data');
    const rowLabels = [...panel.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(rowLabels).toEqual(['Wildberries', 'Ozon', 'Mercado Libre', OTHER_LABEL]);
    const columnLabels = [...panel.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(columnLabels).toEqual(['RU', 'KZ', OTHER_LABEL]);
    expect(cellText('Wildberries', 'RU')).toBe('12M');
    expect(cellText('Ozon', 'KZ')).toBe(formatCompact(500_000));
    expect(cellText(null, null)).toBe('800K');
    expect(cellText('Mercado Libre', 'RU')).toBe('–');
  });

  it('shows each country split between marketplaces in share mode, adding up to 100% per column', () => {
    renderMatrix({ options: { ...OPTIONS, cell: 'share' } });
    const totals = columnTotals(BREAKDOWN);
    for (const { rowKey, columnKey, value } of BREAKDOWN.cells) {
      expect(cellText(rowKey, columnKey)).toBe(formatShare(value / totals.get(columnKey)!));
    }
    expect(cellText('Wildberries', 'RU')).toBe('50%');
    for (const column of BREAKDOWN.columnKeys) {
      const shown = BREAKDOWN.rowKeys
        .map((row) => cellText(row, column))
        .filter((text): text is string => text !== null && text !== '–')
        .map((text) => Number(text.replace('%', '')));
      const sum = shown.reduce((total, value) => total + value, 0);
      // Each figure is rounded to 0.1%, so the sum can be off by half of that per cell.
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.05 * shown.length);
    }
    expect(screen.getByTestId('heatmap-legend').textContent).toContain("Share of each country's Visitors");
  });

  it('cross-filters by marketplace from a row and by country from a column, but never by Other', () => {
    const { props } = renderMatrix({ selected: { marketplace: ['Ozon'], country: ['KZ'] } });
    const panel = screen.getByTestId('matrix-panel');
    fireEvent.click(within(panel).getByRole('button', { name: 'Wildberries' }));
    expect(props.onSelect).toHaveBeenCalledWith('marketplace', 'Wildberries', false);
    fireEvent.click(within(panel).getByRole('button', { name: 'RU' }), { shiftKey: true });
    expect(props.onSelect).toHaveBeenLastCalledWith('country', 'RU', true);
    // "Other" is a bucket, not a member: its labels are plain text, not buttons.
    expect(within(panel).queryAllByRole('button', { name: OTHER_LABEL })).toHaveLength(0);
    for (const other of within(panel).getAllByText(OTHER_LABEL)) fireEvent.click(other);
    expect(props.onSelect).toHaveBeenCalledTimes(2);
    expect(within(panel).getByRole('button', { name: 'Ozon' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(panel).getByRole('button', { name: 'KZ' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(panel).getByRole('button', { name: 'RU' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('writes the cell option to the URL state', () => {
    const { props } = renderMatrix();
    fireEvent.change(screen.getByLabelText('Cells'), { target: { value: 'share' } });
    expect(props.update).toHaveBeenCalledWith({ cell: 'share' });
  });

  it('says how many members the limits left out', () => {
    renderMatrix({}, { ...BREAKDOWN, rowTotal: 30, columnTotal: 2 });
    expect(screen.getByTestId('matrix-panel').querySelector('.panel-subtitle')?.textContent).toBe(
      'Avg. monthly visitors · the 3 largest of 30 marketplaces; the rest in "Other"',
    );
  });

  it('offers the same numbers in long form, one line per cell, with country names and shares', () => {
    renderMatrix();
    fireEvent.click(screen.getByRole('button', { name: 'Show table' }));
    const rows = [...screen.getByTestId('matrix-table').querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toHaveLength(BREAKDOWN.cells.length);
    // Why? explains the cell's country by marketplace; the Other column has nothing to explain.
    expect(rows[0]).toEqual(['Wildberries', '🇷🇺 Russia', '12,000,000', '50%', 'Why?']);
    expect(rows.at(-1)).toEqual([OTHER_LABEL, OTHER_LABEL, '800,000', formatShare(0.8 / 8), '']);
    expect(screen.queryByTestId('heatmap')).toBeNull();
  });

  it('says so when there are no cells', () => {
    renderMatrix({}, { cells: [], rowKeys: [], columnKeys: [], rowTotal: 0, columnTotal: 0 });
    expect(screen.getByRole('status').textContent).toBe('No data for this selection.');
  });
});
