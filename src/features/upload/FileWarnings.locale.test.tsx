// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../../i18n';
import type { IngestReport } from '../../data/uploads';
import { sniffSample } from '../../data/upload/readers/csv/sniff';
import { readableSource } from '../../data/upload/readers/csv/readableText';
import { FileWarnings } from './FileWarnings';
import { LoadReport } from './LoadReport';

afterEach(async () => {
  cleanup();
  await switchLocale('en');
});

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe('warnings about a file', () => {
  it('made while the file is read in one language, follow a switch to another', async () => {
    // Tab-separated, every line ending with a tab, a header with an empty and a repeated name.
    const sample = new TextEncoder().encode('a\t\ta\tb\t\n1\t2\t3\t4\t\n5\t6\t7\t8\t\n');
    await switchLocale('ru-RU');
    const { warnings } = sniffSample(sample, 'data.tsv');
    await switchLocale('en');
    render(<FileWarnings warnings={warnings} />);
    expect(text('warning-trailing-delimiter')).toMatch(/^Every line of "data\.tsv" ends with .*tab/);
    expect(text('warning-renamed-columns')).toMatch(/renamed: column 2 \(no name\) → column_2; column 3 "a" → a_2\.$/);

    await act(() => switchLocale('ru-RU'));
    expect(text('warning-trailing-delimiter')).toMatch(/^Каждая строка "data\.tsv" заканчивается на «табуляция»/);
    expect(text('warning-renamed-columns')).toMatch(/переименовали: столбец 2 \(без названия\) → column_2; столбец 3 "a" → a_2\.$/);

    await act(() => switchLocale('es-MX'));
    expect(text('warning-renamed-columns')).toMatch(/se cambiaron: columna 2 \(sin nombre\) → column_2; columna 3 "a" → a_2\.$/);
  });

  it('in the load report, follow a switch', async () => {
    const dialect = { encoding: 'windows-1252', delimiter: ',', quote: '"', escape: '"', header: true, compression: 'none' } as const;
    // Node's Blob: jsdom's has no stream() to read the file with.
    const file = new NodeBlob([new Uint8Array([0x61, 0x0d, 0x31, 0x0d])]) as unknown as Blob;
    const { warnings } = await readableSource(file, dialect, 'cr');
    const report = { fileName: 'old.csv', rowsLoaded: 1, rowsInFile: 1, recordsInFile: 1, valuesPerRecord: 1, rowsRejected: 0, rowsSkipped: 0, rejects: [], warnings } as unknown as IngestReport;
    render(<LoadReport report={report} format="csv" onOpen={() => undefined} onClose={() => undefined} />);
    const notes = () => [...screen.getByTestId('upload-report').querySelectorAll('.upload-note')].map((note) => note.textContent);
    expect(notes()[0]).toBe('Converted from WINDOWS-1252 to UTF-8.');

    await act(() => switchLocale('ru-RU'));
    expect(notes()[0]).toBe('Преобразовано из WINDOWS-1252 в UTF-8.');
    await act(() => switchLocale('es-MX'));
    expect(notes()[0]).toBe('Convertido de WINDOWS-1252 a UTF-8.');
  });
});
