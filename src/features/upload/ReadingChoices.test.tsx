// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareUpload, type PreparedUpload } from '../../data/uploads';
import type { ReadOptions } from './readOptions';
import { ReadingChoices } from './ReadingChoices';

let csv: PreparedUpload;
beforeAll(async () => {
  csv = await prepareUpload(new Blob(['month;marketplace\n2024-01;Amazon\n']), 'sales.csv');
});
afterEach(cleanup);

describe('ReadingChoices', () => {
  it('asks a CSV file for its dialect, and re-reads it with every current choice plus the changed one', () => {
    const asked: ReadOptions[] = [];
    render(<ReadingChoices prepared={csv} disabled={false} onReread={(options) => asked.push(options)} />);
    expect(screen.getByRole('group', { name: 'How the file is read' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Quote'), { target: { value: "'" } });
    expect(asked).toEqual([{ encoding: 'utf-8', delimiter: ';', quote: "'", escape: "'", header: true }]);
  });

  it('locks the choices while the file loads', () => {
    render(<ReadingChoices prepared={csv} disabled onReread={() => undefined} />);
    expect((screen.getByRole('group', { name: 'How the file is read' }) as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('offers no dialect for a format that has none', () => {
    const parquet: PreparedUpload = { ...csv, plan: { ...csv.plan, source: { format: 'parquet' } } };
    const { container } = render(<ReadingChoices prepared={parquet} disabled={false} onReread={() => undefined} />);
    expect(container.childElementCount).toBe(0);
  });
});
