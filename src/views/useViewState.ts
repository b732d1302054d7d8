import { createContext, createElement, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { decodeViewState, encodeViewState, type DecodedViewState, type ViewState } from './viewState';
import { LANGUAGE_PARAM } from '../state/viewState';

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

/**
 * Calls `listener` whenever the view state changes (a control wrote it, or Back/Forward), before React renders the
 * change: a prefetch started on hover drops out of the way then. Returns the unsubscribe function.
 */
export function onViewStateChange(listener: () => void): () => void {
  return subscribe(listener);
}

/** Replaces the query string without a reload, and tells every `useViewState` reader. */
export function writeViewState(state: ViewState): void {
  // The language of the link this page was opened from stays in the address (a reload opens in it too).
  const language = new URLSearchParams(window.location.search).get(LANGUAGE_PARAM);
  const search = language === null ? encodeViewState(state) : `${encodeViewState(state)}&${LANGUAGE_PARAM}=${encodeURIComponent(language)}`;
  const url = `${window.location.pathname}?${search}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new Event(URL_CHANGE));
  }
}

/** A view state that does not come from the address bar: a panel of a dashboard in presentation mode. */
const FixedViewState = createContext<string | null>(null);

/** Shows its children the view of `search` (a query string), read-only: nothing they do changes the URL. */
export function FixedViewStateProvider({ search, children }: { search: string; children: ReactNode }) {
  return createElement(FixedViewState.Provider, { value: search }, children);
}

const ignore = () => {};

/**
 * The view state in the URL, and a setter that merges a change into it. Under a {@link FixedViewStateProvider} the
 * state is that one, `readOnly` is true and `update` does nothing.
 */
export function useViewState(): DecodedViewState & { update: (change: Partial<ViewState>) => void; readOnly: boolean } {
  const fixed = useContext(FixedViewState);
  const search = useSyncExternalStore(subscribe, readSearch, readSearch);
  const decoded = useMemo(() => decodeViewState(fixed ?? search), [fixed, search]);
  const update = useCallback((change: Partial<ViewState>) => {
    writeViewState({ ...decodeViewState(window.location.search).state, ...change });
  }, []);
  return { ...decoded, update: fixed === null ? update : ignore, readOnly: fixed !== null };
}
