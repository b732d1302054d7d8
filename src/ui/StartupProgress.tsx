import { ProgressBar } from 'react-aria-components';

export interface StartupProgressProps {
  /** What is happening, in words. */
  label: string;
  /** 0–1 when known; undefined shows an indeterminate bar. */
  fraction?: number;
}

/** The engine's start-up, shown instead of a blank page. */
export function StartupProgress({ label, fraction }: StartupProgressProps) {
  return (
    <ProgressBar
      className="startup"
      aria-label="Starting the query engine"
      value={fraction === undefined ? undefined : Math.round(fraction * 100)}
      isIndeterminate={fraction === undefined}
      valueLabel={label}
      data-testid="startup-progress"
    >
      {({ percentage }) => (
        <>
          <span className="startup-label">{label}</span>
          <div className="startup-track">
            <div
              className={`startup-fill ${fraction === undefined ? 'startup-fill-indeterminate' : ''}`}
              style={fraction === undefined ? undefined : { width: `${percentage ?? 0}%` }}
            />
          </div>
        </>
      )}
    </ProgressBar>
  );
}
