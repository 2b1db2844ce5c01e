// Pure helpers for building the gazetteer index from GeoNames rows, admin tables, countries and the supplement.
import { type EntryFields, isAdminUnit } from './format.js';
import { isIndexableScript, placeKey, stripGenericSuffix } from './normalize.js';

/**
 * Countries whose GeoNames admin2 is ACLED's admin1 (PS: governorates, GeoNames admin1 is only
 * "Gaza Strip"/"West Bank"). Their admin2 code is promoted to admin1 as "GZ.11184609".
 */
export const PROMOTE_ADMIN2 = new Set(['PS']);

/**
 * Countries whose romanised names split syllables freely ("Yar Maung" / "Yarmaung"): their
 * multi-word names are also indexed with the spaces removed (the recognizer tries that key too).
 */
export const SPACELESS_COUNTRIES = new Set(['MM', 'TH', 'LA', 'KH']);

/** A GeoNames cities500 row, reduced to what the index needs. */
export interface RawPlace {
  id: number;
  name: string;
  names: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  admin1Code: string;
  admin2Code: string;
  population: number;
}

/** Parses one tab-separated cities500 line (19 columns); null for malformed lines. */
export function parseCitiesLine(line: string): RawPlace | null {
  const f = line.split('\t');
  if (f.length < 15) return null;
  const country = f[8] ?? '';
  let admin1Code = f[10] ?? '';
  let admin2Code = f[11] ?? '';
  if (PROMOTE_ADMIN2.has(country) && admin2Code) [admin1Code, admin2Code] = [`${admin1Code}.${admin2Code}`, ''];
  const name = f[1] ?? '';
  return {
    id: Number(f[0]),
    name,
    names: [name, f[2] ?? '', ...(f[3] ? f[3].split(',') : [])],
    lat: Number(f[4]),
    lon: Number(f[5]),
    featureCode: f[7] ?? '',
    country,
    admin1Code,
    admin2Code,
    population: Number(f[14]) || 0,
  };
}

/**
 * Keeps Latin/Arabic spellings, drops codes ("LTK", "SY-02") and exact duplicates; the first stays first.
 * Airport and postal codes ride along in GeoNames' alternate names and would collide with words.
 */
export function indexableNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const n = raw.trim();
    if (n.length < 2 || /\d/.test(n)) continue;
    if (/^[A-Z]{2,4}$/.test(n)) continue;
    if (!isIndexableScript(n)) continue;
    // GeoNames' machine romanisations of CJK names are all lower-case ("jia sha"); real Latin names are not.
    if (/[a-z]/.test(n) && !/\p{Lu}/u.test(n)) continue;
    const k = n.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** Admin code key, "SY.02" or "SY.02.169303". */
export const adminKey = (country: string, a1: string, a2 = ''): string => (a2 ? `${country}.${a1}.${a2}` : `${country}.${a1}`);

/** Population-weighted centroid; each place weighs at least 1 so unpopulated units still get one. */
export function weightedCentroid(places: readonly { lat: number; lon: number; population: number }[]): { lat: number; lon: number } | null {
  let w = 0;
  let lat = 0;
  let lon = 0;
  for (const p of places) {
    const pw = Math.max(1, p.population);
    w += pw;
    lat += p.lat * pw;
    lon += p.lon * pw;
  }
  return w > 0 ? { lat: lat / w, lon: lon / w } : null;
}

/** The capital of a unit: its PPLA (admin1) / PPLA2 (admin2), else its most populous seat. */
export function pickCapital(places: readonly RawPlace[], level: 1 | 2): RawPlace | null {
  const wanted = level === 1 ? ['PPLA', 'PPLC'] : ['PPLA2'];
  let best: RawPlace | null = null;
  for (const p of places) {
    if (!wanted.includes(p.featureCode)) continue;
    if (!best || p.population > best.population) best = p;
  }
  return best;
}

export interface AdminUnitInput {
  code: string;
  /** GeoNames' name, e.g. "Kirovohrad Oblast". */
  rawName: string;
  /** A reviewed display name that replaces GeoNames' ("North Darfur" for "Northern Darfur"). */
  preferredName?: string | undefined;
  level: 1 | 2;
  places: RawPlace[];
  aliases: string[];
}

/**
 * An admin unit becomes an entry of its own, located at its capital or the weighted centroid of
 * its places. When the capital bears the unit's name (Latakia, Idlib) its spellings are borrowed:
 * GeoNames lists them on the city only.
 */
export function adminUnitEntry(u: AdminUnitInput): EntryFields | null {
  const [country = '', ...rest] = u.code.split('.');
  const admin1Code = u.level === 1 ? rest.join('.') : rest.slice(0, -1).join('.');
  const admin2Code = u.level === 2 ? (rest[rest.length - 1] ?? '') : '';
  const display = u.preferredName ?? stripGenericSuffix(u.rawName);
  const capital = pickCapital(u.places, u.level);
  const where = capital ?? weightedCentroid(u.places);
  if (!where) return null;
  const unitKey = placeKey(display);
  const borrowed = capital && indexableNames(capital.names).some((n) => placeKey(n) === unitKey) ? capital.names : [];
  return {
    geonameId: null,
    name: display,
    featureCode: u.level === 1 ? 'ADM1' : 'ADM2',
    country,
    admin1Code,
    admin2Code,
    lat: where.lat,
    lon: where.lon,
    population: u.places.reduce((s, p) => s + p.population, 0),
    supplement: false,
    approx: !capital,
    names: indexableNames([display, stripGenericSuffix(u.rawName), u.rawName, ...u.aliases, ...borrowed]),
  };
}

/** A parsed countries.tsv row. */
export interface CountryRow {
  iso2: string;
  name: string;
  variants: string[];
  demonyms: string[];
}

export function parseCountries(text: string): CountryRow[] {
  const rows: CountryRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [iso2 = '', name = '', variants = '', demonyms = ''] = line.split('\t');
    rows.push({ iso2, name, variants: splitList(variants), demonyms: splitList(demonyms) });
  }
  return rows;
}

const splitList = (s: string): string[] => s.split('|').map((x) => x.trim()).filter(Boolean);

/** Parses a TSV with a commented preamble and a header line into records keyed by the header. */
export function parseTsvRecords(text: string): Record<string, string>[] {
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((l) => {
    const f = l.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (f[i] ?? '').trim()]));
  });
}

/** A supplement.tsv record → entry; throws on a malformed row so a bad edit fails the build. */
export function supplementEntry(r: Record<string, string>): EntryFields {
  const lat = Number(r.lat);
  const lon = Number(r.lon);
  if (!r.name || !r.country || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new Error(`supplement row ${r.key ?? '?'}: name, country, lat and lon are required`);
  }
  const country = r.country;
  let admin1Code = r.admin1 ?? '';
  let admin2Code = r.admin2 ?? '';
  if (PROMOTE_ADMIN2.has(country) && admin2Code) [admin1Code, admin2Code] = [`${admin1Code}.${admin2Code}`, ''];
  return {
    geonameId: null,
    name: r.name,
    featureCode: r.featureCode || 'PPL',
    country,
    admin1Code,
    admin2Code,
    lat,
    lon,
    population: Number(r.population) || 0,
    supplement: true,
    approx: r.approx === 'yes',
    names: indexableNames([r.name, ...splitList(r.aliases ?? '')]),
  };
}

/** Groups entry indexes by lookup key; returns parallel sorted arrays (the keys and their postings). */
export function buildKeyIndex(entries: readonly EntryFields[]): { keys: string[]; postings: string[] } {
  const map = new Map<string, number[]>();
  const add = (k: string, i: number, seen: Set<string>): void => {
    if (!k || seen.has(k)) return;
    seen.add(k);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(i);
  };
  entries.forEach((e, i) => {
    const seen = new Set<string>();
    const joined = SPACELESS_COUNTRIES.has(e.country);
    for (const n of e.names) {
      const k = placeKey(n);
      add(k, i, seen);
      // "Yar Maung" is also written "Yarmaung": index the syllables run together too.
      if (joined && k.includes(' ')) add(k.replace(/ /g, ''), i, seen);
    }
  });
  const keys = [...map.keys()].sort(compareKeys);
  return { keys, postings: keys.map((k) => map.get(k)!.join(',')) };
}

/** Code-unit order, the same order the loader's binary search assumes. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export { isAdminUnit };
