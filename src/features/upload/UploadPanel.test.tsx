// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadPanel } from './UploadPanel';

const SALES = 'month,marketplace,visitors\n2024-01,Amazon,100\n2024-02,eBay,200\n';

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <UploadPanel onOpen={() => undefined} />
    </QueryClientProvider>,
  );
}

function choose(...files: File[]) {
  fireEvent.change(screen.getByTestId('upload-input'), { target: { files } });
}

afterEach(cleanup);

describe('UploadPanel', () => {
  it('offers the CSV, Parquet and Excel kinds it reads, by button and by drop', () => {
    renderPanel();
    const input = screen.getByTestId('upload-input');
    expect(input.getAttribute('accept')).toBe('.csv,.tsv,.txt,.gz,.parquet,.xlsx,text/csv,text/tab-separated-values,text/plain,application/gzip,application/vnd.apache.parquet,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(screen.getByText('Choose CSV, Parquet or Excel files…').tagName).toBe('LABEL');
    expect(screen.getByText(/^Load your own CSV files \(\.csv, \.tsv, \.txt or \.csv\.gz\), Parquet files \(\.parquet\) or Excel files \(\.xlsx\)\. They are read/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your data' })).toBeTruthy();
  });

  it('shows a chosen file’s form, follows the name into the load button, and discards it', async () => {
    renderPanel();
    choose(new File([SALES], 'sales.csv', { type: 'text/csv' }));
    const form = await screen.findByTestId('upload-form');
    expect(within(form).getByRole('heading', { name: 'sales.csv' })).toBeTruthy();
    expect(within(form).getByRole('group', { name: 'How the file is read' })).toBeTruthy();
    expect((within(form).getByLabelText('Delimiter') as HTMLSelectElement).value).toBe(',');
    const name = within(form).getByTestId('upload-name') as HTMLInputElement;
    expect(name.value).toBe('Sales');
    expect(within(form).getByTestId('upload-load').textContent).toBe('Load Sales');
    fireEvent.change(name, { target: { value: 'Marketplace visitors' } });
    expect(within(form).getByTestId('upload-load').textContent).toBe('Load Marketplace visitors');
    expect((within(form).getByTestId('role-2') as HTMLSelectElement).value).toBe('measure');
    expect(within(form).getByLabelText('Unit of visitors')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Discard' }));
    expect(screen.queryByTestId('upload-form')).toBeNull();
  });

  it('reads the file again when the delimiter is changed, keeping the typed name', async () => {
    renderPanel();
    choose(new File([SALES.replaceAll(',', ';')], 'sales.csv'));
    const form = await screen.findByTestId('upload-form');
    fireEvent.change(within(form).getByTestId('upload-name'), { target: { value: 'Semicolons' } });
    fireEvent.change(within(form).getByLabelText('Delimiter'), { target: { value: ',' } });
    // Read with commas, the file has one column, named after the whole header line.
    expect((await within(form).findByTitle('month;marketplace;visitors')).textContent).toBe('month;marketplace;visitors');
    expect(within(form).queryByTestId('role-1')).toBeNull();
    expect((within(form).getByTestId('upload-name') as HTMLInputElement).value).toBe('Semicolons');
    fireEvent.change(within(form).getByLabelText('Delimiter'), { target: { value: ';' } });
    expect(((await within(form).findByTestId('role-2')) as HTMLSelectElement).value).toBe('measure');
    expect(within(form).getByTestId('upload-load').textContent).toBe('Load Semicolons');
  });

  it('says why a dropped file is refused, and still takes the others', async () => {
    renderPanel();
    const zone = screen.getByText('or drop them here').parentElement!;
    fireEvent.drop(zone, { dataTransfer: { files: [new File([new Uint8Array([0, 1, 2, 0, 0, 0])], 'photo.csv'), new File([SALES], 'sales.csv')] } });
    expect((await screen.findByTestId('upload-error')).textContent).toMatch(/photo\.csv/);
    expect(screen.getAllByTestId('upload-form')).toHaveLength(1);
  });
});
