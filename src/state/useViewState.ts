import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { decodeViewState, encodeViewState, type DecodedViewState, type ViewState } from './viewState';

const URL_CHANGE = 'marketscope:urlchange';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(URL_CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(URL_CHANGE, onChange);
  };
}

const readSearch = () => window.location.search;

/** Replaces the query string without a reload, and tells every `useViewState` reader. */
export function writeViewState(state: ViewState): void {
  const search = encodeViewState(state);
  const url = `${window.location.pathname}?${search}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new Event(URL_CHANGE));
  }
}

/** The view state in the URL, and a setter that merges a change into it. */
export function useViewState(): DecodedViewState & { update: (change: Partial<ViewState>) => void } {
  const search = useSyncExternalStore(subscribe, readSearch, readSearch);
  const decoded = useMemo(() => decodeViewState(search), [search]);
  const update = useCallback((change: Partial<ViewState>) => {
    writeViewState({ ...decodeViewState(window.location.search).state, ...change });
  }, []);
  return { ...decoded, update };
}
