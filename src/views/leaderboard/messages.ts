import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  title: { id: 'leaderboard.title', defaultMessage: 'Leaderboard' },
  oneDimension: { id: 'leaderboard.oneDimension', defaultMessage: 'This dataset has only one dimension: there is nothing to rank its members within.' },
  isNew: { id: 'leaderboard.new', defaultMessage: 'new' },
  noPrevious: { id: 'leaderboard.noPrevious', defaultMessage: 'No data in the period compared with' },
  up: { id: 'leaderboard.up', defaultMessage: 'Up {count, plural, one {# place} other {# places}} from #{previous}' },
  down: { id: 'leaderboard.down', defaultMessage: 'Down {count, plural, one {# place} other {# places}} from #{previous}' },
  same: { id: 'leaderboard.same', defaultMessage: 'Same rank' },
  subtitle: { id: 'leaderboard.subtitle', defaultMessage: '{measure} rank of each {member} within its {group} · {when}' },
  timeless: { id: 'leaderboard.timeless', defaultMessage: 'all rows; rank changes and trends need a time column' },
  versus: { id: 'leaderboard.versus', defaultMessage: '{range}, rank change vs {compared}' },
  spark: { id: 'leaderboard.spark', defaultMessage: '{measure} of {member} in {group}: {first} at the start, {last} at the end' },
  rank: { id: 'leaderboard.rank', defaultMessage: 'Rank' },
  shareOf: { id: 'leaderboard.shareOf', defaultMessage: 'Share of the {group}' },
  rankChange: { id: 'leaderboard.rankChange', defaultMessage: 'Rank change' },
  trend: { id: 'leaderboard.trend', defaultMessage: 'Trend' },
  caption: { id: 'leaderboard.caption', defaultMessage: '{members} ranked by {measure} within each {group}' },
  csvShare: { id: 'leaderboard.csv.share', defaultMessage: 'share' },
  csvRank: { id: 'leaderboard.csv.rank', defaultMessage: 'rank' },
  csvPrevious: { id: 'leaderboard.csv.previous', defaultMessage: 'rank a year earlier' },
  csvGrowth: { id: 'leaderboard.csv.growth', defaultMessage: 'growth' },
});
