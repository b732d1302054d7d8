// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../i18n';
import { decodeViewState } from '../views';
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
});
