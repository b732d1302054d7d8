import { useState } from 'react';

/**
 * The value a view's control shows, and the handler for its changes. A view draws the settled view state
 * (WorkspacePage's deferred value), which lags a change by its transition; a controlled input given that value would
 * snap back to the old one until the transition commits, so the control the user touched would not show their choice
 * in the next frame. This shows the user's value from the moment of the change (then calls `onChange`), and follows
 * the given value again whenever it changes.
 */
export function useShownValue<Value>(value: Value, onChange: (next: Value) => void): [Value, (next: Value) => void] {
  const [shown, setShown] = useState(value);
  const [given, setGiven] = useState(value);
  if (!Object.is(given, value)) {
    setGiven(value);
    setShown(value);
  }
  const change = (next: Value) => {
    setShown(next);
    onChange(next);
  };
  return [shown, change];
}
