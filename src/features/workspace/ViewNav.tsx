import { encodeViewState, tabLabel, TABS, type Tab, type ViewState } from '../../views';
import { useT } from '../../i18n';
import { messages } from './messages';
import { useChangeIntent } from './prefetchIntent';

/**
 * The views as links: each view is its own URL, so it can be opened in a new tab, bookmarked or shared, and the
 * active one is announced as the current page. (ARIA tab panels were tried first; their focus bookkeeping walked the
 * whole panel after every render, which cost tens of milliseconds on each filter change.)
 */
export function ViewNav({ state, onSelect }: { state: ViewState; onSelect: (tab: Tab) => void }) {
  const tr = useT();
  return (
    <nav className="tabs-list" aria-label={tr(messages.views)}>
      {TABS.map((tab) => (
        <TabLink key={tab} tab={tab} state={state} onSelect={onSelect} />
      ))}
    </nav>
  );
}

/** One view's link; resting on it or focusing it fetches the view's queries ahead. */
function TabLink({ tab, state, onSelect }: { tab: Tab; state: ViewState; onSelect: (tab: Tab) => void }) {
  const intent = useChangeIntent(state.tab === tab ? null : { tab });
  // Re-rendered in a new language: the label is said at render time.
  useT();
  return (
    <a
      {...intent}
      className="tab"
      href={`?${encodeViewState({ ...state, tab })}`}
      aria-current={state.tab === tab ? 'page' : undefined}
      data-testid={`tab-${tab}`}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onSelect(tab);
      }}
    >
      {tabLabel(tab)}
    </a>
  );
}
