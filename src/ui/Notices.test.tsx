// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../i18n';
import { DEFAULT_VIEW_STATE, decodeViewState } from '../views';
import { MARKET_MODEL } from '../data/marketModel';
import { resolveQuerySlice } from '../data/querySlice';
import { Notices } from './Notices';

afterEach(async () => {
  cleanup();
  await switchLocale('en');
});

const items = () => screen.getAllByRole('listitem').map((item) => item.textContent);

describe('Notices', () => {
  it('say what a link got wrong in the language of the moment, and follow a switch', async () => {
    const { notices } = decodeViewState(`?from=2014-13&theme=neon&sql=${'x'.repeat(20_001)}&Bad%20Key=1`);
    render(<Notices notices={notices} onDismiss={() => undefined} />);
    expect(items()).toEqual([
      'Ignored from="2014-13": expected a month such as 2014-07.',
      expect.stringMatching(/^Ignored sql="x+…": expected an SQL statement of at most 20,000 characters\.$/),
      'Ignored theme="neon": expected light, dark or system.',
      'Ignored the unknown parameter "Bad Key".',
    ]);

    await act(() => switchLocale('ru-RU'));
    expect(screen.getByText('Часть этой ссылки не удалось применить')).toBeTruthy();
    expect(items()).toEqual([
      'Пропущено from="2014-13": ожидается месяц, например 2014-07.',
      expect.stringMatching(/^Пропущено sql="x+…": ожидается SQL-запрос не длиннее 20\s000 символов\.$/),
      'Пропущено theme="neon": ожидается light, dark или system.',
      'Пропущен неизвестный параметр "Bad Key".',
    ]);

    await act(() => switchLocale('es-MX'));
    expect(items()).toEqual([
      'Se ignoró from="2014-13": se esperaba un mes como 2014-07.',
      expect.stringMatching(/^Se ignoró sql="x+…": se esperaba una instrucción SQL de como máximo 20,000 caracteres\.$/),
      'Se ignoró theme="neon": se esperaba light, dark o system.',
      'Se ignoró el parámetro desconocido "Bad Key".',
    ]);
  });

  it('made in one language, show in the one active when they render', async () => {
    await switchLocale('ru-RU');
    const { notices } = decodeViewState('?dataset=Not%20An%20Id');
    await switchLocale('es-MX');
    render(<Notices notices={notices} onDismiss={() => undefined} />);
    expect(items()).toEqual(['Se ignoró dataset="Not An Id": se esperaba un nombre de conjunto de datos.']);
  });

  it('name the app’s labels in the language of the moment, a link’s values as the link has them', async () => {
    const catalog = { firstMonth: '2013-01', lastMonth: '2015-12', rowCount: 1, members: { country: ['RU', 'MX'], marketplace: ['Ozon'] } };
    const state = { ...DEFAULT_VIEW_STATE, measure: 'profit', filters: { country: ['XX', 'RU'] }, by: 'planet' };
    const { notices } = resolveQuerySlice(state, MARKET_MODEL, catalog);
    render(<Notices notices={notices} onDismiss={() => undefined} />);
    expect(items()).toEqual(
      expect.arrayContaining(['Ignored unknown countries: "XX".', 'There is no dimension "planet" to draw series by; using marketplace.']),
    );
    await act(() => switchLocale('ru-RU'));
    expect(items()).toEqual(
      expect.arrayContaining([
        'Пропущены неизвестные значения (страны): "XX".',
        'Нет измерения «planet» для построения рядов; используем «маркетплейс».',
      ]),
    );
    expect(items().join(' ')).toMatch(/Показателя «profit» нет; показан показатель «[^»a-z]+»/);
  });
});
