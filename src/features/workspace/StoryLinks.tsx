import { memo } from 'react';
import type { Theme } from '../../state/viewState';
import type { ViewState } from '../../views';
import { encodeViewState, DEFAULT_VIEW_STATE } from '../../views';
import { useChangeIntent } from './prefetchIntent';

interface Story {
  title: string;
  summary: string;
  state: Partial<ViewState>;
}

/** Views that tell the stories of the source articles, one click each. */
const STORIES: readonly Story[] = [
  {
    title: 'AliExpress leads Russia, H2 2014',
    summary: '15.6M monthly visitors against 3.7M for eBay and 1.4M for Amazon.',
    state: {
      measure: 'visitors',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
    },
  },
  {
    // Beside the visitors: 15.6M over Russia's 101.4M internet users in 2014 (World Bank WDI) is about 15 per 100.
    title: 'Reach in Russia, H2 2014',
    summary: 'The same months per 100 Russian internet users (real World Bank data): AliExpress reached about 15 in 100.',
    state: {
      measure: 'reach',
      from: '2014-07',
      to: '2014-12',
      filters: { country: ['RU'], marketplace: ['AliExpress', 'eBay', 'Amazon'] },
    },
  },
  {
    title: 'Why AliExpress pulled ahead in Russia',
    summary: 'H2 2014 against H2 2013: who accounts for the change, and who lost share (synthetic, calibrated data).',
    state: { tab: 'explain', measure: 'visitors', from: '2014-07', to: '2014-12', filters: { country: ['RU'] } },
  },
  {
    title: 'AliExpress’s share of Russia, 2014–2016',
    summary: 'Share of Russian marketplace traffic around Jack Ma’s St. Petersburg visit in June 2015.',
    state: { tab: 'trend', mode: 'share', measure: 'visitors', from: '2014-01', to: '2016-12', filters: { country: ['RU'] } },
  },
  {
    title: 'Who grew fastest in 2015',
    summary: 'Change against 2014, by marketplace, in every country.',
    state: { tab: 'trend', mode: 'yoy', grain: 'year', measure: 'visitors', from: '2015-01', to: '2015-12' },
  },
  {
    title: 'Alibaba courts Mexican sellers',
    summary: 'Mexico 2016–2019: the government deal, Alipay with Openpay, 24 of 100 vendors.',
    state: { measure: 'visitors', from: '2016-01', to: '2019-12', filters: { country: ['MX'] } },
  },
];

/** Memoised: it depends on the theme only, and the page re-renders on every filter change. */
export const StoryLinks = memo(function StoryLinks({ theme, onSelect }: { theme: Theme; onSelect: (state: ViewState) => void }) {
  return (
    <nav className="stories" aria-label="Stories">
      {STORIES.map((story) => {
        const state: ViewState = { ...DEFAULT_VIEW_STATE, filters: {}, selections: {}, sorts: {}, theme, ...story.state };
        return <StoryLink key={story.title} story={story} state={state} onSelect={onSelect} />;
      })}
    </nav>
  );
});

/** One story's link; resting on it or focusing it fetches its view's queries ahead. */
function StoryLink({ story, state, onSelect }: { story: Story; state: ViewState; onSelect: (state: ViewState) => void }) {
  const intent = useChangeIntent(state);
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
        <span className="story-title">{story.title}</span>
        <span className="story-summary">{story.summary}</span>
      </a>
  );
}
