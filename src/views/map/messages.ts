import { defineMessages } from '../../i18n';

export const messages = defineMessages({
  options: { id: 'map.options', defaultMessage: 'Map options' },
  show: { id: 'map.show', defaultMessage: 'Show' },
  shareOption: { id: 'map.option.share', defaultMessage: 'Share of the {where}\'s {members}' },
  growthDisabled: { id: 'map.option.growthDisabled', defaultMessage: 'Change vs a year earlier (needs a time column)' },
  growthOption: { id: 'map.option.growth', defaultMessage: 'Change {comparison}' },
  allSelected: { id: 'map.allSelected', defaultMessage: 'All selected {members}' },
  all: { id: 'map.all', defaultMessage: 'All {members}' },
  title: { id: 'map.title', defaultMessage: 'Map: {measure}' },
  areaValue: { id: 'map.areaValue', defaultMessage: 'each country shows its {area}’s value' },
  isoCode: { id: 'map.isoCode', defaultMessage: 'ISO code' },
  valueBy: { id: 'map.valueBy', defaultMessage: '{value} by {dimension}' },
  loading: { id: 'map.loading', defaultMessage: 'Loading the map' },
  noCountry: { id: 'map.noCountry', defaultMessage: '{dataset} has no country column, so there is nothing to draw on a map.' },
  country: { id: 'map.country', defaultMessage: 'country' },
  shareLabel: { id: 'map.label.share', defaultMessage: 'Share of the {where}\'s {measure}' },
  growthLabel: { id: 'map.label.growth', defaultMessage: '{measure} change {comparison}' },
  allMembers: { id: 'map.allMembers', defaultMessage: 'all {members}' },
  memberShare: { id: 'map.subtitle.memberShare', defaultMessage: '{member}\'s share of each country\'s {measure}, among all {members}' },
  filteredShare: { id: 'map.subtitle.filteredShare', defaultMessage: 'Share of {filtered} in each country\'s {measure}, among all {members}' },
  allShare: {
    id: 'map.subtitle.allShare',
    defaultMessage: 'All {members} together make {whole} of every country: choose a {one} or filter {members} to see a share',
  },
  growthSubtitle: { id: 'map.subtitle.growth', defaultMessage: 'Change in {measure} against {comparison} · {whose}' },
  worldMap: { id: 'map.aria', defaultMessage: 'World map of {what}: {largest}' },
});
