import { z } from 'zod/mini';
import { choiceSetting, expectedChoices, optionalSetting } from '../../state/viewState';
import { list, maybeNumber, maybeText, number, text } from '../../state/resultSchemas';
import { labelInSentence, localText } from '../../i18n';
import { messages } from '../messages';
import { defineView, type ResolveContext } from '../declaration';

/** Which segments explain the change: members of the first dimension, of the second, or pairs of both. */
export const EXPLAIN_SPLITS = ['first', 'second', 'both'] as const;
export type ExplainSplit = (typeof EXPLAIN_SPLITS)[number];
/** The traffic-to-sales ratios an explanation can split into rate and mix effects (see src/data/ratios.ts). */
export const EXPLAIN_RATIOS = ['conversion', 'order_value', 'revenue_per_visitor'] as const;

const status = z.enum(['both', 'new', 'gone']);

/** Why a number moved between two periods: contributions, rate and mix effects, and share shifts. */
export const explain = defineView({
  id: 'explain',
  label: 'Why?',
  settings: {
    split: choiceSetting(EXPLAIN_SPLITS, 'first'),
    /** A ratio to explain instead of the measure; null = the measure chosen in the filter bar. */
    ratio: optionalSetting(z.enum(EXPLAIN_RATIOS), expectedChoices(EXPLAIN_RATIOS)),
  },
  resolve: (state, context) => ({ ...state, split: resolveSplit(state.split, context) }),
  snapshot: {
    explain: z.object({
      ratio: z.nullable(z.enum(EXPLAIN_RATIOS)),
      base: maybeNumber,
      current: maybeNumber,
      change: maybeNumber,
      baseMonths: number,
      currentMonths: number,
      segments: list(
        z.object({
          level: z.enum(EXPLAIN_SPLITS),
          first: maybeText,
          second: maybeText,
          base: maybeNumber,
          current: maybeNumber,
          contribution: maybeNumber,
          status,
          rateEffect: maybeNumber,
          mixEffect: maybeNumber,
          baseWeight: maybeNumber,
          currentWeight: maybeNumber,
        }),
      ),
    }),
    shareShift: z.object({
      baseTotal: maybeNumber,
      currentTotal: maybeNumber,
      baseMonths: number,
      currentMonths: number,
      members: list(
        z.object({
          member: text(),
          base: maybeNumber,
          current: maybeNumber,
          baseShare: maybeNumber,
          currentShare: maybeNumber,
          shareChangePoints: maybeNumber,
          change: number,
          marketEffect: maybeNumber,
          shareEffect: maybeNumber,
          status,
        }),
      ),
    }),
  },
});

/** A dataset with one dimension has nothing to split a change by but that dimension. */
function resolveSplit(split: ExplainSplit, { dimensions, notices }: ResolveContext): ExplainSplit {
  if (split === 'first' || dimensions.length > 1) return split;
  notices.push(localText(messages.explainOneDimension, { dimension: labelInSentence(dimensions[0]!.label, dimensions[0]!.labelText) }));
  return 'first';
}
