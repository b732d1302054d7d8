import { useEffect, useRef, useState } from 'react';
import { neededDatasetParam } from '../data';
import { decodeViewState } from '../views';
import { shareUrl } from '../state/shareLink';
import { linkWithLanguage, useT } from '../i18n';
import { messages } from './messages';

/**
 * Puts a link to exactly this view on the clipboard (compressed when long), and says so. Where the clipboard is not
 * available (an insecure origin, a refused permission) the link is shown selected, to copy by hand.
 */
export function CopyLinkButton() {
  const [status, setStatus] = useState<{ kind: 'copied' } | { kind: 'manual'; url: string } | null>(null);
  const manual = useRef<HTMLInputElement>(null);
  const tr = useT();
  useEffect(() => {
    if (status?.kind === 'manual') manual.current?.select();
    if (status?.kind !== 'copied') return;
    const timer = setTimeout(() => setStatus(null), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    // A view over an uploaded dataset carries what the recipient needs to load the same file (not the data).
    const search = window.location.search.replace(/^\?/, '');
    const needed = await neededDatasetParam(decodeViewState(search).state.dataset, search);
    // It opens in this page's language for a recipient who has not chosen one.
    const url = linkWithLanguage(await shareUrl(window.location, needed ? `${search}&need=${needed}` : search));
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'manual', url });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={() => void copy()} data-testid="copy-link">
        {tr(messages.copyLink)}
      </button>
      <span role="status" className="floating-status" data-testid="copy-link-status">
        {status?.kind === 'copied' ? tr(messages.linkCopied) : ''}
      </span>
      {status?.kind === 'manual' ? (
        <label className="copy-link-manual">
          <span className="field-label">{tr(messages.copyThisLink)}</span>
          <input ref={manual} className="input" readOnly value={status.url} data-testid="copy-link-url" />
        </label>
      ) : null}
    </div>
  );
}
