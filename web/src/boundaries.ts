// Admin-1 boundaries (governorates, provinces, states) for the map: one TopoJSON file per country, built by
// scripts/build-boundaries.ts into /boundaries/admin1/, fetched from marsad's own origin only for the countries that
// have incidents in view, and cached for the page's life.
import { feature } from 'topojson-client';
import type { BoundaryIndex, CountryEntry, RegionProps, RegionTopology } from '../../scripts/build-boundaries-lib.js';

export type { BoundaryIndex, RegionProps };
export type Regions = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, RegionProps>;

const BASE = '/boundaries/admin1/';

export interface LatLng {
  lat: number;
  lng: number;
  /** ISO 3166-1 alpha-2 of the place, when the gazetteer knew it. */
  country: string | null;
}

/** [south, west, north, east], as Leaflet's bounds give them; null means the whole world. */
export type View = { south: number; west: number; north: number; east: number } | null;

const inBbox = (p: LatLng, [w, s, e, n]: CountryEntry['bbox']) => p.lat >= s && p.lat <= n && p.lng >= w && p.lng <= e;
const inView = (p: LatLng, v: View) => v === null || (p.lat >= v.south && p.lat <= v.north && p.lng >= v.west && p.lng <= v.east);

/**
 * The countries whose regions the view needs: each point in view counts for its own country when the index has it;
 * a point without a known country counts for every country whose box holds it (boxes overlap; a few small files
 * more are cheaper than a missing boundary).
 */
export function countriesInView(points: readonly LatLng[], view: View, index: BoundaryIndex): string[] {
  const known = new Map(index.countries.map((c) => [c.code, c]));
  const out = new Set<string>();
  for (const p of points) {
    if (!inView(p, view)) continue;
    if (p.country && known.has(p.country)) out.add(p.country);
    else for (const c of index.countries) if (inBbox(p, c.bbox)) out.add(c.code);
  }
  return [...out].sort();
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin' });
  // The UI server answers unknown paths with index.html: a wrong type means the file is not there.
  if (!res.ok || !/json/.test(res.headers.get('content-type') ?? '')) throw new Error(`${path}: not found (HTTP ${res.status}); was the UI built with npm run build?`);
  return (await res.json()) as T;
}

let index: Promise<BoundaryIndex> | null = null;
const regions = new Map<string, Promise<Regions>>();

export const loadIndex = () => (index ??= getJson<BoundaryIndex>(`${BASE}index.json`));

/** One country's regions as GeoJSON, fetched once. */
export function loadRegions(entry: CountryEntry): Promise<Regions> {
  let p = regions.get(entry.code);
  if (!p) {
    p = getJson<RegionTopology>(BASE + entry.file).then((topo) => feature(topo, topo.objects.admin1) as Regions);
    regions.set(entry.code, p);
  }
  return p;
}
