// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClickHouseError, createClickHouseClient } from '../../data/clickhouse/clickHouseClient';
import { withHint } from '../../data/clickhouse/viewCubes';
import { localText, switchLocale } from '../../i18n';
import { messages } from '../../data/clickhouse/messages';
import { ErrorMessage } from '../../ui/Panel';
import { ConnectPanel } from './ConnectPanel';

afterEach(async () => {
  cleanup();
  await switchLocale('en');
});

describe('a ClickHouse failure on screen', () => {
  it('follows a language switch: what went wrong and what to do', async () => {
    // The server does not answer: the client's own words, with the browser's reason as it gave it.
    const unreachable = createClickHouseClient('/clickhouse', async () => {
      throw new TypeError('Failed to fetch');
    });
    await switchLocale('es-MX');
    render(<ConnectPanel onOpen={() => undefined} client={unreachable} />);
    const error = await screen.findByTestId('connect-error');
    expect(error.textContent).toBe('No se pudo contactar el proxy de ClickHouse de este servidor: Failed to fetchRevisa que Marketscope se sirva con npm start.');

    await act(() => switchLocale('ru-RU'));
    expect(error.textContent).toBe('Не удалось связаться с прокси ClickHouse этого сервера: Failed to fetchПроверьте, что Marketscope запущен командой npm start.');
    await act(() => switchLocale('en'));
    expect(error.textContent).toBe("Could not reach this server's ClickHouse proxy: Failed to fetchCheck that Marketscope is served by npm start.");
  });

  it('in a panel, keeps its numbers and hint in the language of the moment', async () => {
    const thrown = withHint(
      new ClickHouseError(localText(messages.cubeTooLarge, { connection: 'local', table: 'wide', cap: 500_000, dimensions: 'country' }), {
        connection: 'local',
        hint: localText(messages.cubeTooLargeHint),
      }),
    );
    // An Error's message stays what it said when thrown.
    expect((thrown as Error).message).toBe(
      'ClickHouse connection "local": the cube of wide has more than 500,000 rows (months × members of country). Map fewer or coarser dimensions, or point the dataset at a pre-aggregated table.',
    );
    render(<ErrorMessage title="x" error={thrown} />);
    const detail = () => screen.getByRole('alert').querySelector('.state-detail')!.textContent;
    await act(() => switchLocale('ru-RU'));
    expect(detail()).toMatch(/^Подключение ClickHouse «local»: куб таблицы wide содержит больше 500\s000 строк .* Выберите меньше измерений/);
    expect((thrown as Error).message).toMatch(/^ClickHouse connection "local"/);
  });

  it('from the proxy, stays in the proxy’s words', async () => {
    render(<ErrorMessage title="x" error={new ClickHouseError('No ClickHouse connection "nowhere"', { hint: 'Add it.' })} />);
    await act(() => switchLocale('ru-RU'));
    expect(screen.getByRole('alert').querySelector('.state-detail')!.textContent).toBe('No ClickHouse connection "nowhere"');
  });
});
