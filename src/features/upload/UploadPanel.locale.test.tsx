// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../../i18n';
import { UploadPanel } from './UploadPanel';

const SALES = 'month;marketplace;visitors\n2024-01;Amazon;"1.234,5"\n2024-02;eBay;"2.000,25"\n';

function renderPanel() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <UploadPanel onOpen={() => undefined} />
    </QueryClientProvider>,
  );
}

afterEach(async () => {
  cleanup();
  await switchLocale('en');
});

describe('UploadPanel in another language', () => {
  it('speaks Russian, follows a switch back to English, and reads the file the same way', async () => {
    await switchLocale('ru-RU');
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Ваши данные' })).toBeTruthy();
    expect(screen.getByText('Выбрать файлы CSV, Parquet или Excel…').tagName).toBe('LABEL');
    fireEvent.change(screen.getByTestId('upload-input'), { target: { files: [new File([SALES], 'sales.csv', { type: 'text/csv' })] } });
    const form = await screen.findByTestId('upload-form');
    expect(within(form).getByRole('group', { name: 'Как читается файл' })).toBeTruthy();
    // The file's own way of writing numbers is suggested, whatever the UI's: the format shows the file's example.
    expect((within(form).getByLabelText('Разделитель') as HTMLSelectElement).value).toBe(';');
    expect((within(form).getByTestId('role-2') as HTMLSelectElement).value).toBe('measure');
    expect(within(form).getByTestId('format-2').querySelector('option:checked')?.textContent).toBe('Число (1.234,5)');
    expect(within(form).getByTestId('upload-load').textContent).toBe('Загрузить «Sales»');

    await act(() => switchLocale('en'));
    expect(within(form).getByTestId('upload-load').textContent).toBe('Load Sales');
    expect(within(form).getByTestId('format-2').querySelector('option:checked')?.textContent).toBe('Number (1.234,5)');
  });
});
