// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Heatmap, type HeatmapProps } from './Heatmap';

afterEach(cleanup);

// WCAG 2 formulas written out again here, so the test does not trust the component's own helpers.
function channels(color: string): number[] {
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map(Number);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) return [hex[1], hex[2], hex[3]].map((h) => parseInt(h!, 16));
  throw new Error(`test cannot parse colour ${color}`);
}
function luminance(color: string): number {
  const [r, g, b] = channels(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const rows = [
  { key: 'ru', label: 'Russia' },
  { key: 'br', label: 'Brazil' },
];
const columns = [
  { key: 'ozon', label: 'Ozon' },
  { key: 'ali', label: 'AliExpress' },
];
const table: Record<string, number | null> = { 'ru|ozon': 1200, 'ru|ali': 300, 'br|ozon': null, 'br|ali': 50 };

function renderHeatmap(overrides: Partial<HeatmapProps> = {}) {
  return render(
    <Heatmap
      rows={rows}
      columns={columns}
      value={(r, c) => table[`${r}|${c}`] ?? null}
      formatValue={(v) => `${v} u`}
      valueLabel="Visits"
      ariaLabel="Visits by country and marketplace"
      {...overrides}
    />,
  );
}

function cell(rowKey: string, columnKey: string): HTMLElement {
  const found = screen.getByTestId('heatmap').querySelector<HTMLElement>(`td[data-row="${rowKey}"][data-column="${columnKey}"]`);
  if (!found) throw new Error(`no cell ${rowKey}/${columnKey}`);
  return found;
}

describe('Heatmap', () => {
  it('writes each formatted value in its cell, and "–" for missing values without a colour', () => {
    renderHeatmap();
    expect(cell('ru', 'ozon').textContent).toBe('1200 u');
    expect(cell('ru', 'ali').textContent).toBe('300 u');
    expect(cell('br', 'ali').textContent).toBe('50 u');
    expect(cell('br', 'ozon').textContent).toBe('–');
    expect(cell('br', 'ozon').style.backgroundColor).toBe('');
    const heatmap = screen.getByTestId('heatmap');
    expect(within(heatmap).getByRole('rowheader', { name: 'Brazil' })).toBeTruthy();
    expect(within(heatmap).getByRole('columnheader', { name: 'AliExpress' })).toBeTruthy();
    expect(heatmap.querySelector('.table-scroll table')).not.toBeNull();
  });

  it('shades larger values darker', () => {
    renderHeatmap();
    const ozon = luminance(cell('ru', 'ozon').style.backgroundColor);
    const ali = luminance(cell('ru', 'ali').style.backgroundColor);
    const small = luminance(cell('br', 'ali').style.backgroundColor);
    expect(ozon).toBeLessThan(ali);
    expect(ali).toBeLessThan(small);
    // The scale starts past the palette's near-white end, so even the smallest value is visibly tinted.
    expect(small).toBeLessThan(0.85);
  });

  it('keeps the text contrast at 4.5:1 or more across the whole scale', () => {
    const steps = Array.from({ length: 101 }, (_, i) => ({ key: `c${i}`, label: `${i}` }));
    render(
      <Heatmap
        rows={[{ key: 'r', label: 'Row' }]}
        columns={steps}
        value={(_, c) => Number(c.slice(1))}
        formatValue={String}
        valueLabel="Value"
        ariaLabel="Steps"
      />,
    );
    const luminances: number[] = [];
    for (const step of steps) {
      const td = cell('r', step.key);
      const ratio = contrast(td.style.backgroundColor, td.style.color);
      expect(ratio, `value ${step.label}: ${td.style.color} on ${td.style.backgroundColor}`).toBeGreaterThanOrEqual(4.5);
      luminances.push(luminance(td.style.backgroundColor));
    }
    // Both text colours are used: dark on the light end, light on the dark end.
    expect(luminance(cell('r', 'c0').style.color)).toBeLessThan(0.1);
    expect(luminance(cell('r', 'c100').style.color)).toBeGreaterThan(0.9);
    for (let i = 1; i < luminances.length; i++) expect(luminances[i]).toBeLessThanOrEqual(luminances[i - 1]!);
  });

  it('selects rows and columns by click and Enter, additive with Shift, Cmd or Ctrl', () => {
    const onSelectRow = vi.fn<(key: string, additive: boolean) => void>();
    const onSelectColumn = vi.fn<(key: string, additive: boolean) => void>();
    renderHeatmap({ onSelectRow, onSelectColumn, selectedRows: ['br'], selectedColumns: [] });
    const russia = screen.getByRole('button', { name: 'Russia' });
    fireEvent.click(russia);
    expect(onSelectRow).toHaveBeenLastCalledWith('ru', false);
    fireEvent.click(russia, { shiftKey: true });
    expect(onSelectRow).toHaveBeenLastCalledWith('ru', true);
    fireEvent.click(screen.getByRole('button', { name: 'Brazil' }), { metaKey: true });
    expect(onSelectRow).toHaveBeenLastCalledWith('br', true);
    fireEvent.keyDown(russia, { key: 'Enter', ctrlKey: true });
    expect(onSelectRow).toHaveBeenLastCalledWith('ru', true);
    expect(onSelectRow).toHaveBeenCalledTimes(4);

    fireEvent.click(screen.getByRole('button', { name: 'Ozon' }));
    expect(onSelectColumn).toHaveBeenLastCalledWith('ozon', false);
    expect(onSelectRow).toHaveBeenCalledTimes(4);

    expect(screen.getByRole('button', { name: 'Brazil' }).getAttribute('aria-pressed')).toBe('true');
    expect(russia.getAttribute('aria-pressed')).toBe('false');
  });

  it('shows plain labels without handlers, and a legend from 0 to the maximum', () => {
    renderHeatmap();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    const legend = screen.getByTestId('heatmap-legend');
    expect(legend.textContent).toContain('Visits');
    expect(legend.textContent).toContain('0 u');
    expect(legend.textContent).toContain('1200 u');
  });

  it('draws no legend and no NaN colours when every value is missing', () => {
    renderHeatmap({ value: () => null });
    expect(screen.queryByTestId('heatmap-legend')).toBeNull();
    expect(screen.getByTestId('heatmap').querySelectorAll('td.heatmap-cell.is-empty')).toHaveLength(4);
    expect(screen.getByTestId('heatmap').innerHTML).not.toContain('NaN');
  });
});
