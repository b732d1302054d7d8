import { useId } from 'react';

export interface ControlSelectProps<Value extends string> {
  label: string;
  value: Value;
  options: readonly { value: Value; label: string; disabled?: boolean }[];
  onChange: (value: Value) => void;
  testId?: string;
  disabled?: boolean;
}

/** A labelled native select for a view's display options: accessible, and at home on a phone. */
export function ControlSelect<Value extends string>({ label, value, options, onChange, testId, disabled }: ControlSelectProps<Value>) {
  const id = useId();
  return (
    <div className="field control">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        data-testid={testId}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as Value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
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
