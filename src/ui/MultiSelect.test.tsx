// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MultiSelect } from './MultiSelect';

afterEach(cleanup);
// react-aria escapes ids with CSS.escape, which jsdom lacks.
if (typeof CSS === 'undefined' || !CSS.escape) vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) });

const OPTIONS = [
  { id: 'AliExpress', label: 'AliExpress' },
  { id: 'eBay', label: 'eBay' },
  { id: 'Amazon', label: 'Amazon' },
];

describe('MultiSelect option intent', () => {
  it('tells which selection an option would make while the keyboard rests on it, and withdraws when it moves on', async () => {
    const withdrawn: string[][] = [];
    const intent = vi.fn((selected: string[]) => () => withdrawn.push(selected));
    render(<MultiSelect label="Marketplaces" allLabel="All marketplaces" options={OPTIONS} selected={['eBay']} onChange={() => {}} onOptionIntent={intent} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Marketplaces/ })));
    const search = await screen.findByRole('searchbox');
    // Arrow keys move the (virtual) focus through the list while typing stays in the search field.
    await act(async () => fireEvent.keyDown(search, { key: 'ArrowDown' }));
    expect(intent).toHaveBeenLastCalledWith(['AliExpress', 'eBay']);
    await act(async () => fireEvent.keyDown(search, { key: 'ArrowDown' }));
    // Focus on eBay, which is selected: choosing it would clear it.
    expect(intent).toHaveBeenLastCalledWith([]);
    expect(withdrawn).toEqual([['AliExpress', 'eBay']]);
  });
});
