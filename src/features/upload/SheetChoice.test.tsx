// @vitest-environment jsdom
import { utils, write } from '@e965/xlsx';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareUpload } from '../../data/uploads';
import type { ReadOptions } from './readOptions';
import { ReadingChoices } from './ReadingChoices';

/** A workbook written by SheetJS with the given sheets, each a header and one row. */
function workbook(...sheets: string[]): Blob {
  const book = utils.book_new();
  for (const sheet of sheets) utils.book_append_sheet(book, utils.aoa_to_sheet([['month', sheet], ['2024-01', 1]]), sheet);
  return new Blob([write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer]);
}

afterEach(cleanup);

describe('the sheet picker', () => {
  it('lists the sheets of a workbook, shows the one read, and reads the file again from the one picked', async () => {
    const prepared = await prepareUpload(workbook('Traffic', 'Sales'), 'book.xlsx');
    const asked: ReadOptions[] = [];
    render(<ReadingChoices prepared={prepared} disabled={false} onReread={(options) => asked.push(options)} />);
    expect(screen.getByRole('group', { name: 'Which sheet is read' })).toBeTruthy();
    const select = screen.getByLabelText('Sheet') as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(['Traffic', 'Sales']);
    expect(select.value).toBe('Traffic');
    fireEvent.change(select, { target: { value: 'Sales' } });
    expect(asked).toEqual([{ sheet: 'Sales' }]);
  });

  it('is not offered for a workbook with one sheet', async () => {
    const prepared = await prepareUpload(workbook('Only'), 'one.xlsx');
    const { container } = render(<ReadingChoices prepared={prepared} disabled={false} onReread={() => undefined} />);
    expect(container.childElementCount).toBe(0);
  });
});
