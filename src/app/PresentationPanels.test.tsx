// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDashboard } from '../state/dashboards';
import { useViewState } from '../views';
import { PresentationPanels } from './PresentationPanels';

// A panel whose figures make it throw while drawing (a damaged snapshot the checks let through, or a bug).
vi.mock('../features/workspace/WorkspacePage', () => ({
  WorkspacePage: function WorkspacePage() {
    const { state } = useViewState();
    if (state.measure === 'gmv') throw new Error('cannot draw these figures');
    return <p>Figures of {state.measure}</p>;
  },
}));
afterEach(cleanup);

describe('presented panels', () => {
  it('fail one by one: a panel that cannot be drawn says so in its place, and the others are drawn', () => {
    // React reports the caught error on the console; the boundary, not the console, is under test.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <PresentationPanels
        dashboard={{
          ...newDashboard('Three'),
          panels: [
            { id: 'a', title: 'Visitors', notes: '', view: 'v=1&measure=visitors' },
            { id: 'b', title: 'GMV <b>bold</b>', notes: 'Fixed figures.', view: 'v=1&measure=gmv' },
            { id: 'c', title: 'Orders', notes: '', view: 'v=1&measure=orders' },
          ],
        }}
      />,
    );
    quiet.mockRestore();
    const [visitors, gmv, orders] = screen.getAllByTestId('presentation-panel');
    expect(visitors!.textContent).toContain('Figures of visitors');
    expect(orders!.textContent).toContain('Figures of orders');
    expect(within(gmv!).getByRole('alert').textContent).toContain('This panel could not be drawncannot draw these figures');
    // Titles from a file or link are text, never markup.
    expect(within(gmv!).getByRole('heading', { level: 3 }).textContent).toBe('GMV <b>bold</b>');
    expect(gmv!.querySelector('b')).toBeNull();
  });
});
