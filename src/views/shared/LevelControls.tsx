import { dimensionAtLevel, geographicLevels, type DimensionDef } from '../../data';
import { ownValue, withEntry } from '../../lib/lookupTable';
import { GEO_LEVEL_LABELS, GEO_LEVELS, levelAbove, levelBelow, type GeoLevel } from '../levels';
import { useT } from '../../i18n';
import { messages } from './messages';
import type { ViewState } from '../viewState';
import { ControlSelect } from './ControlSelect';
import type { ViewProps } from './viewProps';
import './LevelControls.css';

/** What a view grouping by `base` shows at the level chosen, and how a click on one of its members drills down. */
export interface GeoLevelView {
  /** The region, sub-region and country dimensions, when `base` is a country dimension that rolls up to both. */
  levels: Record<GeoLevel, DimensionDef> | null;
  level: GeoLevel;
  /** The dimension the view groups by: `base` at country level (or without levels), else its region or sub-region. */
  dimension: DimensionDef;
  /**
   * A click on a member of `dimension`. Above country level it drills one level down (filters to the member and shows
   * the level below) and returns true; at country level it does nothing and returns false (the view selects instead).
   */
  drill: (member: string) => boolean;
}

type LevelProps = Pick<ViewProps, 'model' | 'options' | 'update' | 'filters'>;

/** The level a view that groups by `base` shows (see src/views/levels.ts). */
export function geoLevelOf({ model, options, update, filters }: LevelProps, base: DimensionDef): GeoLevelView {
  const all = geographicLevels(model);
  const levels = all && all.country.id === base.id ? all : null;
  const level: GeoLevel = levels ? options.level : 'country';
  const dimension = levels ? dimensionAtLevel(model, base, level) : base;
  return {
    levels,
    level,
    dimension,
    drill: (member) => {
      const below = levelBelow(level);
      if (!levels || below === null) return false;
      update({ filters: withEntry(filters, dimension.id, [member]), level: below });
      return true;
    },
  };
}

/** The drill-down path: everything, then each level above the one shown that is filtered to some members. */
export function levelPath(levels: Record<GeoLevel, DimensionDef>, filters: ViewProps['filters']): { level: GeoLevel | null; members: string[] }[] {
  const path: { level: GeoLevel | null; members: string[] }[] = [{ level: null, members: [] }];
  for (const level of ['region', 'subregion'] as const) {
    const members = ownValue(filters, levels[level].id);
    if (members && members.length > 0) path.push({ level, members });
  }
  return path;
}

/** The change "up one level" makes: the level above, without the filter that drilled into the current one. */
export function upOneLevel(levels: Record<GeoLevel, DimensionDef>, level: GeoLevel, filters: ViewProps['filters']): Partial<ViewState> | null {
  const above = levelAbove(level);
  if (above === null) return null;
  return { level: above, filters: withEntry(filters, levels[above].id, undefined) };
}

const UP = '↑ ';

/**
 * The view's level (Region, Sub-region, Country), the path it has drilled down ("All regions › Europe › Eastern
 * Europe", each step a button that goes back to it) and "Up one level". Nothing for a view without levels. Every
 * part is a native control, so it works by keyboard as it does by pointer.
 */
export function LevelControls({ geo, filters, update, testId }: { geo: GeoLevelView; filters: ViewProps['filters']; update: ViewProps['update']; testId: string }) {
  const { levels, level } = geo;
  const tr = useT();
  if (!levels) return null;
  const path = levelPath(levels, filters);
  const up = upOneLevel(levels, level, filters);
  const below = levelBelow(level);
  // Back to a step of the path: the level below it, without the filters of the steps after it.
  const backTo = (index: number): Partial<ViewState> => {
    let next = filters;
    for (const later of path.slice(index + 1)) next = withEntry(next, levels[later.level!].id, undefined);
    const step = path[index]!.level;
    return { level: step === null ? 'region' : levelBelow(step)!, filters: next };
  };
  const stepLabel = (step: (typeof path)[number]) => (step.level === null ? tr(messages.allRegions) : step.members.join(', '));
  return (
    <div className="level-controls" data-testid={testId}>
      <ControlSelect<GeoLevel>
        label={tr(messages.level)}
        value={level}
        testId={`${testId}-select`}
        options={GEO_LEVELS.map((value) => ({ value, label: tr(GEO_LEVEL_LABELS[value]) }))}
        onChange={(value) => update({ level: value })}
      />
      <nav className="level-path" aria-label={tr(messages.drillPath)} data-testid={`${testId}-path`}>
        <ol>
          {path.map((step, index) => (
            <li key={step.level ?? 'all'}>
              {index === path.length - 1 ? (
                <span aria-current="location">{stepLabel(step)}</span>
              ) : (
                <button type="button" className="button button-quiet" onClick={() => update(backTo(index))}>
                  {stepLabel(step)}
                </button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {below ? (
        <span className="level-hint" id={`${testId}-hint`}>
          {tr(messages.chooseLevel, { level, below })}
        </span>
      ) : null}
      <button
        type="button"
        className="button button-quiet"
        disabled={up === null}
        onClick={() => up && update(up)}
        data-testid={`${testId}-up`}
      >
        <span aria-hidden="true">{UP}</span>
        {tr(messages.upOneLevel)}
      </button>
    </div>
  );
}
