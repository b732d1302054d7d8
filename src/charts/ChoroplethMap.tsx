import { useId, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { mapColorScale } from './colorScales';
import type { MapColorScale } from './colorScales';
import { worldShapes } from './worldGeometry';
import type { CountryShape } from './worldGeometry';
import './ChoroplethMap.css';
import { useT } from '../i18n';
import { messages } from './messages';

/** One country's value; null means "no data", drawn like a country missing from `data`. */
export interface ChoroplethDatum {
  /** ISO 3166-1 alpha-2, e.g. 'RU'. */
  code: string;
  value: number | null;
}

export interface ChoroplethMapProps {
  data: readonly ChoroplethDatum[];
  /** 'sequential' for magnitudes and shares (0 → max); 'diverging' for growth rates, centred on 0, symmetric extent. */
  scale: 'sequential' | 'diverging';
  /** Used in the tooltip, the legend ticks and the accessible labels. */
  formatValue: (value: number) => string;
  /** Legend title, e.g. "Avg. monthly visitors". */
  valueLabel: string;
  /** 'RU' → 'Russia'. */
  countryName: (code: string) => string;
  /** Alpha-2 codes drawn with a highlighted outline. */
  selected?: readonly string[];
  /** Click, Enter or Space on a country with data; `additive` when Shift, Ctrl or Cmd is held. */
  onSelect?: (code: string, additive: boolean) => void;
  ariaLabel: string;
  /** Upper bound on the map's height in CSS pixels; the width follows the container. */
  height?: number;
}

/** The internal drawing width; the SVG scales to its container, so this only sets the precision of the paths. */
const FRAME_WIDTH = 960;

interface Active {
  code: string;
  /** Tooltip anchor as a percentage of the map box, so it needs no layout to be placed. */
  x: number;
  y: number;
  via: 'pointer' | 'focus';
}

/**
 * A world map with each country filled by its value, a legend, a tooltip and keyboard selection. A pure function of
 * its props apart from what is under the pointer or the focus. Countries too small for the 1:110m outlines (Singapore,
 * Malta, Bahrain…) cannot be drawn, so they are listed under the legend rather than silently dropped.
 */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const { data, scale, formatValue, valueLabel, countryName, selected = [], onSelect, ariaLabel, height = 360 } = props;
  const tr = useT();
  const NO_DATA = tr(messages.noData);
  const hatchId = `choropleth-no-data-${useId().replace(/[^\w-]/g, '')}`;
  const frameRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Active | null>(null);

  const world = worldShapes(FRAME_WIDTH);
  const values = new Map<string, number>();
  for (const datum of data) {
    if (datum.value !== null && Number.isFinite(datum.value)) values.set(datum.code.toUpperCase(), datum.value);
  }
  const colors = mapColorScale(scale, values.values());
  const selectedCodes = new Set(selected.map((code) => code.toUpperCase()));
  const shapeByCode = new Map(world.countries.map((shape) => [shape.code, shape]));
  // Countries with data go last: they paint over their neighbours' strokes and are tabbed through by name.
  const withData = world.countries.filter((shape) => values.has(shape.code));
  withData.sort((a, b) => countryName(a.code).localeCompare(countryName(b.code)));
  const withoutData = world.countries.filter((shape) => !values.has(shape.code));
  const undrawn = [...values.keys()].filter((code) => !shapeByCode.has(code)).sort();

  const describe = (code: string) => {
    const value = values.get(code);
    return `${countryName(code)}: ${value === undefined ? NO_DATA : formatValue(value)}`;
  };
  const atCentroid = (shape: CountryShape) => ({
    x: (shape.centroid[0] / world.width) * 100,
    y: (shape.centroid[1] / world.height) * 100,
  });
  const pointerMoved = (shape: CountryShape, event: MouseEvent) => {
    const box = frameRef.current?.getBoundingClientRect();
    // Without layout (tests, or a hidden panel) the box is empty; the centroid is the best anchor left.
    const at =
      box && box.width > 0 && box.height > 0
        ? { x: ((event.clientX - box.left) / box.width) * 100, y: ((event.clientY - box.top) / box.height) * 100 }
        : atCentroid(shape);
    setActive({ code: shape.code, ...at, via: 'pointer' });
  };
  const leave = (via: Active['via']) => setActive((current) => (current?.via === via ? null : current));

  const renderCountry = (shape: CountryShape) => {
    const value = values.get(shape.code);
    const interactive = value !== undefined && onSelect !== undefined;
    const activate = (additive: boolean) => onSelect?.(shape.code, additive);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault(); // Space would otherwise scroll the page
      activate(event.shiftKey || event.metaKey || event.ctrlKey);
    };
    return (
      <path
        key={shape.code}
        d={shape.d}
        data-code={shape.code}
        className={`choropleth-country${value === undefined ? ' is-empty' : ''}${interactive ? ' is-interactive' : ''}`}
        fill={value === undefined ? `url(#${hatchId})` : colors.color(value)}
        tabIndex={interactive ? 0 : undefined}
        role={interactive ? 'button' : value === undefined ? undefined : 'img'}
        aria-label={value === undefined ? undefined : describe(shape.code)}
        aria-pressed={interactive ? selectedCodes.has(shape.code) : undefined}
        // A hundred "No data" countries would bury the ones that matter for a screen-reader user.
        aria-hidden={value === undefined ? true : undefined}
        onMouseEnter={(event) => pointerMoved(shape, event)}
        onMouseMove={(event) => pointerMoved(shape, event)}
        onMouseLeave={() => leave('pointer')}
        onFocus={() => setActive({ code: shape.code, ...atCentroid(shape), via: 'focus' })}
        onBlur={() => leave('focus')}
        onClick={interactive ? (event) => activate(event.shiftKey || event.metaKey || event.ctrlKey) : undefined}
        onKeyDown={interactive ? onKeyDown : undefined}
      >
        <title>{describe(shape.code)}</title>
      </path>
    );
  };

  const activeShape = active ? shapeByCode.get(active.code) : undefined;
  const outlines = [...selectedCodes].flatMap((code) => shapeByCode.get(code) ?? []);
  return (
    <div className="choropleth" role="figure" aria-label={ariaLabel} data-testid="choropleth-map">
      <div className="choropleth-frame" ref={frameRef} style={{ maxWidth: `${Math.round((height * world.width) / world.height)}px` }}>
        <svg className="choropleth-svg" viewBox={`0 0 ${world.width} ${world.height}`} preserveAspectRatio="xMidYMid meet">
          <defs>
            <NoDataPattern id={hatchId} />
          </defs>
          <g className="choropleth-countries">
            {world.unassigned.map((d, index) => (
              <path key={`unassigned-${index}`} d={d} className="choropleth-country is-empty" fill={`url(#${hatchId})`} aria-hidden="true" />
            ))}
            {withoutData.map(renderCountry)}
            {withData.map(renderCountry)}
          </g>
          {/* Outlines are drawn again on top: a stroke inside the country group is half hidden by its neighbours. */}
          {outlines.map((shape) => (
            <path key={`selected-${shape.code}`} d={shape.d} className="choropleth-ring choropleth-ring-selected" aria-hidden="true" />
          ))}
          {activeShape && active ? (
            <path d={activeShape.d} className={`choropleth-ring choropleth-ring-${active.via}`} aria-hidden="true" />
          ) : null}
        </svg>
        {active ? (
          <div
            className={`tooltip choropleth-tooltip${active.x > 65 ? ' is-left' : ''}${active.y > 70 ? ' is-above' : ''}`}
            style={{ left: `${active.x}%`, top: `${active.y}%` }}
            aria-hidden="true"
          >
            <p className="tooltip-title">{countryName(active.code)}</p>
            <p className="tooltip-value">{values.has(active.code) ? formatValue(values.get(active.code) ?? 0) : NO_DATA}</p>
          </div>
        ) : null}
      </div>
      <MapLegend colors={colors} formatValue={formatValue} valueLabel={valueLabel} hatchId={hatchId} />
      {undrawn.length > 0 ? (
        <p className="choropleth-note">
          {tr(messages.tooSmall, { countries: undrawn.map((code) => `${countryName(code)} ${formatValue(values.get(code) ?? 0)}`).join(', ') })}
        </p>
      ) : null}
    </div>
  );
}

/** Hatching rather than a flat grey, so "no data" cannot be mistaken for the pale middle of the diverging scale. */
function NoDataPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect className="choropleth-no-data-bg" width="6" height="6" />
      <line className="choropleth-no-data-line" x1="0" y1="0" x2="0" y2="6" />
    </pattern>
  );
}

interface MapLegendProps {
  colors: MapColorScale;
  formatValue: (value: number) => string;
  valueLabel: string;
  hatchId: string;
}

function MapLegend({ colors, formatValue, valueLabel, hatchId }: MapLegendProps) {
  const tr = useT();
  const low = colors.domain[0] ?? 0;
  const high = colors.domain[colors.domain.length - 1] ?? 1;
  const last = colors.ticks.length - 1;
  return (
    <div className="choropleth-legend">
      <div className="choropleth-scale">
        <p className="choropleth-legend-title">{valueLabel}</p>
        {colors.hasData ? (
          <>
            <div
              className="choropleth-ramp"
              style={{ backgroundImage: `linear-gradient(to right, ${colors.stops(11).join(', ')})` }}
              aria-hidden="true"
            />
            <div className="choropleth-ticks">
              {colors.ticks.map((tick, index) => (
                <span
                  key={tick}
                  className={`choropleth-tick${index === 0 ? ' is-first' : index === last ? ' is-last' : ''}`}
                  style={{ left: `${((tick - low) / (high - low)) * 100}%` }}
                >
                  {formatValue(tick)}
                </span>
              ))}
            </div>
          </>
        ) : null}
      </div>
      <span className="choropleth-no-data-key">
        <svg width="14" height="14" aria-hidden="true">
          <rect width="14" height="14" fill={`url(#${hatchId})`} />
        </svg>
        {tr(messages.noData)}
      </span>
    </div>
  );
}
