import { encodeViewState, TAB_LABELS, TABS, type Tab, type ViewState } from '../../views';

/**
 * The views as links: each view is its own URL, so it can be opened in a new tab, bookmarked or shared, and the
 * active one is announced as the current page. (ARIA tab panels were tried first; their focus bookkeeping walked the
 * whole panel after every render, which cost tens of milliseconds on each filter change.)
 */
export function ViewNav({ state, onSelect }: { state: ViewState; onSelect: (tab: Tab) => void }) {
  return (
    <nav className="tabs-list" aria-label="Views">
      {TABS.map((tab) => (
        <a
          key={tab}
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
          {TAB_LABELS[tab]}
        </a>
      ))}
    </nav>
  );
}
