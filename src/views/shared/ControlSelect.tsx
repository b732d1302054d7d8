import { useId } from 'react';
import { useShownValue } from './useShownValue';

export interface ControlSelectProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly { value: Value; label: string; disabled?: boolean }[];
  onChange: (value: Value) => void;
  testId?: string;
  disabled?: boolean;
  /** A sentence under the select (e.g. why it is disabled), linked to it as its description. */
  hint?: string | null;
  /** The hint's test id. */
  hintTestId?: string;
}

/** A labelled native select for a view's display options: accessible, and at home on a phone. */
export function ControlSelect<Value extends string>({ label, value, options, onChange, testId, disabled, hint, hintTestId }: ControlSelectProps<Value>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const [shown, change] = useShownValue(value, onChange);
  return (
    <div className="field control">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={shown}
        data-testid={testId}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => change(event.target.value as Value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <span id={hintId} className="field-hint" data-testid={hintTestId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A row of view controls above a chart. */
export function ControlBar({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <div className="control-bar" role="group" aria-label={label}>
      {children}
    </div>
  );
}
