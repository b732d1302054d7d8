import { z } from 'zod/mini';
import { choiceSetting, filterValueSchema, optionalSetting } from '../../state/viewState';
import { list, maybeNumber, text } from '../../state/resultSchemas';
import { defineView, type ResolveContext } from '../declaration';
import { labelInSentence, localText } from '../../i18n';
import { messages } from '../messages';

export const MAP_METRICS = ['value', 'share', 'growth'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/** A choropleth of the measure, a marketplace's share of each country, or the change against a year earlier. */
export const map = defineView({
  id: 'map',
  label: 'Map',
  settings: {
    mapMetric: choiceSetting(MAP_METRICS, 'value'),
    /** Marketplace (member of the first dimension) the map shows; null = all. */
    mapMember: optionalSetting(filterValueSchema, localText(messages.expectedMarketplace)),
  },
  resolve: (state, context) => ({ ...state, mapMember: resolveMember(state.mapMember, context) }),
  // `area`: the region a country is coloured by, at region and sub-region level (src/views/levels.ts).
  snapshot: { map: list(z.object({ code: text(16), value: maybeNumber, area: z.optional(text()) })) },
});

/** A member of the first dimension, or null (all) when the data has no such member. */
function resolveMember(member: string | null, { dimensions, membersOf, notices }: ResolveContext): string | null {
  const first = dimensions[0]!;
  if (member === null || membersOf(first.id).includes(member)) return member;
  notices.push(localText(messages.noMapMember, { member: member.slice(0, 40), dimension: labelInSentence(first.label, first.labelText) }));
  return null;
}
