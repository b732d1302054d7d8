import type { SniffResult } from '../../data/uploads';
import { localTextKey, useT } from '../../i18n';
import { messages } from './messages';

/** What reading the start of the file found worth knowing (odd rows, a guessed encoding…); nothing when all is well. */
export function FileWarnings({ warnings }: { warnings: SniffResult['warnings'] }) {
  const tr = useT();
  if (warnings.length === 0) return null;
  return (
    <ul className="upload-warnings" aria-label={tr(messages.warningsLabel)}>
      {warnings.map((warning) => (
        <li key={warning.code + localTextKey(warning.message)} data-testid={`warning-${warning.code}`}>
          {tr(warning.message)}
        </li>
      ))}
    </ul>
  );
}
