// The map's admin-1 boundaries: the build step's rules on small made-up shapes, the choice of countries the UI
// fetches, and the files `npm run build` shipped into dist/web (skipped before a build, unless CI is set).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { countryOf, groupByCountry, regionCount, regionProps, roundedBbox, simplifyCountry, type BoundaryIndex, type RegionProps, type RegionTopology } from '../../scripts/build-boundaries-lib.js';
import { countriesInView } from '../../web/src/boundaries.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shipped = join(root, 'dist', 'web', 'boundaries', 'admin1');

type Region = Feature<Polygon | MultiPolygon, RegionProps>;
const square = (code: string, x: number, y: number, size: number, steps = 1): Region => {
  // A square whose edges carry `steps` vertices each, so simplification has something to drop.
  const edge = (x0: number, y0: number, x1: number, y1: number) => Array.from({ length: steps }, (_, i) => [x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps]);
  const ring = [...edge(x, y, x + size, y), ...edge(x + size, y, x + size, y + size), ...edge(x + size, y + size, x, y + size), ...edge(x, y + size, x, y), [x, y]];
  return { type: 'Feature', properties: { code, name: code, type: 'Province' }, geometry: { type: 'Polygon', coordinates: [ring] } };
};

describe('admin-1 boundaries: build rules', () => {
  test('a region is named in English first, and keeps an ISO 3166-2 code', () => {
    assert.deepEqual(regionProps({ name: 'Lattakia', name_en: 'Latakia', iso_3166_2: 'SY-LA', type_en: 'Province', type: 'Muhafazat' }), { code: 'SY-LA', name: 'Latakia', type: 'Province' });
    assert.deepEqual(regionProps({ name: 'Ceuta', iso_3166_2: '-99', region_code: 'ES-CE' }), { code: 'ES-CE', name: 'Ceuta', type: null });
    assert.equal(regionProps({ iso_3166_2: 'SY-LA' }), null, 'no name, no region');
  });

  test('the country is an ISO alpha-2 code or nothing', () => {
    assert.equal(countryOf({ iso_a2: 'SY' }), 'SY');
    assert.equal(countryOf({ iso_a2: '-99', country_a2: 'XK' }), 'XK');
    assert.equal(countryOf({ iso_a2: '-1' }), null);
  });

  test('features are grouped by country; those without a country or a polygon are counted, not kept', () => {
    const a = square('AA-1', 0, 0, 1);
    const { byCountry, countryNames, skipped } = groupByCountry({
      type: 'FeatureCollection',
      features: [
        { ...a, properties: { iso_a2: 'AA', admin: 'Aland', name: 'One', iso_3166_2: 'AA-1' } },
        { ...a, properties: { iso_a2: '-1', name: 'Nowhere', iso_3166_2: 'ZZ-1' } },
        { type: 'Feature', properties: { iso_a2: 'AA', name: 'Point', iso_3166_2: 'AA-2' }, geometry: { type: 'Point', coordinates: [0, 0] } },
      ],
    });
    assert.deepEqual([...byCountry.keys()], ['AA']);
    assert.equal(byCountry.get('AA')![0]!.properties.name, 'One');
    assert.equal(countryNames.get('AA'), 'Aland');
    assert.equal(skipped, 2);
  });

  test('two neighbours keep one shared border after simplification, and specks are dropped', () => {
    // Two 1° squares with 200 vertices per edge, side by side, and an island of about 0.1 km².
    const island = square('AA-3', 5, 5, 0.003);
    const topo = simplifyCountry([square('AA-1', 0, 0, 1, 200), square('AA-2', 1, 0, 1, 200), island]);
    assert.equal(regionCount(topo), 2, 'the island is gone');
    const regions = feature(topo, topo.objects.admin1).features.filter((f) => f.geometry !== null);
    const vertices = regions.reduce((n, f) => n + JSON.stringify(f.geometry).split('],[').length, 0);
    assert.ok(vertices < 40, `straight edges lose their inner vertices (${vertices} left)`);
    // The border between the two is one arc used by both: the mesh of interior borders is a single line at x = 1.
    const inner = mesh(topo, topo.objects.admin1, (a, b) => a !== b);
    const xs = inner.coordinates.flat().map(([x]) => x!);
    assert.ok(xs.length >= 2 && xs.every((x) => Math.abs(x - 1) < 1e-3), `shared border at x = 1: ${JSON.stringify(inner.coordinates)}`);
    // Rounded outwards to 0.01°: the box holds both squares and is at most one step wider (the quantization grid).
    const [w, s, e, n] = roundedBbox(topo.bbox!);
    assert.deepEqual([w, s], [0, 0]);
    assert.ok(e >= 2 && e <= 2.01 && n >= 1 && n <= 1.01, JSON.stringify([w, s, e, n]));
  });
});

describe('admin-1 boundaries: which countries the map fetches', () => {
  const index: BoundaryIndex = {
    source: 'test',
    licence: 'test',
    minAreaKm2: 1,
    countries: [
      { code: 'SY', name: 'Syria', bbox: [35.72, 32.31, 42.38, 37.33], regions: 15, file: 'SY.json', bytes: 9000 },
      { code: 'LB', name: 'Lebanon', bbox: [35.1, 33.05, 36.63, 34.7], regions: 8, file: 'LB.json', bytes: 4000 },
      { code: 'TR', name: 'Turkey', bbox: [25.66, 35.81, 44.82, 42.11], regions: 81, file: 'TR.json', bytes: 50000 },
    ],
  };
  const latakia = { lat: 35.53, lng: 35.79, country: 'SY' };
  test('a point counts for its own country, only while it is in view', () => {
    assert.deepEqual(countriesInView([latakia], null, index), ['SY']);
    assert.deepEqual(countriesInView([latakia], { south: 30, west: 30, north: 40, east: 40 }, index), ['SY']);
    assert.deepEqual(countriesInView([latakia], { south: 40, west: 30, north: 45, east: 40 }, index), []);
  });
  test('a point without a known country counts for every country whose box holds it', () => {
    assert.deepEqual(countriesInView([{ lat: 36.2, lng: 36.16, country: null }], null, index), ['SY', 'TR']);
    assert.deepEqual(countriesInView([{ lat: 36.2, lng: 36.16, country: 'XX' }], null, index), ['SY', 'TR']);
    assert.deepEqual(countriesInView([{ lat: 0, lng: 0, country: null }], null, index), []);
  });
});

const built = existsSync(join(shipped, 'index.json'));
if (!built && process.env.CI) throw new Error(`${shipped}/index.json is missing: npm run build must ship the boundaries`);

describe('admin-1 boundaries: the files shipped in dist/web', { skip: built ? false : 'dist/web has no boundaries (npm run build)' }, () => {
  test("Syria's 14 governorates are there, Latakia by its English name, and every file the index names exists", () => {
    const idx = JSON.parse(readFileSync(join(shipped, 'index.json'), 'utf8')) as BoundaryIndex;
    const sy = idx.countries.find((c) => c.code === 'SY');
    assert.ok(sy, 'Syria is in the index');
    const topo = JSON.parse(readFileSync(join(shipped, sy.file), 'utf8')) as RegionTopology;
    const regions = feature(topo, topo.objects.admin1).features.map((f) => f.properties);
    const governorates = regions.filter((r) => /^SY-[A-Z]{2}$/.test(r.code));
    assert.equal(governorates.length, 14, JSON.stringify(regions));
    assert.deepEqual(regions.find((r) => r.code === 'SY-LA'), { code: 'SY-LA', name: 'Latakia', type: 'Province' });
    for (const c of idx.countries) assert.ok(existsSync(join(shipped, c.file)), `${c.file} is shipped`);
    assert.ok(idx.countries.length > 200, `most countries (${idx.countries.length})`);
  });

  test('the whole set stays small enough to ship, and carries its attribution', () => {
    const bytes = readdirSync(shipped).reduce((n, f) => n + statSync(join(shipped, f)).size, 0);
    assert.ok(bytes < 10e6, `${(bytes / 1e6).toFixed(1)} MB`);
    assert.match(readFileSync(join(shipped, 'NOTICE.txt'), 'utf8'), /Made with Natural Earth/);
  });
});
