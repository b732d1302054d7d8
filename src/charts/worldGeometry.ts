import { geoEqualEarth, geoPath } from 'd3-geo';
import type { GeoPath, GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

/** One country outline from Natural Earth (1:110m), keyed by its ISO 3166-1 alpha-2 code. */
export interface CountryFeature {
  code: string;
  /** Natural Earth's short English name, for debugging only: labels come from the caller's `countryName`. */
  name: string;
  feature: Feature<Geometry>;
}

/** The world split into countries the data can name, and areas it cannot (drawn, but never coloured). */
export interface WorldFeatures {
  countries: readonly CountryFeature[];
  /** Areas without an ISO code in world-atlas (Northern Cyprus, Somaliland): drawn so the map has no holes. */
  unassigned: readonly Feature<Geometry>[];
}

/** A projection fitted to a frame, and the path generator that draws with it. */
export interface WorldFrame {
  width: number;
  height: number;
  projection: GeoProjection;
  path: GeoPath;
}

/** A country ready to draw: an SVG path in the frame's coordinates and the point a keyboard tooltip anchors to. */
export interface CountryShape {
  code: string;
  d: string;
  centroid: readonly [number, number];
}

const ANTARCTICA = '010';
/** Kosovo has no ISO code; XK is the user-assigned code the EU, the IMF and CLDR (hence Intl.DisplayNames) use. */
const CODES_BY_NAME: Readonly<Record<string, string>> = { Kosovo: 'XK' };

let world: WorldFeatures | undefined;

/** Countries of world-atlas `countries-110m` keyed by alpha-2, without Antarctica. Converted once, on first call. */
export function getWorldFeatures(): WorldFeatures {
  world ??= convert();
  return world;
}

function convert(): WorldFeatures {
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string } | null>;
  const countries: CountryFeature[] = [];
  const unassigned: Feature<Geometry>[] = [];
  for (const item of collection.features) {
    const id = item.id === undefined ? undefined : String(item.id);
    // Antarctica takes a fifth of the map's height and no marketplace reports on it.
    if (id === ANTARCTICA) continue;
    const name = item.properties?.name ?? '';
    const code = (id === undefined ? undefined : numericToAlpha2(id)) ?? CODES_BY_NAME[name];
    if (code) countries.push({ code, name, feature: item });
    else unassigned.push(item);
  }
  return { countries, unassigned };
}

function allFeatures(): FeatureCollection<Geometry> {
  const { countries, unassigned } = getWorldFeatures();
  return { type: 'FeatureCollection', features: [...countries.map((country) => country.feature), ...unassigned] };
}

/**
 * An Equal Earth projection (equal-area, so a big country does not look bigger than its data) fitted to the frame.
 * Without a height, the frame is as tall as the map needs at that width, so there is no empty band above or below.
 */
export function worldFrame(width: number, height?: number): WorldFrame {
  const projection = geoEqualEarth();
  const outline = allFeatures();
  if (height === undefined) projection.fitWidth(width, outline);
  else projection.fitSize([width, height], outline);
  // One decimal is a tenth of a viewBox unit: invisible, and it halves the size of the path strings.
  const path = geoPath(projection).digits(1);
  const frameHeight = height ?? Math.ceil(path.bounds(outline)[1][1]);
  return { width, height: frameHeight, projection, path };
}

interface WorldShapes {
  width: number;
  height: number;
  countries: readonly CountryShape[];
  unassigned: readonly string[];
}

const shapesByWidth = new Map<number, WorldShapes>();

/** Path strings for every country at a given frame width, computed once per width: they never depend on the data. */
export function worldShapes(width: number): WorldShapes {
  let shapes = shapesByWidth.get(width);
  if (!shapes) {
    const frame = worldFrame(width);
    const { countries, unassigned } = getWorldFeatures();
    shapes = {
      width: frame.width,
      height: frame.height,
      countries: countries.map(({ code, feature: outline }) => ({
        code,
        d: frame.path(outline) ?? '',
        centroid: finitePoint(frame.path.centroid(outline)),
      })),
      unassigned: unassigned.map((outline) => frame.path(outline) ?? ''),
    };
    shapesByWidth.set(width, shapes);
  }
  return shapes;
}

function finitePoint([x, y]: [number, number]): readonly [number, number] {
  return [Number.isFinite(x) ? x : 0, Number.isFinite(y) ? y : 0];
}
