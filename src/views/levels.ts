import { choiceSetting, expectedChoices } from '../state/viewState';
import type { ResolveContext } from './declaration';
import { localText, type Message } from '../i18n';
import { messages } from './messages';

/**
 * Levels of the country hierarchy: countries roll up to UN M49 sub-regions, and those to regions (a dataset's
 * dimensions say so with `rollsUpTo`, see DimensionDef in src/data/model.ts). Every view that groups by country shows
 * one level, chosen by the shared `level` setting; at `country` every view is as it was before levels existed.
 */
export const GEO_LEVELS = ['region', 'subregion', 'country'] as const;
export type GeoLevel = (typeof GEO_LEVELS)[number];

/** Each level's name, as the level picker shows it: `tr(GEO_LEVEL_LABELS.region)`. */
export const GEO_LEVEL_LABELS: Record<GeoLevel, Message> = {
  region: messages.levelRegion,
  subregion: messages.levelSubregion,
  country: messages.levelCountry,
};

/**
 * The level setting, declared once (by the countries view, src/views/countries/declaration.ts) and read by every view
 * that groups by country. Its parameter is `level`: never a dimension id (a region filter is `region=Europe`).
 */
export const levelSetting = choiceSetting(GEO_LEVELS, 'country', expectedChoices(GEO_LEVELS, 'or'));

/** What the hierarchy needs of a dimension (a DimensionDef has it). */
export interface LevelledDimension {
  id: string;
  /** The dimension this one's members roll up to: country → subregion → region; marketplace → group. */
  rollsUpTo?: string;
  display?: 'text' | 'country';
}

/**
 * The levels of a dimension, top first, ending with the dimension itself: the dimensions it rolls up to, following
 * `rollsUpTo` (country → [region, subregion, country]). A dimension that rolls up to nothing is its only level; a
 * `rollsUpTo` naming no dimension, or a cycle, ends the chain there.
 */
export function levelsOf<D extends LevelledDimension>(dimensions: readonly D[], dimensionId: string): D[] {
  const chain: D[] = [];
  let current = dimensions.find((dimension) => dimension.id === dimensionId);
  while (current && !chain.includes(current)) {
    chain.unshift(current);
    const parent: string | undefined = current.rollsUpTo;
    current = parent === undefined ? undefined : dimensions.find((dimension) => dimension.id === parent);
  }
  return chain;
}

/**
 * The geographic levels of a dataset, by level: its country dimension and the two it rolls up to (sub-region, then
 * region). Null when the dataset has no country dimension or it does not roll up twice.
 */
export function geoLevels<D extends LevelledDimension>(dimensions: readonly D[]): Record<GeoLevel, D> | null {
  const country = dimensions.find((dimension) => dimension.display === 'country');
  if (!country) return null;
  const chain = levelsOf(dimensions, country.id);
  if (chain.length < 3) return null;
  const [region, subregion] = chain.slice(-3) as [D, D, D];
  return { region, subregion, country };
}

/** The level below (null at country): where a click on a member drills to. */
export function levelBelow(level: GeoLevel): GeoLevel | null {
  return GEO_LEVELS[GEO_LEVELS.indexOf(level) + 1] ?? null;
}

/** The level above (null at region): where "up one level" goes. */
export function levelAbove(level: GeoLevel): GeoLevel | null {
  const index = GEO_LEVELS.indexOf(level);
  return index > 0 ? GEO_LEVELS[index - 1]! : null;
}

/** The level a link asks for, if the dataset has it; country (with a notice) when it has no regions. */
export function resolveLevel(level: GeoLevel, { dimensions, notices }: ResolveContext): GeoLevel {
  if (level === 'country' || geoLevels(dimensions)) return level;
  notices.push(localText(messages.noRegions, { level }));
  return 'country';
}
