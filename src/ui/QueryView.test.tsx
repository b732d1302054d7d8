// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryView, ShowSqlContext, type ShowSqlLink } from './QueryView';

afterEach(cleanup);

const result = (data: string) => ({ data, isPending: false, isError: false, isPlaceholderData: false, isFetching: false }) as UseQueryResult<string>;
const showSql: ShowSqlLink = { available: () => true, open: () => {} };

function Panel({ title, data, draw }: { title: string; data: string; draw: (data: string) => React.ReactNode }) {
  return (
    <ShowSqlContext.Provider value={showSql}>
      <section aria-labelledby="panel-title">
        <h2 id="panel-title">{title}</h2>
        <QueryView query={result(data)}>{draw}</QueryView>
      </section>
    </ShowSqlContext.Provider>
  );
}

describe('QueryView', () => {
  it('names its Show SQL button after the panel, and a renamed panel draws its new result once, not again for the name', () => {
    const draw = vi.fn((data: string) => <p>{data}</p>);
    const { rerender } = render(<Panel title="Visitors over time" data="visitors" draw={draw} />);
    expect(screen.getByRole('button', { name: 'Show SQL: Visitors over time' })).toBeTruthy();
    draw.mockClear();
    // Another measure: a new result and a new title in the same render, as a filter change brings them.
    rerender(<Panel title="Orders over time" data="orders" draw={draw} />);
    expect(screen.getByRole('button', { name: 'Show SQL: Orders over time' })).toBeTruthy();
    expect(draw.mock.calls).toEqual([['orders']]);
  });
});
