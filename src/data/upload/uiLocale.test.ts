import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/nodeEngine';
import type { Engine } from '../../engine';
import { activeLocale, switchLocale, t, type AnyLocale } from '../../i18n';
import { formatMonth } from '../../lib/format';
import { addUpload, configureUploads, databaseFor, removeUpload } from '../datasets';
import { prepareUpload } from './prepare';
import { memoryUploadStore } from './storage';

/**
 * How a file is read is a property of the file, never of the UI language: the same CSV read with the UI in Russian
 * or Mexican Spanish gives the same dialect, the same suggested formats and the same loaded rows as in English. The
 * file below writes numbers the European way (decimal comma, thousands dot) and dates day first, which a reader that
 * followed the UI's locale would read differently in English and in Russian.
 */
const CSV = [
  'date;shop;country;revenue;share',
  '13/01/2024;Alpha;RU;"1.234,50";12,5%',
  '20/01/2024;Beta;MX;300,00;3,0%',
  '02/02/2024;Alpha;RU;"2.000,25";40,0%',
  '10/02/2024;Beta;MX;abc;1,5%',
  '01/03/2024;Gamma;US;"1.500,00";7,25%',
].join('\n');

/** Everything reading the file decides, and everything the load keeps, without the words (which follow the UI). */
async function readAndLoad() {
  const prepared = await prepareUpload(new File([CSV], 'shops.csv'), 'shops.csv');
  // "abc" among the revenues makes detection call the column text: the person says it holds numbers, written the
  // file's way; the share is loaded as the percentage it was detected as.
  const plan = {
    ...prepared.plan,
    columns: prepared.plan.columns.map((column) =>
      column.header === 'revenue'
        ? { ...column, role: 'measure' as const, format: { kind: 'number' as const, decimal: ',' as const, thousands: '.' as const, percent: false, currency: null, integer: false } }
        : column.header === 'share'
          ? { ...column, role: 'measure' as const }
          : column,
    ),
  };
  const { entry, report } = await addUpload(prepared.file, 'shops.csv', plan);
  const db = await databaseFor(entry.id);
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM ${entry.model.table}`);
  const read = {
    dialect: prepared.sniff.dialect,
    header: prepared.sniff.columns,
    preview: prepared.sniff.rows,
    plan: prepared.plan,
    formats: prepared.suggestions.map((suggestion) => [suggestion.profile.format, suggestion.profile.alternatives]),
    report: { ...report, timings: undefined, warnings: report.warnings.length, rejects: report.rejects.map(({ line, column, value }) => ({ line, column, value })) },
    rows: rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value))).sort(),
  };
  await removeUpload(entry.id);
  return read;
}

let engine: Engine;
const english: AnyLocale = 'en';

beforeAll(async () => {
  engine = await createNodeEngine();
  const store = memoryUploadStore();
  configureUploads({ engine: async () => engine, store: async () => store });
});

afterAll(async () => {
  await switchLocale(english);
});

describe('reading an uploaded file', () => {
  it('does not depend on the UI language', async () => {
    await switchLocale('en');
    const inEnglish = await readAndLoad();
    const englishMonth = formatMonth('2024-01');
    // The file is read as written: day first, decimal commas, the row with "abc" rejected where it stands.
    expect(inEnglish.dialect.delimiter).toBe(';');
    expect(inEnglish.plan.columns.map((column) => [column.header, column.role, column.format])).toEqual([
      ['date', 'time', { kind: 'date', format: '%d/%m/%Y' }],
      ['shop', 'dimension', { kind: 'text' }],
      ['country', 'dimension', { kind: 'country', codes: 'iso2' }],
      ['revenue', 'dimension', { kind: 'text' }],
      ['share', 'ignore', expect.objectContaining({ kind: 'number', decimal: ',', percent: true })],
    ]);
    expect(inEnglish.report.rejects).toEqual([{ line: 5, column: 'revenue', value: 'abc' }]);
    expect(inEnglish.report.rowsLoaded).toBe(4);

    for (const locale of ['ru-RU', 'es-MX'] as const) {
      await switchLocale(locale);
      expect(activeLocale()).toBe(locale);
      // The UI really is in that language: its months are written its way.
      expect(formatMonth('2024-01')).not.toBe(englishMonth);
      expect(await readAndLoad(), locale).toEqual(inEnglish);
    }
    await switchLocale('en');
  });
});

describe('what reading a file says', () => {
  it('names the file, line, column and value in every language, as written in the file', async () => {
    await switchLocale('ru-RU');
    try {
      // A ragged row: the warning names the file and the line as an editor numbers it, the same in Russian.
      const ragged = await prepareUpload(new File(['month,shop,orders\n2024-01,A,1\n2024-02,B,2,9\n'], 'ряды.csv'), 'ряды.csv');
      const warning = ragged.sniff.warnings.find((item) => item.code === 'ragged');
      expect(warning && t(warning.message)).toMatch(/^В строке 3 файла "ряды\.csv" 4 поля, а в заголовке — 3\./);
      // A refused file: the message names it, in Russian.
      await expect(prepareUpload(new File([''], 'пусто.csv'), 'пусто.csv')).rejects.toThrow('"пусто.csv" пуст (0 байт).');
      // A rejected row: its reason is Russian, its line, column and value are the file's.
      const prepared = await prepareUpload(new File(['month,shop,orders\n2024-01,A,1\n2024-02,B,x\n2024-03,C,3\n'], 'r.csv'), 'r.csv');
      const plan = {
        ...prepared.plan,
        columns: prepared.plan.columns.map((column) =>
          column.header === 'orders'
            ? { ...column, role: 'measure' as const, format: { kind: 'number' as const, decimal: '.' as const, thousands: null, percent: false, currency: null, integer: true } }
            : column,
        ),
      };
      const { entry, report } = await addUpload(prepared.file, 'r.csv', plan);
      expect(report.rejects.map(({ line, column, value, reason }) => ({ line, column, value, reason }))).toEqual([
        { line: 3, column: 'orders', value: 'x', reason: 'не число в формате столбца' },
      ]);
      await removeUpload(entry.id);
    } finally {
      await switchLocale('en');
    }
  });
});
