import { z } from 'zod/mini';
import { choiceSetting, expectedChoices, expectedMonth, identifierSchema, monthSchema, optionalSetting } from '../../state/viewState';
import { defineView, type ResolveContext } from '../declaration';
import { labelInSentence, localText } from '../../i18n';
import { messages } from '../messages';

/** How a measure over time is compared: as it is, indexed, against a year earlier, as a share, smoothed. */
export const MODES = ['absolute', 'index', 'yoy', 'share', 'avg3', 'avg12'] as const;
export type Mode = (typeof MODES)[number];
export const GRAINS = ['month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];
export const CHART_KINDS = ['line', 'area'] as const;

const TARGET_LIMIT = 1e15;
export const FORECAST_LIMIT = 36;

const settings = {
  mode: choiceSetting(MODES, 'absolute'),
  /** Base month of the indexed mode; null = the first month shown. */
  base: optionalSetting(monthSchema, expectedMonth('2014-07')),
  grain: choiceSetting(GRAINS, 'month'),
  /** Dimension the trend draws one series per member of; null = the dataset's first dimension. */
  by: optionalSetting(identifierSchema, localText(messages.expectedDimension)),
  chart: choiceSetting(CHART_KINDS, 'line', expectedChoices(CHART_KINDS, 'or')),
  /** A reference value drawn across the trend (e.g. a GMV goal). */
  target: optionalSetting(
    z.number().check(z.gte(-TARGET_LIMIT), z.lte(TARGET_LIMIT)),
    localText(messages.expectedNumber),
    z.coerce.number().check(z.gte(-TARGET_LIMIT), z.lte(TARGET_LIMIT)),
  ),
  /** Months to forecast past the data (the trend's largest series); null = no forecast. */
  forecast: optionalSetting(
    z.int().check(z.gte(1), z.lte(FORECAST_LIMIT)),
    localText(messages.expectedMonths, { max: FORECAST_LIMIT }),
    z.coerce.number().check(z.int(), z.gte(1), z.lte(FORECAST_LIMIT)),
  ),
  /** How many members the ranked views show before the "Other" bucket; null = the view's default. */
  top: optionalSetting(
    z.int().check(z.gte(1), z.lte(50)),
    localText(messages.expectedWholeNumber, { max: 50 }),
    z.coerce.number().check(z.int(), z.gte(1), z.lte(50)),
  ),
};

/** The measure over time: by marketplace or country, as measured, indexed, against a year earlier, as a share. */
export const trend = defineView({
  id: 'trend',
  label: 'Trend',
  settings,
  resolve: (state, context) => ({
    ...state,
    grain: resolveGrain(state.mode, state.grain, context),
    base: resolveBase(state.base, context),
    by: resolveSeriesDimension(state.by, context),
  }),
});

function resolveGrain(mode: Mode, grain: Grain, context: ResolveContext): Grain {
  if ((mode === 'avg3' || mode === 'avg12') && grain !== 'month') {
    context.notices.push(localText(messages.monthlyGrain, { grain }));
    return 'month';
  }
  return grain;
}

/** The index mode's base month, inside the range. */
function resolveBase(base: string | null, { from, to, notices }: ResolveContext): string {
  const month = base ?? from;
  if (month >= from && month <= to) return month;
  if (base !== null) notices.push(localText(messages.baseOutside, { base, from }));
  return from;
}

/** The dimension the trend draws one series per member of. */
function resolveSeriesDimension(by: string | null, { dimensions, notices }: ResolveContext): string {
  const first = dimensions[0]!;
  if (by === null) return first.id;
  if (dimensions.some((dimension) => dimension.id === by)) return by;
  notices.push(localText(messages.noSeriesDimension, { by, dimension: labelInSentence(first.label, first.labelText) }));
  return first.id;
}
