import { localTextKey, useT, type LocalText } from '../i18n';
import { messages } from './messages';

export interface NoticesProps {
  /** Said in the active language: they follow a switch. */
  notices: readonly LocalText[];
  onDismiss: () => void;
}

/** Explains what part of a link could not be used and what is shown instead. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  const tr = useT();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      <div>
        <p className="notices-title">{tr(messages.noticesTitle)}</p>
        <ul>
          {notices.map((notice) => (
            <li key={localTextKey(notice)}>{tr(notice)}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {tr(messages.dismiss)}
      </button>
    </div>
  );
}
