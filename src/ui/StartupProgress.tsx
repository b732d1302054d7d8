import { useT } from '../i18n';
import { messages } from './messages';

export interface StartupProgressProps {
  /** What is happening, in words. */
  label: string;
  /** 0–1 when known; undefined shows an indeterminate bar. */
  fraction?: number;
}

/** The engine's start-up, shown instead of a blank page. A native progress bar: accessible, and no library. */
export function StartupProgress({ label, fraction }: StartupProgressProps) {
  const tr = useT();
  return (
    <div className="startup" role="status" data-testid="startup-progress">
      <label className="startup-label" htmlFor="startup-bar">
        {label}
      </label>
      <progress
        id="startup-bar"
        className="startup-bar"
        aria-label={tr(messages.startingEngine)}
        max={1}
        value={fraction}
      />
    </div>
  );
}
