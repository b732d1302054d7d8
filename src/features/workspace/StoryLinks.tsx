import { memo } from 'react';
import type { Theme } from '../../state/viewState';
import type { ViewState } from '../../views';
import { encodeViewState, DEFAULT_VIEW_STATE } from '../../views';
import { useChangeIntent } from './prefetchIntent';
import { useT, type Message } from '../../i18n';
import { formatCompact, formatWhole } from '../../lib/format';
import { storyMessages as messages } from './messages';

interface Story {
  id: string;
  title: Message;
  summary: Message;
  /** The figures the summary quotes, formatted when it is said (in the reader's locale). */
  figures?: () => Record<string, string>;
  state: Partial<ViewState>;
}

/** Views that tell the stories of the source articles, one click each. */
const STORIES: readonly Story[] = [
  {
    id: 'leads',
    title: messages.leadsTitle,
    summary: messages.leadsSummary,
    figures: () => ({ aliexpress: formatCompact(15.6e6), ebay: formatCompact(3.7e6), amazon: formatCompact(1.4e6) }),
    state: {
      measure: 'visitors',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
    },
  },
  {
    // Beside the visitors: 15.6M over Russia's 101.4M internet users in 2014 (World Bank WDI) is about 15 per 100.
    id: 'reach',
    title: messages.reachTitle,
    summary: messages.reachSummary,
    figures: () => ({ hundred: formatWhole(100), reached: formatWhole(15) }),
    state: {
      measure: 'reach',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
    },
  },
  {
    id: 'why',
    title: messages.whyTitle,
    summary: messages.whySummary,
    state: { tab: 'explain', measure: 'visitors', from: '2014-07', to: '2014-12', filters: { country: ['RU'] } },
  },
  {
    id: 'share',
    title: messages.shareTitle,
    summary: messages.shareSummary,
    state: { tab: 'trend', mode: 'share', measure: 'visitors', from: '2014-01', to: '2016-12', filters: { country: ['RU'] } },
  },
  {
    id: 'growth',
    title: messages.growthTitle,
    summary: messages.growthSummary,
    state: { tab: 'trend', mode: 'yoy', grain: 'year', measure: 'visitors', from: '2015-01', to: '2015-12' },
  },
  {
    id: 'mexico',
    title: messages.mexicoTitle,
    summary: messages.mexicoSummary,
    figures: () => ({ vendors: formatWhole(24), hundred: formatWhole(100) }),
    state: { measure: 'visitors', from: '2016-01', to: '2019-12', filters: { country: ['MX'] } },
  },
];

/** Memoised: it depends on the theme only (and the language), and the page re-renders on every filter change. */
export const StoryLinks = memo(function StoryLinks({ theme, onSelect }: { theme: Theme; onSelect: (state: ViewState) => void }) {
  const tr = useT();
  return (
    <nav className="stories" aria-label={tr(messages.nav)}>
      {STORIES.map((story) => {
        const state: ViewState = { ...DEFAULT_VIEW_STATE, filters: {}, selections: {}, sorts: {}, theme, ...story.state };
        return <StoryLink key={story.id} story={story} state={state} onSelect={onSelect} />;
      })}
    </nav>
  );
});

/** One story's link; resting on it or focusing it fetches its view's queries ahead. */
function StoryLink({ story, state, onSelect }: { story: Story; state: ViewState; onSelect: (state: ViewState) => void }) {
  const intent = useChangeIntent(state);
  const tr = useT();
  const href = `?${encodeViewState(state)}`;
  return (
      <a
        {...intent}
        className="story"
        href={href}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          onSelect(state);
        }}
      >
        <span className="story-title">{tr(story.title)}</span>
        <span className="story-summary">{tr(story.summary, story.figures?.())}</span>
      </a>
  );
}
