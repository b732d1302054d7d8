// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { installResizeObserverStub, renderWithQueryData, testOptions, testView, testViewProps } from '../shared/viewTestKit';
import { TrendView } from './TrendView';

beforeAll(installResizeObserverStub);
afterEach(cleanup);

describe('TrendView: why did it move?', () => {
  it('opens the explanation of the selected series, or of everything shown', () => {
    const view = testView({ filters: { country: ['RU'] } });
    const selectedProps = testViewProps({ view, options: testOptions({ tab: 'trend' }), selected: { marketplace: ['AliExpress'] } });
    renderWithQueryData(<TrendView {...selectedProps} />);
    const why = screen.getByTestId('trend-why');
    expect(why.textContent).toBe('Why did AliExpress move?');
    fireEvent.click(why);
    expect(selectedProps.update).toHaveBeenLastCalledWith({ tab: 'explain', filters: { country: ['RU'], marketplace: ['AliExpress'] } });
    cleanup();

    const allProps = testViewProps({ view, options: testOptions({ tab: 'trend' }) });
    renderWithQueryData(<TrendView {...allProps} />);
    fireEvent.click(screen.getByTestId('trend-why'));
    expect(screen.getByTestId('trend-why').textContent).toBe('Why did it move?');
    expect(allProps.update).toHaveBeenLastCalledWith({ tab: 'explain' });
  });
});

describe('TrendView: forecast control', () => {
  it('offers the forecast as measured, and says why not when indexed or yearly', () => {
    const props = testViewProps({ view: testView(), options: testOptions({ tab: 'trend', forecast: 12 }) });
    renderWithQueryData(<TrendView {...props} />);
    const control = screen.getByTestId('trend-forecast') as HTMLSelectElement;
    expect(control.disabled).toBe(false);
    expect(control.value).toBe('12');
    fireEvent.change(control, { target: { value: 'off' } });
    expect(props.update).toHaveBeenLastCalledWith({ forecast: null });
    cleanup();

    for (const [mode, grain, reason] of [
      ['index', 'month', /As measured/],
      ['absolute', 'year', /months or quarters/],
    ] as const) {
      renderWithQueryData(<TrendView {...testViewProps({ view: testView(), options: testOptions({ tab: 'trend', forecast: 12, mode, grain }) })} />);
      const disabled = screen.getByTestId('trend-forecast') as HTMLSelectElement;
      expect(disabled.disabled).toBe(true);
      expect(disabled.value).toBe('off');
      expect(screen.getByTestId('trend-forecast-reason').textContent).toMatch(reason);
      expect(disabled.getAttribute('aria-describedby')).toBe(screen.getByTestId('trend-forecast-reason').id);
      cleanup();
    }
  });
});
